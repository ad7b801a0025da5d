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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
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
@StandardMarket
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
            Response response = attack.prepare().apply(given().config(unpretty()).redirects().follow(false)).when()
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

    /**
     * Rest Assured keeps a print of every request in case its assertion fails, pretty-printed by
     * default; pretty-printing the deeply nested body indents each of its 40,000 brackets on its own
     * line, gigabytes of spaces, and ran the test JVM out of heap now and then. Printed as sent instead.
     */
    private static RestAssuredConfig unpretty() {
        return RestAssured.config().logConfig(RestAssured.config().getLogConfig().enablePrettyPrinting(false));
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

    /** The JSON text of a lone high surrogate: valid JSON, but no Unicode character. */
    private static final String LONE_SURROGATE = "\\ud800";
    private static final String MARK = "@@lone-surrogate@@";

    static Stream<String> operationsWithTextInTheirBody() {
        return AccessMatrixTest.operations().values().stream().filter(op -> !textFields(op).isEmpty())
                .map(AccessMatrixTest.Operation::key);
    }

    /**
     * Every string field of the operation's request body, recursively (a nested object's as
     * {@code parent.child}, an array's items as {@code name[0]}), by the committed OpenAPI
     * document; each with whether it is free text (no format, no enumeration, no value type such
     * as Money, whose own parser refuses it first).
     */
    @SuppressWarnings("unchecked")
    static Map<String, Boolean> textFields(AccessMatrixTest.Operation op) {
        Map<String, Object> document = openApi();
        Map<String, Object> operation = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) document
                .get("paths")).get(op.template())).get(op.method().toLowerCase(java.util.Locale.ROOT));
        Map<String, Boolean> fields = new LinkedHashMap<>();
        Object body = operation.get("requestBody");
        if (body instanceof Map<?, ?> requestBody && requestBody.get("content") instanceof Map<?, ?> content
                && content.get("application/json") instanceof Map<?, ?> json) {
            collect((Map<String, Object>) ((Map<String, Object>) document.get("components")).get("schemas"),
                    (Map<String, Object>) json.get("schema"), "", new java.util.HashSet<>(), fields);
        }
        return fields;
    }

    @SuppressWarnings("unchecked")
    private static void collect(Map<String, Object> schemas, Map<String, Object> schema, String prefix,
            java.util.Set<String> seen, Map<String, Boolean> fields) {
        if (schema == null) {
            return;
        }
        if (schema.get("$ref") instanceof String ref) {
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            Map<String, Object> named = (Map<String, Object>) schemas.get(name);
            if (named != null && "string".equals(named.get("type")) && !prefix.isEmpty()) {
                fields.put(prefix, false); // a value type read from text, such as Money: its own error
            } else if (seen.add(name)) {
                collect(schemas, named, prefix, seen, fields);
                seen.remove(name);
            }
            return;
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            for (Object part : (List<Object>) schema.getOrDefault(combinator, List.of())) {
                collect(schemas, (Map<String, Object>) part, prefix, seen, fields);
            }
        }
        Object type = schema.get("type");
        if ("string".equals(type) && !prefix.isEmpty()) {
            fields.put(prefix, !schema.containsKey("format") && !schema.containsKey("enum"));
        } else if ("array".equals(type)) {
            collect(schemas, (Map<String, Object>) schema.get("items"), prefix + "[0]", seen, fields);
        }
        Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
        for (Map.Entry<String, Object> property : properties.entrySet()) {
            collect(schemas, (Map<String, Object>) property.getValue(),
                    prefix.isEmpty() ? property.getKey() : prefix + "." + property.getKey(), seen, fields);
        }
    }

    /** A body holding only {@code value} at {@code path} ("a.b[0].c"), as JSON text. */
    private static String bodyWith(String path, Object value) {
        Object nested = value;
        String[] parts = path.split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            String part = parts[i];
            boolean array = part.endsWith("[0]");
            if (array) {
                nested = List.of(nested);
                part = part.substring(0, part.length() - 3);
            }
            nested = Map.of(part, nested);
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(nested)
                    .replace("\"" + MARK + "\"", "\"" + LONE_SURROGATE + "\"");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RequestSpecification sender(AccessMatrixTest.Operation op, String body) {
        RequestSpecification request = given().redirects().follow(false).contentType("application/json").body(body);
        if (op.secured()) {
            return request.auth().oauth2(AccessMatrixTest.token(AccessMatrixTest.allowed(op.key()).iterator().next()));
        }
        if (op.template().equals("/api/bank/notifications")) {
            // the feed reads a body only once its signature holds: sign it as the bank does
            return request.header(cn.landmarket.bank.NoticeSignature.HEADER, cn.landmarket.testing.BankFeed
                    .sign(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), cn.landmarket.testing.BankFeed.SECRET));
        }
        return request;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operationsWithTextInTheirBody")
    void aLoneSurrogateInAnyStringFieldIsA400NamingTheFieldAndChangesNothing(String key) throws Exception {
        AccessMatrixTest.Operation op = AccessMatrixTest.operations().get(key);
        String before = settledFingerprint();
        for (Map.Entry<String, Boolean> field : textFields(op).entrySet()) {
            String body = bodyWith(field.getKey(), MARK);
            Response response = sender(op, body).when().request(op.method(), op.path());
            String what = key + " with " + body + " answered " + response.statusCode() + ": " + response.asString();
            assertEquals(400, response.statusCode(), what);
            assertTrue(String.valueOf(response.contentType()).startsWith("application/problem+json"), what);
            assertEquals(field.getKey(), response.jsonPath().getString("errors[0].field"), what);
            if (field.getValue()) {
                assertEquals("json.unstorable-text", response.jsonPath().getString("errors[0].code"), what);
            }
            AccessMatrixTest.assertNoStackTrace(response.asString());
        }
        assertEquals(before, settledFingerprint(), key + ": the lone surrogates changed the database");
    }

    @org.junit.jupiter.api.Test
    void theSweepFindsTheTextFieldsTheIssueNamed() {
        Map<String, AccessMatrixTest.Operation> ops = AccessMatrixTest.operations();
        assertTrue(textFields(ops.get("POST /api/listings")).containsKey("title"));
        assertTrue(textFields(ops.get("POST /api/listings")).containsKey("paymentTerms.mode"));
        assertTrue(textFields(ops.get("POST /api/enterprises")).containsKey("name"));
        assertTrue(textFields(ops.get("POST /api/bank/notifications")).containsKey("counterpartyName"));
        assertTrue(textFields(ops.get("POST /api/certificates")).containsKey("documents[0].title"));
    }

    /** A complete, valid body with one field replaced by raw JSON text. */
    private static String withRaw(Map<String, Object> body, String field, String rawJsonString) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, MARK);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(copy)
                    .replace("\"" + MARK + "\"", rawJsonString);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @org.junit.jupiter.api.Test
    void aLoneSurrogateInAnOtherwiseValidListingOrRegistrationIsAFieldErrorNotAServerError() throws Exception {
        String before = settledFingerprint();
        long cert = cn.landmarket.testing.Fixtures.issue(cn.landmarket.testing.Fixtures.linkage(TestData.TOWNSHIP_A,
                1_000));
        String afterIssue = settledFingerprint();
        Map<String, Object> listing = cn.landmarket.testing.Fixtures.listing(cert, 1_000, clock.instant());
        for (String field : List.of("title", "description")) {
            given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).contentType("application/json")
                    .body(withRaw(listing, field, "\"title \\ud800\"")).when().post("/api/listings").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo(field))
                    .body("errors[0].code", org.hamcrest.Matchers.equalTo("json.unstorable-text"));
        }
        String code = cn.landmarket.party.CreditCode.complete("91510703MA0000077");
        Map<String, Object> registration = new LinkedHashMap<>();
        registration.put("creditCode", code);
        registration.put("name", "测试有限公司");
        registration.put("legalRepresentative", "王五");
        registration.put("contactPerson", "赵六");
        registration.put("contactPhone", "13912345678");
        registration.put("address", "四川省绵阳市三台县潼川镇北坝路1号");
        registration.put("bankName", "中国工商银行三台支行");
        registration.put("bankAccountName", "测试有限公司");
        registration.put("bankAccountNo", "2308412109000123456");
        given().auth().oauth2(Tokens.enterprise(code)).contentType("application/json")
                .body(withRaw(registration, "name", "\"\\udc00测试\"")).when().post("/api/enterprises").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("name"));
        assertEquals(afterIssue, settledFingerprint());
        org.junit.jupiter.api.Assertions.assertNotEquals(before, afterIssue);
    }

    @org.junit.jupiter.api.Test
    void aNulOrALoneSurrogateInASignedBankNoticeIsAFieldErrorNotAServerError() throws Exception {
        String before = settledFingerprint();
        Map<String, Object> notice = cn.landmarket.testing.BankFeed.credit("HOSTILE-NUL-1", "T999999-NOWHERE",
                "100.00", "付款人", clock.instant());
        for (String raw : List.of("\"付款\\u0000人\"", "\"付款\\ud800人\"")) {
            String body = withRaw(notice, "counterpartyName", raw);
            byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            given().header(cn.landmarket.bank.NoticeSignature.HEADER,
                    cn.landmarket.testing.BankFeed.sign(bytes, cn.landmarket.testing.BankFeed.SECRET))
                    .contentType("application/json").body(bytes).when().post("/api/bank/notifications").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("counterpartyName"));
            given().auth().oauth2(Tokens.operator()).contentType("application/json").body(bytes)
                    .when().post("/api/bank/notifications/manual").then()
                    .statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", org.hamcrest.Matchers.equalTo("counterpartyName"));
        }
        assertEquals(before, settledFingerprint());
    }

    @org.junit.jupiter.api.Test
    void anIdentityTooLongToRecordAsWhoActedIsA403NotAServerError() throws Exception {
        String before = settledFingerprint();
        String longSubject = "user-" + "x".repeat(300);
        String township = Tokens.claims("township", TestData.TOWNSHIP_A).upn(longSubject).sign();
        long cert = cn.landmarket.testing.Fixtures.issue(cn.landmarket.testing.Fixtures.linkage(TestData.TOWNSHIP_A,
                1_000));
        String afterIssue = settledFingerprint();
        given().auth().oauth2(township).contentType("application/json")
                .body(cn.landmarket.testing.Fixtures.listing(cert, 1_000, clock.instant())).when()
                .post("/api/listings").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(String.valueOf(Actor.MAX_LENGTH)));
        String operator = Tokens.claims("operator", "MYJYZX").upn(longSubject).sign();
        given().auth().oauth2(operator).contentType("application/json")
                .body(Map.of("working", false, "note", "假日")).when().put("/api/calendar/days/2032-03-02").then()
                .statusCode(403).contentType("application/problem+json");
        String nul = Tokens.claims("operator", "MYJYZX").upn("op\u0000erator").sign();
        given().auth().oauth2(nul).contentType("application/json")
                .body(Map.of("working", false, "note", "假日")).when().put("/api/calendar/days/2032-03-02").then()
                .statusCode(403).contentType("application/problem+json");
        assertEquals(afterIssue, settledFingerprint());
        org.junit.jupiter.api.Assertions.assertNotEquals(before, afterIssue);
    }

    @org.junit.jupiter.api.Test
    void anIdentityThatFitsTheColumnsIsRecordedInFull() {
        // "regulator:510700:" and 133 characters: 150, wider than the 100 the issuing column once held
        String subject = "r".repeat(Actor.MAX_LENGTH - ("regulator:" + TestData.CITY_REGULATOR + ":").length());
        String regulator = Tokens.claims("regulator", TestData.CITY_REGULATOR).upn(subject).sign();
        long id = given().auth().oauth2(regulator).contentType("application/json")
                .body(cn.landmarket.testing.Fixtures.linkage(TestData.TOWNSHIP_A, 1_000)).when()
                .post("/api/certificates").then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals("regulator:" + TestData.CITY_REGULATOR + ":" + subject,
                data.value(String.class, "select c.issuedBy from Certificate c where c.id = ?1", id));
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

    private static Map<String, Object> openApi() {
        try {
            return new Yaml().load(Files.readString(Path.of("openapi", "openapi.yaml")));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> queryParameters(AccessMatrixTest.Operation op) {
        Map<String, Object> document = openApi();
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
