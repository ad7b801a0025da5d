package cn.landmarket.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The one commitment of the log: hex SHA-256(salt ‖ UTF-8 value), with a fresh 16-byte salt each time. */
class CommitmentTest {

    @Test
    void aCommitmentIsTheHexSha256OfTheSaltThenTheUtf8Value() throws Exception {
        byte[] salt = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f");
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(salt);
        String expected = HexFormat.of().formatHex(sha256.digest("驳回理由".getBytes(StandardCharsets.UTF_8)));
        assertEquals(expected, Commitment.of(salt, "驳回理由"));
        assertEquals(64, Commitment.of(salt, "x").length());
    }

    @Test
    void eachSealHasItsOwnRandomSaltSoEqualValuesCannotBeMatched() {
        Commitment a = Commitment.seal(Commitment.LISTING, 7L, "reason", "同一理由");
        Commitment b = Commitment.seal(Commitment.LISTING, 7L, "reason", "同一理由");
        assertEquals(Commitment.SALT_BYTES, a.salt().length);
        assertFalse(Arrays.equals(a.salt(), b.salt()));
        assertNotEquals(a.hash(), b.hash());
        assertEquals(Commitment.of(a.salt(), "同一理由"), a.hash());
    }

    @Test
    void aSealPutsItsHashUnderFieldCommitmentAndNotTheValue() {
        Map<String, Object> facts = new HashMap<>();
        Commitment c = Commitment.seal(Commitment.CERTIFICATE, 42L, "details", "secret").into(facts);
        assertEquals(Map.of("detailsCommitment", c.hash()), facts);
        assertEquals("42", c.subject());
    }

    @Test
    void structuredFactsAreCommittedAsTheirCanonicalJsonWhateverTheMapOrder() {
        Map<String, Object> one = new LinkedHashMap<>();
        one.put("b", 2L);
        one.put("a", "x");
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("a", "x");
        other.put("b", 2L);
        assertEquals("{\"a\":\"x\",\"b\":2}", Commitment.canonical(one));
        assertEquals(Commitment.canonical(one), Commitment.canonical(other));
    }
}
