package cn.landmarket.web;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import cn.landmarket.common.config.MarketConfig;

/**
 * The browser's session: the same signed token the API accepts as a bearer token, kept in an
 * HttpOnly, SameSite=Strict cookie (Secure in production) that the token verifier reads
 * ({@code mp.jwt.token.cookie}). Scripts never see it; a page from another site never sends it.
 */
@ApplicationScoped
public class SessionCookie {

    /** Also configured as {@code mp.jwt.token.cookie}. */
    public static final String NAME = "lm_session";

    @Inject
    MarketConfig config;

    public NewCookie open(String token, Instant expires, Instant now) {
        long seconds = Math.max(0, Duration.between(now, expires).toSeconds());
        return cookie(token, (int) Math.min(seconds, Integer.MAX_VALUE));
    }

    public NewCookie close() {
        return cookie("", 0);
    }

    /** The form token's cookie ({@link FormToken}), for the browser session. */
    public NewCookie formToken(String token) {
        return new NewCookie.Builder(FormToken.COOKIE).value(token).path("/").httpOnly(true)
                .secure(config.web().secureCookies()).sameSite(NewCookie.SameSite.STRICT).build();
    }

    private NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(NAME).value(value).path("/").maxAge(maxAge).httpOnly(true).secure(config.web().secureCookies())
                .sameSite(NewCookie.SameSite.STRICT).build();
    }
}
