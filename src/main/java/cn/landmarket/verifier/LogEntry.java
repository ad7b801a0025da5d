package cn.landmarket.verifier;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

/**
 * One log entry as a recomputation reads it: its index in the log, and its {@code type}, {@code time},
 * {@code actor} and {@code facts} (README, "What is logged"), parsed with jackson-core alone. Facts are
 * maps, lists, strings, booleans, null, and numbers as {@code Long} (or {@code BigDecimal} when they
 * are not whole or do not fit).
 */
public record LogEntry(long index, String type, String time, String actor, Map<String, Object> facts) {

    private static final JsonFactory JSON = new JsonFactory();

    /** Parses the canonical JSON of an entry ({@code data[from, to)}). */
    static LogEntry parse(long index, byte[] data, int from, int to) throws IOException {
        try (JsonParser p = JSON.createParser(data, from, to - from)) {
            Object root = value(p, p.nextToken());
            if (!(root instanceof Map<?, ?> map)) {
                throw new IOException("entry " + index + " is not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> entry = (Map<String, Object>) map;
            Object facts = entry.get("facts");
            @SuppressWarnings("unchecked")
            Map<String, Object> factMap = facts instanceof Map<?, ?> f ? (Map<String, Object>) f : Map.of();
            return new LogEntry(index, text(entry.get("type")), text(entry.get("time")), text(entry.get("actor")),
                    factMap);
        }
    }

    private static Object value(JsonParser p, JsonToken t) throws IOException {
        if (t == null) {
            throw new IOException("the entry ends early");
        }
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                for (JsonToken f = p.nextToken(); f == JsonToken.FIELD_NAME; f = p.nextToken()) {
                    String name = p.currentName();
                    map.put(name, value(p, p.nextToken()));
                }
                return map;
            }
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                    list.add(value(p, e));
                }
                return list;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? new BigDecimal(p.getBigIntegerValue())
                        : (Object) p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("unexpected " + t + " at " + p.currentLocation());
        }
    }

    private static String text(Object o) {
        return o instanceof String s ? s : null;
    }

    /** The listing the entry is about ({@code facts.listingId}), or null. */
    public Long listingId() {
        return number(facts, "listingId");
    }

    /** A fact as text; null when absent or not a string. */
    public String text(String field) {
        return text(facts.get(field));
    }

    /** A fact as a whole number; null when absent, null or not a whole number that fits a long. */
    public Long number(String field) {
        return number(facts, field);
    }

    /** A fact that is a list of objects; empty when absent. */
    public List<Map<String, Object>> objects(String field) {
        return objects(facts, field);
    }

    /** {@code map.get(field)} as a whole number, or null. */
    static Long number(Map<String, Object> map, String field) {
        return map.get(field) instanceof Long l ? l : null;
    }

    /** {@code map.get(field)} as text, or null. */
    static String text(Map<String, Object> map, String field) {
        return text(map.get(field));
    }

    /** {@code map.get(field)} as a list of objects; empty when absent or not a list. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> objects(Map<String, Object> map, String field) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (map.get(field) instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m) {
                    out.add((Map<String, Object>) m);
                }
            }
        }
        return out;
    }

    /** Where the entry is, for a report: {@code entry 532 (quotation.revealed)}. */
    public String where() {
        return "entry " + index + " (" + type + ")";
    }
}
