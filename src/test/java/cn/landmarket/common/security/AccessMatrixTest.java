package cn.landmarket.common.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import cn.landmarket.party.CreditCode;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The 401/403 matrix over every operation of openapi/openapi.yaml, and how tokens that are not
 * what they claim to be are turned away.
 */
@QuarkusTest
@StandardMarket
class AccessMatrixTest {

    private static final Path COMMITTED = Path.of("openapi", "openapi.yaml");
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String NOT_AUTHENTICATED = "urn:land-market:problem:not-authenticated";
    private static final String FORBIDDEN = "urn:land-market:problem:forbidden";
    private static final String ROLE_DENIED = "Your role may not do this.";
    private static final String CREDIT_CODE = CreditCode.complete("91510703MA0000001");
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    private static final Set<Role> ALL = EnumSet.allOf(Role.class);

    /**
     * Which roles each secured operation lets in. A secured operation of the OpenAPI document that
     * is missing here fails {@link #everySecuredOperationHasARoleTableEntry()}.
     */
    static final Map<String, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry("PUT /api/calendar/days/{date}", EnumSet.of(Role.OPERATOR)),
            Map.entry("DELETE /api/calendar/days/{date}", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/certificates", ALL),
            Map.entry("POST /api/certificates", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/certificates/{id}", ALL),
            Map.entry("GET /api/certificates/{id}/lineage", ALL),
            Map.entry("POST /api/enterprises", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("GET /api/enterprises", EnumSet.of(Role.OPERATOR, Role.REGULATOR)),
            Map.entry("GET /api/enterprises/{creditCode}", EnumSet.of(Role.ENTERPRISE, Role.OPERATOR, Role.REGULATOR)),
            Map.entry("POST /api/enterprises/{creditCode}/review", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/listings", ALL),
            Map.entry("POST /api/listings", EnumSet.of(Role.TOWNSHIP)),
            Map.entry("GET /api/listings/{id}", ALL),
            Map.entry("PUT /api/listings/{id}", EnumSet.of(Role.TOWNSHIP)),
            Map.entry("DELETE /api/listings/{id}", EnumSet.of(Role.TOWNSHIP)),
            Map.entry("POST /api/listings/{id}/submit", EnumSet.of(Role.TOWNSHIP)),
            Map.entry("POST /api/listings/{id}/approve", EnumSet.of(Role.REGULATOR)),
            Map.entry("POST /api/listings/{id}/reject", EnumSet.of(Role.REGULATOR)),
            Map.entry("POST /api/listings/{id}/suspend", EnumSet.of(Role.REGULATOR)),
            Map.entry("POST /api/listings/{id}/resume", EnumSet.of(Role.REGULATOR)),
            Map.entry("POST /api/listings/{id}/terminate", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/listings/{id}/history", ALL),
            Map.entry("GET /api/listings/{id}/bids", ALL),
            Map.entry("POST /api/listings/{id}/bids", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("GET /api/listings/{id}/quotations", ALL),
            Map.entry("POST /api/listings/{id}/quotations", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("POST /api/listings/{id}/quotations/reveal", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("GET /api/listings/{id}/lottery", ALL),
            Map.entry("POST /api/listings/{id}/lottery/entries", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("POST /api/listings/{id}/lottery/reveal", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("GET /api/listings/{id}/runner-up", ALL),
            Map.entry("POST /api/trades/{id}/decline", EnumSet.of(Role.TOWNSHIP, Role.ENTERPRISE)),
            Map.entry("GET /api/notifications/preferences", EnumSet.of(Role.ENTERPRISE, Role.TOWNSHIP, Role.REGULATOR)),
            Map.entry("PUT /api/notifications/preferences", EnumSet.of(Role.ENTERPRISE, Role.TOWNSHIP, Role.REGULATOR)),
            Map.entry("GET /api/notifications/messages", EnumSet.of(Role.ENTERPRISE, Role.TOWNSHIP, Role.REGULATOR)),
            Map.entry("GET /api/notifications/dead-letters", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/notifications/dead-letters/{id}/replay", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/listings/{id}/registrations", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("GET /api/listings/{id}/registrations", EnumSet.of(Role.REGULATOR, Role.OPERATOR)),
            Map.entry("GET /api/listings/{id}/registrations/mine", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("GET /api/refunds", EnumSet.of(Role.OPERATOR, Role.REGULATOR)),
            Map.entry("POST /api/bank/notifications/manual", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/bank/notifications/manual", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/bank/notifications/manual/{id}/approve", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/bank/notifications/manual/{id}/reject", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/bank/notifications/mismatches", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/me", ALL),
            Map.entry("GET /api/ledger/accounts/{id}", EnumSet.of(Role.REGULATOR, Role.OPERATOR)),
            Map.entry("GET /api/ledger/accounts/{id}/statement", EnumSet.of(Role.REGULATOR, Role.OPERATOR)),
            Map.entry("GET /api/ledger/invariants", EnumSet.of(Role.REGULATOR)),
            Map.entry("POST /api/listings/{id}/relist", EnumSet.of(Role.TOWNSHIP)),
            Map.entry("GET /api/trades/{id}", ALL),
            Map.entry("GET /api/listings/{id}/trade", ALL),
            Map.entry("POST /api/trades/{id}/confirmations", EnumSet.of(Role.TOWNSHIP, Role.ENTERPRISE)),
            Map.entry("POST /api/listings/{id}/objections", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("GET /api/listings/{id}/objections", EnumSet.of(Role.TOWNSHIP, Role.ENTERPRISE, Role.REGULATOR)),
            Map.entry("GET /api/objections", EnumSet.of(Role.ENTERPRISE, Role.REGULATOR)),
            Map.entry("GET /api/objections/{id}", EnumSet.of(Role.TOWNSHIP, Role.ENTERPRISE, Role.REGULATOR)),
            Map.entry("POST /api/objections/{id}/answer", EnumSet.of(Role.REGULATOR)),
            Map.entry("POST /api/objections/{id}/lift", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/documents/confirmations/{id}.pdf", ALL),
            Map.entry("GET /api/documents/deposit-receipts/{id}.pdf", EnumSet.of(Role.ENTERPRISE)),
            Map.entry("GET /api/documents/refund-receipts/{id}.pdf", EnumSet.of(Role.ENTERPRISE, Role.OPERATOR, Role.REGULATOR)),
            Map.entry("GET /api/oversight/listings", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/oversight/trades", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/oversight/listings/{id}/dossier", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/oversight/listings/{id}/identities", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/oversight/signals/payer-accounts", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/oversight/signals/contacts", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/oversight/signals/client-addresses", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/oversight/signals/bid-patterns", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/oversight/signals/single-bidder-sales", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/oversight/statistics", EnumSet.of(Role.REGULATOR)),
            Map.entry("GET /api/audit/commitments/{commitment}", ALL),
            Map.entry("GET /api/organisations/counties", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/counties", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/organisations/counties/{countyCode}", EnumSet.of(Role.OPERATOR)),
            Map.entry("PUT /api/organisations/counties/{countyCode}", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/counties/{countyCode}/deactivate", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/counties/{countyCode}/reactivate", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/organisations/townships", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/townships", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/organisations/townships/{townshipCode}", EnumSet.of(Role.OPERATOR)),
            Map.entry("PUT /api/organisations/townships/{townshipCode}", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/townships/{townshipCode}/deactivate", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/townships/{townshipCode}/reactivate", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/organisations/regulators", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/regulators", EnumSet.of(Role.OPERATOR)),
            Map.entry("GET /api/organisations/regulators/{regulatorCode}", EnumSet.of(Role.OPERATOR)),
            Map.entry("PUT /api/organisations/regulators/{regulatorCode}", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/regulators/{regulatorCode}/deactivate", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/regulators/{regulatorCode}/reactivate", EnumSet.of(Role.OPERATOR)),
            Map.entry("POST /api/organisations/import", EnumSet.of(Role.OPERATOR)));

    /**
     * Plausible values for the path parameters of the API. The organisation registry's codes are
     * valid but registered by no test, so that an operator's call changes nothing (404).
     */
    static final Map<String, String> PATH_VALUES = Map.of(
            "id", "999999",
            "creditCode", CREDIT_CODE,
            "code", TestData.TOWNSHIP_A,
            "date", "2026-12-31",
            "year", "2026",
            "idx", "0",
            "commitment", "0".repeat(64),
            "countyCode", "530102",
            "townshipCode", "530102001",
            "regulatorCode", "530100");

    /** One operation of the OpenAPI document. */
    record Operation(String method, String template, boolean secured, boolean hasBody) {

        String key() {
            return method + " " + template;
        }

        String path() {
            Matcher placeholder = Pattern.compile("\\{([^}]+)}").matcher(template);
            StringBuilder path = new StringBuilder();
            while (placeholder.find()) {
                String value = PATH_VALUES.get(placeholder.group(1));
                if (value == null) {
                    fail("No plausible value for path parameter {" + placeholder.group(1) + "} of " + key()
                            + "; add one to PATH_VALUES");
                }
                placeholder.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            placeholder.appendTail(path);
            return path.toString();
        }

        Response call(RequestSpecification request) {
            if (hasBody) {
                request = request.contentType("application/json").body("{}");
            }
            return request.when().request(method, path());
        }
    }

    @Test
    void everySecuredOperationHasARoleTableEntry() {
        Set<String> secured = new TreeSet<>();
        for (Operation operation : operations().values()) {
            if (operation.secured()) {
                secured.add(operation.key());
            }
        }
        Set<String> missing = new TreeSet<>(secured);
        missing.removeAll(ALLOWED.keySet());
        Set<String> stale = new TreeSet<>(ALLOWED.keySet());
        stale.removeAll(secured);
        assertTrue(missing.isEmpty(), "Secured operations without an entry in the role table: " + missing);
        assertTrue(stale.isEmpty(), "Role table entries that are no secured operation of the API: " + stale);
    }

    @Test
    void theDocumentYieldsSecuredPublicAndBodyOperations() {
        Map<String, Operation> operations = operations();
        assertTrue(operations.values().stream().filter(Operation::secured).count() >= ALLOWED.size());
        assertTrue(operations.values().stream().anyMatch(o -> !o.secured()), "public operations are listed");
        assertTrue(operations.values().stream().anyMatch(Operation::hasBody), "operations with a body are listed");
    }

    @ParameterizedTest(name = "{0} without a token → 401")
    @MethodSource("securedOperations")
    void securedOperationWithoutTokenIsRejectedWith401(String key) {
        Operation operation = operations().get(key);
        String body = operation.call(given()).then()
                .statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo(NOT_AUTHENTICATED))
                .body("status", equalTo(401))
                .body("code", equalTo("NOT_AUTHENTICATED"))
                .body("instance", equalTo(operation.path()))
                .extract().asString();
        assertNoStackTrace(body);
    }

    @ParameterizedTest(name = "{1} on {0} → 403")
    @MethodSource("disallowedRoles")
    void roleNotInTheTableIsRejectedWith403(String key, String role) {
        Operation operation = operations().get(key);
        String body = operation.call(given().auth().oauth2(token(Role.valueOf(role)))).then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(FORBIDDEN))
                .body("status", equalTo(403))
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo(ROLE_DENIED))
                .body("instance", equalTo(operation.path()))
                .extract().asString();
        assertNoStackTrace(body);
    }

    @ParameterizedTest(name = "{1} on {0} passes the role check")
    @MethodSource("allowedRoles")
    void roleInTheTablePassesTheRoleCheck(String key, String role) {
        Operation operation = operations().get(key);
        Response response = operation.call(given().auth().oauth2(token(Role.valueOf(role))));
        int status = response.statusCode();
        assertNotEquals(401, status, key + " as " + role + ": " + response.asString());
        assertTrue(status < 500, key + " as " + role + " answered " + status + ": " + response.asString());
        if (status == 403) {
            assertNotEquals(ROLE_DENIED, response.jsonPath().getString("detail"),
                    key + " denies " + role + " by role although the table allows it");
        }
    }

    @ParameterizedTest(name = "{0} without a token is answered")
    @MethodSource("publicOperations")
    void publicOperationAnswersWithoutAToken(String key) {
        Operation operation = operations().get(key);
        operation.call(given()).then()
                .statusCode(not(401))
                .statusCode(not(403))
                .statusCode(lessThan(500));
    }

    @Test
    void expiredTokenIsRejectedWith401() {
        Instant past = Instant.now().minusSeconds(3600);
        String token = Tokens.claims("operator", "MYJYZX").issuedAt(past.minusSeconds(3600)).expiresAt(past).sign();
        assertNotAuthenticated(given().auth().oauth2(token));
    }

    @Test
    void tokenFromAnotherIssuerIsRejectedWith401() {
        String token = Tokens.claims("operator", "MYJYZX").issuer("https://id.elsewhere.example").sign();
        assertNotAuthenticated(given().auth().oauth2(token));
    }

    @Test
    void tokenForAnotherAudienceIsRejectedWith401() {
        String token = Tokens.claims("operator", "MYJYZX").audience("another-service").sign();
        assertNotAuthenticated(given().auth().oauth2(token));
    }

    @Test
    void tokenWithTamperedSignatureIsRejectedWith401() {
        String token = Tokens.operator();
        int signatureStart = token.lastIndexOf('.') + 1;
        int at = signatureStart + (token.length() - signatureStart) / 2;
        char flipped = token.charAt(at) == 'A' ? 'B' : 'A';
        String tampered = token.substring(0, at) + flipped + token.substring(at + 1);
        assertNotEquals(token, tampered);
        assertNotAuthenticated(given().auth().oauth2(tampered));
    }

    @Test
    void tokenWithTamperedClaimsIsRejectedWith401() {
        String[] parts = Tokens.township(TestData.TOWNSHIP_A).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"township\"", "\"operator\"");
        String forged = parts[0] + "." + base64Url(claims) + "." + parts[2];
        assertNotAuthenticated(given().auth().oauth2(forged));
    }

    @Test
    void tokenSignedWithAnotherKeyIsRejectedWith401() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair foreign = generator.generateKeyPair();
        String token = Tokens.claims("operator", "MYJYZX").sign(foreign.getPrivate());
        assertNotAuthenticated(given().auth().oauth2(token));
    }

    @Test
    void unsignedAlgNoneTokenIsRejectedWith401() {
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64Url("{\"iss\":\"" + Tokens.ISSUER + "\",\"aud\":\"" + Tokens.AUDIENCE
                + "\",\"upn\":\"operator-user\",\"groups\":[\"operator\"],\"org\":\"MYJYZX\",\"iat\":" + now
                + ",\"exp\":" + (now + 3600) + "}");
        assertNotAuthenticated(given().auth().oauth2(header + "." + claims + "."));
    }

    @Test
    void garbageBearerTokenIsRejectedWith401() {
        assertNotAuthenticated(given().header("Authorization", "Bearer abc"));
    }

    @Test
    void validTokenIsAcceptedOnTheSameEndpoint() {
        given().auth().oauth2(Tokens.operator())
                .when().get("/api/me")
                .then().statusCode(200)
                .body("role", equalTo("OPERATOR"))
                .body("org", equalTo("MYJYZX"));
    }

    @Test
    void tokenWithoutOrgClaimIsRejectedWith403NamingOrg() {
        String token = Tokens.claims("operator", "MYJYZX").remove("org").sign();
        given().auth().oauth2(token)
                .when().get("/api/me")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(FORBIDDEN))
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", containsString("org"))
                .body("instance", equalTo("/api/me"));
    }

    @Test
    void tokenWithTwoMarketplaceGroupsIsRejectedWith403() {
        String token = Tokens.claims("operator", "MYJYZX").groups(Set.of("operator", "regulator")).sign();
        given().auth().oauth2(token)
                .when().get("/api/me")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", containsString("exactly one of the groups"))
                .body("instance", equalTo("/api/me"));
    }

    @Test
    void tokenWithOnlyAnUnknownGroupIsRejectedWith403() {
        String token = Tokens.claims("admin", "MYJYZX").sign();
        given().auth().oauth2(token)
                .when().get("/api/me")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", containsString("exactly one of the groups"))
                .body("instance", equalTo("/api/me"));
    }

    @Test
    void townshipTokenForAnUnregisteredTownshipIsRejectedWith403() {
        given().auth().oauth2(Tokens.township("510722999"))
                .when().get("/api/certificates")
                .then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo(FORBIDDEN))
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", containsString("is not registered"))
                .body("detail", containsString("510722999"))
                .body("instance", equalTo("/api/certificates"));
    }

    /** A valid 6-digit division code that no regulator is registered under. */
    private static final String UNREGISTERED_REGULATOR = "510600";

    /** Bodies that pass validation, so that what answers a regulator's operation is its organisation check. */
    private static final Map<String, Object> REGULATOR_BODIES = Map.of(
            "POST /api/certificates", cn.landmarket.testing.Fixtures.linkage(TestData.TOWNSHIP_A, 1_000),
            "POST /api/listings/{id}/reject", Map.of("reason", "测试"),
            "POST /api/listings/{id}/suspend", Map.of("reason", "测试"),
            "POST /api/listings/{id}/terminate", Map.of("reason", "测试"));

    /** Every operation a regulator may call, but GET /api/me (which tells an unregistered caller that it is one). */
    static Stream<String> regulatorOperations() {
        return securedOperations().filter(key -> allowed(key).contains(Role.REGULATOR))
                .filter(key -> !key.equals("GET /api/me"));
    }

    @ParameterizedTest(name = "{0} with a token for an unregistered regulator → 403")
    @MethodSource("regulatorOperations")
    void aTokenForAnUnregisteredRegulatorIsRefusedWith403OnEveryRegulatorOperation(String key) {
        Operation operation = operations().get(key);
        RequestSpecification request = given().auth().oauth2(Tokens.regulator(UNREGISTERED_REGULATOR))
                .queryParam("reason", "测试");
        Response response = REGULATOR_BODIES.containsKey(key)
                ? request.contentType("application/json").body(REGULATOR_BODIES.get(key)).when()
                        .request(operation.method(), operation.path())
                : operation.call(request);
        response.then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", containsString(UNREGISTERED_REGULATOR))
                .body("detail", containsString("is not registered"));
    }

    @Test
    void unauthenticatedProblemIsLocalisedAndCarriesNoStackTrace() {
        String body = given().header("Accept-Language", "zh-CN").header("Authorization", "Bearer abc")
                .when().get("/api/listings/999999")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("Content-Language", "zh")
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("title", equalTo("未认证"))
                .body("instance", equalTo("/api/listings/999999"))
                .extract().asString();
        assertNoStackTrace(body);
    }

    private static void assertNotAuthenticated(RequestSpecification request) {
        String body = request.when().get("/api/me")
                .then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("type", equalTo(NOT_AUTHENTICATED))
                .body("status", equalTo(401))
                .body("code", equalTo("NOT_AUTHENTICATED"))
                .body("instance", equalTo("/api/me"))
                .extract().asString();
        assertNoStackTrace(body);
    }

    static void assertNoStackTrace(String body) {
        assertFalse(body.contains("Exception"), "problem mentions an exception: " + body);
        assertFalse(body.contains("\tat ") || body.contains("at io.") || body.contains("at cn."),
                "problem carries a stack trace: " + body);
    }

    static String token(Role role) {
        return switch (role) {
            case TOWNSHIP -> Tokens.township(TestData.TOWNSHIP_A);
            case ENTERPRISE -> Tokens.enterprise(CREDIT_CODE);
            case REGULATOR -> Tokens.regulator(TestData.CITY_REGULATOR);
            case OPERATOR -> Tokens.operator();
        };
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    static Stream<String> securedOperations() {
        return operations().values().stream().filter(Operation::secured).map(Operation::key);
    }

    /** Operations without a bearer token; the bank feed is authenticated by its signature instead. */
    static Stream<String> publicOperations() {
        return operations().values().stream().filter(o -> !o.secured()).map(Operation::key)
                .filter(key -> !key.equals(SIGNED_FEED));
    }

    private static final String SIGNED_FEED = "POST /api/bank/notifications";

    @Test
    void theBankFeedWithoutASignatureIsRejectedWith401() {
        assertTrue(operations().containsKey(SIGNED_FEED));
        operations().get(SIGNED_FEED).call(given()).then().statusCode(401)
                .contentType("application/problem+json");
    }

    static Stream<Arguments> disallowedRoles() {
        return securedOperations().flatMap(key -> EnumSet.complementOf(EnumSet.copyOf(allowed(key))).stream()
                .map(role -> Arguments.of(key, role.name())));
    }

    static Stream<Arguments> allowedRoles() {
        return securedOperations().flatMap(key -> allowed(key).stream().map(role -> Arguments.of(key, role.name())));
    }

    static Set<Role> allowed(String key) {
        Set<Role> roles = ALLOWED.get(key);
        if (roles == null) {
            fail("No entry in the role table for secured operation " + key);
        }
        return roles;
    }

    /** The operations of the committed OpenAPI document, by "METHOD /path". */
    static Map<String, Operation> operations() {
        String yaml;
        try {
            yaml = Files.readString(COMMITTED);
        } catch (IOException e) {
            throw new UncheckedIOException("The committed OpenAPI document is missing", e);
        }
        Map<String, Object> document = new Yaml().load(yaml);
        Map<String, Operation> operations = new TreeMap<>();
        for (Map.Entry<String, Object> path : map(document.get("paths")).entrySet()) {
            for (Map.Entry<String, Object> entry : map(path.getValue()).entrySet()) {
                if (!HTTP_METHODS.contains(entry.getKey())) {
                    continue;
                }
                Map<String, Object> operation = map(entry.getValue());
                Object security = operation.getOrDefault("security", document.get("security"));
                boolean secured = security instanceof List<?> requirements && !requirements.isEmpty()
                        && requirements.stream().noneMatch(r -> r instanceof Map<?, ?> m && m.isEmpty());
                Operation op = new Operation(entry.getKey().toUpperCase(), path.getKey(), secured,
                        operation.containsKey("requestBody"));
                operations.put(op.key(), op);
            }
        }
        assertFalse(operations.isEmpty(), "no operations in " + COMMITTED);
        return operations;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map<?, ?>, "expected a mapping in the OpenAPI document, found " + node);
        return (Map<String, Object>) node;
    }
}
