package cn.landmarket.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;

/** Request bodies with valid defaults, and API calls that set up certificates and listings. */
public final class Fixtures {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private Fixtures() {
    }

    public static List<Map<String, Object>> documents() {
        return List.of(Map.of("kind", "ACCEPTANCE", "number", "绵自然资验〔2025〕37号", "issuedOn", "2025-09-18",
                "title", "验收意见"));
    }

    /** A linkage-surplus certificate body for the township. */
    public static Map<String, Object> linkage(String township, long areaM2) {
        Map<String, Object> body = new HashMap<>();
        body.put("assetType", "LINKAGE_SURPLUS");
        body.put("holderTownship", township);
        body.put("sourceProject", "三台县芦溪镇增减挂钩拆旧复垦项目");
        body.put("documents", documents());
        body.put("areaM2", areaM2);
        body.put("acceptanceDocNo", "绵自然资验〔2025〕37号");
        body.put("validUntil", LocalDate.now(ZONE).plusYears(2).toString());
        return body;
    }

    public static Map<String, Object> farmland(String township, long areaM2) {
        Map<String, Object> body = new HashMap<>();
        body.put("assetType", "FARMLAND_COMPENSATION");
        body.put("holderTownship", township);
        body.put("sourceProject", "三台县土地整理项目");
        body.put("documents", documents());
        body.put("areaM2", areaM2);
        body.put("paddyAreaM2", areaM2 / 2);
        body.put("grainCapacityKg", areaM2 / 10);
        body.put("qualityGrade", 7);
        body.put("sourceProjectType", "CONSOLIDATION");
        body.put("nationalFilingNo", "510722-2025-BC-0031");
        return body;
    }

    public static Map<String, Object> quota(String township, long areaM2) {
        Map<String, Object> body = new HashMap<>();
        body.put("assetType", "CONSTRUCTION_QUOTA");
        body.put("holderTownship", township);
        body.put("sourceProject", "2026年度新增建设用地计划指标");
        body.put("documents", documents());
        body.put("areaM2", areaM2);
        body.put("planYear", 2026);
        return body;
    }

    /** A collective parcel whose vote and filing satisfy the rules for a listing starting 21+ days ahead. */
    public static Map<String, Object> parcel(String township, long areaM2, int inFavour, int eligible) {
        Map<String, Object> body = new HashMap<>();
        body.put("assetType", "COLLECTIVE_PARCEL");
        body.put("holderTownship", township);
        body.put("sourceProject", "芦溪镇集体经营性建设用地入市");
        body.put("documents", documents());
        body.put("areaM2", areaM2);
        body.put("parcelCode", "510722201-LX-2026-001");
        body.put("landUse", "INDUSTRIAL");
        body.put("maxTermYears", 50);
        body.put("planningConditions", Map.of("plotRatioMin", 1.0, "plotRatioMax", 2.0,
                "buildingDensityMaxPercent", 45, "greenRatioMinPercent", 15, "heightLimitM", 24));
        body.put("collectiveVote", Map.of("body", "MEMBERS", "eligible", eligible, "inFavour", inFavour,
                "votedOn", LocalDate.now(ZONE).minusDays(30).toString(), "resolutionNo", "芦溪镇某村〔2026〕2号"));
        body.put("countyFilingDate", LocalDate.now(ZONE).minusDays(1).toString());
        return body;
    }

    /** Issues a certificate as the city regulator and returns its id. */
    public static long issue(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).contentType(ContentType.JSON)
                .body(body).when().post("/api/certificates").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    /**
     * A listing body that meets every rule at {@code now}: announced in an hour, bidding 21 days
     * later for 21 days, registration closing a week before the end.
     */
    public static Map<String, Object> listing(long certificateId, long lotAreaM2, Instant now) {
        Instant announce = now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        Instant start = announce.plus(Duration.ofDays(21));
        Instant end = start.plus(Duration.ofDays(21));
        Map<String, Object> body = new HashMap<>();
        body.put("certificateId", certificateId);
        body.put("title", "芦溪镇增减挂钩节余指标挂牌出让");
        body.put("description", "整体挂牌");
        body.put("lotAreaM2", lotAreaM2);
        body.put("startPrice", "20000000.00");
        body.put("increment", "200000.00");
        body.put("deposit", "4000000.00");
        body.put("priceCap", "30000000.00");
        body.put("reservePrice", "22000000.00");
        body.put("announceAt", at(announce));
        body.put("registrationDeadline", at(end.minus(Duration.ofDays(7))));
        body.put("listingStart", at(start));
        body.put("listingEnd", at(end));
        body.put("countdownSeconds", 300);
        body.put("eligibleRegions", List.of("51"));
        body.put("paymentTerms", Map.of("mode", "FULL", "confirmWithinWorkingDays", 5, "firstSharePercent", 100,
                "firstDueDays", 30));
        return body;
    }

    public static String at(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime().toString();
    }

    /** Drafts a listing as the township and returns its id. */
    public static long draft(String township, Map<String, Object> body) {
        return given().auth().oauth2(Tokens.township(township)).contentType(ContentType.JSON).body(body)
                .when().post("/api/listings").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Drafts, submits and approves a listing; the clock moves two hours on, past its announcement
     * time, so approval announces it at once. Returns its id.
     */
    public static long announced(String township, Map<String, Object> body, TestClock clock) {
        long id = draft(township, body);
        act(Tokens.township(township), id, "submit", 200);
        clock.advance(Duration.ofHours(2));
        act(Tokens.regulator(TestData.CITY_REGULATOR), id, "approve", 200);
        return id;
    }

    /** Calls a listing action (submit, approve, ...) and checks the status code. */
    public static void act(String token, long listingId, String action, int expectedStatus) {
        var request = given().auth().oauth2(token);
        if (action.equals("reject") || action.equals("suspend") || action.equals("terminate")) {
            request = request.contentType(ContentType.JSON).body(Map.of("reason", "测试理由 test reason"));
        }
        request.when().post("/api/listings/" + listingId + "/" + action).then().statusCode(expectedStatus);
    }
}
