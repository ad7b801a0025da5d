package cn.landmarket.audit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Signed notes against the example of golang.org/x/mod/sumdb/note, and checkpoints. */
class SignedNoteTest {

    /** The Go note package's example key, PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALV…, as PKCS#8. */
    private static final String PETER = pkcs8("AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz");
    private static final String PETER_VKEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
    private static final String TEXT = "If you think cryptography is the answer to your problem,\n"
            + "then you don't know what your problem is.\n";

    private static String pkcs8(String goPrivateKey) {
        byte[] typed = Base64.getDecoder().decode(goPrivateKey);
        byte[] prefix = HexFormat.of().parseHex("302e020100300506032b657004220420");
        byte[] der = Arrays.copyOf(prefix, prefix.length + 32);
        System.arraycopy(typed, 1, der, prefix.length, 32);
        return Base64.getEncoder().encodeToString(der);
    }

    @Test
    void verifierKeyAndKeyIdMatchTheGoNotePackage() {
        SignedNote.Signer signer = SignedNote.Signer.fromPkcs8("PeterNeumann", PETER);
        assertEquals(PETER_VKEY, signer.verifierKey());
        assertEquals("c74f20a3", HexFormat.of().formatHex(SignedNote.keyId("PeterNeumann", signer.publicKey())));
    }

    @Test
    void signatureMatchesTheGoNotePackageExample() {
        String note = SignedNote.Signer.fromPkcs8("PeterNeumann", PETER).sign(TEXT);
        assertEquals(TEXT + "\n\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n",
                note);
        assertEquals(TEXT, SignedNote.open(note, PETER_VKEY));
    }

    @Test
    void alteredTextWrongKeyAndMissingSignatureAreRejected() {
        SignedNote.Signer signer = SignedNote.Signer.fromPkcs8("PeterNeumann", PETER);
        String note = signer.sign(TEXT);
        assertThrows(IllegalArgumentException.class, () -> SignedNote.open(note.replace("answer", "Answer"), PETER_VKEY));
        SignedNote.Signer other = SignedNote.Signer.fromPkcs8("PeterNeumann",
                "MC4CAQAwBQYDK2VwBCIEIO6lBlSvaHUYjlVkEUmwAmAINpByG5klxJXPd3v4cUm/");
        assertThrows(IllegalArgumentException.class, () -> SignedNote.open(note, other.verifierKey()));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.open(TEXT, PETER_VKEY));
        assertThrows(IllegalArgumentException.class, () -> signer.sign("no newline"));
        assertThrows(IllegalArgumentException.class, () -> SignedNote.Signer.fromPkcs8("with space", PETER));
    }

    @Test
    void checkpointTextRoundTripsAndIsSigned() {
        byte[] root = MerkleTree.emptyRoot();
        Checkpoint checkpoint = new Checkpoint("land-market.example/audit", 0, root);
        assertEquals("land-market.example/audit\n0\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\n", checkpoint.text());
        SignedNote.Signer signer = SignedNote.Signer.fromPkcs8("land-market.example/audit", PETER);
        String note = signer.sign(checkpoint.text());
        Checkpoint read = Checkpoint.parse(SignedNote.open(note, signer.verifierKey()));
        assertEquals(0, read.size());
        assertArrayEquals(root, read.root());
        assertTrue(note.startsWith(checkpoint.text() + "\n\u2014 land-market.example/audit "));
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.parse("origin\n01\n" + "x\n"));
    }
}
