package cn.landmarket.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * The dev-only RSA key pair behind {@code POST /api/dev/tokens}: generated once into
 * {@code target/dev-keys}, never packaged, never used by the prod profile.
 */
final class DevKeys {

    private DevKeys() {
    }

    static synchronized Map<String, String> ensure() {
        Path dir = Path.of("target", "dev-keys").toAbsolutePath();
        Path privateKey = dir.resolve("privateKey.pem");
        Path publicKey = dir.resolve("publicKey.pem");
        try {
            if (!Files.exists(privateKey) || !Files.exists(publicKey)) {
                Files.createDirectories(dir);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the dev JWT keys to " + dir, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return Map.of(
                "mp.jwt.verify.publickey.location", publicKey.toString(),
                "smallrye.jwt.sign.key.location", privateKey.toString());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
