package cn.landmarket.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The one-pass canonical check agrees with "parse, re-encode, compare" on valid and broken entries. */
class CanonicalCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The slow reference: what the verifier did before, parse with Jackson and re-encode. */
    private static boolean reference(byte[] entry) {
        try {
            Map<?, ?> tree = JSON.readValue(entry, Map.class);
            return java.util.Arrays.equals(CanonicalJson.encode(tree), entry) && tree.size() == 4
                    && tree.get("type") instanceof String && tree.get("time") instanceof String
                    && tree.get("actor") instanceof String && tree.get("facts") instanceof Map;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    private static Object randomValue(Random r, int depth) {
        int kind = r.nextInt(depth > 2 ? 5 : 7);
        return switch (kind) {
            case 0 -> randomString(r);
            case 1 -> r.nextLong() >> r.nextInt(64);
            case 2 -> r.nextBoolean();
            case 3 -> null;
            case 4 -> r.nextInt(1000);
            case 5 -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    m.put(randomString(r), randomValue(r, depth + 1));
                }
                yield m;
            }
            default -> {
                List<Object> l = new ArrayList<>();
                for (int i = r.nextInt(4); i > 0; i--) {
                    l.add(randomValue(r, depth + 1));
                }
                yield l;
            }
        };
    }

    private static final String ALPHABET = "abcXYZ09 _-\"\\/\n\t\u0001\u001f\u007f中文地块亩\uE000\uFFFD😀";

    private static String randomString(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(8); i > 0; i--) {
            int at = r.nextInt(ALPHABET.length());
            if (Character.isHighSurrogate(ALPHABET.charAt(at))) {
                s.append(ALPHABET, at, at + 2);
            } else if (!Character.isLowSurrogate(ALPHABET.charAt(at))) {
                s.append(ALPHABET.charAt(at));
            }
        }
        return s.toString();
    }

    private static byte[] randomEntry(Random r) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (int i = r.nextInt(6); i > 0; i--) {
            facts.put(randomString(r), randomValue(r, 1));
        }
        return new AuditEntry("t." + r.nextInt(9), Instant.ofEpochSecond(r.nextInt(1 << 30)), randomString(r), facts)
                .bytes();
    }

    @Test
    void everyEncodedEntryAndValueIsCanonical() {
        Random r = new Random(7);
        for (int i = 0; i < 5_000; i++) {
            byte[] entry = randomEntry(r);
            assertTrue(CanonicalCheck.isCanonicalEntry(entry), new String(entry, StandardCharsets.UTF_8));
            byte[] value = CanonicalJson.encode(randomValue(r, 0));
            assertTrue(CanonicalCheck.isCanonical(value), new String(value, StandardCharsets.UTF_8));
        }
    }

    @Test
    void mutatedEntriesAreJudgedAsParsingAndReEncodingJudgesThem() {
        Random r = new Random(11);
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] entry = randomEntry(r);
            byte[] mutated = mutate(r, entry);
            boolean expected = reference(mutated);
            assertEquals(expected, CanonicalCheck.isCanonicalEntry(mutated), new String(mutated, StandardCharsets.UTF_8));
            rejected += expected ? 0 : 1;
        }
        assertTrue(rejected > 10_000, "most mutations break canonical form: " + rejected);
    }

    private static byte[] mutate(Random r, byte[] entry) {
        int at = r.nextInt(entry.length);
        byte[] noise = " \t{}[]\":,\\0123456789-+.eEutfnl".getBytes(StandardCharsets.US_ASCII);
        return switch (r.nextInt(4)) {
            case 0 -> { // delete one byte
                byte[] out = new byte[entry.length - 1];
                System.arraycopy(entry, 0, out, 0, at);
                System.arraycopy(entry, at + 1, out, at, entry.length - at - 1);
                yield out;
            }
            case 1 -> { // insert one byte
                byte[] out = new byte[entry.length + 1];
                System.arraycopy(entry, 0, out, 0, at);
                out[at] = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : noise[r.nextInt(noise.length)];
                System.arraycopy(entry, at, out, at + 1, entry.length - at);
                yield out;
            }
            case 2 -> { // replace one byte
                byte[] out = entry.clone();
                out[at] = r.nextInt(4) == 0 ? (byte) r.nextInt(256) : noise[r.nextInt(noise.length)];
                yield out;
            }
            default -> { // swap two bytes
                byte[] out = entry.clone();
                int other = r.nextInt(entry.length);
                byte t = out[at];
                out[at] = out[other];
                out[other] = t;
                yield out;
            }
        };
    }

    @Test
    void eachNonCanonicalFormIsNamedAndRefused() {
        String ok = "{\"actor\":\"a\",\"facts\":{\"k\":1},\"time\":\"t\",\"type\":\"x\"}";
        assertTrue(CanonicalCheck.isCanonicalEntry(ok.getBytes(StandardCharsets.UTF_8)));
        for (String bad : List.of(
                "{\"actor\":\"a\",\"facts\":{\"k\":1},\"time\":\"t\",\"type\":\"x\"} ",
                "{\"actor\":\"a\", \"facts\":{\"k\":1},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"a\",\"facts\":{\"k\":1,\"k\":2},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"a\",\"facts\":{\"l\":1,\"k\":2},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"a\",\"facts\":{\"k\":1.5},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"a\",\"facts\":{\"k\":-0},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"a\",\"facts\":{\"k\":01},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"a\",\"facts\":{\"k\":1e3},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"a\\/b\",\"facts\":{},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"\\u000A\",\"facts\":{},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"\\u000a\",\"facts\":{},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"\\u0041\",\"facts\":{},\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"a\",\"facts\":[],\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":1,\"facts\":{},\"time\":\"t\",\"type\":\"x\"}",
                "{\"facts\":{},\"actor\":\"a\",\"time\":\"t\",\"type\":\"x\"}",
                "{\"actor\":\"a\",\"facts\":{},\"time\":\"t\",\"type\":\"x\",\"z\":1}",
                "{\"actor\":\"a\",\"facts\":{},\"time\":\"t\"}",
                "{\"actor\":\"a\",\"facts\":{\"k\":tru},\"time\":\"t\",\"type\":\"x\"}")) {
            assertFalse(CanonicalCheck.isCanonicalEntry(bad.getBytes(StandardCharsets.UTF_8)), bad);
        }
        byte[] overlong = "{\"actor\":\"\u00c0\u00af\",\"facts\":{},\"time\":\"t\",\"type\":\"x\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(CanonicalCheck.isCanonicalEntry(overlong), "overlong UTF-8 for '/'");
        byte[] surrogate = "{\"actor\":\"\u00ed\u00a0\u0080\",\"facts\":{},\"time\":\"t\",\"type\":\"x\"}"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertFalse(CanonicalCheck.isCanonicalEntry(surrogate), "UTF-8 encoded surrogate");
    }

    @Test
    void keysOrderByUtf16CodeUnitsNotByUtf8Bytes() {
        // U+FFFD (UTF-8 EF BF BD) sorts after U+1F600 (F0 9F 98 80) in UTF-16 (FFFD > D83D), before it in UTF-8.
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("\uFFFD", 1);
        facts.put("😀", 2);
        byte[] encoded = CanonicalJson.encode(facts);
        assertTrue(new String(encoded, StandardCharsets.UTF_8).indexOf('😀') < new String(encoded, StandardCharsets.UTF_8)
                .indexOf('\uFFFD'));
        assertTrue(CanonicalCheck.isCanonical(encoded));
        assertFalse(CanonicalCheck.isCanonical("{\"\uFFFD\":1,\"😀\":2}".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEntryIsCheckedWithinTheBoundsItIsGivenInALargerArray() {
        byte[] entry = new AuditEntry("listing.approved", java.time.Instant.parse("2026-11-23T02:00:00Z"),
                "regulator:510700", java.util.Map.of("listingId", 7)).bytes();
        byte[] around = new byte[entry.length + 10];
        java.util.Arrays.fill(around, (byte) '}');
        System.arraycopy(entry, 0, around, 4, entry.length);
        assertTrue(CanonicalCheck.isCanonicalEntry(around, 4, 4 + entry.length));
        assertFalse(CanonicalCheck.isCanonicalEntry(around, 4, 5 + entry.length), "a byte too many");
        assertFalse(CanonicalCheck.isCanonicalEntry(around, 4, 3 + entry.length), "a byte too few");
        assertFalse(CanonicalCheck.isCanonicalEntry(around, 3, 4 + entry.length), "starting early");
    }
}
