package cn.landmarket.common.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Walks every operation of openapi/openapi.yaml with hostile requests: missing, expired, forged and
 * garbage tokens; malformed, wrongly typed, unknown-field, deeply nested, huge-number, oversized and
 * injection-laden bodies; injection-laden and absurd path and query values. Each must be answered
 * with a 4xx problem+json and leave the database exactly as it was. A read (GET) may answer a
 * hostile query value with 200 when the value is a legal search term (a title containing a quote is
 * a title); it must still change nothing.
 */
@QuarkusTest
class HostileInputTest {

    private static final String INJECTION = "' OR '1'='1'; DROP TABLE listing; -- <script>alert(1)</script> ${jndi:ldap://x/a} ../../etc/passwd";
    private static final List<String> PATH_ATTACKS = List.of("1%20OR%201%3D1", "..%2F..%2Fetc%2Fpasswd", "-1",
            "99999999999999999999999", "%27%3B--", "%00", "1e9", "NaN");
    private static final List<String> QUERY_ATTACKS = List.of(INJECTION, "-1", "99999999999999999999999",
            "1e400", "%00", "\u0000", "NaN", "2026-13-45", "true' --");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void setUp() {
        data.standard();
        clock.reset();
    }

    static Stream<String> operationKeys() {
        return AccessMatrixTest.operations().keySet().stream();
    }

    /** One hostile request: what it is, and how to send it. */
    private record Attack(String name, UnaryOperator<RequestSpecification> prepare, String path, boolean mayRead) {
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationKeys")
    void hostileRequestsAreRefusedWithAProblemAndChangeNothing(String key) throws Exception {
        AccessMatrixTest.Operation op = AccessMatrixTest.operations().get(key);
        String before = settledFingerprint();
        for (Attack attack : attacks(op)) {
            if (attack.prepare() == null) {
                Map<String, String> headers = op.secured()
                        ? Map.of("Authorization", "Bearer " + AccessMatrixTest.token(
                                AccessMatrixTest.allowed(op.key()).iterator().next()))
                        : Map.of();
                cn.landmarket.testing.Oversized.Answer answer = cn.landmarket.testing.Oversized.send(op.method(),
                        attack.path(), headers, 300 * 1024);
                assertEquals(413, answer.status(), key + " with an oversized body: " + answer.body());
                assertTrue(answer.headers().getOrDefault("content-type", "").startsWith("application/problem+json"),
                        key + ": " + answer.headers());
                continue;
            }
            Response response = attack.prepare().apply(given().redirects().follow(false)).when()
                    .request(op.method(), attack.path());
            int status = response.statusCode();
            String what = key + " with " + attack.name() + " answered " + status + ": " + response.asString();
            boolean readAnswered = attack.mayRead() && op.method().equals("GET") && status == 200;
            if (!readAnswered) {
                assertTrue(status >= 400 && status < 500, what);
                if (!op.method().equals("HEAD")) {
                    assertTrue(String.valueOf(response.contentType()).startsWith("application/problem+json"), what);
                    AccessMatrixTest.assertNoStackTrace(response.asString());
                }
            }
        }
        assertEquals(before, settledFingerprint(), key + ": the hostile requests changed the database");
    }

    @org.junit.jupiter.api.Test
    void textWithANulCharacterIsAFieldErrorNotAServerError() throws Exception {
        String before = settledFingerprint();
        given().auth().oauth2(AccessMatrixTest.token(Role.REGULATOR)).contentType("application/json")
                .body("{\"reason\":\"stop\\u0000now\"}").when().post("/api/listings/999999/suspend").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("reason"));
        given().queryParam("q", "a\u0000b").when().get("/api/public/listings").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("q"));
        assertEquals(before, settledFingerprint());
    }

    private List<Attack> attacks(AccessMatrixTest.Operation op) {
        List<Attack> attacks = new ArrayList<>();
        String path = op.path();
        String token = op.secured() ? AccessMatrixTest.token(AccessMatrixTest.allowed(op.key()).iterator().next())
                : null;
        UnaryOperator<RequestSpecification> auth = r -> token == null ? r : r.auth().oauth2(token);
        String body = op.hasBody() ? "{}" : null;
        UnaryOperator<RequestSpecification> validBody = r -> body == null ? r : r.contentType("application/json").body(body);

        if (op.secured()) {
            attacks.add(new Attack("no token", validBody, path, false));
            attacks.add(new Attack("a garbage token", r -> validBody.apply(r.header("Authorization", "Bearer abc.def.ghi")),
                    path, false));
            attacks.add(new Attack("a basic credential", r -> validBody.apply(r.header("Authorization", "Basic YTpi")),
                    path, false));
            Instant past = Instant.now().minusSeconds(7200);
            String expired = Tokens.claims("operator", "MYJYZX").issuedAt(past).expiresAt(past.plusSeconds(60)).sign();
            attacks.add(new Attack("an expired token", r -> validBody.apply(r.auth().oauth2(expired)), path, false));
            String foreign = Tokens.claims("operator", "MYJYZX").issuer("https://evil.example").sign();
            attacks.add(new Attack("a token of another issuer", r -> validBody.apply(r.auth().oauth2(foreign)), path, false));
            String unsigned = token.substring(0, token.lastIndexOf('.') + 1);
            attacks.add(new Attack("an unsigned token", r -> validBody.apply(r.auth().oauth2(unsigned)), path, false));
        }
        for (String value : PATH_ATTACKS) {
            String attacked = substitute(op.template(), value);
            if (!attacked.equals(path)) {
                attacks.add(new Attack("path value " + value, r -> validBody.apply(auth.apply(r)), attacked, false));
            }
        }
        for (String parameter : queryParameters(op)) {
            for (String value : QUERY_ATTACKS) {
                attacks.add(new Attack("query " + parameter + "=" + value,
                        r -> validBody.apply(auth.apply(r)).queryParam(parameter, value), path, true));
            }
        }
        if (op.hasBody()) {
            Map<String, String> bodies = new LinkedHashMap<>();
            bodies.put("malformed JSON", "{\"a\":");
            bodies.put("an array", "[]");
            bodies.put("a string", "\"" + INJECTION.replace("\"", "") + "\"");
            bodies.put("null", "null");
            bodies.put("an unknown field", "{\"" + INJECTION.replace("\"", "") + "\":1}");
            bodies.put("a huge number", "{\"amount\":1e999999,\"unknownNumber\":123456789012345678901234567890}");
            bodies.put("deep nesting", "{\"a\":" + "[".repeat(20_000) + "]".repeat(20_000) + "}");
            bodies.put("invalid UTF-8", new String(new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'},
                    java.nio.charset.StandardCharsets.ISO_8859_1));
            for (Map.Entry<String, String> b : bodies.entrySet()) {
                attacks.add(new Attack(b.getKey(), r -> auth.apply(r).contentType("application/json").body(b.getValue()),
                        path, false));
            }
            if (!op.method().equals("GET")) {
                attacks.add(new Attack("an oversized body", null, path, false));
            }
            attacks.add(new Attack("a text/plain body", r -> auth.apply(r).contentType("text/plain").body("amount=1"),
                    path, false));
            attacks.add(new Attack("an XML body", r -> auth.apply(r).contentType("application/xml")
                    .body("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), path, false));
        }
        return attacks;
    }

    private static String substitute(String template, String value) {
        Matcher placeholder = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder path = new StringBuilder();
        while (placeholder.find()) {
            placeholder.appendReplacement(path, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(path);
        return path.toString();
    }

    @SuppressWarnings("unchecked")
    private static List<String> queryParameters(AccessMatrixTest.Operation op) {
        Map<String, Object> document;
        try {
            document = new Yaml().load(Files.readString(Path.of("openapi", "openapi.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document
                .get("paths")).get(op.template())).get(op.method().toLowerCase(java.util.Locale.ROOT));
        List<String> names = new ArrayList<>();
        for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> parameter = (Map<String, Object>) p;
            if ("query".equals(parameter.get("in"))) {
                names.add((String) parameter.get("name"));
            }
        }
        return names;
    }

    /** The fingerprint once two readings a moment apart agree (the clock-driven jobs have settled). */
    private String settledFingerprint() throws Exception {
        String previous = fingerprint();
        for (int i = 0; i < 20; i++) {
            Thread.sleep(150);
            String now = fingerprint();
            if (now.equals(previous)) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /**
     * Every business table's content, and the number of audit entries (pending or sequenced: the
     * sequencer moves them, which changes no state).
     */
    private String fingerprint() throws SQLException {
        StringBuilder out = new StringBuilder();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    select table_name from information_schema.tables
                    where table_schema = current_schema() and table_type = 'BASE TABLE'
                      and table_name not in ('flyway_schema_history', 'audit_pending', 'audit_entry', 'audit_node',
                                             'checkpoint')
                    order by table_name""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("select count(*), md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from "
                        + table + " t")) {
                    rs.next();
                    out.append(table).append('=').append(rs.getLong(1)).append(':').append(rs.getString(2)).append(' ');
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "select (select count(*) from audit_pending) + (select count(*) from audit_entry)")) {
                rs.next();
                out.append("audit=").append(rs.getLong(1));
            }
        }
        return out.toString();
    }
}
