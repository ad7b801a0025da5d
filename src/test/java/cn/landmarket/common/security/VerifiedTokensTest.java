package cn.landmarket.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.PrivateKey;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Tokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.util.KeyUtils;

/** The verified-token cache against the real library and the test keys, with the cache's clock in the test's hand. */
class VerifiedTokensTest {

    private static final int SKEW = 30;

    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(Instant.now().getEpochSecond());
    private JWTAuthContextInfo context;
    private DefaultJWTParser library;
    private PrivateKey signingKey;

    @BeforeEach
    void keys() throws Exception {
        context = new JWTAuthContextInfo(KeyUtils.readPublicKey("test-keys/publicKey.pem"), Tokens.ISSUER);
        context.setClockSkew(SKEW);
        signingKey = KeyUtils.readPrivateKey("test-keys/privateKey.pem");
        library = new DefaultJWTParser(context) {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                checks.incrementAndGet();
                return super.parse(token);
            }
        };
    }

    private VerifiedTokens cache(int max, long keepSeconds) {
        return new VerifiedTokens(library, context, max, keepSeconds, now::get);
    }

    private String token(String org, Instant expires) {
        return Tokens.claims("enterprise", org).expiresAt(expires).sign(signingKey);
    }

    /**
     * The token with one character of its signature changed, well inside it: the last character also
     * carries padding bits that a lenient decoder ignores.
     */
    static String alterSignature(String token) {
        int at = token.length() - 20;
        char c = token.charAt(at);
        return token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }

    @Test
    void theSameTokenHasItsSignatureCheckedOnce() throws Exception {
        VerifiedTokens tokens = cache(100, 300);
        String token = token("91110000MA0000001X", Instant.now().plusSeconds(3600));

        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(token);

        assertEquals(1, checks.get());
        assertSame(first, second);
        assertEquals("91110000MA0000001X", second.<String>getClaim("org"));
    }

    @Test
    void aTokenWithItsSignatureAlteredIsRefusedAfterTheGenuineOneWasKept() throws Exception {
        VerifiedTokens tokens = cache(100, 300);
        String token = token("91110000MA0000001X", Instant.now().plusSeconds(3600));
        tokens.parse(token);

        String altered = alterSignature(token);

        assertThrows(ParseException.class, () -> tokens.parse(altered));
        assertThrows(ParseException.class, () -> tokens.parse(altered));
        assertEquals(3, checks.get(), "the altered text is checked every time, never kept");
    }

    @Test
    void aTokenWithOtherClaimsUnderTheSameSignatureIsRefused() throws Exception {
        VerifiedTokens tokens = cache(100, 300);
        String token = token("91110000MA0000001X", Instant.now().plusSeconds(3600));
        tokens.parse(token);
        String[] parts = token.split("\\.");
        String otherClaims = token("91110000MA0000002X", Instant.now().plusSeconds(3600)).split("\\.")[1];

        assertThrows(ParseException.class, () -> tokens.parse(parts[0] + "." + otherClaims + "." + parts[2]));
    }

    @Test
    void aKeptTokenIsCheckedAgainOnceItsExpiryAndTheSkewHavePassed() throws Exception {
        VerifiedTokens tokens = cache(100, 3600);
        Instant expires = Instant.now().plusSeconds(120);
        String token = token("91110000MA0000001X", expires);
        tokens.parse(token);

        now.set(expires.getEpochSecond() + SKEW - 1);
        tokens.parse(token);
        assertEquals(1, checks.get(), "still within expiry plus skew");

        now.set(expires.getEpochSecond() + SKEW);
        tokens.parse(token);
        assertEquals(2, checks.get(), "past its expiry the library decides again");
    }

    @Test
    void aKeptTokenIsCheckedAgainAfterTheKeepingTime() throws Exception {
        VerifiedTokens tokens = cache(100, 300);
        String token = token("91110000MA0000001X", Instant.now().plusSeconds(3600));
        tokens.parse(token);

        now.addAndGet(300);
        tokens.parse(token);
        assertEquals(1, checks.get());

        now.addAndGet(1);
        tokens.parse(token);
        assertEquals(2, checks.get());
        tokens.parse(token);
        assertEquals(2, checks.get(), "kept again from the second check on");
    }

    @Test
    void aTokenLivingLongerThanTheConfiguredTimeToLiveIsRefusedEveryTime() {
        context.setMaxTimeToLiveSecs(60L);
        VerifiedTokens tokens = cache(100, 3600);
        String token = token("91110000MA0000001X", Instant.now().plusSeconds(3600));

        assertThrows(ParseException.class, () -> tokens.parse(token));
        assertThrows(ParseException.class, () -> tokens.parse(token));
        assertEquals(2, checks.get(), "refused by the library, never kept");
    }

    @Test
    void anExpiredTokenIsRefusedEveryTime() {
        VerifiedTokens tokens = cache(100, 300);
        String token = token("91110000MA0000001X", Instant.now().minusSeconds(SKEW + 60));

        assertThrows(ParseException.class, () -> tokens.parse(token));
        assertThrows(ParseException.class, () -> tokens.parse(token));
        assertEquals(2, checks.get());
    }

    @Test
    void keepingTurnedOffChecksEveryToken() throws Exception {
        VerifiedTokens tokens = cache(100, 0);
        String token = token("91110000MA0000001X", Instant.now().plusSeconds(3600));

        tokens.parse(token);
        tokens.parse(token);

        assertEquals(2, checks.get());
    }

    @Test
    void negativeSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> cache(-1, 300));
        assertThrows(IllegalArgumentException.class, () -> cache(100, -1));
    }
}
