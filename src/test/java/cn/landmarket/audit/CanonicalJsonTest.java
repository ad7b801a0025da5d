package cn.landmarket.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    private static String json(Object value) {
        return new String(CanonicalJson.encode(value), StandardCharsets.UTF_8);
    }

    @Test
    void keysAreSortedAtEveryLevelWithoutWhitespace() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a", Arrays.asList(true, null, "x"));
        Map<String, Object> outer = new LinkedHashMap<>();
        outer.put("b", inner);
        outer.put("a", -5L);
        assertEquals("{\"a\":-5,\"b\":{\"a\":[true,null,\"x\"],\"z\":1}}", json(outer));
    }

    @Test
    void insertionOrderDoesNotChangeTheBytes() {
        Map<String, Object> one = new HashMap<>();
        Map<String, Object> two = new LinkedHashMap<>();
        for (int i = 0; i < 50; i++) {
            one.put("k" + i, i);
        }
        for (int i = 49; i >= 0; i--) {
            two.put("k" + i, i);
        }
        assertEquals(json(one), json(two));
    }

    @Test
    void stringsEscapeOnlyWhatJsonRequiresAndStayUtf8() {
        assertEquals("\"a\\\"b\\\\c\\n\\t\\u0001/€土地😀\"", json("a\"b\\c\n\t\u0001/€土地😀"));
        assertEquals("\"土地\"".getBytes(StandardCharsets.UTF_8).length, CanonicalJson.encode("土地").length);
    }

    @Test
    void keysSortByUtf16CodeUnitsAsRfc8785() {
        assertEquals("{\"B\":1,\"a\":2,\"é\":3}", json(Map.of("é", 3, "a", 2, "B", 1)));
    }

    @Test
    void unrepresentableValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.encode(1.5));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.encode("\ud800"));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.encode(Map.of(1, 2)));
    }

    @Test
    void auditEntryHasTypeTimeActorAndFacts() {
        AuditEntry entry = new AuditEntry("bid.accepted", Instant.parse("2026-11-23T02:00:00.123456789Z"),
                "enterprise:x", Map.of("amountFen", 100L, "listingId", 7L));
        assertEquals("{\"actor\":\"enterprise:x\",\"facts\":{\"amountFen\":100,\"listingId\":7},"
                + "\"time\":\"2026-11-23T02:00:00.123456Z\",\"type\":\"bid.accepted\"}",
                new String(entry.bytes(), StandardCharsets.UTF_8));
    }
}
