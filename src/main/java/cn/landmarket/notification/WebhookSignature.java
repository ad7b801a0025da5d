package cn.landmarket.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a webhook delivery: {@code sha256=} and the lower-case hex HMAC-SHA256, keyed with
 * the organisation's secret, of the timestamp (decimal seconds since the epoch), a full stop and the
 * body's bytes. Receivers recompute it, compare in constant time and refuse old timestamps.
 */
public final class WebhookSignature {

    private WebhookSignature() {
    }

    /** The value of the {@code X-Notification-Signature} header. */
    public static String sign(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** Whether {@code signature} is the signature of this timestamp and body under {@code secret}. */
    public static boolean verify(String secret, long timestamp, String body, String signature) {
        return signature != null && MessageDigest.isEqual(sign(secret, timestamp, body).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8));
    }
}
