package cn.landmarket.bank;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bank feed's signature: header {@code X-Signature: sha256=<hex>}, the lowercase hex
 * HMAC-SHA256 of the exact body bytes under the shared secret. Compared in constant time.
 */
public final class NoticeSignature {

    /** The header that carries the signature. */
    public static final String HEADER = "X-Signature";

    private static final String SCHEME = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int HEX_LENGTH = 64;

    private final SecretKeySpec key;

    /**
     * Creates the check for one shared secret.
     *
     * @throws IllegalArgumentException when the secret is null or blank
     */
    public NoticeSignature(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("The bank HMAC secret must not be blank");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * Signs a body as the bank does.
     *
     * @return the header value, {@code sha256=} and 64 lowercase hex digits
     */
    public String sign(byte[] body) {
        return SCHEME + HexFormat.of().formatHex(mac(body));
    }

    /**
     * Tells whether a header value is the signature of the body: exactly {@code sha256=} and 64
     * lowercase hex digits, equal to the HMAC in constant time.
     *
     * @return false for a missing, malformed or wrong signature
     */
    public boolean verify(byte[] body, String header) {
        if (header == null || header.length() != SCHEME.length() + HEX_LENGTH || !header.startsWith(SCHEME)) {
            return false;
        }
        String hex = header.substring(SCHEME.length());
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return MessageDigest.isEqual(mac(body), HexFormat.of().parseHex(hex));
    }

    /**
     * The SHA-256 of a body, by which replays are recognised.
     *
     * @return 64 lowercase hex digits
     */
    public static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private byte[] mac(byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
