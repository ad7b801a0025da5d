package cn.landmarket.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class NoticeSignatureTest {

    private static final byte[] BODY = "{\"transactionId\":\"T1\"}".getBytes(StandardCharsets.UTF_8);
    private final NoticeSignature signature = new NoticeSignature("test-bank-secret");

    @Test
    void rfc4231TestCaseTwoIsReproduced() {
        NoticeSignature jefe = new NoticeSignature("Jefe");
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                jefe.sign("what do ya want for nothing?".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void aBodySignedWithTheSecretVerifies() {
        assertTrue(signature.verify(BODY, signature.sign(BODY)));
    }

    @Test
    void aSignatureOfAnotherBodyFails() {
        byte[] other = "{\"transactionId\":\"T2\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(signature.verify(other, signature.sign(BODY)));
    }

    @Test
    void aBodyChangedOnlyInWhitespaceFails() {
        byte[] spaced = "{ \"transactionId\":\"T1\"}".getBytes(StandardCharsets.UTF_8);
        assertFalse(signature.verify(spaced, signature.sign(BODY)));
    }

    @Test
    void aSignatureMadeWithAnotherSecretFails() {
        assertFalse(signature.verify(BODY, new NoticeSignature("other-secret").sign(BODY)));
    }

    @Test
    void upperCaseHexIsMalformed() {
        String header = signature.sign(BODY);
        assertFalse(signature.verify(BODY, "sha256=" + header.substring(7).toUpperCase()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"sha256=", "sha1=0123", "SHA256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec384",
            "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec38433",
            "sha256=zbdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            " sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"})
    void missingOrMalformedHeadersFail(String header) {
        assertFalse(signature.verify(BODY, header));
    }

    @Test
    void theBodyHashIsLowercaseHexSha256() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                NoticeSignature.sha256(new byte[0]));
    }

    @Test
    void aBlankSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new NoticeSignature(" "));
        assertThrows(IllegalArgumentException.class, () -> new NoticeSignature(null));
    }
}
