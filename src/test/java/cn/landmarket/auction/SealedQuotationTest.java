package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
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
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * A sealed one-time quotation end to end (domain.md, "Sale formats"): three qualified bidders commit;
 * one reveals right, one reveals wrong then right, one never reveals; the opening sells to the right
 * one, forfeits the silent one's deposit, and the public log alone recomputes it. No amount is
 * visible anywhere before its reveal.
 */
@QuarkusTest
@StandardMarket
class SealedQuotationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String TOWNSHIP = Tokens.township(TestData.TOWNSHIP_A);
    private static final String REGULATOR = Tokens.regulator(TestData.CITY_REGULATOR);

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    QuotationOpener opener;

    @Inject
    SettlementSweep settlement;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Bidder(String code, String serial, long registrationId, String bidderNo) {
        String token() {
            return Tokens.enterprise(code);
        }
    }

    /** A sealed listing (start 20,000,000.00, reserve 22,000,000.00, no cap) in its quotation period. */
    private long sealedListingInQuotation() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        body.remove("priceCap");
        body.put("saleFormat", "SEALED_QUOTATION");
        long id = Fixtures.draft(TestData.TOWNSHIP_A, body);
        Fixtures.act(TOWNSHIP, id, "submit", 200);
        Fixtures.act(REGULATOR, id, "approve", 200);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        given().when().get("/api/public/listings/" + id).then().statusCode(200).body("status", equalTo("LISTING"))
                .body("saleFormat", equalTo("SEALED_QUOTATION"));
        return id;
    }

    /** Moves the clock one minute past the listing's end, into its reveal window. */
    private void toRevealWindow(long listingId) {
        JsonPath view = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + listingId).then()
                .statusCode(200).extract().jsonPath();
        java.time.Instant end = java.time.OffsetDateTime.parse(view.getString("listingEnd")).toInstant();
        assertEquals(end.plus(Duration.ofMinutes(60)),
                java.time.OffsetDateTime.parse(view.getString("revealDeadline")).toInstant(),
                "the reveal window is the default 60 minutes");
        clock.advance(Duration.between(clock.instant(), end.plusSeconds(60)));
    }

    private Bidder qualifiedBidder(long listingId) {
        String serial = "Q" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String code = data.enterprise(serial, EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + listingId + "/registrations").then().statusCode(201)
                .extract().jsonPath();
        BankFeed.deliver(BankFeed.credit("DEP-" + view.getLong("id"), view.getString("payTo.virtualAccount"),
                "4000000.00", "测试企业" + serial, clock.instant())).statusCode(200)
                .body("outcome", equalTo("QUALIFIED"));
        String bidderNo = given().auth().oauth2(Tokens.enterprise(code)).when()
                .get("/api/listings/" + listingId + "/registrations/mine").then().statusCode(200).extract()
                .jsonPath().getString("bidderNo");
        return new Bidder(code, serial, view.getLong("id"), bidderNo);
    }

    private static String salt() {
        byte[] salt = new byte[32];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    private static Response commit(Bidder b, long listingId, String commitment, String key) {
        var request = given().auth().oauth2(b.token()).contentType(ContentType.JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(Map.of("commitment", commitment)).when()
                .post("/api/listings/" + listingId + "/quotations");
    }

    private static Response reveal(Bidder b, long listingId, String amount, String salt) {
        return given().auth().oauth2(b.token()).contentType(ContentType.JSON)
                .body(Map.of("amount", amount, "salt", salt)).when()
                .post("/api/listings/" + listingId + "/quotations/reveal");
    }

    private static JsonPath quotations(String token, long listingId) {
        return given().auth().oauth2(token).when().get("/api/listings/" + listingId + "/quotations").then()
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

    private static long number(Map<String, Object> facts, String key) {
        return ((Number) facts.get(key)).longValue();
    }

    @Test
    void threeBiddersOneRightOneWrongThenRightOneSilentSellToTheRightOneAndTheLogRecomputesIt() throws Exception {
        long id = sealedListingInQuotation();
        String listingNo = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("saleFormat", equalTo("SEALED_QUOTATION")).body("priceCap", nullValue())
                .extract().jsonPath().getString("listingNo");
        Bidder a = qualifiedBidder(id);
        Bidder b = qualifiedBidder(id);
        Bidder c = qualifiedBidder(id);
        String saltA = salt();
        String saltB = salt();
        String saltC = salt();
        String commitA = SealedCommitment.of(listingNo, a.bidderNo(), 2_300_000_000L, saltA);
        String commitB = SealedCommitment.of(listingNo, b.bidderNo(), 2_400_000_000L, saltB);
        String commitC = SealedCommitment.of(listingNo, c.bidderNo(), 2_500_000_000L, saltC);

        // open bids are refused on a sealed listing, and nothing is stored
        Auctions.bid(a.code(), id, "23000000.00", "bid-" + a.serial()).then().statusCode(409);
        assertEquals(0, data.count("select count(*) from Listing l where l.id = ?1 and l.bidCount > 0", id));

        // commit: a key is required, the commitment must be 64 lower-case hex, one per bidder, a retry is the same
        commit(a, id, commitA, null).then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        commit(a, id, commitA.toUpperCase(), "q-a").then().statusCode(400)
                .body("errors[0].code", equalTo("quotation.commitment-format"));
        commit(a, id, commitA, "q-a").then().statusCode(201).body("sequence", equalTo(1))
                .body("commitment", equalTo(commitA)).body("mine", equalTo(true)).body("amount", nullValue());
        commit(a, id, commitA, "q-a").then().statusCode(200).body("sequence", equalTo(1));
        commit(a, id, SealedCommitment.of(listingNo, a.bidderNo(), 2_600_000_000L, saltA), "q-a2").then()
                .statusCode(409);
        commit(b, id, commitB, "q-b").then().statusCode(201).body("sequence", equalTo(2));
        commit(c, id, commitC, "q-c").then().statusCode(201).body("sequence", equalTo(3));
        String outsider = data.enterprise("Q" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                EnterpriseStatus.VERIFIED);
        given().auth().oauth2(Tokens.enterprise(outsider)).header("Idempotency-Key", "q-x")
                .contentType(ContentType.JSON).body(Map.of("commitment", commitA)).when()
                .post("/api/listings/" + id + "/quotations").then().statusCode(403);

        // nobody can read an amount before its reveal: not the API, not the database, not the log
        for (String token : List.of(REGULATOR, TOWNSHIP, Tokens.operator(), a.token())) {
            JsonPath seen = quotations(token, id);
            assertEquals(List.of(1, 2, 3), seen.getList("sequence"));
            assertEquals(List.of(), seen.getList("findAll { it.amount != null }"));
            assertEquals(List.of(), seen.getList("findAll { it.salt != null }"));
        }
        assertEquals(0, data.count("select count(*) from SealedQuotation q where q.listingId = ?1 and "
                + "(q.amountFen is not null or q.salt is not null)", id));
        String log = String.join("\n", data.auditEntries("quotation.committed", id));
        assertEquals(3, data.auditEntries("quotation.committed", id).size());
        assertEquals(0, data.auditEntries("quotation.revealed", id).size());
        for (String amount : List.of("2300000000", "2400000000", "2500000000", "23000000", "24000000", "25000000",
                saltA, saltB, saltC)) {
            assertFalse(log.contains(amount), () -> amount + " is in the log before its reveal: " + log);
        }
        reveal(a, id, "23000000.00", saltA).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("reveal"));

        // the quotation period ends: no more commitments, the reveal window opens
        toRevealWindow(id);
        commit(b, id, commitB, "q-b-late").then().statusCode(409);
        reveal(a, id, "23000000.00", saltA).then().statusCode(200).body("amount", equalTo("23000000.00"))
                .body("validity", equalTo("VALID")).body("salt", equalTo(saltA));
        reveal(b, id, "24000000.00", saltA).then().statusCode(422)
                .body("type", equalTo("urn:land-market:problem:reveal-mismatch"))
                .body("detail", org.hamcrest.Matchers.containsString("try again"));
        reveal(b, id, "24000000.01", saltB).then().statusCode(422);
        assertEquals(0, data.count("select count(*) from SealedQuotation q where q.listingId = ?1 and "
                + "q.registrationId = ?2 and q.amountFen is not null", id, b.registrationId()));
        reveal(b, id, "24000000.00", saltB).then().statusCode(200).body("amount", equalTo("24000000.00"))
                .body("validity", equalTo("VALID"));
        reveal(b, id, "24000000.00", saltB).then().statusCode(200).body("sequence", equalTo(2));
        reveal(a, id, "23000000.01", saltA).then().statusCode(409);
        JsonPath during = quotations(TOWNSHIP, id);
        assertEquals("24000000.00", during.getString("find { it.sequence == 2 }.amount"));
        assertEquals(null, (Object) during.get("find { it.sequence == 3 }.amount"));
        assertEquals(null, (Object) during.get("find { it.sequence == 3 }.validity"));

        // the window closes: a late reveal is refused, the opening sells to B (C's higher quotation never counted)
        clock.advance(Duration.ofMinutes(60));
        reveal(c, id, "25000000.00", saltC).then().statusCode(409);
        opener.openDue();
        opener.openDue();
        JsonPath sold = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("status", equalTo("SOLD")).body("highestBid", equalTo("24000000.00"))
                .body("reservePrice", equalTo("22000000.00")).extract().jsonPath();
        assertTrue(sold.getLong("bidCount") == 1);
        given().auth().oauth2(REGULATOR).when().get("/api/listings/" + id + "/bids").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].bidderNo", equalTo(b.bidderNo()))
                .body("items[0].amount", equalTo("24000000.00"));
        JsonPath after = quotations(a.token(), id);
        assertEquals("NOT_REVEALED", after.getString("find { it.sequence == 3 }.validity"));
        assertEquals(true, after.getBoolean("find { it.sequence == 2 }.winner"));
        assertEquals(false, after.getBoolean("find { it.sequence == 1 }.winner"));
        assertEquals(true, after.getBoolean("find { it.sequence == 1 }.mine"));

        // the trade goes to B with its deposit credited; C's deposit is forfeited, A's owed back
        settlement.run();
        settlement.run();
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id + "/trade").then().statusCode(200)
                .body("buyerCode", equalTo(b.code())).body("price", equalTo("24000000.00"))
                .body("depositCredited", equalTo("4000000.00"));
        assertEquals(1, data.count("select count(*) from Transfer t where t.debitAccount = ?1 and t.kind = "
                + "cn.landmarket.ledger.TransferKind.DEPOSIT_FORFEIT", "DEPOSIT:" + c.registrationId()));
        assertEquals(1, data.count("select count(*) from Transfer t where t.debitAccount = ?1 and t.kind = "
                + "cn.landmarket.ledger.TransferKind.DEPOSIT_REFUND", "DEPOSIT:" + a.registrationId()));

        // every step is in the log, and the log alone recomputes the opening
        List<Map<String, Object>> committed = facts("quotation.committed", id);
        assertEquals(3, committed.size());
        List<Map<String, Object>> refused = facts("quotation.reveal_refused", id);
        assertEquals(2, refused.size(), "two refused reveals of B");
        assertEquals(b.bidderNo(), refused.get(1).get("bidderNo"));
        assertEquals(2L, number(refused.get(1), "failedReveals"));
        assertFalse(String.join("\n", data.auditEntries("quotation.reveal_refused", id)).contains(saltA),
                "what a refused reveal presented is not logged");
        List<Map<String, Object>> revealed = facts("quotation.revealed", id);
        assertEquals(2, revealed.size());
        Map<String, Object> forfeited = facts("quotation.deposit_forfeited", id).get(0);
        assertEquals(c.bidderNo(), forfeited.get("bidderNo"));
        assertEquals(400_000_000L, number(forfeited, "forfeitedFen"));
        Map<String, Object> opening = facts("listing.sold", id).get(0);
        List<SealedOpening.Quotation> fromLog = new ArrayList<>();
        for (Map<String, Object> commitment : committed) {
            Map<String, Object> open = revealed.stream()
                    .filter(r -> r.get("commitment").equals(commitment.get("commitment"))).findFirst().orElse(null);
            Long amount = null;
            if (open != null) {
                assertEquals(commitment.get("commitment"), SealedCommitment.of((String) open.get("listingNo"),
                        (String) open.get("bidderNo"), number(open, "amountFen"), (String) open.get("salt")));
                amount = number(open, "amountFen");
            }
            fromLog.add(new SealedOpening.Quotation((int) number(commitment, "sequence"),
                    (String) commitment.get("bidderNo"), amount));
        }
        SealedOpening.Opening recomputed = SealedOpening.open(fromLog, number(opening, "startPriceFen"),
                number(opening, "reservePriceFen"));
        assertEquals(opening.get("winningBidderNo"), recomputed.winner().orElseThrow().bidderNo());
        assertEquals(number(opening, "winningAmountFen"), recomputed.winner().orElseThrow().amountFen());
        assertEquals(b.bidderNo(), opening.get("winningBidderNo"));
        assertEquals("FORFEIT", opening.get("unrevealedDeposit"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> judged = (List<Map<String, Object>>) opening.get("quotations");
        assertEquals(List.of("VALID", "VALID", "NOT_REVEALED"), judged.stream().map(j -> j.get("validity")).toList());
        assertEquals(List.of(commitA, commitB, commitC), judged.stream().map(j -> j.get("commitment")).toList());

        // oversight counts the three who quoted as bidders, though only the winner's quotation became a bid
        given().auth().oauth2(REGULATOR).queryParam("enterprise", c.code())
                .queryParam("reason", "sealed sale participation").when().get("/api/oversight/listings").then()
                .statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo((int) id))
                .body("items[0].bidCount", equalTo(1)).body("items[0].bidders", equalTo(3));
    }

    @Test
    void aSealedListingTakesNoPriceCapAndAnOpenListingTakesNoQuotation() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = new HashMap<>(Fixtures.listing(cert, 10_000, clock.instant()));
        body.put("saleFormat", "SEALED_QUOTATION");
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(body).when().post("/api/listings").then()
                .statusCode(400).body("errors[0].field", equalTo("priceCap"))
                .body("errors[0].code", equalTo("listing.sealed-no-cap"));
        body.put("saleFormat", "LOTTERY");
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(body).when().post("/api/listings").then()
                .statusCode(400);
        body.remove("saleFormat");
        long open = Fixtures.draft(TestData.TOWNSHIP_A, body);
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + open).then().statusCode(200)
                .body("saleFormat", equalTo("OPEN_ASCENDING")).body("revealDeadline", nullValue());
    }

    @Test
    void aSingleQuotationBelowTheReserveIsNoSaleAndReleasesTheLot() throws Exception {
        long id = sealedListingInQuotation();
        String listingNo = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().extract()
                .jsonPath().getString("listingNo");
        Bidder a = qualifiedBidder(id);
        String salt = salt();
        commit(a, id, SealedCommitment.of(listingNo, a.bidderNo(), 2_100_000_000L, salt), "low").then()
                .statusCode(201);
        toRevealWindow(id);
        reveal(a, id, "21000000.00", salt).then().statusCode(200).body("validity", equalTo("VALID"));
        clock.advance(Duration.ofMinutes(60));
        opener.openDue();
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("status", equalTo("UNSOLD"));
        given().auth().oauth2(REGULATOR).when().get("/api/listings/" + id + "/bids").then().statusCode(200)
                .body("items", hasSize(0));
        Map<String, Object> unsold = facts("listing.unsold", id).get(0);
        assertEquals("BELOW_RESERVE", unsold.get("unsoldReason"));
        assertEquals(2_100_000_000L, number(unsold, "highestValidAmountFen"));
        assertEquals(2_200_000_000L, number(unsold, "reservePriceFen"));
    }

    @Test
    void aSuspensionInTheRevealWindowStopsRevealsAndMovesTheRevealDeadlineByItsLength() {
        long id = sealedListingInQuotation();
        String listingNo = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().extract()
                .jsonPath().getString("listingNo");
        Bidder a = qualifiedBidder(id);
        String salt = salt();
        commit(a, id, SealedCommitment.of(listingNo, a.bidderNo(), 2_300_000_000L, salt), "susp").then()
                .statusCode(201);
        toRevealWindow(id);
        java.time.Instant before = java.time.OffsetDateTime.parse(given().auth().oauth2(TOWNSHIP).when()
                .get("/api/listings/" + id).then().extract().jsonPath().getString("revealDeadline")).toInstant();
        Fixtures.act(REGULATOR, id, "suspend", 200);
        reveal(a, id, "23000000.00", salt).then().statusCode(409);
        clock.advance(Duration.ofMinutes(90));
        opener.openDue();
        Fixtures.act(REGULATOR, id, "resume", 200);
        java.time.Instant after = java.time.OffsetDateTime.parse(given().auth().oauth2(TOWNSHIP).when()
                .get("/api/listings/" + id).then().statusCode(200).body("status", equalTo("LISTING")).extract()
                .jsonPath().getString("revealDeadline")).toInstant();
        // the suspension lasted 90 minutes of the test clock plus the little real time it also lets pass
        assertTrue(!after.isBefore(before.plus(Duration.ofMinutes(90)))
                && after.isBefore(before.plus(Duration.ofMinutes(91))), () -> before + " moved to " + after);
        reveal(a, id, "23000000.00", salt).then().statusCode(200).body("validity", equalTo("VALID"));
        clock.advance(Duration.ofMinutes(60));
        opener.openDue();
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("status", equalTo("SOLD")).body("highestBid", equalTo("23000000.00"));
    }
}
