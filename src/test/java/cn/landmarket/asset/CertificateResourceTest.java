package cn.landmarket.asset;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;

/** The indicator registry over HTTP: issuing, the type rules, jurisdiction, visibility and lineage. */
@QuarkusTest
@StandardMarket
class CertificateResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CITY = TestData.CITY_REGULATOR;
    private static final String A = TestData.TOWNSHIP_A;
    private static final String B = TestData.TOWNSHIP_B;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    EntityManager em;

    /** An enterprise of this class (serials "CRT...") that holds no township certificate. */
    private String enterprise;

    @BeforeEach
    void standardParties() {
        enterprise = data.enterprise("CRT000001", EnterpriseStatus.VERIFIED);
    }

    private static ValidatableResponse issue(String regulator, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.regulator(regulator)).contentType(ContentType.JSON).body(body)
                .when().post("/api/certificates").then();
    }

    private long certificates() {
        return data.count("select count(c) from Certificate c");
    }

    /** Posts a body that must be refused with 400 naming the field, and checks nothing was stored. */
    private void rejected(Map<String, Object> body, String field, String code) {
        long before = certificates();
        issue(CITY, body).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem(field))
                .body("errors.find { it.field == '" + field + "' }.code", equalTo(code));
        assertEquals(before, certificates(), "a refused issuance must not store anything");
    }

    private static Map<String, Object> with(Map<String, Object> body, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new HashMap<>(body);
        change.accept(copy);
        return copy;
    }

    /** Every certificate the token's list shows (all pages), optionally of one type, as JSON objects. */
    private static List<Map<String, Object>> all(String token, String assetType) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (int page = 0; page < 1000; page++) {
            var request = given().auth().oauth2(token).queryParam("size", 100).queryParam("page", page);
            if (assetType != null) {
                request = request.queryParam("assetType", assetType);
            }
            JsonPath json = request.when().get("/api/certificates").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> chunk = json.getList("items");
            items.addAll(chunk);
            if (chunk.size() < 100) {
                break;
            }
        }
        return items;
    }

    private static List<Long> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> ((Number) item.get("id")).longValue()).toList();
    }

    // ---- issuing -----------------------------------------------------------------------------

    @Test
    void linkageSurplusIsIssuedWithExactAreaDisplays() {
        issue(CITY, Fixtures.linkage(A, 66_667)).statusCode(201)
                .body("id", notNullValue())
                .body("certNo", startsWith("LS-"))
                .body("certNo", containsString("510722"))
                .body("assetType", equalTo("LINKAGE_SURPLUS"))
                .body("holderKind", equalTo("TOWNSHIP"))
                .body("holderCode", equalTo(A))
                .body("regionCode", equalTo(A))
                .body("area.m2", equalTo(66_667))
                .body("area.mu", equalTo("100.0005"))
                .body("area.hectares", equalTo("6.6667"))
                .body("frozenArea.m2", equalTo(0))
                .body("frozenArea.mu", equalTo("0.0000"))
                .body("availableArea.m2", equalTo(66_667))
                .body("availableArea.mu", equalTo("100.0005"))
                .body("acceptanceDocNo", equalTo("绵自然资验〔2025〕37号"))
                .body("paddyArea", nullValue())
                .body("parentId", nullValue())
                .body("issuedBy", startsWith("regulator:" + CITY + ":"))
                .body("documents[0].kind", equalTo("ACCEPTANCE"));
    }

    @Test
    void farmlandCompensationIsIssuedWithItsThreeDimensions() {
        issue(CITY, Fixtures.farmland(A, 20_000)).statusCode(201)
                .body("certNo", startsWith("FC-"))
                .body("certNo", containsString("510722"))
                .body("assetType", equalTo("FARMLAND_COMPENSATION"))
                .body("area.m2", equalTo(20_000))
                .body("area.mu", equalTo("30.0000"))
                .body("area.hectares", equalTo("2.0000"))
                .body("frozenArea.m2", equalTo(0))
                .body("availableArea.m2", equalTo(20_000))
                .body("paddyArea.m2", equalTo(10_000))
                .body("paddyArea.mu", equalTo("15.0000"))
                .body("paddyArea.hectares", equalTo("1.0000"))
                .body("frozenPaddyArea.m2", equalTo(0))
                .body("grainCapacityKg", equalTo(2_000))
                .body("frozenGrainCapacityKg", equalTo(0))
                .body("qualityGrade", equalTo(7))
                .body("sourceProjectType", equalTo("CONSOLIDATION"))
                .body("nationalFilingNo", equalTo("510722-2025-BC-0031"));
    }

    @Test
    void constructionQuotaIsIssuedWithItsPlanYear() {
        issue(CITY, Fixtures.quota(A, 1)).statusCode(201)
                .body("certNo", startsWith("CQ-"))
                .body("certNo", containsString("510722"))
                .body("assetType", equalTo("CONSTRUCTION_QUOTA"))
                .body("area.m2", equalTo(1))
                .body("area.mu", equalTo("0.0015"))
                .body("area.hectares", equalTo("0.0001"))
                .body("frozenArea.m2", equalTo(0))
                .body("availableArea.m2", equalTo(1))
                .body("planYear", equalTo(2026));
    }

    @Test
    void collectiveParcelIsIssuedWithPlanningConditionsAndVote() {
        issue(CITY, Fixtures.parcel(B, 33_333, 80, 100)).statusCode(201)
                .body("certNo", startsWith("CP-"))
                .body("certNo", containsString("510722"))
                .body("assetType", equalTo("COLLECTIVE_PARCEL"))
                .body("holderCode", equalTo(B))
                .body("area.m2", equalTo(33_333))
                .body("area.mu", equalTo("49.9995"))
                .body("area.hectares", equalTo("3.3333"))
                .body("frozenArea.m2", equalTo(0))
                .body("availableArea.m2", equalTo(33_333))
                .body("parcelCode", equalTo("510722201-LX-2026-001"))
                .body("landUse", equalTo("INDUSTRIAL"))
                .body("maxTermYears", equalTo(50))
                .body("planningConditions.heightLimitM", equalTo(24))
                .body("collectiveVote.inFavour", equalTo(80))
                .body("collectiveVote.eligible", equalTo(100));
    }

    @Test
    void certificateNumbersAreUnique() {
        String first = issue(CITY, Fixtures.quota(A, 500)).statusCode(201).extract().path("certNo");
        String second = issue(CITY, Fixtures.quota(A, 500)).statusCode(201).extract().path("certNo");

        assertNotEquals(first, second, first + " was issued twice");
    }

    // ---- type rules --------------------------------------------------------------------------

    @Test
    void linkageSurplusWithoutAcceptanceDocumentIsRejected() {
        rejected(with(Fixtures.linkage(A, 10_000), b -> b.remove("acceptanceDocNo")), "acceptanceDocNo",
                "certificate.field-required");
    }

    @Test
    void linkageSurplusWithPaddyAreaIsRejectedAsNotApplicable() {
        rejected(with(Fixtures.linkage(A, 10_000), b -> b.put("paddyAreaM2", 5_000)), "paddyAreaM2",
                "certificate.field-not-applicable");
    }

    @Test
    void farmlandPaddyAreaAboveTotalAreaIsRejected() {
        rejected(with(Fixtures.farmland(A, 10_000), b -> b.put("paddyAreaM2", 10_001)), "paddyAreaM2",
                "certificate.paddy-exceeds-area");
    }

    @Test
    void industrialParcelTermAboveFiftyYearsIsRejected() {
        rejected(with(Fixtures.parcel(A, 10_000, 80, 100), b -> b.put("maxTermYears", 60)), "maxTermYears",
                "certificate.term-over-legal-maximum");
    }

    @Test
    void plotRatioMinimumAboveMaximumIsRejected() {
        rejected(with(Fixtures.parcel(A, 10_000, 80, 100), b -> b.put("planningConditions",
                Map.of("plotRatioMin", 2.5, "plotRatioMax", 2.0, "buildingDensityMaxPercent", 45,
                        "greenRatioMinPercent", 15, "heightLimitM", 24))),
                "planningConditions.plotRatioMin", "certificate.plot-ratio-range");
    }

    @Test
    void moreVotesInFavourThanEligibleIsRejected() {
        rejected(Fixtures.parcel(A, 10_000, 101, 100), "collectiveVote.inFavour",
                "certificate.vote-more-than-eligible");
    }

    @Test
    void expiredLinkageSurplusIsRejected() {
        String yesterday = LocalDate.now(Fixtures.ZONE).minusDays(1).toString();
        rejected(with(Fixtures.linkage(A, 10_000), b -> b.put("validUntil", yesterday)), "validUntil",
                "certificate.expired");
    }

    @Test
    void qualityGradeSixteenIsRejected() {
        rejected(with(Fixtures.farmland(A, 10_000), b -> b.put("qualityGrade", 16)), "qualityGrade",
                "constraint.Max");
    }

    @Test
    void zeroAreaIsRejected() {
        rejected(Fixtures.quota(A, 0), "areaM2", "constraint.Positive");
    }

    @Test
    void negativeAreaIsRejected() {
        rejected(Fixtures.quota(A, -1), "areaM2", "constraint.Positive");
    }

    @Test
    void unknownTownshipIsNotFound() {
        long before = certificates();

        issue(CITY, Fixtures.quota("510722299", 1_000)).statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"))
                .body("detail", equalTo("No township with id 510722299."));
        assertEquals(before, certificates());
    }

    @Test
    void malformedTownshipCodeIsRejected() {
        rejected(Fixtures.quota("51072220", 1_000), "holderTownship", "constraint.ValidDivisionCode");
    }

    // ---- jurisdiction ------------------------------------------------------------------------

    @Test
    void regulatorOutsideTheRegionCannotIssue() {
        long before = certificates();

        issue(TestData.FOREIGN_REGULATOR, Fixtures.quota(A, 1_000)).statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo("This lies outside your jurisdiction."));
        assertEquals(before, certificates());
    }

    @Test
    void countyRegulatorMayIssueInItsCounty() {
        issue(TestData.COUNTY_REGULATOR, Fixtures.quota(A, 1_000)).statusCode(201)
                .body("certNo", startsWith("CQ-510722-"))
                .body("holderCode", equalTo(A))
                .body("issuedBy", startsWith("regulator:" + TestData.COUNTY_REGULATOR + ":"));
    }

    @Test
    void townshipsEnterprisesAndOperatorsCannotIssue() {
        long before = certificates();

        for (String token : List.of(Tokens.township(A), Tokens.enterprise(enterprise), Tokens.operator())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Fixtures.quota(A, 1_000))
                    .when().post("/api/certificates").then().statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
        }
        assertEquals(before, certificates());
    }

    // ---- visibility --------------------------------------------------------------------------

    @Test
    void townshipListsOnlyItsOwnHoldings() {
        long mine = Fixtures.issue(Fixtures.farmland(A, 12_000));
        long theirs = Fixtures.issue(Fixtures.quota(B, 12_000));

        List<Map<String, Object>> items = all(Tokens.township(A), null);
        assertTrue(ids(items).contains(mine), "township A must see its new certificate");
        assertFalse(ids(items).contains(theirs), "township A must not see township B's certificate");
        items.forEach(item -> {
            assertEquals(A, item.get("holderCode"));
            assertEquals("TOWNSHIP", item.get("holderKind"));
        });
    }

    @Test
    void certificateIsVisibleToHolderRegulatorInChargeAndOperatorOnly() {
        long id = Fixtures.issue(Fixtures.farmland(A, 12_000));

        given().auth().oauth2(Tokens.township(A)).when().get("/api/certificates/" + id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("holderCode", equalTo(A));
        given().auth().oauth2(Tokens.township(B)).when().get("/api/certificates/" + id).then().statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo("Your township does not hold this certificate."));
        given().auth().oauth2(Tokens.regulator(CITY)).when().get("/api/certificates/" + id).then().statusCode(200)
                .body("id", equalTo((int) id))
                .body("assetType", equalTo("FARMLAND_COMPENSATION"));
        given().auth().oauth2(Tokens.regulator(TestData.FOREIGN_REGULATOR)).when().get("/api/certificates/" + id)
                .then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo("This lies outside your jurisdiction."));
        given().auth().oauth2(Tokens.operator()).when().get("/api/certificates/" + id).then().statusCode(200)
                .body("id", equalTo((int) id));
        given().auth().oauth2(Tokens.enterprise(enterprise)).when().get("/api/certificates/" + id).then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void listsFollowTheSameVisibility() {
        long id = Fixtures.issue(Fixtures.farmland(A, 12_000));

        List<Map<String, Object>> city = all(Tokens.regulator(CITY), null);
        assertTrue(ids(city).contains(id), "the city regulator must list it");
        city.forEach(item -> assertTrue(((String) item.get("regionCode")).startsWith("5107"), item.toString()));

        List<Map<String, Object>> shenzhen = all(Tokens.regulator(TestData.FOREIGN_REGULATOR), null);
        assertFalse(ids(shenzhen).contains(id), "the Shenzhen regulator must not list it");
        shenzhen.forEach(item -> assertTrue(((String) item.get("regionCode")).startsWith("4403"), item.toString()));

        assertTrue(ids(all(Tokens.operator(), null)).contains(id), "the operator must list it");

        List<Map<String, Object>> ofEnterprise = all(Tokens.enterprise(enterprise), null);
        assertFalse(ids(ofEnterprise).contains(id), "an enterprise must not list a township's certificate");
        ofEnterprise.forEach(item -> assertEquals(enterprise, item.get("holderCode")));

        assertFalse(ids(all(Tokens.township(B), null)).contains(id), "township B must not list it");
    }

    @Test
    void assetTypeFilterReturnsOnlyThatType() {
        long farmland = Fixtures.issue(Fixtures.farmland(A, 8_000));
        long quota = Fixtures.issue(Fixtures.quota(A, 8_000));

        for (String token : List.of(Tokens.township(A), Tokens.operator())) {
            List<Map<String, Object>> items = all(token, "FARMLAND_COMPENSATION");
            assertTrue(ids(items).contains(farmland));
            assertFalse(ids(items).contains(quota));
            items.forEach(item -> assertEquals("FARMLAND_COMPENSATION", item.get("assetType")));
        }
        given().auth().oauth2(Tokens.township(A)).queryParam("assetType", "CONSTRUCTION_QUOTA").queryParam("size", 1)
                .when().get("/api/certificates").then().statusCode(200)
                .body("items.assetType", everyItem(equalTo("CONSTRUCTION_QUOTA")))
                .body("items", not(empty()));
    }

    @Test
    void listWithoutTokenIsNotAuthenticated() {
        given().when().get("/api/certificates").then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_AUTHENTICATED"));
    }

    // ---- lineage -----------------------------------------------------------------------------

    private long nextCertificateId() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select nextval('certificate_seq')").getSingleResult()).longValue());
    }

    /** Inserts a child certificate the way a settlement would: same type and region, a part of the parent. */
    private long insertChild(long parentId, String holderKind, String holderCode, long areaM2, String sourceProject) {
        long id = nextCertificateId();
        data.execute("""
                insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code,
                    source_project, documents, area_m2, acceptance_doc_no, valid_until, parent_id, issued_at, issued_by)
                values (%d, 'LS-510722-TEST-%d', 'LINKAGE_SURPLUS', '%s', '%s', '%s', '%s', '[]', %d,
                    '绵自然资验〔2025〕37号', '%s', %d, now(), 'test:lineage')
                """.formatted(id, id, holderKind, holderCode, A, sourceProject, areaM2,
                LocalDate.now(Fixtures.ZONE).plusYears(2), parentId));
        return id;
    }

    @Test
    void lineageShowsAncestorsNearestFirstAndChildren() {
        Map<String, Object> body = Fixtures.linkage(A, 50_000);
        String project = (String) body.get("sourceProject");
        long parent = Fixtures.issue(body);
        long child = insertChild(parent, "ENTERPRISE", enterprise, 20_000, project);
        long remainder = insertChild(parent, "TOWNSHIP", A, 30_000, project);
        long grandchild = insertChild(child, "ENTERPRISE", enterprise, 5_000, project);

        given().auth().oauth2(Tokens.operator()).when().get("/api/certificates/" + grandchild + "/lineage").then()
                .statusCode(200)
                .body("certificate.id", equalTo((int) grandchild))
                .body("sourceProject", equalTo(project))
                .body("ancestors.id", contains((int) child, (int) parent))
                .body("ancestors[1].certNo", startsWith("LS-510722-"))
                .body("ancestors[1].area.m2", equalTo(50_000))
                .body("children", empty());

        given().auth().oauth2(Tokens.regulator(CITY)).when().get("/api/certificates/" + parent + "/lineage").then()
                .statusCode(200)
                .body("certificate.id", equalTo((int) parent))
                .body("certificate.holderCode", equalTo(A))
                .body("sourceProject", equalTo(project))
                .body("ancestors", empty())
                .body("children.id", contains((int) child, (int) remainder))
                .body("children[0].holderKind", equalTo("ENTERPRISE"))
                .body("children[0].holderCode", equalTo(enterprise))
                .body("children[0].area.m2", equalTo(20_000))
                .body("children[1].holderKind", equalTo("TOWNSHIP"));

        given().auth().oauth2(Tokens.enterprise(enterprise)).when().get("/api/certificates/" + child + "/lineage")
                .then().statusCode(200)
                .body("ancestors.id", contains((int) parent))
                .body("children.id", contains((int) grandchild))
                .body("sourceProject", equalTo(project));
        given().auth().oauth2(Tokens.enterprise(enterprise)).when().get("/api/certificates/" + child).then()
                .statusCode(200)
                .body("parentId", equalTo((int) parent))
                .body("holderKind", equalTo("ENTERPRISE"));
    }

    @Test
    void lineageIsHiddenFromThoseWhoCannotSeeTheCertificate() {
        long parent = Fixtures.issue(Fixtures.linkage(A, 40_000));

        given().auth().oauth2(Tokens.township(B)).when().get("/api/certificates/" + parent + "/lineage").then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.regulator(TestData.FOREIGN_REGULATOR)).when()
                .get("/api/certificates/" + parent + "/lineage").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    // ---- unknown ids -------------------------------------------------------------------------

    @Test
    void nonNumericIdIsNotFound() {
        given().auth().oauth2(Tokens.operator()).when().get("/api/certificates/abc").then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"))
                .body("status", equalTo(404));
        given().auth().oauth2(Tokens.operator()).when().get("/api/certificates/abc/lineage").then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void unknownIdIsNotFound() {
        given().auth().oauth2(Tokens.operator()).when().get("/api/certificates/987654321").then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"))
                .body("detail", equalTo("No certificate with id 987654321."))
                .body("instance", equalTo("/api/certificates/987654321"));
        given().auth().oauth2(Tokens.operator()).when().get("/api/certificates/987654321/lineage").then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }
}
