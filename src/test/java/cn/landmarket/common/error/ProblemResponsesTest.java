package cn.landmarket.common.error;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.party.CreditCode;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Bad input always yields a clear 4xx application/problem+json and changes nothing. */
@QuarkusTest
@StandardMarket
class ProblemResponsesTest {

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String LISTINGS = "/api/listings";
    private static final String ENTERPRISES = "/api/enterprises";
    private static final String CALENDAR_DAY = "/api/calendar/days/2026-12-31";
    /** A Saturday: {@code working: true} would be a valid make-up working day there. */
    private static final String CALENDAR_WEEKEND_DAY = "/api/calendar/days/2026-12-26";
    private static final long AREA = 66_667;
    private static final String RAW = "\"__raw_json__\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The three endpoints whose bodies are tried here. */
    enum Endpoint {
        LISTING, ENTERPRISE, CALENDAR
    }

    /** What the tests count to tell that a rejected request changed nothing. */
    record Snapshot(long listings, long frozenM2, long enterprises, long calendarDays) {
    }

    @Inject
    TestData data;

    String township;
    long certificateId;
    Map<String, Object> listing;
    String creditCode;
    Snapshot before;

    @BeforeEach
    void validBaseline() {
        township = Tokens.township(TestData.TOWNSHIP_A);
        certificateId = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, AREA));
        listing = Fixtures.listing(certificateId, AREA, Instant.now());
        creditCode = CreditCode.complete("91510703P" + String.format("%08d", System.nanoTime() % 100_000_000L));
        before = snapshot();
    }

    static Stream<Arguments> unreadableBodies() {
        return Stream.of(Endpoint.values()).flatMap(endpoint -> Stream
                .of("{\"title\":", "", "[]", "null", "[{}]", "\"text\"", "42")
                .map(body -> Arguments.of(endpoint.name(), body)));
    }

    @ParameterizedTest(name = "{0} with body <{1}> → 400 problem")
    @MethodSource("unreadableBodies")
    void unreadableBodyIsRejectedWith400Problem(String endpoint, String body) {
        Endpoint target = Endpoint.valueOf(endpoint);
        send(target, as(target).contentType(ContentType.JSON).body(body)).then()
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("status", equalTo(400))
                .body("type", startsWith("urn:land-market:problem:"))
                .body("code", anyOf(equalTo("MALFORMED_REQUEST"), equalTo("VALIDATION_FAILED")))
                .body("instance", equalTo(path(target)));
        assertNothingChanged();
    }

    @Test
    void bodyThatIsNotJsonIsReportedAsMalformed() {
        postListing("{\"title\":")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:land-market:problem:malformed-request"))
                .body("code", equalTo("MALFORMED_REQUEST"))
                .body("title", equalTo("Malformed request"))
                .body("detail", equalTo("The body is not valid JSON."));
        assertNothingChanged();
    }

    @Test
    void missingBodyIsReportedAsARequiredRequest() {
        postListing("")
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(1))
                .body("errors[0].code", equalTo("constraint.NotNull"));
        assertNothingChanged();
    }

    @Test
    void unknownFieldIsNamedInTheProblem() {
        Map<String, Object> body = new HashMap<>(listing);
        body.put("discount", "10%");
        postListing(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("discount"))
                .body("errors[0].code", equalTo("json.unknown-field"));
        assertNothingChanged();
    }

    @Test
    void unknownNestedFieldIsNamedWithItsPath() {
        postListing(withRaw(listing, "paymentTerms.penaltyPercent", "5"))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("paymentTerms.penaltyPercent"))
                .body("errors[0].code", equalTo("json.unknown-field"));
        assertNothingChanged();
    }

    @Test
    void unknownFieldOnCalendarDayIsNamed() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("working", false, "note", "元旦前调休", "holiday", true))
                .when().put(CALENDAR_DAY)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("holiday"))
                .body("errors[0].code", equalTo("json.unknown-field"));
        assertNothingChanged();
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("lotAreaM2", "\"abc\""),
                Arguments.of("lotAreaM2", "\"66667\""),
                Arguments.of("lotAreaM2", "12.5"),
                Arguments.of("lotAreaM2", "true"),
                Arguments.of("title", "{\"zh\":\"挂牌\"}"),
                Arguments.of("title", "[\"挂牌\"]"),
                Arguments.of("startPrice", "[\"20000000.00\"]"),
                Arguments.of("startPrice", "20000000"),
                Arguments.of("eligibleRegions", "\"51\""),
                Arguments.of("certificateId", "\"first\""),
                Arguments.of("paymentTerms", "\"FULL\""),
                Arguments.of("paymentTerms.mode", "\"MONTHLY\""),
                Arguments.of("paymentTerms.firstDueDays", "30.5"));
    }

    @ParameterizedTest(name = "{0} = {1} → 400 naming {0}")
    @MethodSource("wrongTypes")
    void valueOfTheWrongTypeIsRejectedNamingTheField(String field, String rawValue) {
        postListing(withRaw(listing, field, rawValue))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].code", equalTo("json.wrong-type"));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "startPrice \"{0}\" → 400 json.money")
    @ValueSource(strings = {"1.234", "-5", "1e3", "1,000", " 1", "", "１０００", "0x10", "12345678901234"})
    void malformedMoneyIsRejectedNamingTheField(String startPrice) {
        Map<String, Object> body = new HashMap<>(listing);
        body.put("startPrice", startPrice);
        postListing(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("startPrice"))
                .body("errors[0].code", equalTo("json.money"))
                .body("errors[0].message", containsString("yuan"));
        assertNothingChanged();
    }

    @Test
    void malformedNestedMoneyInADifferentFieldIsNamedToo() {
        Map<String, Object> body = new HashMap<>(listing);
        body.put("deposit", "4,000,000");
        postListing(body)
                .statusCode(400)
                .body("errors[0].field", equalTo("deposit"))
                .body("errors[0].code", equalTo("json.money"));
        assertNothingChanged();
    }

    static Stream<Arguments> hugeNumbers() {
        return Stream.of(
                Arguments.of("lotAreaM2", "99999999999999999999999"),
                Arguments.of("certificateId", "-99999999999999999999999"),
                Arguments.of("countdownSeconds", "99999999999"),
                Arguments.of("paymentTerms.firstDueDays", "99999999999"));
    }

    @ParameterizedTest(name = "{0} = {1} → 400, not 500")
    @MethodSource("hugeNumbers")
    void numberTooLargeForItsFieldIsRejectedWith400(String field, String rawValue) {
        postListing(withRaw(listing, field, rawValue))
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo(field));
        assertNothingChanged();
    }

    @Test
    void numberAboveTheFieldMaximumIsAConstraintViolation() {
        Map<String, Object> body = new HashMap<>(listing);
        body.put("lotAreaM2", 10_000_000_001L);
        postListing(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("lotAreaM2"))
                .body("errors[0].code", equalTo("constraint.Max"));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "announceAt \"{0}\" → 400")
    @ValueSource(strings = {"tomorrow", "2026-13-01T00:00:00+08:00", "2026-02-30T10:00:00+08:00",
            "2026-12-01T25:00:00+08:00", "2026-12-01", "2026-12-01T10:00:00"})
    void unreadableDateTimeIsRejectedNamingTheField(String announceAt) {
        Map<String, Object> body = new HashMap<>(listing);
        body.put("announceAt", announceAt);
        postListing(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("announceAt"))
                .body("errors[0].code", equalTo("json.wrong-type"));
        assertNothingChanged();
    }

    static Stream<Arguments> deepNesting() {
        String arrays = "[".repeat(2_000) + "]".repeat(2_000);
        String objects = "{\"a\":".repeat(2_000) + "1" + "}".repeat(2_000);
        return Stream.of(
                Arguments.of("description", arrays),
                Arguments.of("eligibleRegions", arrays),
                Arguments.of("paymentTerms", objects),
                Arguments.of("", arrays),
                Arguments.of("", objects));
    }

    @ParameterizedTest(name = "2,000 levels in <{0}> → 4xx")
    @MethodSource("deepNesting")
    void deeplyNestedJsonIsRejectedWith4xx(String field, String nested) {
        Object body = field.isEmpty() ? nested : withRaw(listing, field, nested);
        postListing(body)
                .statusCode(greaterThanOrEqualTo(400))
                .statusCode(lessThan(500))
                .contentType(PROBLEM_JSON)
                .body("type", startsWith("urn:land-market:problem:"));
        assertNothingChanged();
    }

    @Test
    void everyInvalidFieldIsListedAtOnce() {
        Map<String, Object> body = new HashMap<>(listing);
        Map<String, Object> terms = new HashMap<>(map(listing.get("paymentTerms")));
        terms.put("firstDueDays", 0);
        body.put("paymentTerms", terms);
        body.put("title", " ");
        body.put("lotAreaM2", 0);
        body.put("countdownSeconds", 0);
        body.put("eligibleRegions", List.of("51", "5"));
        body.remove("deposit");
        postListing(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("detail", equalTo("6 field(s) rejected; see errors."))
                .body("errors", hasSize(6))
                .body("errors.field", equalTo(List.of("countdownSeconds", "deposit", "eligibleRegions[1]",
                        "lotAreaM2", "paymentTerms.firstDueDays", "title")));
        assertNothingChanged();
    }

    @Test
    void everyBrokenBusinessRuleIsListedAtOnce() {
        Map<String, Object> body = new HashMap<>(listing);
        body.put("deposit", "1.00");
        body.put("reservePrice", "1.00");
        body.put("countdownSeconds", 1);
        postListing(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.size()", greaterThanOrEqualTo(3))
                .body("errors.field", hasItems("deposit", "reservePrice", "countdownSeconds"));
        assertNothingChanged();
    }

    @Test
    void bodyOver256KiBIsRejectedWith413Problem() throws java.io.IOException {
        cn.landmarket.testing.Oversized.Answer answer = cn.landmarket.testing.Oversized.send("POST", LISTINGS,
                Map.of("Authorization", "Bearer " + Tokens.township(TestData.TOWNSHIP_A)), 300 * 1024);
        assertEquals(413, answer.status(), answer.body());
        assertTrue(answer.headers().get("content-type").startsWith(PROBLEM_JSON), answer.headers().toString());
        assertEquals("urn:land-market:problem:payload-too-large", answer.json().getString("type"));
        assertEquals(413, answer.json().getInt("status"));
        assertEquals("PAYLOAD_TOO_LARGE", answer.json().getString("code"));
        assertEquals(LISTINGS, answer.json().getString("instance"));
        assertNothingChanged();
    }

    @Test
    void bodyUnderTheLimitWithAnOverlongFieldIsAConstraintViolation() {
        Map<String, Object> body = new HashMap<>(listing);
        body.put("description", "x".repeat(200 * 1024));
        postListing(body)
                .statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors[0].field", equalTo("description"))
                .body("errors[0].code", equalTo("constraint.Size"));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "Content-Type {0} → 415")
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void bodyThatIsNotJsonByMediaTypeIsRejectedWith415(String contentType) {
        given().auth().oauth2(township).contentType(contentType).body(json(listing))
                .when().post(LISTINGS)
                .then().statusCode(415)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:land-market:problem:unsupported-media-type"))
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"))
                .body("detail", equalTo("Send the body as application/json."));
        assertNothingChanged();
    }

    @Test
    void xmlOnlyClientIsAnsweredWith406AndNothingIsCreated() {
        given().auth().oauth2(township).contentType(ContentType.JSON).accept("application/xml").body(listing)
                .when().post(LISTINGS)
                .then().statusCode(406)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:land-market:problem:not-acceptable"))
                .body("code", equalTo("NOT_ACCEPTABLE"))
                .body("instance", equalTo(LISTINGS));
        assertNothingChanged();
    }

    @Test
    void unknownPathIsAnswered404Problem() {
        given().when().get("/api/nope")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:land-market:problem:not-found"))
                .body("code", equalTo("NOT_FOUND"))
                .body("instance", equalTo("/api/nope"));
    }

    @Test
    void unsupportedMethodIsAnswered405Problem() {
        given().when().delete("/api/public/listings")
                .then().statusCode(405)
                .contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:land-market:problem:method-not-allowed"))
                .body("code", equalTo("METHOD_NOT_ALLOWED"))
                .body("instance", equalTo("/api/public/listings"));
    }

    @Test
    void nonNumericIdIsAnswered404Problem() {
        given().when().get("/api/public/listings/abc")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"))
                .body("instance", equalTo("/api/public/listings/abc"));
    }

    @Test
    void nonDateInCalendarPathIsAnswered404ProblemAndNothingChanges() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(Map.of("working", false, "note", "元旦"))
                .when().put("/api/calendar/days/2026-12-32")
                .then().statusCode(404)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_FOUND"));
        assertNothingChanged();
    }

    @Test
    void chineseIsChosenByAcceptLanguage() {
        given().auth().oauth2(township).header("Accept-Language", "zh-CN").contentType(ContentType.JSON).body("{}")
                .when().post(LISTINGS)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .header("Content-Language", "zh")
                .body("title", equalTo("请求内容不合规"))
                .body("detail", containsString("个字段未通过校验"))
                .body("errors[0].message", matchesPattern(".*\\p{IsHan}.*"));
        assertNothingChanged();
    }

    @Test
    void chineseFieldMessagesAccompanyAChineseProblem() {
        Map<String, Object> body = new HashMap<>(listing);
        body.put("startPrice", "1,000");
        given().auth().oauth2(township).header("Accept-Language", "zh").contentType(ContentType.JSON).body(body)
                .when().post(LISTINGS)
                .then().statusCode(400)
                .header("Content-Language", "zh")
                .body("errors[0].field", equalTo("startPrice"))
                .body("errors[0].message", containsString("金额以元为单位"));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "Accept-Language <{0}> → English")
    @ValueSource(strings = {"en", "en-GB,zh;q=0.5", "fr-FR", "*"})
    void englishIsChosenOtherwise(String acceptLanguage) {
        given().auth().oauth2(township).header("Accept-Language", acceptLanguage).contentType(ContentType.JSON)
                .body("{}")
                .when().post(LISTINGS)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .header("Content-Language", "en")
                .body("title", equalTo("Request is not valid"));
        assertNothingChanged();
    }

    @Test
    void englishIsTheDefaultWithoutAcceptLanguage() {
        given().auth().oauth2(township).contentType(ContentType.JSON).body("{}")
                .when().post(LISTINGS)
                .then().statusCode(400)
                .header("Content-Language", "en")
                .body("title", equalTo("Request is not valid"))
                .body("detail", equalTo("12 field(s) rejected; see errors."));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "Accept-Language <{0}> does not break the answer")
    @ValueSource(strings = {";;q=abc,,=", "zh;q=2.5.1", "en;q=", "中文",
            "zh-CN-x-toolongprivateusesubtag-1234567890,en;q=0.1.2"})
    void malformedAcceptLanguageStillGivesAProblem(String acceptLanguage) {
        given().auth().oauth2(township).header("Accept-Language", acceptLanguage).contentType(ContentType.JSON)
                .body("{}")
                .when().post(LISTINGS)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("title", anyOf(equalTo("Request is not valid"), equalTo("请求内容不合规")));
        assertNothingChanged();
    }

    @Test
    void creditCodeWithWrongCheckCharacterIsRejectedInEnglish() {
        String wrong = wrongCheckCharacter(creditCode);
        given().auth().oauth2(Tokens.enterprise(wrong)).contentType(ContentType.JSON).body(enterprise(wrong))
                .when().post(ENTERPRISES)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .header("Content-Language", "en")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("creditCode"))
                .body("errors[0].message", containsString("check character"));
        assertNothingChanged();
    }

    @Test
    void creditCodeWithWrongCheckCharacterIsRejectedInChinese() {
        String wrong = wrongCheckCharacter(creditCode);
        given().auth().oauth2(Tokens.enterprise(wrong)).header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON).body(enterprise(wrong))
                .when().post(ENTERPRISES)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .header("Content-Language", "zh")
                .body("title", equalTo("请求内容不合规"))
                .body("errors[0].field", equalTo("creditCode"))
                .body("errors[0].message", containsString("校验码"));
        assertNothingChanged();
    }

    @Test
    void enterpriseRegistrationListsEveryInvalidField() {
        Map<String, Object> body = enterprise(creditCode);
        body.put("contactPhone", "12345");
        body.put("bankAccountNo", "62-28");
        body.put("name", "");
        given().auth().oauth2(Tokens.enterprise(creditCode)).contentType(ContentType.JSON).body(body)
                .when().post(ENTERPRISES)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors.field", hasItems("bankAccountNo", "contactPhone", "name"));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "calendar working = {0} → 400")
    @ValueSource(strings = {"\"true\"", "\"yes\"", "1", "\"\""})
    void calendarDayWithANonBooleanWorkingFlagIsRejected(String working) {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"working\":" + working + ",\"note\":\"调休上班\"}")
                .when().put(CALENDAR_WEEKEND_DAY)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("working"))
                .body("errors[0].code", equalTo("json.wrong-type"));
        assertNothingChanged();
    }

    @Test
    void calendarDayWithoutWorkingFlagIsRejected() {
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body("{\"working\":null,\"note\":\"调休上班\"}")
                .when().put(CALENDAR_WEEKEND_DAY)
                .then().statusCode(400)
                .contentType(PROBLEM_JSON)
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("working"))
                .body("errors[0].code", equalTo("constraint.NotNull"));
        assertNothingChanged();
    }

    @ParameterizedTest(name = "title <{0}> is plain text")
    @ValueSource(strings = {"'; drop table listing; --", "<script>alert('x')</script>",
            "芦溪镇\" OR \"1\"=\"1", "Robert'); DELETE FROM certificate;--", "${jndi:ldap://127.0.0.1/a}"})
    void textThatLooksLikeCodeIsStoredVerbatimOrRejected(String text) {
        long listingsBefore = data.count("select count(l) from Listing l");
        Map<String, Object> body = new HashMap<>(listing);
        body.put("title", text);
        body.put("description", text);
        Response response = given().auth().oauth2(township).contentType(ContentType.JSON).body(body)
                .when().post(LISTINGS);
        assertTrue(response.statusCode() == 201 || response.statusCode() == 400,
                "expected 201 or 400, got " + response.statusCode() + ": " + response.asString());
        if (response.statusCode() == 201) {
            long id = response.jsonPath().getLong("id");
            assertEquals(text, response.jsonPath().getString("title"));
            assertEquals(text, response.jsonPath().getString("description"));
            given().auth().oauth2(township).when().get(LISTINGS + "/" + id)
                    .then().statusCode(200)
                    .body("title", equalTo(text))
                    .body("description", equalTo(text));
            assertEquals(listingsBefore + 1, data.count("select count(l) from Listing l"));
            assertEquals(AREA, frozenM2());
        } else {
            response.then().contentType(PROBLEM_JSON).body("code", equalTo("VALIDATION_FAILED"));
            assertNothingChanged();
        }
        assertTrue(data.count("select count(c) from Certificate c") > 0, "the certificate table is still there");
    }

    @Test
    void searchTextThatLooksLikeSqlMatchesNothing() {
        given().queryParam("q", "' OR '1'='1")
                .when().get("/api/public/listings")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("total", equalTo(0));
        given().auth().oauth2(township).queryParam("q", "%' OR 1=1; --")
                .when().get(LISTINGS)
                .then().statusCode(200)
                .body("total", equalTo(0));
        assertNothingChanged();
    }

    private ValidatableResponse postListing(Object body) {
        return given().auth().oauth2(township).contentType(ContentType.JSON).body(body)
                .when().post(LISTINGS).then();
    }

    private RequestSpecification as(Endpoint endpoint) {
        return switch (endpoint) {
            case LISTING -> given().auth().oauth2(township);
            case ENTERPRISE -> given().auth().oauth2(Tokens.enterprise(creditCode));
            case CALENDAR -> given().auth().oauth2(Tokens.operator());
        };
    }

    private static String path(Endpoint endpoint) {
        return switch (endpoint) {
            case LISTING -> LISTINGS;
            case ENTERPRISE -> ENTERPRISES;
            case CALENDAR -> CALENDAR_DAY;
        };
    }

    private static Response send(Endpoint endpoint, RequestSpecification request) {
        return endpoint == Endpoint.CALENDAR ? request.when().put(path(endpoint)) : request.when().post(path(endpoint));
    }

    private Snapshot snapshot() {
        return new Snapshot(data.count("select count(l) from Listing l"), frozenM2(),
                data.count("select count(e) from Enterprise e"), data.count("select count(d) from CalendarDay d"));
    }

    /** The certificate's frozen area as its township sees it through the API. */
    private long frozenM2() {
        return given().auth().oauth2(township).when().get("/api/certificates/" + certificateId)
                .then().statusCode(200).extract().jsonPath().getLong("frozenArea.m2");
    }

    private void assertNothingChanged() {
        assertEquals(before, snapshot(), "a rejected request changed the state");
    }

    /** The body as JSON text with the field at a dotted path replaced by raw JSON (which may not be valid). */
    private static String withRaw(Map<String, Object> body, String dottedPath, String rawJson) {
        Map<String, Object> copy = new HashMap<>(body);
        Map<String, Object> parent = copy;
        String[] names = dottedPath.split("\\.");
        for (int i = 0; i < names.length - 1; i++) {
            Map<String, Object> child = new HashMap<>(map(parent.get(names[i])));
            parent.put(names[i], child);
            parent = child;
        }
        parent.put(names[names.length - 1], RAW.substring(1, RAW.length() - 1));
        String json = json(copy);
        assertTrue(json.contains(RAW));
        return json.replace(RAW, rawJson);
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    private static String wrongCheckCharacter(String code) {
        char right = code.charAt(17);
        return code.substring(0, 17) + (right == '0' ? '1' : '0');
    }

    private static Map<String, Object> enterprise(String creditCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", creditCode);
        body.put("name", "绵阳问题测试企业有限公司");
        body.put("legalRepresentative", "张三");
        body.put("contactPerson", "李四");
        body.put("contactPhone", "13800000000");
        body.put("address", "绵阳市涪城区");
        body.put("bankName", "中国农业银行绵阳分行");
        body.put("bankAccountName", "绵阳问题测试企业有限公司");
        body.put("bankAccountNo", "6228480000000000000");
        return body;
    }
}
