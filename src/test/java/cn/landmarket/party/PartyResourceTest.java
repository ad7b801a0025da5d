package cn.landmarket.party;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;

/** Parties over HTTP: the caller, townships, enterprise self-registration and the operator's review. */
@QuarkusTest
@StandardMarket
class PartyResourceTest {

    /** Enterprise serials of this class start with "PRT" so no other test class uses the same codes. */
    private static final AtomicInteger SERIAL = new AtomicInteger();

    private static final String PROBLEM_JSON = "application/problem+json";

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    /** A valid credit code registered by the authority of the given division, never used before in this run. */
    private static String freshCode(String division6) {
        return CreditCode.complete("91" + division6 + "PRT%06d".formatted(SERIAL.incrementAndGet()));
    }

    /** An enterprise already in the database with a code no other test uses. */
    private String existing(EnterpriseStatus status) {
        return data.enterprise("PRT%06d".formatted(SERIAL.incrementAndGet()), status);
    }

    private static Map<String, Object> registration(String creditCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", creditCode);
        body.put("name", "三台县测试实业有限公司" + creditCode.substring(10, 17));
        body.put("legalRepresentative", "王五");
        body.put("contactPerson", "赵六");
        body.put("contactPhone", "13912345678");
        body.put("address", "四川省绵阳市三台县潼川镇北坝路1号");
        body.put("bankName", "中国工商银行三台支行");
        body.put("bankAccountName", body.get("name"));
        body.put("bankAccountNo", "2308412109000123456");
        return body;
    }

    private static ValidatableResponse register(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/enterprises").then();
    }

    private static ValidatableResponse review(String token, String creditCode, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/enterprises/" + creditCode + "/review").then();
    }

    private static String statusOf(String creditCode) {
        return given().auth().oauth2(Tokens.operator()).when().get("/api/enterprises/" + creditCode)
                .then().statusCode(200).extract().path("status");
    }

    // ---- self-registration -------------------------------------------------------------------

    @Test
    void selfRegistrationIsPendingWithRegionFromTheCreditCode() {
        String code = freshCode("510722");
        Map<String, Object> body = registration(code);

        register(Tokens.enterprise(code), body).statusCode(201)
                .body("creditCode", equalTo(code))
                .body("name", equalTo(body.get("name")))
                .body("status", equalTo("PENDING"))
                .body("regionCode", equalTo("510722"))
                .body("bankAccountName", equalTo(body.get("name")))
                .body("registeredAt", notNullValue())
                .body("reviewedAt", nullValue())
                .body("reviewedBy", nullValue());

        given().auth().oauth2(Tokens.enterprise(code)).when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("ENTERPRISE"))
                .body("org", equalTo(code))
                .body("orgName", equalTo(body.get("name")))
                .body("orgRegistered", equalTo(true))
                .body("enterpriseStatus", equalTo("PENDING"));
    }

    @Test
    void regionCodeIsCharactersThreeToEightOfTheCreditCode() {
        String code = freshCode("440304");

        register(Tokens.enterprise(code), registration(code)).statusCode(201)
                .body("regionCode", equalTo(code.substring(2, 8)))
                .body("regionCode", equalTo("440304"));
    }

    @Test
    void registeringAnotherEnterprisesCodeIsForbidden() {
        String own = freshCode("510722");
        String other = freshCode("510722");

        register(Tokens.enterprise(own), registration(other)).statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"))
                .body("status", equalTo(403));

        given().auth().oauth2(Tokens.operator()).when().get("/api/enterprises/" + other).then().statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void wrongCheckCharacterIsRejectedWith400() {
        String valid = freshCode("510722");
        char last = valid.charAt(17);
        String wrong = valid.substring(0, 17) + (last == '0' ? '1' : '0');

        register(Tokens.enterprise(wrong), registration(wrong)).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("creditCode"))
                .body("errors.find { it.field == 'creditCode' }.message", equalTo(
                        "has a wrong check character (the 18th character does not match GB 32100-2015)"));
    }

    @Test
    void bankAccountInAnotherNameIsRejectedWith400() {
        String code = freshCode("510722");
        Map<String, Object> body = registration(code);
        body.put("bankAccountName", "张三个人账户");

        register(Tokens.enterprise(code), body).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("bankAccountName"))
                .body("errors.find { it.field == 'bankAccountName' }.code", equalTo("enterprise.bank-account-name"));

        given().auth().oauth2(Tokens.enterprise(code)).when().get("/api/me").then().statusCode(200)
                .body("orgRegistered", equalTo(false))
                .body("enterpriseStatus", nullValue());
    }

    @Test
    void malformedPhoneIsRejectedWith400() {
        String code = freshCode("510722");
        Map<String, Object> body = registration(code);
        body.put("contactPhone", "12345");

        register(Tokens.enterprise(code), body).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("contactPhone"))
                .body("errors.find { it.field == 'contactPhone' }.code", equalTo("constraint.Pattern"));
    }

    @Test
    void secondRegistrationWhilePendingIsAConflict() {
        String code = freshCode("510722");
        register(Tokens.enterprise(code), registration(code)).statusCode(201);

        Map<String, Object> again = registration(code);
        again.put("contactPerson", "另一个联系人");
        register(Tokens.enterprise(code), again).statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("CONFLICT"))
                .body("detail", equalTo("This enterprise is already registered (status PENDING)."));

        given().auth().oauth2(Tokens.enterprise(code)).when().get("/api/enterprises/" + code).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("contactPerson", equalTo("赵六"));
    }

    @Test
    void secondRegistrationWhenVerifiedIsAConflict() {
        String code = existing(EnterpriseStatus.VERIFIED);

        register(Tokens.enterprise(code), registration(code)).statusCode(409)
                .body("code", equalTo("CONFLICT"))
                .body("detail", equalTo("This enterprise is already registered (status VERIFIED)."));

        assertEquals("VERIFIED", statusOf(code));
    }

    @Test
    void rejectedEnterpriseMayRegisterAgain() {
        String code = freshCode("510722");
        register(Tokens.enterprise(code), registration(code)).statusCode(201);
        review(Tokens.operator(), code, Map.of("decision", "REJECT", "reason", "营业执照复印件不清晰")).statusCode(200)
                .body("status", equalTo("REJECTED"))
                .body("statusReason", equalTo("营业执照复印件不清晰"));

        Map<String, Object> again = registration(code);
        again.put("contactPhone", "028-85551234");
        register(Tokens.enterprise(code), again).statusCode(201)
                .body("status", equalTo("PENDING"))
                .body("statusReason", nullValue())
                .body("reviewedAt", nullValue())
                .body("reviewedBy", nullValue())
                .body("contactPhone", equalTo("028-85551234"));

        given().auth().oauth2(Tokens.enterprise(code)).when().get("/api/me").then().statusCode(200)
                .body("enterpriseStatus", equalTo("PENDING"));
    }

    // ---- operator review ---------------------------------------------------------------------

    @Test
    void operatorApprovalVerifiesTheEnterprise() {
        String code = existing(EnterpriseStatus.PENDING);

        review(Tokens.operator(), code, Map.of("decision", "APPROVE")).statusCode(200)
                .body("creditCode", equalTo(code))
                .body("status", equalTo("VERIFIED"))
                .body("statusReason", nullValue())
                .body("reviewedAt", notNullValue())
                .body("reviewedBy", startsWith("operator:"));

        given().auth().oauth2(Tokens.enterprise(code)).when().get("/api/me").then().statusCode(200)
                .body("enterpriseStatus", equalTo("VERIFIED"));
    }

    @Test
    void rejectionWithoutReasonIsRejectedWith400AndChangesNothing() {
        String code = existing(EnterpriseStatus.PENDING);

        review(Tokens.operator(), code, Map.of("decision", "REJECT")).statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("reason"))
                .body("errors.find { it.field == 'reason' }.code", equalTo("review.reason-required"));
        review(Tokens.operator(), code, Map.of("decision", "REJECT", "reason", "   ")).statusCode(400)
                .body("errors.field", hasItem("reason"));

        given().auth().oauth2(Tokens.operator()).when().get("/api/enterprises/" + code).then().statusCode(200)
                .body("status", equalTo("PENDING"))
                .body("reviewedAt", nullValue())
                .body("reviewedBy", nullValue());
    }

    @Test
    void reviewingANonPendingRegistrationIsInvalidState() {
        String verified = existing(EnterpriseStatus.VERIFIED);
        String rejected = existing(EnterpriseStatus.REJECTED);

        review(Tokens.operator(), verified, Map.of("decision", "REJECT", "reason", "重复审核")).statusCode(409)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("INVALID_STATE"))
                .body("detail", equalTo("Only a pending registration can be reviewed; this one is VERIFIED."));
        review(Tokens.operator(), rejected, Map.of("decision", "APPROVE")).statusCode(409)
                .body("code", equalTo("INVALID_STATE"));

        assertEquals("VERIFIED", statusOf(verified));
        assertEquals("REJECTED", statusOf(rejected));
    }

    @Test
    void reviewingAnUnknownEnterpriseIsNotFound() {
        String unknown = freshCode("510722");

        review(Tokens.operator(), unknown, Map.of("decision", "APPROVE")).statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"))
                .body("detail", equalTo("No enterprise with id " + unknown + "."));
    }

    @Test
    void regulatorAndTownshipCannotReview() {
        String code = existing(EnterpriseStatus.PENDING);

        review(Tokens.regulator(TestData.CITY_REGULATOR), code, Map.of("decision", "APPROVE")).statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"));
        review(Tokens.township(TestData.TOWNSHIP_A), code, Map.of("decision", "APPROVE")).statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        review(Tokens.enterprise(code), code, Map.of("decision", "APPROVE")).statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        assertEquals("PENDING", statusOf(code));
    }

    // ---- listing enterprises -----------------------------------------------------------------

    @Test
    void listingByStatusReturnsOnlyThatStatus() {
        String pending = existing(EnterpriseStatus.PENDING);
        String verified = existing(EnterpriseStatus.VERIFIED);

        for (String token : new String[] {Tokens.operator(), Tokens.regulator(TestData.CITY_REGULATOR)}) {
            given().auth().oauth2(token).queryParam("status", "PENDING").queryParam("size", 100)
                    .when().get("/api/enterprises").then().statusCode(200)
                    .body("items", not(empty()))
                    .body("items.status", everyItem(equalTo("PENDING")))
                    .body("items.creditCode", not(hasItem(verified)))
                    .body("total", greaterThanOrEqualTo(1));
            given().auth().oauth2(token).queryParam("status", "VERIFIED").queryParam("size", 100)
                    .when().get("/api/enterprises").then().statusCode(200)
                    .body("items.status", everyItem(equalTo("VERIFIED")))
                    .body("items.creditCode", not(hasItem(pending)));
        }
    }

    @Test
    void listingHonoursPageAndSize() {
        existing(EnterpriseStatus.PENDING);
        existing(EnterpriseStatus.PENDING);

        String first = given().auth().oauth2(Tokens.operator()).queryParam("status", "PENDING").queryParam("size", 1)
                .when().get("/api/enterprises").then().statusCode(200)
                .body("items", hasSize(1))
                .body("page", equalTo(0))
                .body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(2))
                .extract().path("items[0].creditCode");
        given().auth().oauth2(Tokens.operator()).queryParam("status", "PENDING").queryParam("size", 1)
                .queryParam("page", 1)
                .when().get("/api/enterprises").then().statusCode(200)
                .body("items", hasSize(1))
                .body("page", equalTo(1))
                .body("items[0].creditCode", not(equalTo(first)));
    }

    @Test
    void sizeZeroIsRejectedWith400NamingSize() {
        given().auth().oauth2(Tokens.operator()).queryParam("size", 0).when().get("/api/enterprises")
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("size"));
    }

    @Test
    void sizeAboveHundredIsRejectedWith400NamingSize() {
        given().auth().oauth2(Tokens.operator()).queryParam("size", 101).when().get("/api/enterprises")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("size"));
    }

    @Test
    void negativePageIsRejectedWith400NamingPage() {
        given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).queryParam("page", -1)
                .when().get("/api/enterprises").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("page"));
    }

    @Test
    void enterprisesAndTownshipsCannotListEnterprises() {
        String code = existing(EnterpriseStatus.VERIFIED);

        given().auth().oauth2(Tokens.enterprise(code)).when().get("/api/enterprises").then().statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when().get("/api/enterprises").then()
                .statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().when().get("/api/enterprises").then().statusCode(401)
                .body("code", equalTo("NOT_AUTHENTICATED"));
    }

    // ---- one enterprise ----------------------------------------------------------------------

    @Test
    void enterpriseIsVisibleToItselfOperatorsAndRegulatorsOnly() {
        String code = existing(EnterpriseStatus.VERIFIED);
        String other = existing(EnterpriseStatus.VERIFIED);

        given().auth().oauth2(Tokens.enterprise(code)).when().get("/api/enterprises/" + code).then().statusCode(200)
                .body("creditCode", equalTo(code))
                .body("status", equalTo("VERIFIED"))
                .body("bankAccountNo", equalTo("6228480000000000000"));
        given().auth().oauth2(Tokens.enterprise(other)).when().get("/api/enterprises/" + code).then()
                .statusCode(403)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("FORBIDDEN"))
                .body("detail", equalTo("You may act only for your own enterprise."));
        given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when().get("/api/enterprises/" + code).then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(Tokens.operator()).when().get("/api/enterprises/" + code).then().statusCode(200)
                .body("creditCode", equalTo(code))
                .body("name", equalTo("测试企业" + code.substring(8, 17)));
        given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/api/enterprises/" + code)
                .then().statusCode(200)
                .body("creditCode", equalTo(code));
    }

    @Test
    void malformedCreditCodeInThePathIsRejectedWith400() {
        given().auth().oauth2(Tokens.operator()).when().get("/api/enterprises/91510703ABC").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("creditCode"));
    }

    // ---- townships ---------------------------------------------------------------------------

    @Test
    void townshipsArePublicAndPaged() {
        given().when().get("/api/townships").then().statusCode(200)
                .body("items.code", hasItem(TestData.TOWNSHIP_A))
                .body("items.code", hasItem(TestData.TOWNSHIP_B))
                .body("total", greaterThanOrEqualTo(2))
                .body("page", equalTo(0))
                .body("size", equalTo(20));
        given().queryParam("size", 1).queryParam("page", 0).when().get("/api/townships").then().statusCode(200)
                .body("items", hasSize(1))
                .body("size", equalTo(1))
                .body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void townshipsFilteredByCountyAreAllInThatCounty() {
        data.township("440304001", "福田街道");

        given().queryParam("county", TestData.COUNTY).queryParam("size", 100).when().get("/api/townships").then()
                .statusCode(200)
                .body("items", not(empty()))
                .body("items.countyCode", everyItem(equalTo("510722")))
                .body("items.code", hasItem(TestData.TOWNSHIP_A))
                .body("items.code", hasItem(TestData.TOWNSHIP_B))
                .body("items.code", not(hasItem("440304001")));
    }

    @Test
    void countyFilterThatIsNotACountyCodeIsRejectedWith400() {
        given().queryParam("county", "51072").when().get("/api/townships").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("county"));
    }

    @Test
    void oneTownshipShowsItsName() {
        given().when().get("/api/townships/" + TestData.TOWNSHIP_A).then().statusCode(200)
                .body("code", equalTo(TestData.TOWNSHIP_A))
                .body("name", equalTo("芦溪镇"))
                .body("countyCode", equalTo("510722"))
                .body("countyName", equalTo("三台县"));
    }

    @Test
    void unknownTownshipIsNotFound() {
        given().when().get("/api/townships/510722298").then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"))
                .body("status", equalTo(404))
                .body("detail", equalTo("No township with id 510722298."))
                .body("instance", equalTo("/api/townships/510722298"));
    }

    @Test
    void malformedTownshipCodeIsRejectedWith400() {
        given().when().get("/api/townships/51072220X").then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("code"));
        given().when().get("/api/townships/510722000").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
    }

    // ---- the caller --------------------------------------------------------------------------

    @Test
    void meShowsTheTownshipAndItsName() {
        given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when().get("/api/me").then().statusCode(200)
                .body("subject", equalTo("township-user"))
                .body("role", equalTo("TOWNSHIP"))
                .body("org", equalTo(TestData.TOWNSHIP_A))
                .body("orgName", equalTo("芦溪镇"))
                .body("orgRegistered", equalTo(true))
                .body("enterpriseStatus", nullValue());
    }

    @Test
    void meShowsTheRegulatorAndItsName() {
        given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/api/me").then()
                .statusCode(200)
                .body("role", equalTo("REGULATOR"))
                .body("org", equalTo(TestData.CITY_REGULATOR))
                .body("orgName", equalTo("绵阳市自然资源和规划局"))
                .body("orgRegistered", equalTo(true));
    }

    @Test
    void meShowsTheRegisteredEnterpriseWithItsStatus() {
        String code = existing(EnterpriseStatus.VERIFIED);

        given().auth().oauth2(Tokens.enterprise(code)).when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("ENTERPRISE"))
                .body("org", equalTo(code))
                .body("orgName", equalTo("测试企业" + code.substring(8, 17)))
                .body("orgRegistered", equalTo(true))
                .body("enterpriseStatus", equalTo("VERIFIED"));
    }

    @Test
    void meShowsTheOperator() {
        given().auth().oauth2(Tokens.operator()).when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("OPERATOR"))
                .body("org", equalTo("MYJYZX"))
                .body("orgRegistered", equalTo(true))
                .body("enterpriseStatus", nullValue());
    }

    @Test
    void meShowsUnregisteredOrganisationsAsNotRegistered() {
        String unregistered = freshCode("510722");

        given().auth().oauth2(Tokens.enterprise(unregistered)).when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("ENTERPRISE"))
                .body("org", equalTo(unregistered))
                .body("orgName", nullValue())
                .body("orgRegistered", equalTo(false))
                .body("enterpriseStatus", nullValue());
        given().auth().oauth2(Tokens.township("510722297")).when().get("/api/me").then().statusCode(200)
                .body("role", equalTo("TOWNSHIP"))
                .body("orgName", nullValue())
                .body("orgRegistered", equalTo(false));
    }

    @Test
    void meWithoutTokenIsNotAuthenticated() {
        given().when().get("/api/me").then().statusCode(401)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_AUTHENTICATED"));
    }

    @Test
    void concurrentFirstRegistrationsOfOneEnterpriseGiveOne201AndClear409s() throws Exception {
        String code = freshCode("510722");
        String token = Tokens.enterprise(code);
        Map<String, Object> body = registration(code);
        int threads = 4;
        java.util.concurrent.CountDownLatch ready = new java.util.concurrent.CountDownLatch(threads);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Future<io.restassured.response.Response>> answers =
                    new java.util.ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                            .when().post("/api/enterprises");
                }));
            }
            ready.await();
            go.countDown();
            int created = 0;
            for (java.util.concurrent.Future<io.restassured.response.Response> answer : answers) {
                io.restassured.response.Response r = answer.get();
                if (r.statusCode() == 201) {
                    created++;
                } else {
                    assertEquals(409, r.statusCode(), r.asString());
                    assertEquals(PROBLEM_JSON, r.contentType().split(";")[0]);
                    assertEquals("CONFLICT", r.jsonPath().getString("code"), r.asString());
                }
            }
            assertEquals(1, created);
        } finally {
            pool.shutdownNow();
        }
        assertEquals("PENDING", statusOf(code));
        assertEquals(1L, data.count("select count(e) from Enterprise e where e.creditCode = ?1", code));
    }
}
