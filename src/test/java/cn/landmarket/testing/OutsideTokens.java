package cn.landmarket.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;

/**
 * Tokens for a service started outside the test's Quarkus (a packaged jar in a benchmark or a
 * cluster test): RS256, signed with the test key by hand, as the identity provider would issue them.
 * Inside a {@code @QuarkusTest} use {@link Tokens}.
 */
public final class OutsideTokens {

    private OutsideTokens() {
    }

    /** A token valid for two hours for {@code subject} in the group {@code role} of organisation {@code org}. */
    public static String sign(String subject, String role, String org) {
        try {
            String pem = Files.readString(Path.of("src/test/resources/test-keys/privateKey.pem"))
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
            long now = Instant.now().getEpochSecond();
            String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}");
            String claims = b64(String.format(Locale.ROOT, "{\"iss\":\"%s\",\"aud\":\"%s\",\"upn\":\"%s\","
                    + "\"sub\":\"%s\",\"groups\":[\"%s\"],\"org\":\"%s\",\"iat\":%d,\"exp\":%d}", Tokens.ISSUER,
                    Tokens.AUDIENCE, subject, subject, role, org, now, now + 7200));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
