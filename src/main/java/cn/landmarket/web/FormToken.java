package cn.landmarket.web;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cross-site request forgery protection for page forms (double submit): every form carries the
 * value of the reader's HttpOnly, SameSite=Strict {@value #COOKIE} cookie in its {@value #FIELD}
 * field, and a post is accepted only when the two match. Another site can make a browser post, but
 * can neither read nor set that cookie.
 */
public final class FormToken {

    public static final String COOKIE = "lm_csrf";
    public static final String FIELD = "csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private FormToken() {
    }

    public static String fresh() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token this class could have made (43 URL-safe base64 characters). */
    public static boolean wellFormed(String token) {
        return token != null && token.matches("[A-Za-z0-9_-]{43}");
    }

    /** True when the form's token is the cookie's, compared in constant time. */
    public static boolean matches(String cookie, String field) {
        if (!wellFormed(cookie) || !wellFormed(field)) {
            return false;
        }
        return MessageDigest.isEqual(cookie.getBytes(StandardCharsets.US_ASCII), field.getBytes(StandardCharsets.US_ASCII));
    }
}
