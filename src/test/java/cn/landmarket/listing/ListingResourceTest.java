package cn.landmarket.listing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Commitments;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@StandardMarket
class ListingResourceTest {

    private static final String A = TestData.TOWNSHIP_A;
    private static final String B = TestData.TOWNSHIP_B;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    cn.landmarket.auction.AuctionCloser closer;

    private final String township = Tokens.township(A);
    private final String regulator = Tokens.regulator(TestData.CITY_REGULATOR);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long certificate(long areaM2) {
        return Fixtures.issue(Fixtures.linkage(A, areaM2));
    }

    private long frozenArea(long certificateId) {
        return given().auth().oauth2(township).when().get("/api/certificates/" + certificateId).then()
                .statusCode(200).extract().jsonPath().getLong("frozenArea.m2");
    }

    private long draft(long certificateId, long lot) {
        return Fixtures.draft(A, Fixtures.listing(certificateId, lot, clock.instant()));
    }

    private JsonPath view(String token, long id) {
        return given().auth().oauth2(token).when().get("/api/listings/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private String status(long id) {
        return view(regulator, id).getString("status");
    }

    /** A listing that has reached LISTING: drafted, submitted, approved, announced, bidding open. */
    private long listingInProgress(long certificateId) {
        long id = draft(certificateId, 10_000);
        Fixtures.act(township, id, "submit", 200);
        Fixtures.act(regulator, id, "approve", 200);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        assertEquals("LISTING", status(id));
        return id;
    }

    @Test
    void draftFreezesTheLotOnTheCertificate() {
        long cert = certificate(100_000);
        given().auth().oauth2(township).contentType(ContentType.JSON)
                .body(Fixtures.listing(cert, 66_667, clock.instant()))
                .when().post("/api/listings")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("listingNo", org.hamcrest.Matchers.startsWith("GT-510722-"))
                .body("lotArea.m2", equalTo(66_667))
                .body("lotArea.mu", equalTo("100.0005"))
                .body("startPrice", equalTo("20000000.00"))
                .body("reservePrice", equalTo("22000000.00"))
                .body("assetType", equalTo("LINKAGE_SURPLUS"))
                .body("sellerCode", equalTo(A));
        assertEquals(66_667, frozenArea(cert));
    }

    @Test
    void aLotLargerThanWhatIsFreeIsRejectedWith409AndFreezesNothing() {
        long cert = certificate(100_000);
        draft(cert, 60_000);
        given().auth().oauth2(township).contentType(ContentType.JSON)
                .body(Fixtures.listing(cert, 40_001, clock.instant()))
                .when().post("/api/listings")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("QUANTITY_UNAVAILABLE"))
                .body("detail", org.hamcrest.Matchers.containsString("40000"));
        assertEquals(60_000, frozenArea(cert));
    }

    @Test
    void concurrentDraftsNeverFreezeMoreThanTheCertificateHolds() throws Exception {
        long cert = certificate(100_000);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            calls.add(() -> given().auth().oauth2(township).contentType(ContentType.JSON)
                    .body(Fixtures.listing(cert, 30_000, clock.instant())).when().post("/api/listings")
                    .then().extract().statusCode());
        }
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            codes.add(f.get());
        }
        pool.shutdown();
        assertEquals(3, codes.stream().filter(c -> c == 201).count(), codes::toString);
        assertEquals(threads - 3, codes.stream().filter(c -> c == 409).count(), codes::toString);
        assertEquals(90_000, frozenArea(cert));
        assertEquals(3, data.count("select count(l) from Listing l where l.certificateId = ?1", cert));
    }

    @Test
    void termsThatBreakTheRulesAreA400NamingEachFieldAndChangeNothing() {
        long cert = certificate(100_000);
        long before = data.count("select count(l) from Listing l");
        Map<String, Object> body = Fixtures.listing(cert, 50_000, clock.instant());
        body.put("deposit", "3999999.99");
        body.put("listingStart", Fixtures.at(clock.instant().plus(Duration.ofDays(10))));
        given().auth().oauth2(township).contentType(ContentType.JSON).body(body)
                .when().post("/api/listings")
                .then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("deposit"))
                .body("errors.field", hasItem("listingStart"))
                .body("errors.find { it.field == 'deposit' }.code", equalTo("listing.deposit-too-low"))
                .body("errors.find { it.field == 'deposit' }.message",
                        equalTo("The deposit must be at least 20% of the start price (4000000.00 yuan)."));
        assertEquals(before, data.count("select count(l) from Listing l"));
        assertEquals(0, frozenArea(cert));
    }

    @Test
    void ruleMessagesComeInChineseWhenAsked() {
        long cert = certificate(100_000);
        Map<String, Object> body = Fixtures.listing(cert, 50_000, clock.instant());
        body.put("deposit", "100.00");
        given().auth().oauth2(township).header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.5")
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/listings")
                .then().statusCode(400)
                .header("Content-Language", "zh")
                .body("title", equalTo("请求内容不合规"))
                .body("errors[0].message", equalTo("竞买保证金不得低于起始价的 20%（4000000.00 元）。"));
    }

    @Test
    void aMissingFieldIsSaidToBeRequiredInWordsAClerkReads() {
        long cert = certificate(100_000);
        Map<String, Object> body = Fixtures.listing(cert, 50_000, clock.instant());
        body.remove("startPrice");
        given().auth().oauth2(township).contentType(ContentType.JSON).body(body)
                .when().post("/api/listings")
                .then().statusCode(400)
                .body("errors.find { it.field == 'startPrice' }.code", equalTo("constraint.NotNull"))
                .body("errors.find { it.field == 'startPrice' }.message", equalTo("is required"));
        given().auth().oauth2(township).header("Accept-Language", "zh-CN,zh;q=0.9")
                .contentType(ContentType.JSON).body(body)
                .when().post("/api/listings")
                .then().statusCode(400)
                .body("errors.find { it.field == 'startPrice' }.message", equalTo("必须填写"));
        assertEquals(0, frozenArea(cert));
    }

    @Test
    void aTownshipCannotListAnotherTownshipsCertificate() {
        long cert = certificate(100_000);
        given().auth().oauth2(Tokens.township(B)).contentType(ContentType.JSON)
                .body(Fixtures.listing(cert, 1_000, clock.instant()))
                .when().post("/api/listings")
                .then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        assertEquals(0, frozenArea(cert));
    }

    @Test
    void anUnknownCertificateIsA404() {
        given().auth().oauth2(township).contentType(ContentType.JSON)
                .body(Fixtures.listing(987_654_321L, 1_000, clock.instant()))
                .when().post("/api/listings")
                .then().statusCode(404).body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void updatingADraftMovesTheFreezeToTheNewLot() {
        long cert = certificate(100_000);
        long id = draft(cert, 60_000);
        Map<String, Object> body = Fixtures.listing(cert, 70_000, clock.instant());
        body.put("title", "新标题");
        given().auth().oauth2(township).contentType(ContentType.JSON).body(body)
                .when().put("/api/listings/" + id)
                .then().statusCode(200).body("title", equalTo("新标题")).body("lotArea.m2", equalTo(70_000));
        assertEquals(70_000, frozenArea(cert));
    }

    @Test
    void deletingADraftReleasesItsLot() {
        long cert = certificate(100_000);
        long id = draft(cert, 60_000);
        given().auth().oauth2(Tokens.township(B)).when().delete("/api/listings/" + id).then().statusCode(403);
        given().auth().oauth2(township).when().delete("/api/listings/" + id).then().statusCode(204);
        assertEquals(0, frozenArea(cert));
        given().auth().oauth2(township).when().get("/api/listings/" + id).then().statusCode(404);
    }

    @Test
    void theWholeReviewPathFollowsTheClockToListing() {
        long cert = certificate(100_000);
        long id = draft(cert, 10_000);
        Fixtures.act(township, id, "submit", 200);
        assertEquals("PENDING_REVIEW", status(id));
        Map<String, Object> edit = Fixtures.listing(cert, 10_000, clock.instant());
        given().auth().oauth2(township).contentType(ContentType.JSON).body(edit).when().put("/api/listings/" + id)
                .then().statusCode(409).body("code", equalTo("INVALID_STATE"));

        Fixtures.act(regulator, id, "approve", 200);
        assertEquals("APPROVED", status(id));
        given().when().get("/api/public/listings/" + id).then().statusCode(404);

        clock.advance(Duration.ofHours(2));
        listings.advanceTimeline();
        assertEquals("ANNOUNCED", status(id));
        given().when().get("/api/public/listings/" + id).then().statusCode(200)
                .body("status", equalTo("ANNOUNCED"))
                .body("hasReservePrice", equalTo(true))
                .body("reservePrice", nullValue())
                .body("reviewedBy", nullValue());

        clock.advance(Duration.ofDays(21));
        listings.advanceTimeline();
        assertEquals("LISTING", status(id));

        given().auth().oauth2(township).when().get("/api/listings/" + id + "/history").then().statusCode(200)
                .body("to", contains("DRAFT", "PENDING_REVIEW", "APPROVED", "ANNOUNCED", "LISTING"))
                .body("actor[0]", org.hamcrest.Matchers.startsWith("township:" + A))
                .body("actor[2]", org.hamcrest.Matchers.startsWith("regulator:510700"))
                .body("actor[3]", equalTo("system:timeline"));
    }

    @Test
    void approvingAfterTheAnnouncementTimeAnnouncesAtOnce() {
        long cert = certificate(100_000);
        long id = draft(cert, 10_000);
        Fixtures.act(township, id, "submit", 200);
        clock.advance(Duration.ofHours(2));
        JsonPath approved = given().auth().oauth2(regulator).when().post("/api/listings/" + id + "/approve").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("ANNOUNCED", approved.getString("status"));
        Instant announcedAt = OffsetDateTime.parse(approved.getString("announcedAt")).toInstant();
        assertTrue(Duration.between(clock.instant(), announcedAt).abs().toSeconds() < 60);
    }

    @Test
    void approvalThatWouldShortenTheAnnouncementPeriodIsRefused() {
        long cert = certificate(100_000);
        long id = draft(cert, 10_000);
        Fixtures.act(township, id, "submit", 200);
        clock.advance(Duration.ofDays(2));
        given().auth().oauth2(regulator).when().post("/api/listings/" + id + "/approve").then().statusCode(400)
                .body("errors[0].field", equalTo("listingStart"))
                .body("errors[0].code", equalTo("listing.announcement-too-short"));
        assertEquals("PENDING_REVIEW", status(id));
    }

    @Test
    void rejectionNeedsAReasonAndReleasesTheLot() {
        long cert = certificate(100_000);
        long id = draft(cert, 10_000);
        Fixtures.act(township, id, "submit", 200);
        given().auth().oauth2(regulator).contentType(ContentType.JSON).body(Map.of("reason", " "))
                .when().post("/api/listings/" + id + "/reject").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        assertEquals(10_000, frozenArea(cert));
        given().auth().oauth2(regulator).contentType(ContentType.JSON).body(Map.of("reason", "保证金比例不符"))
                .when().post("/api/listings/" + id + "/reject").then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("statusReason", equalTo("保证金比例不符"));
        assertEquals(0, frozenArea(cert));
        Fixtures.act(regulator, id, "approve", 409);
    }

    @Test
    void onlyRegulatorsOfTheRegionMayReview() {
        long cert = certificate(100_000);
        long id = draft(cert, 10_000);
        Fixtures.act(township, id, "submit", 200);
        Fixtures.act(Tokens.regulator(TestData.FOREIGN_REGULATOR), id, "approve", 403);
        Fixtures.act(township, id, "approve", 403);
        Fixtures.act(Tokens.operator(), id, "approve", 403);
        Fixtures.act(Tokens.regulator(TestData.COUNTY_REGULATOR), id, "approve", 200);
    }

    @Test
    void theReserveIsShownOnlyToTheOwningTownshipAndRegulators() {
        long cert = certificate(100_000);
        long id = draft(cert, 10_000);
        Fixtures.act(township, id, "submit", 200);
        Fixtures.act(regulator, id, "approve", 200);
        clock.advance(Duration.ofHours(2));
        listings.advanceTimeline();
        assertEquals("22000000.00", view(township, id).getString("reservePrice"));
        assertEquals("22000000.00", view(regulator, id).getString("reservePrice"));
        JsonPath operator = view(Tokens.operator(), id);
        assertEquals(null, operator.getString("reservePrice"));
        assertEquals("regulator:510700:regulator-user", operator.getString("reviewedBy"));
        String enterprise = Tokens.enterprise(data.enterprise("MAL000001", cn.landmarket.party.EnterpriseStatus.VERIFIED));
        assertEquals(null, view(enterprise, id).getString("reservePrice"));
        assertEquals(null, view(Tokens.township(B), id).getString("reservePrice"));
        given().when().get("/api/public/listings?size=100&status=ANNOUNCED").then().statusCode(200)
                .body("items", not(empty())).body("items.reservePrice", everyItem(nullValue()));
    }

    @Test
    void draftsAreHiddenFromOtherTownshipsEnterprisesAndThePublic() {
        long cert = certificate(100_000);
        long id = draft(cert, 10_000);
        given().auth().oauth2(Tokens.township(B)).when().get("/api/listings/" + id).then().statusCode(403);
        String enterprise = Tokens.enterprise(data.enterprise("MAL000002", cn.landmarket.party.EnterpriseStatus.VERIFIED));
        given().auth().oauth2(enterprise).when().get("/api/listings/" + id).then().statusCode(404);
        given().when().get("/api/public/listings/" + id).then().statusCode(404);
        given().when().get("/api/public/listings?size=100&status=DRAFT").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void suspensionFreezesTheClockAndResumeRestoresTheRemainingTime() {
        long id = listingInProgress(certificate(100_000));
        Instant endBefore = OffsetDateTime.parse(view(regulator, id).getString("listingEnd")).toInstant();
        Fixtures.act(regulator, id, "suspend", 200);
        JsonPath suspended = view(regulator, id);
        assertEquals("SUSPENDED", suspended.getString("status"));
        assertEquals("LISTING", suspended.getString("suspendedFrom"));
        Fixtures.act(regulator, id, "suspend", 409);

        clock.advance(Duration.ofDays(3));
        Fixtures.act(regulator, id, "resume", 200);
        JsonPath resumed = view(regulator, id);
        assertEquals("LISTING", resumed.getString("status"));
        Duration shift = Duration.between(endBefore, OffsetDateTime.parse(resumed.getString("listingEnd")).toInstant());
        assertTrue(shift.compareTo(Duration.ofDays(3)) >= 0 && shift.compareTo(Duration.ofDays(3).plusMinutes(1)) < 0,
                () -> "listing end moved by " + shift);
        Fixtures.act(regulator, id, "resume", 409);
    }

    @Test
    void aSuspendedListingIsNotMovedByTheClock() {
        long cert = certificate(100_000);
        long id = draft(cert, 10_000);
        Fixtures.act(township, id, "submit", 200);
        Fixtures.act(regulator, id, "approve", 200);
        Fixtures.act(regulator, id, "suspend", 200);
        clock.advance(Duration.ofDays(30));
        listings.advanceTimeline();
        assertEquals("SUSPENDED", status(id));
        Fixtures.act(regulator, id, "resume", 200);
        assertEquals("APPROVED", status(id));
        Instant announce = OffsetDateTime.parse(view(regulator, id).getString("announceAt")).toInstant();
        assertTrue(announce.isAfter(clock.instant()), "announcement moved past the suspension");
    }

    @Test
    void terminationReleasesTheLotAndOnlyLiveListingsCanBeTerminated() {
        long cert = certificate(100_000);
        long draftId = draft(cert, 5_000);
        Fixtures.act(regulator, draftId, "terminate", 409);
        long id = listingInProgress(cert);
        assertEquals(15_000, frozenArea(cert));
        Fixtures.act(regulator, id, "terminate", 200);
        JsonPath terminated = view(regulator, id);
        assertEquals("TERMINATED", terminated.getString("status"));
        assertEquals("测试理由 test reason", terminated.getString("statusReason"));
        assertEquals(5_000, frozenArea(cert));
        Fixtures.act(regulator, id, "resume", 409);
    }

    @Test
    void publicSearchFiltersByTypeRegionStatusTextAndArea() {
        long cert = certificate(200_000);
        long id = listingInProgress(cert);
        given().when().get("/api/public/listings?assetType=LINKAGE_SURPLUS&region=510722&status=LISTING&size=100")
                .then().statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("items.assetType", everyItem(equalTo("LINKAGE_SURPLUS")))
                .body("items.status", everyItem(equalTo("LISTING")))
                .body("items.regionCode", everyItem(org.hamcrest.Matchers.startsWith("510722")));
        given().when().get("/api/public/listings?assetType=FARMLAND_COMPENSATION&size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        given().when().get("/api/public/listings?q=挂牌&minAreaM2=10000&maxAreaM2=10000&size=100").then()
                .statusCode(200).body("items.id", hasItem((int) id))
                .body("items.lotArea.m2", everyItem(equalTo(10_000)));
        given().when().get("/api/public/listings?region=440300&size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        given().when().get("/api/public/listings?size=1&page=0").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("size", equalTo(1)).body("total", notNullValue());
        given().when().get("/api/public/listings?q=100%25_off").then().statusCode(200);
        given().when().get("/api/public/listings?status=SOLDOUT").then().statusCode(400)
                .body("errors[0].field", equalTo("status")).body("errors[0].code", equalTo("param.invalid"));
        given().when().get("/api/public/listings?size=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().when().get("/api/public/listings?minAreaM2=1e3").then().statusCode(400)
                .body("errors[0].field", equalTo("minAreaM2"));
    }

    @Test
    void eachInstanceMayRunTheTimelineAndEveryListingMovesExactlyOnce() throws Exception {
        long cert = certificate(100_000);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long id = draft(cert, 1_000);
            Fixtures.act(township, id, "submit", 200);
            Fixtures.act(regulator, id, "approve", 200);
            ids.add(id);
        }
        clock.advance(Duration.ofHours(2));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> ticks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            ticks.add(listings::advanceTimeline);
        }
        for (Future<Integer> tick : pool.invokeAll(ticks)) {
            tick.get();
        }
        pool.shutdown();
        for (long id : ids) {
            assertEquals("ANNOUNCED", status(id));
            assertEquals(1, data.count("select count(h) from ListingHistory h where h.listingId = ?1 and h.toStatus = ?2",
                    id, ListingStatus.ANNOUNCED));
        }
    }

    @Test
    void theScheduledTimelineAnnouncesWithoutAnyoneAsking() throws InterruptedException {
        long cert = certificate(100_000);
        long id = draft(cert, 1_000);
        Fixtures.act(township, id, "submit", 200);
        Fixtures.act(regulator, id, "approve", 200);
        clock.advance(Duration.ofHours(2));
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!"ANNOUNCED".equals(status(id)) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertEquals("ANNOUNCED", status(id));
    }

    @Test
    void aTownshipListsOnlyItsOwnListingsAndARegulatorOnlyItsJurisdiction() {
        long cert = certificate(100_000);
        long id = draft(cert, 1_000);
        given().auth().oauth2(township).when().get("/api/listings?size=100").then().statusCode(200)
                .body("items.sellerCode", everyItem(equalTo(A))).body("items.id", hasItem((int) id));
        given().auth().oauth2(Tokens.township(B)).when().get("/api/listings?size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        given().auth().oauth2(Tokens.regulator(TestData.FOREIGN_REGULATOR)).when().get("/api/listings?size=100")
                .then().statusCode(200).body("items.id", not(hasItem((int) id)));
        given().auth().oauth2(regulator).when().get("/api/listings?size=100&status=DRAFT").then().statusCode(200)
                .body("items.id", hasItem((int) id));
    }

    /** A listing with the fixture's terms (reserve 22,000,000.00) that closed UNSOLD: no bid by the end. */
    private long unsold() {
        long id = cn.landmarket.testing.Auctions.listingInBidding(clock, listings, Map.of());
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        assertEquals("UNSOLD", status(id));
        return id;
    }

    private Map<String, Object> relistBody() {
        Map<String, Object> schedule = Fixtures.listing(1, 1, clock.instant());
        Map<String, Object> body = new java.util.HashMap<>();
        for (String key : List.of("announceAt", "registrationDeadline", "listingStart", "listingEnd")) {
            body.put(key, schedule.get(key));
        }
        return body;
    }

    private io.restassured.response.Response relist(long id, Map<String, Object> body) {
        return given().auth().oauth2(township).contentType(ContentType.JSON).body(body)
                .when().post("/api/listings/" + id + "/relist");
    }

    @Test
    void aRelistNeverCarriesOverTheFailedListingsPublishedReserve() throws Exception {
        long failed = unsold();
        given().when().get("/api/public/listings/" + failed).then().statusCode(200)
                .body("reservePrice", equalTo("22000000.00"));
        long relisted = relist(failed, relistBody()).then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("hasReservePrice", equalTo(false))
                .body("reservePrice", nullValue())
                .body("startPrice", equalTo("20000000.00"))
                .body("relistedFrom", equalTo((int) failed))
                .extract().jsonPath().getLong("id");
        assertEquals(null, data.value(Long.class, "select l.reservePriceFen from Listing l where l.id = ?1", relisted));
        List<String> drafted = data.auditEntries("listing.draft", relisted);
        assertEquals(1, drafted.size(), drafted.toString());
        String terms0 = Commitments.open(township,
                JsonPath.from(drafted.get(0)).getString("facts.termsCommitment"));
        assertTrue(terms0.contains("\"relistedFrom\":" + failed), "the draft's committed terms name the failed listing: " + terms0);
        assertTrue(!terms0.contains("2200000000") && !terms0.contains("\"hasReservePrice\":true"),
                "the new draft's log entry carries no reserve: " + terms0);
        assertTrue(!drafted.get(0).contains("2200000000"), drafted.get(0));

        // the township sets a new reserve by editing the draft before submitting
        Map<String, Object> terms = Fixtures.listing(view(township, relisted).getLong("certificateId"), 10_000,
                clock.instant());
        terms.put("reservePrice", "24000000.00");
        given().auth().oauth2(township).contentType(ContentType.JSON).body(terms).when()
                .put("/api/listings/" + relisted).then().statusCode(200)
                .body("reservePrice", equalTo("24000000.00")).body("relistedFrom", equalTo((int) failed));
        Fixtures.act(township, relisted, "submit", 200);
    }

    @Test
    void aRelistMayTakeANewReserveButNeverTheOldOne() {
        long failed = unsold();
        Map<String, Object> body = relistBody();
        body.put("reservePrice", "23000000.00");
        relist(failed, body).then().statusCode(201).body("reservePrice", equalTo("23000000.00"));
    }

    @Test
    void theRelistAndTheFailedListingLinkBothWaysInEveryView() {
        long failed = unsold();
        long relisted = relist(failed, relistBody()).then().statusCode(201).extract().jsonPath().getLong("id");
        for (String token : List.of(township, regulator, Tokens.operator())) {
            assertEquals(relisted, view(token, failed).getLong("relistedAs"));
            assertEquals(failed, view(token, relisted).getLong("relistedFrom"));
        }
        given().when().get("/api/public/listings/" + failed).then().statusCode(200)
                .body("relistedAs", equalTo((int) relisted));
        given().auth().oauth2(township).when().get("/api/listings?size=100&status=DRAFT").then().statusCode(200)
                .body("items.find { it.id == " + relisted + " }.relistedFrom", equalTo((int) failed));
        given().auth().oauth2(township).when().get("/api/listings?size=100&status=UNSOLD").then().statusCode(200)
                .body("items.find { it.id == " + failed + " }.relistedAs", equalTo((int) relisted));
    }

    @Test
    void aFailedListingIsRelistedAtMostOnce() {
        long failed = unsold();
        long relisted = relist(failed, relistBody()).then().statusCode(201).extract().jsonPath().getLong("id");
        relist(failed, relistBody()).then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("CONFLICT"))
                .body("detail", org.hamcrest.Matchers.containsString(String.valueOf(relisted)));
        assertEquals(1L, data.count("select count(l) from Listing l where l.relistedFrom = ?1", failed));
        // deleting the relist's draft frees the failed listing to be relisted again
        given().auth().oauth2(township).when().delete("/api/listings/" + relisted).then().statusCode(204);
        given().auth().oauth2(township).when().get("/api/listings/" + failed).then().statusCode(200)
                .body("relistedAs", nullValue());
        long again = relist(failed, relistBody()).then().statusCode(201).extract().jsonPath().getLong("id");
        assertEquals(again, view(township, failed).getLong("relistedAs"));
    }

    @Test
    void concurrentRelistsOfOneFailedListingCreateExactlyOneDraft() throws Exception {
        long failed = unsold();
        Map<String, Object> body = relistBody();
        int threads = 4;
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                answers.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return relist(failed, body).statusCode();
                }));
            }
            ready.await();
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(threads - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1L, data.count("select count(l) from Listing l where l.relistedFrom = ?1", failed));
        assertEquals(10_000, frozenArea(view(township, failed).getLong("certificateId")));
    }

    @Test
    void aRelistsDepositAndPriceCapAreCheckedAgainstTheNewStartPriceWithFieldErrors() {
        long failed = unsold();
        Map<String, Object> body = relistBody();
        body.put("startPrice", "16000000.00");
        body.put("deposit", "3000000.00");
        body.put("priceCap", "16100000.00");
        relist(failed, body).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("deposit", "priceCap"))
                .body("errors.code", org.hamcrest.Matchers.containsInAnyOrder("listing.deposit-too-low",
                        "listing.cap-too-low"));
        body.put("startPrice", "15000000.00");
        body.put("deposit", "2000000.00");
        body.remove("priceCap");
        relist(failed, body).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.containsInAnyOrder("startPrice", "deposit"))
                .body("errors.code", org.hamcrest.Matchers.containsInAnyOrder("listing.relist-price-too-low",
                        "listing.deposit-too-low"));
        assertEquals(0L, data.count("select count(l) from Listing l where l.relistedFrom = ?1", failed));
        body.put("startPrice", "16000000.00");
        body.put("deposit", "3200000.00");
        relist(failed, body).then().statusCode(201).body("startPrice", equalTo("16000000.00"))
                .body("deposit", equalTo("3200000.00")).body("priceCap", equalTo("30000000.00"));
    }
}
