package cn.landmarket.common.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.function.LongSupplier;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The parser the JWT mechanism checks every request's token with, checking each distinct token's
 * signature once. Checking an RS256 signature is the costliest part of authenticating a request (about
 * a quarter of the service's CPU under the bidding benchmark), and an enterprise's bidding client
 * sends the same token with every bid. A token that the library verified (signature, issuer,
 * audience, expiry) is kept by its exact text, and the same text is accepted again without its
 * signature checked until its expiry plus the configured clock skew, and never for longer than
 * {@code market.security.verified-tokens.seconds} after it was verified (so a key withdrawn from the
 * configuration stops being honoured within that time). Any other text, a single character changed
 * included, is verified in full; a token the library refuses is never kept. Every other rule the
 * library checks (issuer, audience, the longest lifetime {@code smallrye.jwt.time-to-live} allows)
 * reads only the token's own claims, so it holds for the kept text as long as it did once. Sign-out is a cookie
 * deleted in the browser and no token is revoked on the server, so keeping a verified token changes
 * no answer.
 *
 * <p>Expiry is read from the same clock the library checks it with (the system's), not the
 * application's, so that a token is never accepted from here that the library would refuse.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    private final JWTParser library;
    private final Cache<String, Kept> kept;
    private final long keepSeconds;
    private final int clockSkewSeconds;
    private final LongSupplier nowSeconds;

    /** A verified token and the epoch second up to which its text is accepted again without a check. */
    private record Kept(JsonWebToken token, long until) {
    }

    @Inject
    VerifiedTokens(DefaultJWTParser library, JWTAuthContextInfo context,
            @ConfigProperty(name = "market.security.verified-tokens.max", defaultValue = "4096") int max,
            @ConfigProperty(name = "market.security.verified-tokens.seconds", defaultValue = "300") long keepSeconds) {
        this(library, context, max, keepSeconds, () -> System.currentTimeMillis() / 1000);
    }

    VerifiedTokens(JWTParser library, JWTAuthContextInfo context, int max, long keepSeconds, LongSupplier nowSeconds) {
        if (max < 0 || keepSeconds < 0) {
            throw new IllegalArgumentException("market.security.verified-tokens.max and .seconds must not be negative");
        }
        this.library = library;
        this.kept = max == 0 || keepSeconds == 0 ? null : Caffeine.newBuilder().maximumSize(max).build();
        this.keepSeconds = keepSeconds;
        this.clockSkewSeconds = Math.max(0, context.getClockSkew());
        this.nowSeconds = nowSeconds;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (kept == null || token == null) {
            return library.parse(token);
        }
        long now = nowSeconds.getAsLong();
        Kept known = kept.getIfPresent(token);
        if (known != null) {
            if (now <= known.until()) {
                return known.token();
            }
            kept.invalidate(token);
        }
        JsonWebToken verified = library.parse(token);
        long until = keptUntil(verified, now);
        if (until >= now) {
            kept.put(token, new Kept(verified, until));
        }
        return verified;
    }

    /**
     * The last second at which the library would still accept the token, and no later than the keeping
     * time; before {@code now} when the token is not to be kept (it has no expiry).
     */
    private long keptUntil(JsonWebToken token, long now) {
        long expires = seconds(token, Claims.exp);
        if (expires <= 0) {
            return now - 1;
        }
        // One second short of the library's limit, so that the two clocks' rounding never lets a token
        // through here that the library would have refused.
        return Math.min(expires + clockSkewSeconds - 1, now + keepSeconds);
    }

    /** A time claim in epoch seconds; 0 when the token has none. */
    private static long seconds(JsonWebToken token, Claims claim) {
        return token.getClaim(claim.name()) instanceof Number n ? n.longValue() : 0;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return library.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return library.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return library.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return library.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return library.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return library.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return library.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return library.parseOnly(token);
    }
}
