package cn.landmarket.audit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * C2SP signed notes with Ed25519 (https://c2sp.org/signed-note): signing with a named key,
 * verifier keys in the {@code name+hexid+base64} form, and verification of a note's signature line.
 */
public final class SignedNote {

    static final byte ED25519 = 0x01;
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

    private SignedNote() {
    }

    /** A named Ed25519 signing key. */
    public static final class Signer {
        private final String name;
        private final PrivateKey key;
        private final byte[] publicKey;

        private Signer(String name, PrivateKey key, byte[] publicKey) {
            checkName(name);
            this.name = name;
            this.key = key;
            this.publicKey = publicKey;
        }

        /** The key of a base64 PKCS#8 Ed25519 private key; the public key is derived from its seed. */
        public static Signer fromPkcs8(String name, String base64Pkcs8) {
            try {
                PrivateKey key = KeyFactory.getInstance("Ed25519")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64Pkcs8.strip())));
                byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
                KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
                generator.initialize(NamedParameterSpec.ED25519, new FixedRandom(seed));
                KeyPair pair = generator.generateKeyPair();
                return new Signer(name, key, rawPublicKey(pair.getPublic()));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalArgumentException("not a base64 PKCS#8 Ed25519 private key", e);
            }
        }

        public String name() {
            return name;
        }

        public byte[] publicKey() {
            return publicKey.clone();
        }

        /** The verifier key: {@code <name>+<hex key id>+<base64(0x01 ‖ public key)>}. */
        public String verifierKey() {
            byte[] typed = new byte[33];
            typed[0] = ED25519;
            System.arraycopy(publicKey, 0, typed, 1, 32);
            return name + "+" + HexFormat.of().formatHex(keyId(name, publicKey)) + "+"
                    + Base64.getEncoder().encodeToString(typed);
        }

        /** The signed note: the text, a blank line and one signature line. */
        public String sign(String text) {
            if (!text.endsWith("\n")) {
                throw new IllegalArgumentException("note text must end with a newline");
            }
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initSign(key);
                s.update(text.getBytes(StandardCharsets.UTF_8));
                byte[] sig = s.sign();
                byte[] blob = new byte[4 + sig.length];
                System.arraycopy(keyId(name, publicKey), 0, blob, 0, 4);
                System.arraycopy(sig, 0, blob, 4, sig.length);
                return text + "\n\u2014 " + name + " " + Base64.getEncoder().encodeToString(blob) + "\n";
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** First four bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ public key). */
    public static byte[] keyId(String name, byte[] publicKey) {
        MessageDigest d = MerkleTree.sha256();
        d.update(name.getBytes(StandardCharsets.UTF_8));
        d.update((byte) '\n');
        d.update(ED25519);
        d.update(publicKey);
        return Arrays.copyOf(d.digest(), 4);
    }

    /**
     * The text of {@code note} if it carries a valid signature by {@code verifierKey}; otherwise an
     * {@link IllegalArgumentException} saying what is wrong.
     */
    public static String open(String note, String verifierKey) {
        String[] vkey = verifierKey.strip().split("\\+", 3);
        if (vkey.length != 3) {
            throw new IllegalArgumentException("verifier key is not name+id+key");
        }
        String name = vkey[0];
        byte[] typed = Base64.getDecoder().decode(vkey[2]);
        if (typed.length != 33 || typed[0] != ED25519) {
            throw new IllegalArgumentException("verifier key is not an Ed25519 key");
        }
        byte[] publicKey = Arrays.copyOfRange(typed, 1, 33);
        byte[] id = keyId(name, publicKey);
        if (!HexFormat.of().formatHex(id).equals(vkey[1])) {
            throw new IllegalArgumentException("verifier key id does not match its name and key");
        }
        int split = note.lastIndexOf("\n\n");
        if (split < 0 || !note.endsWith("\n")) {
            throw new IllegalArgumentException("not a signed note");
        }
        String text = note.substring(0, split + 1);
        String prefix = "\u2014 " + name + " ";
        for (String line : note.substring(split + 2).split("\n")) {
            if (!line.startsWith(prefix)) {
                continue;
            }
            byte[] blob = Base64.getDecoder().decode(line.substring(prefix.length()));
            if (blob.length != 68 || !Arrays.equals(Arrays.copyOf(blob, 4), id)) {
                continue;
            }
            try {
                Signature s = Signature.getInstance("Ed25519");
                s.initVerify(KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(concat(
                        X509_PREFIX, publicKey))));
                s.update(text.getBytes(StandardCharsets.UTF_8));
                if (s.verify(Arrays.copyOfRange(blob, 4, 68))) {
                    return text;
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("cannot check the signature", e);
            }
            throw new IllegalArgumentException("the signature of " + name + " does not verify");
        }
        throw new IllegalArgumentException("the note carries no signature of " + name);
    }

    static byte[] rawPublicKey(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static void checkName(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == '+' || Character.isWhitespace(c) || c < 0x21)) {
            throw new IllegalArgumentException("key name must be non-empty without spaces or '+': " + name);
        }
    }

    /** Hands out the given seed as the generator's randomness, so the key pair of a seed is derived. */
    private static final class FixedRandom extends SecureRandom {
        private final byte[] seed;

        FixedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
