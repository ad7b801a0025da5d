package cn.landmarket.oversight;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a collusion signal names the value bidders share without showing it: a keyed token, the
 * first 128 bits of HMAC-SHA256 over the kind of value and the normalised value, in hex. Equal values
 * of one kind give equal tokens, so findings can be compared with each other; without the key a
 * token cannot be recomputed from a guessed value (phone numbers and addresses are few enough to
 * try them all against a plain hash).
 */
public final class SignalToken {

    /** Hex digits of a token. */
    public static final int LENGTH = 32;

    private SignalToken() {
    }

    /**
     * The token of a value.
     *
     * @param key the secret key, at least 32 bytes
     * @param kind what the value is (e.g. {@code PAYER_ACCOUNT}); the same value of another kind gives another token
     * @param value the normalised value
     */
    public static String of(byte[] key, String kind, String value) {
        if (key == null || key.length < 32) {
            throw new IllegalArgumentException("the signal token key must be at least 32 bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(kind.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            byte[] digest = mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, LENGTH);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
