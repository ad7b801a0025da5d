package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.SealedSales;
import cn.landmarket.testing.SealedSales.Bidder;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The lottery at the cap end to end (domain.md, "Sale formats"): a bid at the cap stops the bidding
 * and opens the round; bidders enter with commitments, one reveals wrong then right, one never
 * reveals and is still drawn from; the draw sells at the cap to the winner, and the public log alone
 * recomputes the seed and the winner. Also the drafting rules and the single entrant.
 */
@QuarkusTest
@StandardMarket
class LotteryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOWNSHIP = Tokens.township(TestData.TOWNSHIP_A);
    private static final String REGULATOR = Tokens.regulator(TestData.CITY_REGULATOR);
    private static final String CAP = "30000000.00";
    private static final long CAP_FEN = 3_000_000_000L;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    LotteryDrawer drawer;

    @Inject
    LotteryService lotteries;

    @Inject
    SettlementSweep settlement;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Bidder qualifiedBidder(long listingId) {
        return SealedSales.qualifiedBidder(data, clock, listingId);
    }

    private static String random32() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Response enter(Bidder b, long listingId, String commitment, String key) {
        var request = given().auth().oauth2(b.token()).contentType(ContentType.JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("commitment", commitment)).when()
                .post("/api/listings/" + listingId + "/lottery/entries");
    }

    private static Response reveal(Bidder b, long listingId, String contribution) {
        return given().auth().oauth2(b.token()).contentType(ContentType.JSON)
                .body(Map.of("contribution", contribution)).when()
                .post("/api/listings/" + listingId + "/lottery/reveal");
    }

    private static JsonPath lottery(String token, long listingId) {
        return given().auth().oauth2(token).when().get("/api/listings/" + listingId + "/lottery").then()
                .statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> facts(String type, long listingId) throws Exception {
        List<Map<String, Object>> out = new ArrayList<>();
        for (String json : data.auditEntries(type, listingId)) {
            out.add((Map<String, Object>) JSON.readValue(json, Map.class).get("facts"));
        }
        return out;
    }

    private long lotteryListingInBidding() {
        long id = Auctions.listingInBidding(clock, listings, Map.of("capAction", "LOTTERY"));
        given().when().get("/api/public/listings/" + id).then().statusCode(200).body("status", equalTo("LISTING"))
                .body("capAction", equalTo("LOTTERY")).body("priceCap", equalTo(CAP))
                .body("lotteryEntryMinutes", equalTo(30)).body("lotteryRevealMinutes", equalTo(30))
                .body("lotteryEntryDeadline", nullValue());
        return id;
    }

    private Instant instant(long listingId, String field) {
        return OffsetDateTime.parse(given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + listingId).then()
                .statusCode(200).extract().jsonPath().getString(field)).toInstant();
    }

    @Test
    void aLotteryAtTheCapDrawsAmongEntrantsIncludingOneThatNeverRevealedAndTheLogAloneRecomputesIt()
            throws Exception {
        long id = lotteryListingInBidding();
        String listingNo = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().extract()
                .jsonPath().getString("listingNo");
        Map<String, Object> announced = facts("listing.announced", id).get(0);
        assertEquals("LOTTERY", announced.get("capAction"), "the announcement shows the action at the cap");
        assertEquals(30, ((Number) announced.get("lotteryEntryMinutes")).intValue());
        Bidder a = qualifiedBidder(id);
        Bidder b = qualifiedBidder(id);
        Bidder c = qualifiedBidder(id);
        Bidder d = qualifiedBidder(id);

        // no round before the cap is reached
        given().auth().oauth2(a.token()).when().get("/api/listings/" + id + "/lottery").then().statusCode(409)
                .body("code", equalTo("INVALID_STATE"));
        enter(a, id, LotteryCommitment.of(listingNo, a.bidderNo(), random32()), "early").then().statusCode(409);

        // B's bid reaches the cap: the bidding stops, the round opens; further bids are refused with a clear 409
        Auctions.bid(a.code(), id, "20000000.00", "a-1").then().statusCode(201);
        Instant opened = clock.instant();
        Auctions.bid(b.code(), id, CAP, "b-1").then().statusCode(201);
        Auctions.bid(c.code(), id, CAP, "c-1").then().statusCode(409).body("code", equalTo("BID_REJECTED"))
                .body("detail", containsString("lottery round"));
        JsonPath listing = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("status", equalTo("LOTTERY")).body("bidCount", equalTo(2)).body("highestBid", equalTo(CAP))
                .body("closedAt", nullValue()).extract().jsonPath();
        Instant entryDeadline = OffsetDateTime.parse(listing.getString("lotteryEntryDeadline")).toInstant();
        Instant revealDeadline = OffsetDateTime.parse(listing.getString("lotteryRevealDeadline")).toInstant();
        assertTrue(!entryDeadline.isBefore(opened.plus(Duration.ofMinutes(30)))
                && entryDeadline.isBefore(opened.plus(Duration.ofMinutes(31))), () -> opened + " / " + entryDeadline);
        assertEquals(entryDeadline.plus(Duration.ofMinutes(30)), revealDeadline);
        JsonPath round = lottery(d.token(), id);
        assertEquals("ENTRY", round.getString("stage"));
        assertEquals(b.bidderNo(), round.getString("capBidderNo"));
        assertEquals(CAP, round.getString("cap"));
        assertEquals(List.of(b.bidderNo()), round.getList("entrants.bidderNo"));
        assertEquals(true, round.getBoolean("entrants[0].capBidder"));
        assertEquals(null, (Object) round.get("platformContribution"));
        String platformCommitment = round.getString("platformCommitment");
        assertTrue(LotteryCommitment.isHex64(platformCommitment));
        Map<String, Object> openedFacts = facts("listing.lottery", id).get(0);
        assertEquals(platformCommitment, openedFacts.get("platformCommitment"));
        assertEquals(CAP_FEN, ((Number) openedFacts.get("capFen")).longValue());
        assertEquals(b.bidderNo(), openedFacts.get("capBidderNo"));
        assertEquals(entryDeadline.toString(), openedFacts.get("lotteryEntryDeadline"));
        assertEquals(revealDeadline.toString(), openedFacts.get("lotteryRevealDeadline"));
        String platformSecret = data.value(String.class,
                "select r.platformContribution from LotteryRound r where r.listingId = ?1", id);
        assertEquals(platformCommitment, LotteryCommitment.of(listingNo, LotteryCommitment.PLATFORM, platformSecret),
                "the platform committed before anyone entered, to the contribution it keeps in the database");

        // entries: a key and 64 lower-case hex are required, one per bidder, a retry is the same, outsiders are refused
        String contributionA = random32();
        String contributionB = random32();
        String contributionC = random32();
        String commitA = LotteryCommitment.of(listingNo, a.bidderNo(), contributionA);
        enter(a, id, commitA, null).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        enter(a, id, commitA.toUpperCase(), "e-a").then().statusCode(400)
                .body("errors[0].code", equalTo("lottery.commitment-format"));
        enter(a, id, commitA, "e-a").then().statusCode(201).body("stage", equalTo("ENTRY"));
        enter(a, id, commitA, "e-a").then().statusCode(200);
        enter(a, id, LotteryCommitment.of(listingNo, a.bidderNo(), random32()), "e-a2").then().statusCode(409);
        enter(c, id, LotteryCommitment.of(listingNo, c.bidderNo(), contributionC), "e-c").then().statusCode(201);
        enter(b, id, LotteryCommitment.of(listingNo, b.bidderNo(), contributionB), "e-b").then().statusCode(201);
        String outsider = data.enterprise("L" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                EnterpriseStatus.VERIFIED);
        given().auth().oauth2(Tokens.enterprise(outsider)).header("Idempotency-Key", "e-x")
                .contentType(ContentType.JSON).body(Map.of("commitment", commitA)).when()
                .post("/api/listings/" + id + "/lottery/entries").then().statusCode(403);
        reveal(a, id, contributionA).then().statusCode(409).body("detail", containsString("reveal window"));
        JsonPath entered = lottery(a.token(), id);
        assertEquals(3, entered.getList("entrants").size());
        assertEquals(true, entered.getBoolean("entrants.find { it.bidderNo == '" + a.bidderNo() + "' }.mine"));
        assertEquals(List.of(), entered.getList("entrants.findAll { it.contribution != null }"));

        // the entry window closes: no more entries; the reveal window opens
        clock.advance(Duration.between(clock.instant(), entryDeadline.plusSeconds(1)));
        enter(d, id, LotteryCommitment.of(listingNo, d.bidderNo(), random32()), "e-d").then().statusCode(409)
                .body("detail", containsString("until"));
        reveal(a, id, random32()).then().statusCode(422)
                .body("type", equalTo("urn:land-market:problem:reveal-mismatch"))
                .body("detail", containsString("try again"));
        reveal(a, id, contributionA).then().statusCode(200).body("stage", equalTo("REVEAL"));
        reveal(a, id, contributionA).then().statusCode(200);
        reveal(a, id, random32()).then().statusCode(409);
        reveal(b, id, contributionB).then().statusCode(200);
        reveal(d, id, random32()).then().statusCode(409).body("detail", containsString("no commitment"));
        // nothing is drawn before the reveal deadline, and the platform's contribution is nowhere public yet
        assertFalse(lotteries.drawIfDue(id));
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().body("status", equalTo("LOTTERY"));
        for (String type : List.of("listing.lottery", "lottery.entered", "lottery.revealed", "lottery.reveal_refused")) {
            assertFalse(String.join("\n", data.auditEntries(type, id)).contains(platformSecret), type);
        }
        assertFalse(String.join("\n", data.auditEntries("lottery.reveal_refused", id)).contains(contributionA));

        // the reveal window closes: C never revealed; a late reveal is refused; the draw happens once
        clock.advance(Duration.ofMinutes(30));
        reveal(c, id, contributionC).then().statusCode(409);
        drawer.drawDue();
        drawer.drawDue();
        assertFalse(lotteries.drawIfDue(id), "drawn once");
        assertEquals(1, facts("listing.sold", id).size());
        Map<String, Object> sold = facts("listing.sold", id).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> draw = (Map<String, Object>) sold.get("lottery");
        String winnerNo = (String) sold.get("winningBidderNo");
        assertEquals(winnerNo, draw.get("winnerBidderNo"));
        assertEquals(CAP_FEN, ((Number) sold.get("winningAmountFen")).longValue());
        List<String> sortedEntrants = new ArrayList<>(List.of(a.bidderNo(), b.bidderNo(), c.bidderNo()));
        java.util.Collections.sort(sortedEntrants);
        assertEquals(sortedEntrants, draw.get("entrants"), "C, which never revealed, is still drawn from");
        assertEquals(true, draw.get("drawn"));
        assertEquals(platformSecret, draw.get("platformContribution"));

        // the public log alone recomputes the seed and the winner: entries, reveals and the round's commitment
        List<LotteryDraw.Contribution> revealed = new ArrayList<>();
        for (Map<String, Object> r : facts("lottery.revealed", id)) {
            Map<String, Object> e = facts("lottery.entered", id).stream()
                    .filter(x -> x.get("commitment").equals(r.get("commitment"))).findFirst().orElseThrow();
            assertEquals(e.get("commitment"), LotteryCommitment.of((String) r.get("listingNo"),
                    (String) r.get("bidderNo"), (String) r.get("contribution")));
            revealed.add(new LotteryDraw.Contribution((String) r.get("bidderNo"), (String) r.get("contribution")));
        }
        assertEquals(2, revealed.size());
        List<String> entrants = new ArrayList<>();
        entrants.add((String) facts("listing.lottery", id).get(0).get("capBidderNo"));
        facts("lottery.entered", id).stream().map(e -> (String) e.get("bidderNo")).filter(n -> !entrants.contains(n))
                .forEach(entrants::add);
        assertEquals(openedFacts.get("platformCommitment"), LotteryCommitment.of(listingNo, LotteryCommitment.PLATFORM,
                (String) draw.get("platformContribution")));
        LotteryDraw.Result recomputed = LotteryDraw.draw(listingNo, entrants, revealed,
                (String) draw.get("platformContribution"));
        assertEquals(draw.get("seed"), recomputed.seed());
        assertEquals(((Number) draw.get("winnerIndex")).intValue(), recomputed.winnerIndex());
        assertEquals(winnerNo, recomputed.winnerBidderNo());
        assertEquals(List.of(), LotteryDraw.recompute(draw));
        // one contribution changed behind the service's back no longer recomputes to the published draw
        @SuppressWarnings("unchecked")
        Map<String, Object> tampered = JSON.readValue(JSON.writeValueAsString(draw), Map.class);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tamperedEntries = (List<Map<String, Object>>) tampered.get("entries");
        tamperedEntries.stream().filter(e -> e.get("contribution") != null).findFirst().orElseThrow()
                .put("contribution", random32());
        assertFalse(LotteryDraw.recompute(tampered).isEmpty());

        // the winner buys at the cap: SOLD, the lottery view shows the draw, the trade opens for the winner
        Bidder winner = List.of(a, b, c).stream().filter(x -> x.bidderNo().equals(winnerNo)).findFirst().orElseThrow();
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("status", equalTo("SOLD")).body("highestBid", equalTo(CAP))
                .body("bidCount", equalTo(winner == b ? 2 : 3));
        JsonPath after = lottery(REGULATOR, id);
        assertEquals("DRAWN", after.getString("stage"));
        assertEquals(winnerNo, after.getString("winnerBidderNo"));
        assertEquals(draw.get("seed"), after.getString("seed"));
        assertEquals(platformSecret, after.getString("platformContribution"));
        settlement.run();
        settlement.run();
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id + "/trade").then().statusCode(200)
                .body("buyerCode", equalTo(winner.code())).body("price", equalTo(CAP))
                .body("depositCredited", equalTo("4000000.00"));
        for (Bidder loser : List.of(a, b, c, d)) {
            if (loser != winner) {
                assertEquals(1, data.count("select count(*) from Transfer t where t.debitAccount = ?1 and t.kind = "
                        + "cn.landmarket.ledger.TransferKind.DEPOSIT_REFUND", "DEPOSIT:" + loser.registrationId()),
                        () -> loser.bidderNo() + " is owed its deposit back");
            }
        }
    }

    @Test
    void whenNobodyElseEntersTheCapsBidderWinsWithoutADrawAtTheEntryDeadline() throws Exception {
        long id = lotteryListingInBidding();
        Bidder a = qualifiedBidder(id);
        qualifiedBidder(id);
        Auctions.bid(a.code(), id, CAP, "a-cap").then().statusCode(201);
        Instant entryDeadline = instant(id, "lotteryEntryDeadline");
        assertFalse(lotteries.drawIfDue(id));
        clock.advance(Duration.between(clock.instant(), entryDeadline.plusSeconds(1)));
        drawer.drawDue();
        assertFalse(lotteries.drawIfDue(id), "drawn at the entry deadline: no reveal window to wait for with one entrant");
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("status", equalTo("SOLD")).body("bidCount", equalTo(1));
        Map<String, Object> sold = facts("listing.sold", id).get(0);
        @SuppressWarnings("unchecked")
        Map<String, Object> draw = (Map<String, Object>) sold.get("lottery");
        assertEquals(false, draw.get("drawn"));
        assertEquals(null, draw.get("seed"));
        assertEquals(a.bidderNo(), draw.get("winnerBidderNo"));
        assertEquals(List.of(), LotteryDraw.recompute(draw));
        assertNotNull(sold.get("winningBidId"));
    }

    @Test
    void aSuspensionDuringTheLotteryMovesItsDeadlinesByItsLength() {
        long id = lotteryListingInBidding();
        Bidder a = qualifiedBidder(id);
        Auctions.bid(a.code(), id, CAP, "a-cap").then().statusCode(201);
        Instant entry = instant(id, "lotteryEntryDeadline");
        Instant reveal = instant(id, "lotteryRevealDeadline");
        Fixtures.act(REGULATOR, id, "suspend", 200);
        assertEquals("SUSPENDED", lottery(REGULATOR, id).getString("stage"));
        clock.advance(Duration.ofHours(2));
        assertFalse(lotteries.drawIfDue(id), "a suspended lottery is not drawn");
        Fixtures.act(REGULATOR, id, "resume", 200);
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().body("status", equalTo("LOTTERY"));
        Instant movedEntry = instant(id, "lotteryEntryDeadline");
        assertTrue(!movedEntry.isBefore(entry.plus(Duration.ofHours(2)))
                && movedEntry.isBefore(entry.plus(Duration.ofHours(2)).plusSeconds(60)), () -> entry + " -> " + movedEntry);
        assertEquals(Duration.between(entry, reveal), Duration.between(movedEntry, instant(id, "lotteryRevealDeadline")));
        assertEquals("ENTRY", lottery(REGULATOR, id).getString("stage"));
    }

    @Test
    void draftingALotteryNeedsAPriceCapAndOpenBidsAndWithoutOneABidAtTheCapEndsTheSale() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = new HashMap<>(Fixtures.listing(cert, 10_000, clock.instant()));
        body.put("capAction", "LOTTERY");
        body.remove("priceCap");
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(body).when().post("/api/listings").then()
                .statusCode(400).body("errors", hasSize(1)).body("errors[0].field", equalTo("capAction"))
                .body("errors[0].code", equalTo("listing.lottery-needs-cap"));
        body.put("saleFormat", "SEALED_QUOTATION");
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(body).when().post("/api/listings").then()
                .statusCode(400).body("errors[0].field", equalTo("capAction"))
                .body("errors[0].code", equalTo("listing.lottery-needs-open"));
        body.remove("saleFormat");
        body.put("capAction", "DRAW_LOTS");
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(body).when().post("/api/listings").then()
                .statusCode(400);
        assertEquals(0, data.count("select count(*) from Listing l where l.certificateId = ?1", cert),
                "a refused draft changes nothing");
        body.remove("capAction");
        body.put("priceCap", CAP);
        long plain = Fixtures.draft(TestData.TOWNSHIP_A, body);
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + plain).then().statusCode(200)
                .body("capAction", equalTo("END_SALE")).body("lotteryEntryMinutes", nullValue());
        given().auth().oauth2(REGULATOR).when().get("/api/listings/" + plain + "/lottery").then().statusCode(409)
                .body("detail", matchesPattern(".*does not draw lots.*"));
    }
}
