package cn.landmarket.party;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The organisation registry over HTTP: operators register, rename, deactivate and reactivate
 * counties, townships and regulators, and import counties and townships from a CSV; every change
 * is an audit entry, every refusal changes nothing, and a deactivated organisation's tokens are
 * refused while its history stays readable.
 */
@QuarkusTest
@StandardMarket
class OrganisationResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CSV = "text/csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Each test takes a prefecture of its own in province 62 (甘肃), which no other test class
     * uses: counties 62PP01.., townships 62PP01001.., the prefecture's regulator 62PP00.
     */
    private static final AtomicInteger PREFECTURE = new AtomicInteger();

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    private final String operator = Tokens.operator();

    private static String prefecture() {
        int p = PREFECTURE.incrementAndGet();
        assertTrue(p < 100, "out of prefectures in province 62");
        return "62%02d".formatted(p);
    }

    // ---- helpers -------------------------------------------------------------------------------

    private ValidatableResponse post(String path, Object body) {
        return given().auth().oauth2(operator).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    private ValidatableResponse put(String path, Object body) {
        return given().auth().oauth2(operator).contentType(ContentType.JSON).body(body).when().put(path).then();
    }

    private ValidatableResponse act(String path) {
        return given().auth().oauth2(operator).when().post(path).then();
    }

    private ValidatableResponse get(String path) {
        return given().auth().oauth2(operator).when().get(path).then();
    }

    private void county(String code, String name) {
        post("/api/organisations/counties", Map.of("code", code, "name", name)).statusCode(201);
    }

    private void township(String code, String name) {
        post("/api/organisations/townships", Map.of("code", code, "name", name)).statusCode(201);
    }

    private ValidatableResponse importCsv(String csv, Boolean dryRun, String language) {
        var request = given().auth().oauth2(operator).contentType(CSV + "; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8));
        if (dryRun != null) {
            request = request.queryParam("dryRun", dryRun);
        }
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.when().post("/api/organisations/import").then();
    }

    /** The audit entries of a type whose facts carry the code, staged or in the tree, in the order written. */
    private List<Map<String, Object>> entries(String type, String code) throws Exception {
        return query("cast(json as jsonb) ->> 'type' = ? and cast(json as jsonb) #>> '{facts,code}' = ?", type,
                code);
    }

    /** The audit entries written by one import (facts.importSha256). */
    private List<Map<String, Object>> entriesOfImport(String sha256) throws Exception {
        return query("cast(json as jsonb) #>> '{facts,importSha256}' = ?", sha256);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> query(String where, String... params) throws Exception {
        List<Map<String, Object>> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                select json from (
                    select 1 as stage, id as pos, convert_from(entry, 'UTF8') as json from audit_pending
                    union all
                    select 0 as stage, idx as pos, convert_from(entry, 'UTF8') as json from audit_entry
                ) e""" + " where " + where + " order by stage, pos")) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(JSON.readValue(rs.getString(1), Map.class));
                }
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Object fact(Map<String, Object> entry, String key) {
        return ((Map<String, Object>) entry.get("facts")).get(key);
    }

    private long rows(String table, String codePrefix) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from " + table + " where code like ?")) {
            ps.setString(1, codePrefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * How many organisation entries the log holds (county, township, regulator, import): what a refused
     * call here must not add to. Entries other features' background work writes meanwhile do not count.
     */
    private long auditCount() throws Exception {
        return query("split_part(cast(json as jsonb) ->> 'type', '.', 1) in ('county', 'township', 'regulator', "
                + "'organisations')").size();
    }

    // ---- counties ------------------------------------------------------------------------------

    @Test
    void anOperatorRegistersAndReadsACountyAndTheRegistrationIsLogged() throws Exception {
        String county = prefecture() + "01";
        post("/api/organisations/counties", Map.of("code", county, "name", " 城关区 ")).statusCode(201)
                .body("code", equalTo(county))
                .body("name", equalTo("城关区"))
                .body("active", equalTo(true))
                .body("createdAt", notNullValue())
                .body("deactivatedAt", nullValue());
        get("/api/organisations/counties/" + county).statusCode(200).body("name", equalTo("城关区"));
        given().auth().oauth2(operator).queryParam("active", true).queryParam("size", 100).when()
                .get("/api/organisations/counties").then().statusCode(200)
                .body("items.active", everyItem(equalTo(true)))
                .body("items.code", hasItem(TestData.COUNTY));

        List<Map<String, Object>> logged = entries("county.registered", county);
        assertEquals(1, logged.size());
        assertEquals("城关区", fact(logged.get(0), "name"));
        assertTrue(((String) logged.get(0).get("actor")).startsWith("operator:MYJYZX:"), logged.toString());
    }

    @Test
    void aDuplicateCountyIsAConflictAndChangesNothing() throws Exception {
        String county = prefecture() + "01";
        county(county, "城关区");
        post("/api/organisations/counties", Map.of("code", county, "name", "另一个名字")).statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("CONFLICT"))
                .body("detail", equalTo("County " + county + " is already registered (as 城关区)."));
        get("/api/organisations/counties/" + county).statusCode(200).body("name", equalTo("城关区"));
        assertEquals(1, entries("county.registered", county).size());
    }

    @Test
    void concurrentRegistrationsOfOneCountyGiveOne201AndClear409s() throws Exception {
        String county = prefecture() + "01";
        int threads = 4;
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                String name = "城关区" + i;
                answers.add(pool.submit(() -> {
                    go.await();
                    return given().auth().oauth2(operator).contentType(ContentType.JSON)
                            .body(Map.of("code", county, "name", name)).when().post("/api/organisations/counties")
                            .then().extract().statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            statuses.sort(null);
            assertEquals(List.of(201, 409, 409, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, entries("county.registered", county).size());
    }

    @Test
    void aBadCountyCodeOrNameIsA400NamingTheField() throws Exception {
        String prefecture = prefecture();
        long before = auditCount();
        for (String code : List.of(prefecture + "00", "620000", prefecture + "01001", "62A101", "990101")) {
            post("/api/organisations/counties", Map.of("code", code, "name", "某县")).statusCode(400)
                    .contentType(PROBLEM_JSON)
                    .body("code", equalTo("VALIDATION_FAILED"))
                    .body("errors.field", hasItem("code"))
                    .body("errors.find { it.field == 'code' }.message",
                            equalTo("must be a 6-digit county-level division code"));
        }
        String county = prefecture + "01";
        post("/api/organisations/counties", Map.of("code", county, "name", "  ")).statusCode(400)
                .body("errors.find { it.field == 'name' }.code", equalTo("organisation.name-blank"));
        post("/api/organisations/counties", Map.of("code", county, "name", "县".repeat(101))).statusCode(400)
                .body("errors.find { it.field == 'name' }.message",
                        equalTo("The name may be at most 100 characters long."));
        post("/api/organisations/counties", Map.of("code", county, "name", "城关\n区")).statusCode(400)
                .body("errors.find { it.field == 'name' }.code", equalTo("organisation.name-control"));
        post("/api/organisations/counties", Map.of("code", county)).statusCode(400)
                .body("errors.field", hasItem("name"));
        get("/api/organisations/counties/" + county).statusCode(404);
        assertEquals(before, auditCount());
    }

    @Test
    void unknownOrganisationsAreNotFound() {
        String prefecture = prefecture();
        String county = prefecture + "01";
        String township = county + "001";
        String regulator = prefecture + "00";
        for (String path : List.of("/api/organisations/counties/" + county,
                "/api/organisations/townships/" + township, "/api/organisations/regulators/" + regulator)) {
            get(path).statusCode(404).contentType(PROBLEM_JSON).body("code", equalTo("NOT_FOUND"));
            put(path, Map.of("name", "某")).statusCode(404).body("code", equalTo("NOT_FOUND"));
            act(path + "/deactivate").statusCode(404).body("code", equalTo("NOT_FOUND"));
            act(path + "/reactivate").statusCode(404).body("code", equalTo("NOT_FOUND"));
        }
        get("/api/organisations/counties/" + county).body("detail", equalTo("No county with id " + county + "."));
    }

    @Test
    void onlyOperatorsKeepTheRegistry() throws Exception {
        String county = prefecture() + "01";
        long before = auditCount();
        for (String token : List.of(Tokens.township(TestData.TOWNSHIP_A), Tokens.regulator(TestData.CITY_REGULATOR),
                Tokens.enterprise(CreditCode.complete("91510703MA0000001")))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("code", county, "name", "某县"))
                    .when().post("/api/organisations/counties").then().statusCode(403)
                    .contentType(PROBLEM_JSON)
                    .body("code", equalTo("FORBIDDEN"));
            given().auth().oauth2(token).when().get("/api/organisations/townships").then().statusCode(403);
            given().auth().oauth2(token).contentType(CSV).body(county + ",某县\n").when()
                    .post("/api/organisations/import?dryRun=false").then().statusCode(403);
        }
        given().contentType(ContentType.JSON).body(Map.of("code", county, "name", "某县")).when()
                .post("/api/organisations/counties").then().statusCode(401);
        get("/api/organisations/counties/" + county).statusCode(404);
        assertEquals(before, auditCount());
    }

    @Test
    void aRenameIsLoggedWithThePreviousNameAndShowsInItsTownships() throws Exception {
        String county = prefecture() + "01";
        county(county, "城关县");
        township(county + "001", "东关街道");
        clock.advance(java.time.Duration.ofMinutes(5));
        String created = get("/api/organisations/counties/" + county).extract().path("createdAt");
        put("/api/organisations/counties/" + county, Map.of("name", "城关区")).statusCode(200)
                .body("name", equalTo("城关区"))
                .body("createdAt", equalTo(created))
                .body("updatedAt", not(equalTo(created)));
        given().when().get("/api/townships/" + county + "001").then().statusCode(200)
                .body("countyName", equalTo("城关区"));
        put("/api/organisations/counties/" + county, Map.of("name", "城关区")).statusCode(200);

        List<Map<String, Object>> renamed = entries("county.renamed", county);
        assertEquals(1, renamed.size(), "renaming to the same name logs nothing");
        assertEquals("城关区", fact(renamed.get(0), "name"));
        assertEquals("城关县", fact(renamed.get(0), "previousName"));

        put("/api/organisations/counties/" + county, Map.of("name", "")).statusCode(400)
                .body("errors.field", hasItem("name"));
    }

    @Test
    void aCountyIsDeactivatedOnlyOnceItsTownshipsAreAndReactivatedOnce() throws Exception {
        String county = prefecture() + "01";
        county(county, "城关区");
        township(county + "001", "东关街道");
        act("/api/organisations/counties/" + county + "/deactivate").statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("INVALID_STATE"))
                .body("detail", equalTo("County " + county + " still has 1 active townships; deactivate them first."));
        act("/api/organisations/townships/" + county + "001/deactivate").statusCode(200).body("active", equalTo(false));
        act("/api/organisations/counties/" + county + "/deactivate").statusCode(200)
                .body("active", equalTo(false))
                .body("deactivatedAt", notNullValue());
        act("/api/organisations/counties/" + county + "/deactivate").statusCode(409)
                .body("detail", equalTo("Organisation " + county + " is already deactivated."));
        act("/api/organisations/townships/" + county + "001/reactivate").statusCode(409)
                .body("detail", equalTo("County " + county + " is deactivated; reactivate the county first."));
        given().auth().oauth2(operator).queryParam("active", false).queryParam("size", 100).when()
                .get("/api/organisations/counties").then().statusCode(200)
                .body("items.code", hasItem(county))
                .body("items.active", everyItem(equalTo(false)));

        act("/api/organisations/counties/" + county + "/reactivate").statusCode(200)
                .body("active", equalTo(true))
                .body("deactivatedAt", nullValue());
        act("/api/organisations/counties/" + county + "/reactivate").statusCode(409)
                .body("detail", equalTo("Organisation " + county + " is already active."));
        act("/api/organisations/townships/" + county + "001/reactivate").statusCode(200).body("active", equalTo(true));

        assertEquals(1, entries("county.deactivated", county).size());
        assertEquals(1, entries("county.reactivated", county).size());
        assertEquals(1, entries("township.deactivated", county + "001").size());
        assertEquals(1, entries("township.reactivated", county + "001").size());
        assertEquals(county, fact(entries("township.deactivated", county + "001").get(0), "countyCode"));
    }

    // ---- townships -----------------------------------------------------------------------------

    @Test
    void aTownshipNeedsARegisteredActiveCountyNamedByItsFirstSixDigits() throws Exception {
        String prefecture = prefecture();
        String county = prefecture + "01";
        post("/api/organisations/townships", Map.of("code", county + "001", "name", "东关街道")).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("code"))
                .body("errors[0].code", equalTo("township.county-unknown"))
                .body("errors[0].message", equalTo("The first six digits name county " + county
                        + ", which is not registered; register the county first."));
        given().auth().oauth2(operator).header("Accept-Language", "zh-CN").contentType(ContentType.JSON)
                .body(Map.of("code", county + "001", "name", "东关街道")).when().post("/api/organisations/townships")
                .then().statusCode(400)
                .body("errors[0].message", equalTo("代码前六位对应的区县 " + county + " 尚未登记，请先登记该区县。"));

        county(county, "城关区");
        act("/api/organisations/counties/" + county + "/deactivate").statusCode(200);
        post("/api/organisations/townships", Map.of("code", county + "001", "name", "东关街道")).statusCode(400)
                .body("errors[0].code", equalTo("township.county-deactivated"))
                .body("errors[0].message", containsString(county));
        act("/api/organisations/counties/" + county + "/reactivate").statusCode(200);

        post("/api/organisations/townships", Map.of("code", county + "001", "name", "东关街道")).statusCode(201)
                .body("code", equalTo(county + "001"))
                .body("countyCode", equalTo(county))
                .body("countyName", equalTo("城关区"))
                .body("active", equalTo(true));
        post("/api/organisations/townships", Map.of("code", county + "001", "name", "别名")).statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("detail", equalTo("Township " + county + "001 is already registered (as 东关街道)."));
        for (String bad : List.of(county + "000", county, prefecture + "00001", "62010100X")) {
            post("/api/organisations/townships", Map.of("code", bad, "name", "某镇")).statusCode(400)
                    .body("errors.field", hasItem("code"));
        }
        assertEquals(1, entries("township.registered", county + "001").size());
        assertEquals(county, fact(entries("township.registered", county + "001").get(0), "countyCode"));
    }

    @Test
    void townshipsAreListedByCountyAndByWhetherTheyAreActive() {
        String county = prefecture() + "01";
        county(county, "城关区");
        township(county + "001", "东关街道");
        township(county + "002", "西关街道");
        act("/api/organisations/townships/" + county + "002/deactivate").statusCode(200);
        given().auth().oauth2(operator).queryParam("county", county).when().get("/api/organisations/townships").then()
                .statusCode(200)
                .body("items.code", equalTo(List.of(county + "001", county + "002")))
                .body("total", equalTo(2));
        given().auth().oauth2(operator).queryParam("county", county).queryParam("active", true).when()
                .get("/api/organisations/townships").then().statusCode(200)
                .body("items.code", equalTo(List.of(county + "001")));
        given().auth().oauth2(operator).queryParam("county", county).queryParam("active", false).when()
                .get("/api/organisations/townships").then().statusCode(200)
                .body("items.code", equalTo(List.of(county + "002")))
                .body("items[0].deactivatedAt", notNullValue());
        given().auth().oauth2(operator).queryParam("county", county).queryParam("size", 1).when()
                .get("/api/organisations/townships").then().statusCode(200)
                .body("items", hasSize(1))
                .body("total", equalTo(2));
        given().auth().oauth2(operator).queryParam("county", "6201").when().get("/api/organisations/townships").then()
                .statusCode(400).body("errors.field", hasItem("county"));
    }

    @Test
    void aDeactivatedTownshipsTokenIsRefusedWhileItsHistoryStaysReadable() throws Exception {
        String prefecture = prefecture();
        String county = prefecture + "01";
        String code = county + "001";
        String regulator = prefecture + "00";
        county(county, "城关区");
        township(code, "东关街道");
        post("/api/organisations/regulators", Map.of("code", regulator, "name", "某市自然资源局")).statusCode(201);
        long certificate = given().auth().oauth2(Tokens.regulator(regulator)).contentType(ContentType.JSON)
                .body(Fixtures.linkage(code, 10_000)).when().post("/api/certificates").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        String token = Tokens.township(code);
        given().auth().oauth2(token).when().get("/api/certificates").then().statusCode(200)
                .body("items.id", hasItem((int) certificate));

        act("/api/organisations/townships/" + code + "/deactivate").statusCode(200)
                .body("active", equalTo(false));
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200)
                .body("orgRegistered", equalTo(true))
                .body("orgActive", equalTo(false));
        given().auth().oauth2(token).when().get("/api/certificates").then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo("Organisation " + code
                        + " is deactivated: it may no longer act here. Ask the trading centre to reactivate it."));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.listing(certificate, 5_000, clock.instant())).when().post("/api/listings").then()
                .statusCode(403);
        given().when().get("/api/townships/" + code).then().statusCode(200)
                .body("name", equalTo("东关街道"))
                .body("active", equalTo(false))
                .body("deactivatedAt", notNullValue());
        given().auth().oauth2(operator).when().get("/api/certificates/" + certificate).then().statusCode(200)
                .body("holderCode", equalTo(code));
        given().auth().oauth2(Tokens.regulator(regulator)).when().get("/api/certificates/" + certificate).then()
                .statusCode(200);
        given().auth().oauth2(Tokens.regulator(regulator)).contentType(ContentType.JSON)
                .body(Fixtures.linkage(code, 10_000)).when().post("/api/certificates").then().statusCode(409)
                .body("code", equalTo("INVALID_STATE"))
                .body("detail", equalTo("Township " + code + " is deactivated."));

        act("/api/organisations/townships/" + code + "/reactivate").statusCode(200).body("active", equalTo(true));
        given().auth().oauth2(token).when().get("/api/certificates").then().statusCode(200)
                .body("items.id", hasItem((int) certificate));
    }

    // ---- regulators ----------------------------------------------------------------------------

    @Test
    void regulatorsAreRegisteredAtProvincePrefectureOrCountyLevel() throws Exception {
        String prefecture = prefecture();
        post("/api/organisations/regulators", Map.of("code", prefecture + "00", "name", "某市自然资源局"))
                .statusCode(201)
                .body("code", equalTo(prefecture + "00"))
                .body("jurisdiction", equalTo(prefecture))
                .body("active", equalTo(true));
        post("/api/organisations/regulators", Map.of("code", prefecture + "02", "name", "某县自然资源局"))
                .statusCode(201)
                .body("jurisdiction", equalTo(prefecture + "02"));
        if (rows("regulator", "630000") == 0) {
            post("/api/organisations/regulators", Map.of("code", "630000", "name", "青海省自然资源厅")).statusCode(201)
                    .body("jurisdiction", equalTo("63"));
        }
        get("/api/organisations/regulators/630000").statusCode(200).body("jurisdiction", equalTo("63"));
        post("/api/organisations/regulators", Map.of("code", prefecture + "00", "name", "另一个")).statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("detail", equalTo("Regulator " + prefecture + "00 is already registered (as 某市自然资源局)."));
        for (String bad : List.of("62", prefecture, prefecture + "01001", "990000", "62000A")) {
            post("/api/organisations/regulators", Map.of("code", bad, "name", "某局")).statusCode(400)
                    .body("errors.find { it.field == 'code' }.message", equalTo(
                            "must be the 6-digit division code of a province (510000), a prefecture (510700) or a county (510703)"));
        }
        post("/api/organisations/regulators", Map.of("code", prefecture + "03", "name", "局".repeat(201)))
                .statusCode(400).body("errors.find { it.field == 'name' }.message",
                        equalTo("The name may be at most 200 characters long."));
        List<Map<String, Object>> logged = entries("regulator.registered", prefecture + "00");
        assertEquals(1, logged.size());
        assertEquals(prefecture, fact(logged.get(0), "jurisdiction"));
        given().auth().oauth2(operator).queryParam("size", 100).when().get("/api/organisations/regulators").then()
                .statusCode(200).body("items.code", hasItem(TestData.CITY_REGULATOR));
    }

    @Test
    void aRegulatorRegisteredThroughTheApiActsWithinItsJurisdictionUntilDeactivated() throws Exception {
        String prefecture = prefecture();
        String regulator = prefecture + "00";
        String token = Tokens.regulator(regulator);
        given().auth().oauth2(token).when().get("/api/enterprises").then().statusCode(403)
                .body("detail", containsString("is not registered"));

        post("/api/organisations/regulators", Map.of("code", regulator, "name", "某市自然资源局")).statusCode(201);
        given().auth().oauth2(token).when().get("/api/enterprises").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Fixtures.linkage(TestData.TOWNSHIP_A, 1_000)).when().post("/api/certificates").then()
                .statusCode(403).body("detail", equalTo("This lies outside your jurisdiction."));

        put("/api/organisations/regulators/" + regulator, Map.of("name", "某市自然资源和规划局")).statusCode(200)
                .body("name", equalTo("某市自然资源和规划局"));
        given().auth().oauth2(token).when().get("/api/me").then().statusCode(200)
                .body("orgName", equalTo("某市自然资源和规划局"));

        act("/api/organisations/regulators/" + regulator + "/deactivate").statusCode(200)
                .body("active", equalTo(false));
        given().auth().oauth2(token).when().get("/api/enterprises").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", containsString("is deactivated"));
        act("/api/organisations/regulators/" + regulator + "/deactivate").statusCode(409);
        act("/api/organisations/regulators/" + regulator + "/reactivate").statusCode(200);
        given().auth().oauth2(token).when().get("/api/enterprises").then().statusCode(200);

        for (String change : List.of("registered", "renamed", "deactivated", "reactivated")) {
            assertEquals(1, entries("regulator." + change, regulator).size(), change);
        }
        assertEquals("某市自然资源局", fact(entries("regulator.renamed", regulator).get(0), "previousName"));
    }

    // ---- bulk import ---------------------------------------------------------------------------

    @Test
    void aDryRunReportsEachRowAndWritesNothing() throws Exception {
        String prefecture = prefecture();
        String csv = "\uFEFF统计用区划代码,名称\n" + prefecture + "00000000,某市\n" + prefecture + "01000000,城关区\n"
                + prefecture + "01001000,东关街道\n" + prefecture + "01001001,某社区\n";
        long before = auditCount();
        importCsv(csv, true, null).statusCode(200)
                .body("dryRun", equalTo(true))
                .body("applied", equalTo(false))
                .body("header", equalTo(true))
                .body("rowsRead", equalTo(4))
                .body("counties.created", equalTo(1))
                .body("townships.created", equalTo(1))
                .body("skipped", equalTo(2))
                .body("invalid", equalTo(0))
                .body("errors", empty())
                .body("rows.line", equalTo(List.of(2, 3, 4, 5)))
                .body("rows.outcome", equalTo(List.of("SKIPPED", "CREATE", "CREATE", "SKIPPED")))
                .body("rows[0].skipped", equalTo("ABOVE_COUNTY"))
                .body("rows[1].code", equalTo(prefecture + "01"))
                .body("rows[1].kind", equalTo("COUNTY"))
                .body("rows[2].code", equalTo(prefecture + "01001"))
                .body("rows[3].skipped", equalTo("BELOW_TOWNSHIP"))
                .body("sha256", equalTo(OrganisationImport.sha256(csv.getBytes(StandardCharsets.UTF_8))));
        importCsv(csv, null, null).statusCode(200).body("dryRun", equalTo(true)).body("applied", equalTo(false));
        assertEquals(0, rows("county", prefecture));
        assertEquals(0, rows("township", prefecture));
        assertEquals(before, auditCount());
    }

    @Test
    void aDryRunGivesOneErrorPerBadRowInTheCallersLanguage() throws Exception {
        String prefecture = prefecture();
        String csv = prefecture + "01,城关区\n" + prefecture + "01001\n" + prefecture + "02001,某镇\nabc,某镇\n";
        importCsv(csv, true, "zh-CN").statusCode(200)
                .body("invalid", equalTo(3))
                .body("rows.outcome", equalTo(List.of("CREATE", "INVALID", "INVALID", "INVALID")))
                .body("rows[1].error", equalTo("import.columns"))
                .body("errors.field", equalTo(List.of("line 2", "line 3", "line 4")))
                .body("errors.code", equalTo(List.of("import.columns", "import.county-unknown", "import.code-format")))
                .body("errors[0].message", equalTo("应有 2 列（行政区划代码、名称），实际为 1 列。"))
                .body("errors[1].message", equalTo("区县 " + prefecture + "02 既未登记，也不在本文件中；请将其加入文件或先行登记。"));
        importCsv(csv, true, "en").statusCode(200)
                .body("errors[0].message", equalTo("Expected 2 columns (division code, name), found 1."))
                .body("errors[2].message", equalTo("\"abc\" is not a division code of 6, 9 or 12 digits."));
        assertEquals(0, rows("county", prefecture));
    }

    @Test
    void anAppliedImportWritesEveryRowAndLogsEachOrganisationAndTheImport() throws Exception {
        String prefecture = prefecture();
        String county = prefecture + "01";
        county(county, "城关县");
        township(county + "001", "东关街道");
        String csv = "code,name\r\n" + county + ",城关区\r\n" + county + "001,东关街道\r\n" + county + "002,西关街道\r\n"
                + prefecture + "02,七里河区\r\n" + prefecture + "02001,西园街道\r\n";
        String sha = OrganisationImport.sha256(csv.getBytes(StandardCharsets.UTF_8));
        importCsv(csv, false, null).statusCode(200)
                .body("sha256", equalTo(sha))
                .body("dryRun", equalTo(false))
                .body("applied", equalTo(true))
                .body("counties.created", equalTo(1))
                .body("counties.renamed", equalTo(1))
                .body("townships.created", equalTo(2))
                .body("townships.unchanged", equalTo(1))
                .body("rows[0].previousName", equalTo("城关县"));

        get("/api/organisations/counties/" + county).statusCode(200).body("name", equalTo("城关区"));
        get("/api/organisations/townships/" + prefecture + "02001").statusCode(200)
                .body("countyName", equalTo("七里河区"))
                .body("active", equalTo(true));
        assertEquals(2, rows("county", prefecture));
        assertEquals(3, rows("township", prefecture));

        List<Map<String, Object>> logged = entriesOfImport(sha);
        assertEquals(List.of("county.renamed", "county.registered", "township.registered", "township.registered",
                "organisations.imported"), logged.stream().map(e -> e.get("type")).toList());
        assertEquals("城关县", fact(logged.get(0), "previousName"));
        Map<String, Object> imported = logged.get(4);
        assertEquals(5, fact(imported, "rowsRead"));
        assertEquals(1, fact(imported, "countiesCreated"));
        assertEquals(1, fact(imported, "countiesRenamed"));
        assertEquals(2, fact(imported, "townshipsCreated"));
        assertEquals(1, fact(imported, "townshipsUnchanged"));
        assertTrue(((String) imported.get("actor")).startsWith("operator:"));

        importCsv(csv, false, null).statusCode(200)
                .body("counties.unchanged", equalTo(2))
                .body("townships.unchanged", equalTo(3))
                .body("counties.created", equalTo(0));
    }

    @Test
    void aFailingApplyIsA400WithTheReportAndWritesNothing() throws Exception {
        String prefecture = prefecture();
        String csv = prefecture + "01,城关区\n" + prefecture + "01001,东关街道\n" + prefecture + "01001,东关街道\n";
        long before = auditCount();
        importCsv(csv, false, null).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", equalTo("The import was refused: 1 rows are invalid, and nothing was written."))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("line 3"))
                .body("errors[0].code", equalTo("import.duplicate"))
                .body("errors[0].message", equalTo("Division code " + prefecture + "01001 already appears on line 2."))
                .body("report.applied", equalTo(false))
                .body("report.dryRun", equalTo(false))
                .body("report.rowsRead", equalTo(3))
                .body("report.invalid", equalTo(1))
                .body("report.rows.outcome", equalTo(List.of("CREATE", "CREATE", "INVALID")))
                .body("report.rows[2].error", equalTo("import.duplicate"))
                .body("report.errors", nullValue());
        assertEquals(0, rows("county", prefecture));
        assertEquals(0, rows("township", prefecture));
        assertEquals(before, auditCount());

        importCsv("", false, null).statusCode(400)
                .body("errors[0].code", equalTo("import.empty"))
                .body("errors[0].field", equalTo("line 1"));
    }

    @Test
    void anImportThatIsNotCsvInUtf8IsA415() throws Exception {
        String prefecture = prefecture();
        for (String type : List.of("application/json", "text/plain", "text/csv; charset=GBK")) {
            given().auth().oauth2(operator).contentType(type).body(prefecture + "01,城关区\n").when()
                    .post("/api/organisations/import?dryRun=false").then().statusCode(415)
                    .contentType(PROBLEM_JSON)
                    .body("detail", equalTo("Send the file as text/csv in UTF-8."));
        }
        given().auth().oauth2(operator).contentType(CSV).body("x").queryParam("dryRun", "maybe").when()
                .post("/api/organisations/import").then().statusCode(400)
                .body("errors.field", hasItem("dryRun"));
        assertEquals(0, rows("county", prefecture));
    }

    // ---- from an empty registry to a listing, through the API only ------------------------------

    @Test
    void organisationsCreatedThroughTheApiAloneLetANewTownshipHoldAndList() throws Exception {
        String prefecture = prefecture();
        String township = prefecture + "01001";
        String regulator = prefecture + "00";
        String townshipToken = Tokens.township(township);
        String regulatorToken = Tokens.regulator(regulator);
        given().auth().oauth2(townshipToken).when().get("/api/certificates").then().statusCode(403)
                .body("detail", equalTo("Organisation " + township + " is not registered for your role."));
        given().auth().oauth2(townshipToken).when().get("/api/me").then().statusCode(200)
                .body("orgRegistered", equalTo(false));

        importCsv("行政区划代码,名称\n" + prefecture + "01,城关区\n" + township + ",东关街道\n", false, null)
                .statusCode(200).body("applied", equalTo(true));
        post("/api/organisations/regulators", Map.of("code", regulator, "name", "某市自然资源局")).statusCode(201);

        given().auth().oauth2(townshipToken).when().get("/api/me").then().statusCode(200)
                .body("orgRegistered", equalTo(true))
                .body("orgActive", equalTo(true))
                .body("orgName", equalTo("东关街道"));
        given().auth().oauth2(townshipToken).when().get("/api/certificates").then().statusCode(200)
                .body("items", empty());
        long certificate = given().auth().oauth2(regulatorToken).contentType(ContentType.JSON)
                .body(Fixtures.linkage(township, 20_000)).when().post("/api/certificates").then().statusCode(201)
                .body("holderCode", equalTo(township))
                .extract().jsonPath().getLong("id");
        given().auth().oauth2(townshipToken).when().get("/api/certificates").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) certificate)));
        long listing = given().auth().oauth2(townshipToken).contentType(ContentType.JSON)
                .body(Fixtures.listing(certificate, 10_000, clock.instant())).when().post("/api/listings").then()
                .statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("sellerCode", equalTo(township))
                .extract().jsonPath().getLong("id");
        assertNotEquals(0L, listing);
        given().auth().oauth2(townshipToken).when().post("/api/listings/" + listing + "/submit").then()
                .statusCode(200).body("status", equalTo("PENDING_REVIEW"));
        given().auth().oauth2(regulatorToken).when().get("/api/listings/" + listing).then().statusCode(200)
                .body("status", equalTo("PENDING_REVIEW"));
        given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/api/listings/" + listing)
                .then().statusCode(403);
        given().auth().oauth2(regulatorToken).when().get("/api/organisations/counties").then().statusCode(403)
                .body("detail", startsWith("Your role"));

        act("/api/organisations/townships/" + township + "/deactivate").statusCode(409)
                .body("code", equalTo("INVALID_STATE"))
                .body("detail", equalTo("Township " + township + " still has 1 listing(s) under review, on sale or "
                        + "awaiting payment; deactivate it once they are finished or withdrawn."));
        assertEquals(0, entries("township.deactivated", township).size(), "a refused deactivation writes nothing");
        given().auth().oauth2(townshipToken).when().get("/api/me").then().body("orgActive", equalTo(true));
        given().auth().oauth2(regulatorToken).contentType(ContentType.JSON).body(Map.of("reason", "材料不全"))
                .when().post("/api/listings/" + listing + "/reject").then().statusCode(200);
        act("/api/organisations/townships/" + township + "/deactivate").statusCode(200)
                .body("active", equalTo(false));
    }
}
