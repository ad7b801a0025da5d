package cn.landmarket.audit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.testing.Sequencing;

/** Reads what the audit log gained since a mark, decoded, for tests that check each state change's entry. */
final class AuditTrail {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final AuditSequencer sequencer;

    AuditTrail(DataSource dataSource, AuditSequencer sequencer) {
        this.dataSource = dataSource;
        this.sequencer = sequencer;
    }

    /** One decoded entry: its index, type, actor, facts, exact text and leaf hash as served. */
    record Logged(long index, String type, String actor, String time, Map<String, Object> facts, String text,
            byte[] leafHash) {

        Object fact(String key) {
            return facts.get(key);
        }

        long number(String key) {
            Object value = facts.get(key);
            assertTrue(value instanceof Number, () -> key + " is not a number in " + text);
            return ((Number) value).longValue();
        }

        boolean has(String key, Object value) {
            Object actual = facts.get(key);
            if (actual instanceof Number n && value instanceof Number v) {
                return n.longValue() == v.longValue();
            }
            return Objects.equals(actual, value);
        }

        boolean about(long listingId) {
            return has("listingId", listingId);
        }
    }

    /**
     * Opens the entry's {@code <field>Commitment} as {@code token} through GET
     * /api/audit/commitments/{commitment}, checks that SHA-256(salt ‖ UTF-8 value), computed here,
     * is the commitment the public entry carries, and returns the value.
     */
    static String open(Logged entry, String field, String token) throws Exception {
        Object commitment = entry.fact(field + "Commitment");
        assertNotNull(commitment, () -> "no " + field + "Commitment in " + entry.text());
        io.restassured.path.json.JsonPath opening = given().auth().oauth2(token).when()
                .get("/api/audit/commitments/" + commitment).then().statusCode(200).extract().jsonPath();
        assertEquals(commitment, opening.getString("commitment"));
        assertEquals(field, opening.getString("field"));
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        sha256.update(HexFormat.of().parseHex(opening.getString("salt")));
        String value = opening.getString("value");
        assertEquals(commitment, HexFormat.of().formatHex(sha256.digest(value.getBytes(StandardCharsets.UTF_8))),
                "the opening recomputes the commitment in the log");
        return value;
    }

    /** {@link #open} of a structured fact: its canonical JSON, decoded. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> openFacts(Logged entry, String field, String token) throws Exception {
        return JSON.readValue(open(entry, field, token), Map.class);
    }

    /** The status code GET /api/audit/commitments/{commitment} answers {@code token} (null: no token). */
    static int openStatus(Logged entry, String field, String token) {
        var request = token == null ? given() : given().auth().oauth2(token);
        return request.when().get("/api/audit/commitments/" + entry.fact(field + "Commitment")).then().extract()
                .statusCode();
    }

    /** Sequences until nothing is pending. */
    void flush() throws Exception {
        Sequencing.settle(sequencer);
    }

    /** The index the next entry will get, once everything pending is in the log. */
    long mark() throws Exception {
        flush();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select coalesce(max(idx) + 1, 0) from audit_entry");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Every entry from index {@code start} on, read through GET /api/audit/entries. */
    @SuppressWarnings("unchecked")
    List<Logged> since(long start) throws Exception {
        flush();
        List<Logged> out = new ArrayList<>();
        long next = start;
        while (true) {
            List<Map<String, Object>> page = given().queryParam("start", next).queryParam("limit", 1000).when()
                    .get("/api/audit/entries").then().statusCode(200).extract().jsonPath().getList("$");
            for (Map<String, Object> view : page) {
                byte[] bytes = Base64.getDecoder().decode((String) view.get("entry"));
                Map<String, Object> entry = JSON.readValue(bytes, Map.class);
                out.add(new Logged(((Number) view.get("index")).longValue(), (String) entry.get("type"),
                        (String) entry.get("actor"), (String) entry.get("time"),
                        (Map<String, Object>) entry.get("facts"), new String(bytes, StandardCharsets.UTF_8),
                        Base64.getDecoder().decode((String) view.get("leafHash"))));
            }
            if (page.size() < 1000) {
                return out;
            }
            next += page.size();
        }
    }

    static List<Logged> of(List<Logged> log, String type, Predicate<Logged> where) {
        return log.stream().filter(e -> e.type().equals(type) && where.test(e)).toList();
    }

    /** The one entry of the type that matches; fails when there is none or more than one. */
    static Logged only(List<Logged> log, String type, Predicate<Logged> where) {
        List<Logged> found = of(log, type, where);
        assertEquals(1, found.size(), () -> "entries of type " + type + ": " + found + " among "
                + log.stream().map(Logged::type).toList());
        return found.get(0);
    }

    /** The types of the entries about a listing, in log order. */
    static List<String> typesAbout(List<Logged> log, long listingId) {
        return log.stream().filter(e -> e.about(listingId)).map(Logged::type).toList();
    }
}
