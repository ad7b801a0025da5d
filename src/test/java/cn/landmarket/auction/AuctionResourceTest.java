package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@StandardMarket
class AuctionResourceTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    BidBatcher batcher;

    @Inject
    javax.sql.DataSource dataSource;

    @Inject
    cn.landmarket.audit.AuditLog auditLog;

    @Inject
    cn.landmarket.audit.AuditSequencer sequencer;

    private final String regulator = Tokens.regulator(TestData.CITY_REGULATOR);
    private static int serial;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long listing() {
        return Auctions.listingInBidding(clock, listings, Map.of());
    }

    private String bidder(long listingId) {
        return Auctions.qualifiedBidder(data, listingId, "MAB%06d".formatted(++serial + (int) (listingId % 1000) * 100));
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private JsonPath listingView(long id) {
        return given().auth().oauth2(regulator).when().get("/api/listings/" + id).then().statusCode(200).extract()
                .jsonPath();
    }

    private void passListingEnd() {
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
    }

    @Test
    void anAcceptedBidReturnsAReceiptWithItsSequenceAndDeadline() {
        long id = listing();
        String a = bidder(id);
        JsonPath receipt = Auctions.bid(a, id, "20000000.00", key()).then().statusCode(201)
                .body("amount", equalTo("20000000.00"))
                .body("sequence", equalTo(1))
                .body("phase", equalTo("LISTING"))
                .body("bidderNo", notNullValue())
                .body("bidId", notNullValue())
                .extract().jsonPath();
        assertEquals(listingView(id).getString("listingEnd"), receipt.getString("deadline"));
        Instant accepted = OffsetDateTime.parse(receipt.getString("acceptedAt")).toInstant();
        assertTrue(Duration.between(accepted, clock.instant()).abs().toSeconds() < 30);
        assertEquals("20000000.00", listingView(id).getString("highestBid"));
        assertEquals(1, listingView(id).getInt("bidCount"));
    }

    @Test
    void theFirstBidBelowTheStartPriceIsRejectedWithTheLowestAcceptableAmount() {
        long id = listing();
        Auctions.bid(bidder(id), id, "19999999.99", key()).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("BID_REJECTED"))
                .body("minimumAmount", equalTo("20000000.00"))
                .body("detail", equalTo("The first bid must be at least the start price: 20000000.00 yuan or more."));
    }

    @Test
    void aLaterBidMustBeatTheHighestByTheIncrement() {
        long id = listing();
        String a = bidder(id);
        String b = bidder(id);
        Auctions.bid(a, id, "20000000.00", key()).then().statusCode(201);
        Auctions.bid(b, id, "20199999.99", key()).then().statusCode(409).body("minimumAmount", equalTo("20200000.00"));
        Auctions.bid(b, id, "20000000.00", key()).then().statusCode(409);
        Auctions.bid(b, id, "20200000.00", key()).then().statusCode(201).body("sequence", equalTo(2));
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheSameReceiptAndPlacesNothingTwice() {
        long id = listing();
        String a = bidder(id);
        String k = key();
        JsonPath first = Auctions.bid(a, id, "20000000.00", k).then().statusCode(201).extract().jsonPath();
        JsonPath again = Auctions.bid(a, id, "20000000.00", k).then().statusCode(200).extract().jsonPath();
        assertEquals(first.getLong("bidId"), again.getLong("bidId"));
        assertEquals(first.getString("acceptedAt"), again.getString("acceptedAt"));
        Auctions.bid(a, id, "20400000.00", k).then().statusCode(409).body("code", equalTo("CONFLICT"));
        assertEquals(1, data.count("select count(l) from Listing l where l.id = ?1 and l.bidCount = 1", id));
    }

    @Test
    void concurrentRetriesWithOneKeyAllGetTheSameStoredReceipt() throws Exception {
        long id = listing();
        String a = bidder(id);
        String k = key();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Callable<JsonPath>> sends = java.util.Collections.nCopies(8,
                () -> Auctions.bid(a, id, "20000000.00", k).then().extract().jsonPath());
        List<Long> ids = new java.util.ArrayList<>();
        for (var f : pool.invokeAll(sends)) {
            ids.add(f.get().getLong("bidId"));
        }
        pool.shutdown();
        List<Long> stored = given().when().get("/api/public/listings/" + id + "/bids").then().statusCode(200)
                .extract().jsonPath().getList("items.bidId", Long.class);
        assertEquals(1, stored.size(), "one bid placed");
        assertEquals(java.util.Collections.nCopies(8, stored.get(0)), ids);
    }

    @Test
    void aBidWithoutAnIdempotencyKeyIsA400() {
        long id = listing();
        given().auth().oauth2(Tokens.enterprise(bidder(id))).contentType("application/json")
                .body(Map.of("amount", "20000000.00")).when().post("/api/listings/" + id + "/bids")
                .then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void onlyQualifiedBiddersMayBid() {
        long id = listing();
        String outsider = data.enterprise("MAB999001", cn.landmarket.party.EnterpriseStatus.VERIFIED);
        Auctions.bid(outsider, id, "20000000.00", key()).then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("qualified"));
        given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).header("Idempotency-Key", key())
                .contentType("application/json").body(Map.of("amount", "20000000.00"))
                .when().post("/api/listings/" + id + "/bids").then().statusCode(403);
    }

    @Test
    void aBidAboveTheCapIsRejectedAndABidAtTheCapEndsTheSale() throws Exception {
        long id = listing();
        String a = bidder(id);
        String b = bidder(id);
        Auctions.bid(a, id, "30000000.01", key()).then().statusCode(409).body("minimumAmount", equalTo("30000000.00"));
        long capBid = Auctions.bid(a, id, "30000000.00", key()).then().statusCode(201).extract().jsonPath()
                .getLong("bidId");
        assertEquals("SOLD", listingView(id).getString("status"));
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement ps = c.prepareStatement(
                        "select winning_bid_id, closed_at, highest_bid_fen from listing where id = ?")) {
            ps.setLong(1, id);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(capBid, rs.getLong(1), "the bid at the cap is the winning bid");
                assertTrue(rs.getTimestamp(2) != null, "the sale is closed");
                assertEquals(3_000_000_000L, rs.getLong(3));
            }
        }
        Auctions.bid(b, id, "30000000.00", key()).then().statusCode(409)
                .body("detail", equalTo("Bidding is not open on this listing."));
    }

    @Test
    void noBidWhileSuspendedAndBiddingGoesOnAfterResume() {
        long id = listing();
        String a = bidder(id);
        given().auth().oauth2(regulator).contentType("application/json").body(Map.of("reason", "核查"))
                .when().post("/api/listings/" + id + "/suspend").then().statusCode(200);
        Auctions.bid(a, id, "20000000.00", key()).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("suspended"));
        given().auth().oauth2(regulator).when().post("/api/listings/" + id + "/resume").then().statusCode(200);
        Auctions.bid(a, id, "20000000.00", key()).then().statusCode(201);
    }

    @Test
    void noValidBidMeansUnsoldAndTheLotIsReleased() {
        long id = listing();
        long cert = listingView(id).getLong("certificateId");
        passListingEnd();
        JsonPath closed = listingView(id);
        assertEquals("UNSOLD", closed.getString("status"));
        assertEquals(0, given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when()
                .get("/api/certificates/" + cert).then().extract().jsonPath().getLong("frozenArea.m2"));
    }

    @Test
    void oneBidderAtOrAboveTheReserveBuysAndTheReserveIsThenPublished() {
        long id = listing();
        String a = bidder(id);
        Auctions.bid(a, id, "22000000.00", key()).then().statusCode(201);
        passListingEnd();
        assertEquals("SOLD", listingView(id).getString("status"));
        given().when().get("/api/public/listings/" + id).then().statusCode(200)
                .body("status", equalTo("SOLD"))
                .body("reservePrice", equalTo("22000000.00"))
                .body("closedAt", notNullValue());
    }

    @Test
    void oneBidderBelowTheReserveDoesNotBuy() {
        long id = listing();
        Auctions.bid(bidder(id), id, "21800000.00", key()).then().statusCode(201);
        passListingEnd();
        assertEquals("UNSOLD", listingView(id).getString("status"));
    }

    @Test
    void twoBiddersGoToTimedBiddingWhereEachBidRestartsTheCountdown() {
        long id = listing();
        String a = bidder(id);
        String b = bidder(id);
        Auctions.bid(a, id, "20000000.00", key()).then().statusCode(201);
        Auctions.bid(b, id, "20200000.00", key()).then().statusCode(201);
        passListingEnd();
        JsonPath timed = listingView(id);
        assertEquals("TIMED_BIDDING", timed.getString("status"));
        Instant firstDeadline = OffsetDateTime.parse(timed.getString("countdownDeadline")).toInstant();
        assertTrue(Duration.between(clock.instant(), firstDeadline).toSeconds() > 290);

        clock.advance(Duration.ofSeconds(200));
        JsonPath receipt = Auctions.bid(a, id, "22000000.00", key()).then().statusCode(201)
                .body("phase", equalTo("TIMED_BIDDING")).extract().jsonPath();
        Instant accepted = OffsetDateTime.parse(receipt.getString("acceptedAt")).toInstant();
        assertEquals(accepted.plusSeconds(300), OffsetDateTime.parse(receipt.getString("deadline")).toInstant());

        clock.advance(Duration.ofSeconds(200));
        closer.closeDue();
        assertEquals("TIMED_BIDDING", listingView(id).getString("status"), "the restarted countdown has not run out");
        clock.advance(Duration.ofSeconds(101));
        closer.closeDue();
        JsonPath sold = listingView(id);
        assertEquals("SOLD", sold.getString("status"));
        assertEquals("22000000.00", sold.getString("highestBid"));
    }

    @Test
    void timedBiddingBelowTheReserveEndsUnsold() {
        long id = listing();
        Auctions.bid(bidder(id), id, "20000000.00", key()).then().statusCode(201);
        Auctions.bid(bidder(id), id, "20200000.00", key()).then().statusCode(201);
        passListingEnd();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        assertEquals("UNSOLD", listingView(id).getString("status"));
    }

    @Test
    void suspensionDuringTimedBiddingKeepsTheRemainingCountdown() {
        long id = listing();
        Auctions.bid(bidder(id), id, "20000000.00", key()).then().statusCode(201);
        Auctions.bid(bidder(id), id, "20200000.00", key()).then().statusCode(201);
        passListingEnd();
        Instant deadline = OffsetDateTime.parse(listingView(id).getString("countdownDeadline")).toInstant();
        given().auth().oauth2(regulator).contentType("application/json").body(Map.of("reason", "核查"))
                .when().post("/api/listings/" + id + "/suspend").then().statusCode(200);
        clock.advance(Duration.ofHours(1));
        closer.closeDue();
        assertEquals("SUSPENDED", listingView(id).getString("status"));
        given().auth().oauth2(regulator).when().post("/api/listings/" + id + "/resume").then().statusCode(200);
        JsonPath resumed = listingView(id);
        assertEquals("TIMED_BIDDING", resumed.getString("status"));
        Duration moved = Duration.between(deadline, OffsetDateTime.parse(resumed.getString("countdownDeadline")).toInstant());
        assertTrue(moved.compareTo(Duration.ofHours(1)) >= 0 && moved.compareTo(Duration.ofHours(1).plusMinutes(1)) < 0,
                moved::toString);
    }

    @Test
    void everyoneSeesBidderNumbersOnlyUnlessARegulatorStatesAReason() {
        long id = listing();
        String a = bidder(id);
        String b = bidder(id);
        Auctions.bid(a, id, "20000000.00", key()).then().statusCode(201);
        Auctions.bid(b, id, "20200000.00", key()).then().statusCode(201);
        given().when().get("/api/public/listings/" + id + "/bids").then().statusCode(200)
                .body("items.size()", equalTo(2))
                .body("items.enterpriseCode", everyItem(nullValue()))
                .body("items.bidderNo", everyItem(notNullValue()))
                .body("items[0]", not(hasKey("enterpriseCode")));
        given().auth().oauth2(Tokens.enterprise(a)).when().get("/api/listings/" + id + "/bids").then().statusCode(200)
                .body("items.mine", equalTo(List.of(true, false)))
                .body("items.enterpriseCode", everyItem(nullValue()));
        given().auth().oauth2(regulator).when().get("/api/listings/" + id + "/bids").then().statusCode(200)
                .body("items.bidderNo", everyItem(notNullValue()))
                .body("items[0]", not(hasKey("enterpriseCode")))
                .body("items[1]", not(hasKey("enterpriseCode")));
        assertEquals(List.of(), data.auditEntries("identity.revealed", id), "seeing numbers reveals nothing");
        given().auth().oauth2(Tokens.regulator(TestData.FOREIGN_REGULATOR)).queryParam("reason", "核查")
                .when().get("/api/listings/" + id + "/bids").then().statusCode(403);
        assertEquals(List.of(), data.auditEntries("identity.revealed", id));
    }

    @Test
    void aListingsBidsArePagedWithAtMost100PerPageAndTheDossierCarriesOnlyTheFirstPage() throws Exception {
        long id = listing();
        String a = bidder(id);
        String b = bidder(id);
        int bids = 205;
        data.execute("insert into bid (id, listing_id, seq, registration_id, bidder_no, amount_fen, accepted_at, phase, "
                + "deadline, idempotency_key) select nextval('bid_seq'), r.listing_id, s, r.id, r.bidder_no, "
                + "2000000000::bigint + s * 20000000::bigint, now(), 'LISTING', now() + interval '1 day', 'paged-' || s "
                + "from generate_series(1, " + bids + ") s join registration r on r.listing_id = " + id
                + " and r.enterprise_code = case when s % 2 = 1 then '" + a + "' else '" + b + "' end");
        String path = "/api/public/listings/" + id + "/bids";
        given().queryParam("size", 101).when().get(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("size"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("100"));
        given().auth().oauth2(regulator).queryParam("size", 1000).when().get("/api/listings/" + id + "/bids").then()
                .statusCode(400).body("errors[0].field", equalTo("size"));
        given().when().get(path).then().statusCode(200).body("page", equalTo(0)).body("size", equalTo(20))
                .body("total", equalTo(bids)).body("items.size()", equalTo(20));

        List<Integer> everyBid = java.util.stream.IntStream.rangeClosed(1, bids).boxed().toList();
        List<Map<String, Object>> published = cn.landmarket.testing.Pages.all(page -> given().queryParam("page", page)
                .queryParam("size", 100).when().get(path).then().statusCode(200).extract().jsonPath(), "items");
        assertEquals(everyBid, published.stream().map(v -> ((Number) v.get("sequence")).intValue()).toList(),
                "every bid exactly once, in sequence order");
        List<Map<String, Object>> seenByA = cn.landmarket.testing.Pages.all(page -> given()
                .auth().oauth2(Tokens.enterprise(a)).queryParam("page", page).queryParam("size", 7).when()
                .get("/api/listings/" + id + "/bids").then().statusCode(200).extract().jsonPath(), "items");
        assertEquals(everyBid, seenByA.stream().map(v -> ((Number) v.get("sequence")).intValue()).toList());
        assertEquals(everyBid.stream().map(seq -> seq % 2 == 1).toList(),
                seenByA.stream().map(v -> v.get("mine")).toList(), "own bids marked on every page");

        for (int i = 0; i < 105; i++) {
            try (java.sql.Connection c = dataSource.getConnection()) {
                auditLog.append(c, List.of(new cn.landmarket.audit.AuditEntry("test.note", clock.instant(), "test",
                        Map.of("listingId", id, "step", i))));
            }
        }
        cn.landmarket.testing.Sequencing.settle(sequencer);
        JsonPath dossier = given().auth().oauth2(regulator).when().get("/api/oversight/listings/" + id + "/dossier")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(100, dossier.getList("bids.items").size());
        assertEquals(bids, dossier.getInt("bids.total"));
        assertEquals(everyBid.subList(0, 100), dossier.getList("bids.items.sequence", Integer.class));
        assertEquals(100, dossier.getList("auditLog.entries").size());
        assertTrue(dossier.getLong("auditLog.total") >= 105, dossier.getString("auditLog.total"));
    }

    /** Waits (up to 10 s) until the batcher holds no state for the listing; its batch finishes just after the answer. */
    private void awaitNoLane(long listingId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (batcher.holdsLane(listingId) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(!batcher.holdsLane(listingId), "the batcher still holds listing " + listingId);
    }

    @Test
    void theBidBatcherDropsListingsThatCloseOrFallIdleAndBiddingElsewhereGoesOn() throws Exception {
        // closed by its price cap: the batch that sold it drops its state
        long capped = Auctions.listingInBidding(clock, listings, Map.of("priceCap", "20200000.00",
                "reservePrice", "20000000.00"));
        String c = bidder(capped);
        Auctions.bid(c, capped, "20000000.00", key()).then().statusCode(201);
        assertTrue(batcher.holdsLane(capped), "a listing taking bids has its lane");
        Auctions.bid(c, capped, "20200000.00", key()).then().statusCode(201).body("phase", equalTo("LISTING"));
        assertEquals("SOLD", listingView(capped).getString("status"));
        awaitNoLane(capped);

        // a bid on a listing that takes none (here: one that does not exist) leaves nothing behind
        Auctions.bid(c, 987_654_321L, "20000000.00", key()).then().statusCode(404);
        awaitNoLane(987_654_321L);

        // idle past market.bidding.lane-idle-after (10 min): dropped by the clock's tick; bidding goes on
        long idle = listing();
        String d = bidder(idle);
        Auctions.bid(d, idle, "20000000.00", key()).then().statusCode(201);
        closer.tick();
        assertTrue(batcher.holdsLane(idle), "not idle yet");
        clock.advance(Duration.ofMinutes(10));
        closer.tick();
        assertTrue(!batcher.holdsLane(idle), "idle for 10 minutes: dropped");
        Auctions.bid(d, idle, "20200000.00", key()).then().statusCode(201).body("sequence", equalTo(2));

        // closed by the closer at the end of the listing period
        assertTrue(batcher.holdsLane(idle), "bidding again brought the lane back");
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        assertEquals("UNSOLD", listingView(idle).getString("status"), "one bid below the reserve");
        awaitNoLane(idle);

        long other = listing();
        Auctions.bid(bidder(other), other, "20000000.00", key()).then().statusCode(201).body("sequence", equalTo(1));
    }

    @Test
    void aRegulatorThatStatesAReasonSeesWhoBidAndTheRevealIsLogged() throws Exception {
        long id = listing();
        String a = bidder(id);
        String b = bidder(id);
        String numberA = Auctions.bid(a, id, "20000000.00", key()).then().statusCode(201).extract().path("bidderNo");
        String numberB = Auctions.bid(b, id, "20200000.00", key()).then().statusCode(201).extract().path("bidderNo");
        Auctions.bid(a, id, "20400000.00", key()).then().statusCode(201);
        given().auth().oauth2(regulator).queryParam("reason", " 举报核查：围标线索 ").when()
                .get("/api/listings/" + id + "/bids").then().statusCode(200)
                .body("items.enterpriseCode", equalTo(List.of(a, b, a)));
        List<String> entries = data.auditEntries("identity.revealed", id);
        assertEquals(1, entries.size(), entries::toString);
        JsonPath entry = JsonPath.from(entries.get(0));
        assertEquals("regulator:" + TestData.CITY_REGULATOR + ":regulator-user", entry.getString("actor"));
        org.junit.jupiter.api.Assertions.assertNull(entry.getString("facts.reason"));
        org.junit.jupiter.api.Assertions.assertFalse(entries.get(0).contains("举报核查"), "the reason is committed, not public: " + entries.get(0));
        assertEquals("举报核查：围标线索", cn.landmarket.testing.Commitments.open(regulator,
                entry.getString("facts.reasonCommitment")), "the regulator reads the reason");
        assertEquals("bids", entry.getString("facts.view"));
        assertEquals(List.of(numberA, numberB), entry.getList("facts.bidderNos"));
        assertEquals(id, entry.getLong("facts.listingId"));
        assertTrue(Duration.between(Instant.parse(entry.getString("time")), clock.instant()).abs()
                .compareTo(Duration.ofMinutes(1)) < 0, "logged at the server clock's time");
    }

    @Test
    void aBlankOrOverlongReasonIsRefusedAndRevealsNothing() {
        long id = listing();
        Auctions.bid(bidder(id), id, "20000000.00", key()).then().statusCode(201);
        given().auth().oauth2(regulator).queryParam("reason", "   ").when().get("/api/listings/" + id + "/bids")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].code", equalTo("reveal.reason-required"));
        given().auth().oauth2(regulator).queryParam("reason", "x".repeat(201)).when()
                .get("/api/listings/" + id + "/bids").then().statusCode(400)
                .body("errors[0].code", equalTo("reveal.reason-too-long"));
        assertEquals(List.of(), data.auditEntries("identity.revealed", id));
    }

    @Test
    void concurrentClosersCloseAListingExactlyOnce() throws Exception {
        long id = listing();
        Auctions.bid(bidder(id), id, "22000000.00", key()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        List<java.util.concurrent.Callable<Integer>> closers = java.util.Collections.nCopies(8, closer::closeDue);
        for (var f : pool.invokeAll(closers)) {
            f.get();
        }
        pool.shutdown();
        assertEquals("SOLD", listingView(id).getString("status"));
        assertEquals(1, data.count("select count(h) from ListingHistory h where h.listingId = ?1 and h.toStatus = ?2",
                id, cn.landmarket.listing.ListingStatus.SOLD));
    }
}
