package cn.landmarket.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.auction.QuotationOpener;
import cn.landmarket.auction.SealedCommitment;
import cn.landmarket.audit.AuditSequencer;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The runner-up award (domain.md, "After the sale") end to end: three bidders, the winner at
 * 22,200,000.00, the runner-up at 22,000,000.00 (the reserve), a third at the start price below the
 * reserve. The runner-up's deposit is held while the winner's trade is open; the winner's default
 * offers it the lot, which it accepts and pays, declines, or defaults on; the winner's settlement
 * refunds it. Every step is in the log, and the log alone recomputes who was offered the lot.
 */
@QuarkusTest
@StandardMarket
class RunnerUpAwardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOWNSHIP = Tokens.township(TestData.TOWNSHIP_A);
    private static final String REGULATOR = Tokens.regulator(TestData.CITY_REGULATOR);

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    SettlementSweep settlement;

    @Inject
    QuotationOpener opener;

    @Inject
    AuditSequencer sequencer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Bidder(String code, String serial, long registrationId, String account, String bidderNo) {
        String payer() {
            return "测试企业" + serial;
        }

        String token() {
            return Tokens.enterprise(code);
        }
    }

    /** A sale closed as described on the class, with its trade opened; {@code award} the listing's setting. */
    private record Sale(long listingId, Bidder winner, Bidder runnerUp, Bidder low, long winnerTradeId) {
    }

    private Bidder registerAndPayDeposit(long listingId) {
        String serial = "U" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String code = data.enterprise(serial, EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + listingId + "/registrations").then().statusCode(201)
                .extract().jsonPath();
        long registrationId = view.getLong("id");
        String account = view.getString("payTo.virtualAccount");
        BankFeed.deliver(BankFeed.credit("DEP-" + registrationId, account, "4000000.00", "测试企业" + serial,
                clock.instant())).statusCode(200).body("outcome", equalTo("QUALIFIED"));
        String bidderNo = given().auth().oauth2(Tokens.enterprise(code)).when()
                .get("/api/listings/" + listingId + "/registrations/mine").then().statusCode(200).extract()
                .jsonPath().getString("bidderNo");
        return new Bidder(code, serial, registrationId, account, bidderNo);
    }

    private Sale sold(boolean award) {
        long id = Auctions.listingInBidding(clock, listings, Map.of("runnerUpAward", award));
        Bidder low = registerAndPayDeposit(id);
        Bidder runnerUp = registerAndPayDeposit(id);
        Bidder winner = registerAndPayDeposit(id);
        Auctions.bid(low.code(), id, "20000000.00", "l-" + low.serial()).then().statusCode(201);
        Auctions.bid(runnerUp.code(), id, "22000000.00", "r-" + runnerUp.serial()).then().statusCode(201);
        Auctions.bid(winner.code(), id, "22200000.00", "w-" + winner.serial()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        settlement.run();
        long tradeId = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).body("buyerCode", equalTo(winner.code())).body("price", equalTo("22200000.00"))
                .body("runnerUpOf", nullValue()).extract().jsonPath().getLong("id");
        return new Sale(id, winner, runnerUp, low, tradeId);
    }

    /** The published result, as anyone reads it. */
    private static JsonPath result(long listingId) {
        return given().when().get("/api/public/results/" + listingId).then().statusCode(200).extract().jsonPath();
    }

    private String name(Bidder b) {
        return data.value(String.class, "select e.name from Enterprise e where e.creditCode = ?1", b.code());
    }

    /** The lot released after a default: the result names no buyer and no price, and says what became of the award. */
    private void assertReleased(long listingId, String step, Bidder... unnamed) throws Exception {
        JsonPath r = result(listingId);
        assertEquals("RELEASED", r.getString("outcome"));
        assertEquals("DEFAULTED", r.getString("status"));
        assertNull(r.get("buyer"));
        assertNull(r.get("price"));
        assertEquals(step, r.getString("runnerUpAward.step"));
        String page = given().when().get("/listings/" + listingId).then().statusCode(200).extract().asString();
        assertTrue(page.contains("违约，标的已释放"), page);
        assertTrue(page.contains("data-step=\"" + step + "\""), page);
        Sequencing.settle(sequencer);
        byte[] pdf = given().when().get("/api/documents/results/" + listingId + ".pdf").then().statusCode(200)
                .extract().asByteArray();
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
        assertTrue(text.contains("成交后违约，标的已释放"), text);
        for (Bidder b : unnamed) {
            assertFalse(page.contains(b.code()) || text.contains(b.code()), b.code() + " is named");
        }
    }

    private JsonPath trade(long tradeId) {
        return given().auth().oauth2(REGULATOR).when().get("/api/trades/" + tradeId).then().statusCode(200)
                .extract().jsonPath();
    }

    private JsonPath account(String id) {
        return given().auth().oauth2(REGULATOR).when().get("/api/ledger/accounts/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private JsonPath runnerUp(String token, long listingId) {
        return given().auth().oauth2(token).when().get("/api/listings/" + listingId + "/runner-up").then()
                .statusCode(200).extract().jsonPath();
    }

    private static void confirm(String token, long tradeId, String sha) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("sha256", sha))
                .when().post("/api/trades/" + tradeId + "/confirmations").then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse decline(String token, long tradeId) {
        return given().auth().oauth2(token).when().post("/api/trades/" + tradeId + "/decline").then();
    }

    private void pay(String txId, Bidder b, long tradeId, String amount, String outcome) {
        BankFeed.deliver(BankFeed.credit(txId, trade(tradeId).getString("paymentAccount"), amount, b.payer(),
                clock.instant())).statusCode(200).body("outcome", equalTo(outcome));
    }

    private long refunds(Bidder b) {
        return data.count("select count(r) from Refund r where r.registrationId = ?1 and r.reason = "
                + "cn.landmarket.escrow.RefundReason.NOT_WINNER", b.registrationId());
    }

    private long frozenArea(long certificateId) {
        return given().auth().oauth2(TOWNSHIP).when().get("/api/certificates/" + certificateId).then().statusCode(200)
                .extract().jsonPath().getLong("frozenArea.m2");
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

    private void assertInvariants(String... ids) {
        JsonPath inv = given().auth().oauth2(REGULATOR).when().get("/api/ledger/invariants").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> checks = inv.getList("checks");
        assertEquals(true, checks.get(0).get("pass"), () -> "every transfer balances: " + checks.get(0));
        assertEquals(true, checks.get(1).get("pass"), () -> "sum is zero: " + checks.get(1));
        for (Map<String, Object> check : checks) {
            @SuppressWarnings("unchecked")
            List<String> offending = (List<String>) check.get("offending");
            for (String id : ids) {
                assertFalse(offending.contains(id), check.get("name") + " fails for " + id + ": " + offending);
            }
        }
    }

    /**
     * Who should have been offered the lot, recomputed from the public log alone: every
     * {@code bid.accepted} of the listing, and the winner and reserve of its {@code listing.sold}.
     */
    private RunnerUpRule.Choice recomputeFromTheLog(long listingId) throws Exception {
        Map<String, Object> sold = facts("listing.sold", listingId).get(0);
        List<RunnerUpRule.Price> prices = new ArrayList<>();
        for (Map<String, Object> bid : facts("bid.accepted", listingId)) {
            prices.add(new RunnerUpRule.Price((int) number(bid, "sequence"), (String) bid.get("bidderNo"),
                    number(bid, "amountFen")));
        }
        return RunnerUpRule.choose(prices, (String) sold.get("winningBidderNo"), number(sold, "reservePriceFen"));
    }

    @Test
    void theWinnerDefaultsAndTheRunnerUpAcceptsPaysAndGetsTheLot() throws Exception {
        Sale sale = sold(true);
        long id = sale.listingId();
        Bidder b = sale.runnerUp();

        // the setting is public with the listing and in its announcement
        given().when().get("/api/public/listings/" + id).then().statusCode(200).body("runnerUpAward", equalTo(true));
        assertEquals(true, facts("listing.announced", id).get(0).get("runnerUpAward"));

        // at the close the runner-up's deposit is held, the third bidder's owed back
        settlement.run();
        JsonPath held = runnerUp(b.token(), id);
        assertEquals("HELD", held.getString("status"));
        assertEquals(b.bidderNo(), held.getString("bidderNo"));
        assertEquals("22000000.00", held.getString("price"));
        assertEquals(2, held.getInt("sequence"));
        assertEquals(true, held.getBoolean("mine"));
        assertEquals(false, runnerUp(sale.low().token(), id).getBoolean("mine"));
        assertEquals(sale.winnerTradeId(), runnerUp(REGULATOR, id).getLong("winnerTradeId"));
        assertEquals(0, refunds(b), "the runner-up's deposit is held, not refunded");
        assertEquals("4000000.00", account("DEPOSIT:" + b.registrationId()).getString("available"));
        assertEquals(1, refunds(sale.low()));
        Map<String, Object> choice = facts("runner_up.held", id).get(0);
        assertEquals(b.bidderNo(), choice.get("runnerUpBidderNo"));
        assertEquals(2_200_000_000L, number(choice, "runnerUpAmountFen"));
        RunnerUpRule.Choice recomputed = recomputeFromTheLog(id);
        assertEquals(choice.get("runnerUpBidderNo"), recomputed.runnerUp().orElseThrow().bidderNo());
        assertEquals(number(choice, "runnerUpAmountFen"), recomputed.runnerUp().orElseThrow().amountFen());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> candidates = (List<Map<String, Object>>) choice.get("candidates");
        assertEquals(List.of(b.bidderNo(), sale.low().bidderNo()), candidates.stream().map(c -> c.get("bidderNo")).toList());
        assertEquals(List.of(true, false), candidates.stream().map(c -> c.get("eligible")).toList());
        assertInvariants(String.valueOf(id), String.valueOf(b.registrationId()));

        // the winner never signs: it defaults, and the lot is offered to the runner-up at its own price
        clock.advance(Duration.ofDays(15));
        settlement.run();
        assertEquals("DEFAULTED", trade(sale.winnerTradeId()).getString("status"));
        assertNotNull(data.value(Instant.class, "select e.barredUntil from Enterprise e where e.creditCode = ?1",
                sale.winner().code()));
        JsonPath offer = given().auth().oauth2(b.token()).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).body("buyerCode", equalTo(b.code())).body("price", equalTo("22000000.00"))
                .body("depositCredited", equalTo("4000000.00")).body("outstanding", equalTo("18000000.00"))
                .body("status", equalTo("AWAITING_CONFIRMATION")).extract().jsonPath();
        long offerId = offer.getLong("id");
        assertEquals(sale.winnerTradeId(), offer.getLong("runnerUpOf"));
        assertTrue(offer.getString("confirmationText").contains("runner_up_of_trade=" + sale.winnerTradeId()));
        assertEquals(sale.winnerTradeId(), given().auth().oauth2(sale.winner().token()).when()
                .get("/api/listings/" + id + "/trade").then().statusCode(200).body("status", equalTo("DEFAULTED"))
                .extract().jsonPath().getLong("id"), "the defaulted winner still sees its own trade");
        given().auth().oauth2(sale.winner().token()).when().get("/api/trades/" + offerId).then().statusCode(404);
        assertEquals(offerId, given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).extract().jsonPath().getLong("id"));
        given().when().get("/api/public/listings/" + id).then().body("status", equalTo("SOLD"));
        assertEquals(10_000, frozenArea(offer.getLong("certificateId")), "the lot stays frozen for the runner-up");
        assertEquals("OFFERED", runnerUp(TOWNSHIP, id).getString("status"));
        assertEquals(offerId, runnerUp(TOWNSHIP, id).getLong("tradeId"));
        Map<String, Object> offered = facts("runner_up.offered", id).get(0);
        assertEquals(b.bidderNo(), offered.get("bidderNo"));
        assertEquals(2_200_000_000L, number(offered, "priceFen"));
        assertEquals(offerId, number(offered, "tradeId"));
        assertEquals(b.bidderNo(), offered.get("runnerUpBidderNo"), "the offer carries why it was chosen");
        assertTrue(((String) offered.get("reason")).contains("defaulted"));
        assertEquals(offerId, number(facts("trade.created", id).get(1), "tradeId"));

        // the published result names the runner-up at its own price, and says the award passed to it
        JsonPath published = result(id);
        assertEquals("SOLD", published.getString("outcome"));
        assertEquals(b.code(), published.getString("buyer.creditCode"));
        assertEquals(name(b), published.getString("buyer.name"));
        assertEquals(2_200_000_000L, published.getLong("priceFen"));
        assertEquals("22000000.00", published.getString("price"));
        assertEquals("OFFERED", published.getString("runnerUpAward.step"));
        assertFalse(published.prettify().contains(sale.winner().code()), "the defaulted winner is not named");
        String page = given().when().get("/listings/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains(b.code()) && page.contains("¥22,000,000.00") && !page.contains(sale.winner().code()),
                page);
        assertTrue(page.contains("转由其承接"), page);
        Sequencing.settle(sequencer);
        byte[] pdf = given().when().get("/api/documents/results/" + id + ".pdf").then().statusCode(200).extract()
                .asByteArray();
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertTrue(text.contains(b.code()) && text.contains("22,000,000.00") && text.contains("候补竞得")
                    && !text.contains(sale.winner().code()), text);
        }
        cn.landmarket.verifier.DocumentProof.Result proof = cn.landmarket.verifier.DocumentProof.check(pdf,
                given().when().get("/api/audit/key").then().statusCode(200).extract().asString());
        assertTrue(proof.ok(), () -> proof.summary() + "\n" + String.join("\n", proof.lines()));
        for (String fact : List.of("proved: 竞得人 = " + b.code() + " (trade.created.buyerCode)",
                "proved: 成交价（分） = 2200000000 (trade.created.priceFen)",
                "proved: 候补竞得价（分） = 2200000000 (runner_up.offered.priceFen)")) {
            assertTrue(proof.lines().stream().anyMatch(l -> l.startsWith(fact)), () -> fact + " in " + proof.lines());
        }

        // it accepts (confirms), the township signs, it pays the rest: the lot is its
        confirm(b.token(), offerId, offer.getString("confirmationSha256"));
        assertEquals("ACCEPTED", runnerUp(TOWNSHIP, id).getString("status"));
        assertEquals(1, facts("runner_up.accepted", id).size());
        assertEquals("ACCEPTED", result(id).getString("runnerUpAward.step"));
        assertEquals(b.code(), result(id).getString("buyer.creditCode"));
        decline(b.token(), offerId).statusCode(409);
        confirm(TOWNSHIP, offerId, offer.getString("confirmationSha256"));
        assertEquals("AWAITING_PAYMENT", trade(offerId).getString("status"));
        pay("RU-" + offerId, b, offerId, "18000000.00", "PAYMENT_COMPLETE");
        JsonPath settled = trade(offerId);
        assertEquals("SETTLED", settled.getString("status"));
        assertEquals(1L, data.count("select count(c) from Certificate c where c.id = ?1 and c.holderCode = ?2",
                settled.getLong("childCertificateId"), b.code()));
        given().when().get("/api/public/listings/" + id).then().body("status", equalTo("SETTLED"));
        assertEquals("0.00", account("DEPOSIT:" + b.registrationId()).getString("postedBalance"));
        assertEquals("0.00", account("DEPOSIT:" + sale.winner().registrationId()).getString("postedBalance"),
                "the winner's deposit was forfeited");
        settlement.run();
        assertEquals(0, refunds(b), "the runner-up's deposit paid towards its price");
        assertEquals(2L, data.count("select count(t) from Trade t where t.listingId = ?1", id));
        assertInvariants(String.valueOf(id), String.valueOf(b.registrationId()),
                String.valueOf(sale.winner().registrationId()), String.valueOf(settled.getLong("certificateId")),
                String.valueOf(settled.getLong("childCertificateId")));
    }

    @Test
    void aRunnerUpThatDeclinesIsRefundedUnbarredAndTheLotIsReleasedForRelisting() throws Exception {
        Sale sale = sold(true);
        long id = sale.listingId();
        Bidder b = sale.runnerUp();
        clock.advance(Duration.ofDays(15));
        settlement.run();
        long offerId = runnerUp(TOWNSHIP, id).getLong("tradeId");
        long cert = trade(offerId).getLong("certificateId");

        // only the runner-up declines, and only an offer
        decline(sale.winner().token(), sale.winnerTradeId()).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("runner-up"));
        decline(TOWNSHIP, offerId).statusCode(403);
        decline(sale.low().token(), offerId).statusCode(404);
        decline(REGULATOR, offerId).statusCode(403);
        assertEquals("AWAITING_CONFIRMATION", trade(offerId).getString("status"));

        decline(b.token(), offerId).statusCode(200).body("status", equalTo("DECLINED"))
                .body("declinedAt", org.hamcrest.Matchers.notNullValue());
        decline(b.token(), offerId).statusCode(409);
        assertEquals("DECLINED", runnerUp(TOWNSHIP, id).getString("status"));
        given().when().get("/api/public/listings/" + id).then().body("status", equalTo("DEFAULTED"));
        assertEquals(0, frozenArea(cert));
        assertNull(data.value(Instant.class, "select e.barredUntil from Enterprise e where e.creditCode = ?1",
                b.code()), "declining is no default");
        assertEquals(1, facts("runner_up.declined", id).size());
        assertEquals(1, facts("trade.declined", id).size());
        assertReleased(id, "DECLINED", b, sale.winner());

        // its deposit goes back the way every loser's does
        settlement.run();
        assertEquals(1, refunds(b));
        assertEquals("0.00", account("DEPOSIT:" + b.registrationId()).getString("postedBalance"));
        assertEquals(0, data.count("select count(t) from Transfer t where t.debitAccount = ?1 and t.kind = "
                + "cn.landmarket.ledger.TransferKind.DEPOSIT_FORFEIT", "DEPOSIT:" + b.registrationId()));

        Map<String, Object> schedule = Fixtures.listing(1, 1, clock.instant());
        Map<String, Object> relist = new HashMap<>(Map.of("announceAt", schedule.get("announceAt"),
                "registrationDeadline", schedule.get("registrationDeadline"),
                "listingStart", schedule.get("listingStart"), "listingEnd", schedule.get("listingEnd")));
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(relist)
                .when().post("/api/listings/" + id + "/relist").then().statusCode(201)
                .body("runnerUpAward", equalTo(true));
        assertInvariants(String.valueOf(id), String.valueOf(b.registrationId()), String.valueOf(cert));
    }

    @Test
    void aRunnerUpThatDefaultsTooForfeitsIsBarredAndTheLotIsReleased() throws Exception {
        Sale sale = sold(true);
        long id = sale.listingId();
        Bidder b = sale.runnerUp();
        clock.advance(Duration.ofDays(15));
        settlement.run();
        long offerId = runnerUp(TOWNSHIP, id).getLong("tradeId");
        long cert = trade(offerId).getLong("certificateId");
        confirm(TOWNSHIP, offerId, trade(offerId).getString("confirmationSha256"));
        clock.advance(Duration.ofDays(15));
        settlement.run();

        assertEquals("DEFAULTED", trade(offerId).getString("status"));
        assertEquals("DEFAULTED", runnerUp(TOWNSHIP, id).getString("status"));
        given().when().get("/api/public/listings/" + id).then().body("status", equalTo("DEFAULTED"));
        assertEquals(0, frozenArea(cert));
        assertNotNull(data.value(Instant.class, "select e.barredUntil from Enterprise e where e.creditCode = ?1",
                b.code()));
        assertEquals(1, data.count("select count(t) from Transfer t where t.debitAccount = ?1 and t.kind = "
                + "cn.landmarket.ledger.TransferKind.DEPOSIT_FORFEIT", "DEPOSIT:" + b.registrationId()));
        assertEquals(0, refunds(b));
        assertEquals(2L, data.count("select count(t) from Trade t where t.listingId = ?1", id),
                "no third offer: the lot goes back after the runner-up");
        assertEquals(1, facts("runner_up.defaulted", id).size());
        assertEquals(2, facts("trade.defaulted", id).size());
        assertReleased(id, "DEFAULTED", b, sale.winner());
        settlement.run();
        assertEquals(2L, data.count("select count(t) from Trade t where t.listingId = ?1", id));
        assertInvariants(String.valueOf(id), String.valueOf(b.registrationId()),
                String.valueOf(sale.winner().registrationId()), String.valueOf(cert));
    }

    @Test
    void whenTheWinnerSettlesTheRunnerUpsDepositIsRefundedOnTime() throws Exception {
        Sale sale = sold(true);
        long id = sale.listingId();
        Bidder b = sale.runnerUp();
        String sha = trade(sale.winnerTradeId()).getString("confirmationSha256");
        confirm(sale.winner().token(), sale.winnerTradeId(), sha);
        confirm(TOWNSHIP, sale.winnerTradeId(), sha);
        clock.advance(Duration.ofDays(10));
        settlement.run();
        assertEquals(0, refunds(b), "held while the winner may still default");
        assertInvariants(String.valueOf(b.registrationId()));
        pay("WS-" + sale.winnerTradeId(), sale.winner(), sale.winnerTradeId(), "18200000.00", "PAYMENT_COMPLETE");
        assertEquals("SETTLED", trade(sale.winnerTradeId()).getString("status"));
        JsonPath released = runnerUp(REGULATOR, id);
        assertEquals("RELEASED", released.getString("status"));
        assertNull(released.get("tradeId"));
        assertEquals(1, facts("runner_up.released", id).size());

        settlement.run();
        assertEquals(1, refunds(b));
        JsonPath published = result(id);
        assertEquals(sale.winner().code(), published.getString("buyer.creditCode"), "the winner kept the award");
        assertNull(published.get("runnerUpAward"));
        Instant due = data.value(Instant.class, "select r.dueBy from Refund r where r.registrationId = ?1",
                b.registrationId());
        assertTrue(due.isAfter(clock.instant()) && due.isBefore(clock.instant().plus(Duration.ofDays(10))),
                () -> "due within 5 working days of the winner's settlement: " + due);
        assertEquals("0.00", account("DEPOSIT:" + b.registrationId()).getString("postedBalance"));
        decline(b.token(), sale.winnerTradeId()).statusCode(404);
        assertEquals(1L, data.count("select count(t) from Trade t where t.listingId = ?1", id));
        assertInvariants(String.valueOf(id), String.valueOf(b.registrationId()));
    }

    @Test
    void aListingWithoutTheAwardRefundsTheRunnerUpAtTheCloseAndReleasesTheLotOnDefault() throws Exception {
        Sale sale = sold(false);
        long id = sale.listingId();
        Bidder b = sale.runnerUp();
        given().when().get("/api/public/listings/" + id).then().statusCode(200).body("runnerUpAward", equalTo(false));
        settlement.run();
        assertEquals(1, refunds(b));
        given().auth().oauth2(REGULATOR).when().get("/api/listings/" + id + "/runner-up").then().statusCode(404);
        clock.advance(Duration.ofDays(15));
        settlement.run();
        long cert = trade(sale.winnerTradeId()).getLong("certificateId");
        assertEquals("DEFAULTED", trade(sale.winnerTradeId()).getString("status"));
        given().when().get("/api/public/listings/" + id).then().body("status", equalTo("DEFAULTED"));
        assertEquals(0, frozenArea(cert));
        assertEquals(1L, data.count("select count(t) from Trade t where t.listingId = ?1", id));
        JsonPath published = result(id);
        assertEquals("RELEASED", published.getString("outcome"), "the lot was released after the default");
        assertNull(published.get("buyer"));
        assertNull(published.get("price"));
        assertNull(published.get("runnerUpAward"));
        for (String type : List.of("runner_up.held", "runner_up.none", "runner_up.offered")) {
            assertEquals(0, data.auditEntries(type, id).size(), type);
        }
        assertInvariants(String.valueOf(id), String.valueOf(b.registrationId()), String.valueOf(cert));
    }

    @Test
    void withNobodyEligibleTheChoiceIsLoggedAndADefaultReleasesTheLot() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of("runnerUpAward", true));
        Bidder low = registerAndPayDeposit(id);
        Bidder winner = registerAndPayDeposit(id);
        Auctions.bid(low.code(), id, "21800000.00", "n-" + low.serial()).then().statusCode(201);
        Auctions.bid(winner.code(), id, "22000000.00", "m-" + winner.serial()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        settlement.run();
        settlement.run();
        assertEquals(1, refunds(low), "below the reserve: not a runner-up, refunded at once");
        Map<String, Object> none = facts("runner_up.none", id).get(0);
        assertNull(none.get("runnerUpBidderNo"));
        assertEquals(2_200_000_000L, number(none, "reservePriceFen"));
        assertTrue(recomputeFromTheLog(id).runnerUp().isEmpty());
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id + "/runner-up").then().statusCode(404);
        clock.advance(Duration.ofDays(15));
        settlement.run();
        given().when().get("/api/public/listings/" + id).then().body("status", equalTo("DEFAULTED"));
        assertEquals(1L, data.count("select count(t) from Trade t where t.listingId = ?1", id));
    }

    @Test
    void aSealedListingsRunnerUpIsTheNextHighestValidQuotationAtItsOwnPrice() throws Exception {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        body.remove("priceCap");
        body.put("saleFormat", "SEALED_QUOTATION");
        body.put("runnerUpAward", true);
        long id = Fixtures.draft(TestData.TOWNSHIP_A, body);
        Fixtures.act(TOWNSHIP, id, "submit", 200);
        Fixtures.act(REGULATOR, id, "approve", 200);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        JsonPath listing = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("runnerUpAward", equalTo(true)).extract().jsonPath();
        String listingNo = listing.getString("listingNo");
        Bidder winner = registerAndPayDeposit(id);
        Bidder silent = registerAndPayDeposit(id);
        Bidder second = registerAndPayDeposit(id);
        Bidder low = registerAndPayDeposit(id);
        Map<Bidder, Long> amounts = Map.of(winner, 2_400_000_000L, silent, 2_500_000_000L, second, 2_300_000_000L,
                low, 2_100_000_000L);
        Map<Bidder, String> salts = new HashMap<>();
        for (Bidder b : List.of(winner, silent, second, low)) {
            String salt = "%064x".formatted(new java.math.BigInteger(250, ThreadLocalRandom.current()));
            salts.put(b, salt);
            given().auth().oauth2(b.token()).header("Idempotency-Key", "s-" + b.serial()).contentType(ContentType.JSON)
                    .body(Map.of("commitment", SealedCommitment.of(listingNo, b.bidderNo(), amounts.get(b), salt)))
                    .when().post("/api/listings/" + id + "/quotations").then().statusCode(201);
        }
        Instant end = java.time.OffsetDateTime.parse(listing.getString("listingEnd")).toInstant();
        clock.advance(Duration.between(clock.instant(), end.plusSeconds(60)));
        for (Bidder b : List.of(winner, second, low)) {
            given().auth().oauth2(b.token()).contentType(ContentType.JSON)
                    .body(Map.of("amount", cn.landmarket.common.Money.ofFen(amounts.get(b)).toYuan(), "salt",
                            salts.get(b)))
                    .when().post("/api/listings/" + id + "/quotations/reveal").then().statusCode(200);
        }
        clock.advance(Duration.ofMinutes(60));
        opener.openDue();
        settlement.run();
        settlement.run();

        JsonPath held = runnerUp(REGULATOR, id);
        assertEquals(second.bidderNo(), held.getString("bidderNo"), "the silent higher quotation is invalid");
        assertEquals("23000000.00", held.getString("price"));
        assertEquals(0, refunds(second));
        assertEquals(1, refunds(low), "valid but below the reserve: refunded");
        // recomputed from the opening's entry alone: its VALID quotations, its winner and reserve
        Map<String, Object> sold = facts("listing.sold", id).get(0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> judged = (List<Map<String, Object>>) sold.get("quotations");
        List<RunnerUpRule.Price> valid = judged.stream().filter(q -> "VALID".equals(q.get("validity")))
                .map(q -> new RunnerUpRule.Price((int) number(q, "sequence"), (String) q.get("bidderNo"),
                        number(q, "amountFen"))).toList();
        RunnerUpRule.Choice recomputed = RunnerUpRule.choose(valid, (String) sold.get("winningBidderNo"),
                number(sold, "reservePriceFen"));
        Map<String, Object> choice = facts("runner_up.held", id).get(0);
        assertEquals(choice.get("runnerUpBidderNo"), recomputed.runnerUp().orElseThrow().bidderNo());
        assertEquals(number(choice, "runnerUpAmountFen"), recomputed.runnerUp().orElseThrow().amountFen());
        assertEquals("SEALED_QUOTATION", choice.get("saleFormat"));

        clock.advance(Duration.ofDays(15));
        settlement.run();
        given().auth().oauth2(second.token()).when().get("/api/listings/" + id + "/trade").then().statusCode(200)
                .body("buyerCode", equalTo(second.code())).body("price", equalTo("23000000.00"))
                .body("status", equalTo("AWAITING_CONFIRMATION"));
        assertInvariants(String.valueOf(id), String.valueOf(second.registrationId()),
                String.valueOf(winner.registrationId()));
    }

    /** Bars an enterprise from now on, as a default on another listing does (PartyService.bar). */
    private void barredElsewhere(Bidder b) {
        data.execute("update enterprise set barred_until = timestamptz '" + clock.instant().plus(Duration.ofDays(365))
                + "' where credit_code = '" + b.code() + "'");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> candidates(Map<String, Object> choice, String field) {
        return ((List<Map<String, Object>>) choice.get("candidates")).stream().map(c -> c.get(field)).toList();
    }

    @Test
    void aRunnerUpBarredBeforeTheWinnersDefaultIsNotOfferedTheLotAndWithNobodyElseEligibleItLapses() throws Exception {
        Sale sale = sold(true);
        long id = sale.listingId();
        Bidder b = sale.runnerUp();
        settlement.run();
        assertEquals("HELD", runnerUp(TOWNSHIP, id).getString("status"));
        long cert = trade(sale.winnerTradeId()).getLong("certificateId");
        barredElsewhere(b);

        clock.advance(Duration.ofDays(15));
        settlement.run();
        assertEquals("DEFAULTED", trade(sale.winnerTradeId()).getString("status"));
        JsonPath lapsed = runnerUp(TOWNSHIP, id);
        assertEquals("LAPSED", lapsed.getString("status"));
        assertNull(lapsed.get("tradeId"));
        assertEquals(1L, data.count("select count(t) from Trade t where t.listingId = ?1", id), "nobody is offered the lot");
        assertEquals(0, facts("runner_up.offered", id).size());
        Map<String, Object> entry = facts("runner_up.lapsed", id).get(0);
        assertEquals(b.bidderNo(), entry.get("heldBidderNo"));
        assertNull(entry.get("runnerUpBidderNo"));
        assertEquals(List.of(b.bidderNo(), sale.low().bidderNo()), candidates(entry, "bidderNo"));
        assertEquals(java.util.Arrays.asList("BARRED", "BELOW_RESERVE"), candidates(entry, "ineligible"));
        given().when().get("/api/public/listings/" + id).then().body("status", equalTo("DEFAULTED"));
        assertEquals(0, frozenArea(cert), "the lot is released");
        assertReleased(id, "LAPSED", b, sale.winner());

        // not the winner and no default of its own here: its deposit is owed back as any loser's
        settlement.run();
        assertEquals(1, refunds(b));
        assertEquals(0, data.count("select count(t) from Transfer t where t.debitAccount = ?1 and t.kind = "
                + "cn.landmarket.ledger.TransferKind.DEPOSIT_FORFEIT", "DEPOSIT:" + b.registrationId()));
        assertInvariants(String.valueOf(id), String.valueOf(b.registrationId()), String.valueOf(cert));
    }

    @Test
    void aBidderBarredBeforeTheTradeOpensIsSkippedForTheNextEligibleBidderAtItsOwnPrice() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of("runnerUpAward", true));
        Bidder low = registerAndPayDeposit(id);
        Bidder next = registerAndPayDeposit(id);
        Bidder barred = registerAndPayDeposit(id);
        Bidder winner = registerAndPayDeposit(id);
        Auctions.bid(low.code(), id, "20000000.00", "l-" + low.serial()).then().statusCode(201);
        Auctions.bid(next.code(), id, "22000000.00", "x-" + next.serial()).then().statusCode(201);
        Auctions.bid(barred.code(), id, "22200000.00", "b-" + barred.serial()).then().statusCode(201);
        Auctions.bid(winner.code(), id, "22400000.00", "w-" + winner.serial()).then().statusCode(201);
        barredElsewhere(barred);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        settlement.run();
        settlement.run();

        JsonPath held = runnerUp(REGULATOR, id);
        assertEquals(next.bidderNo(), held.getString("bidderNo"), "the barred higher bidder is skipped");
        assertEquals("22000000.00", held.getString("price"));
        assertEquals("HELD", held.getString("status"));
        assertEquals(1, refunds(barred), "the skipped bidder is refunded as a loser");
        assertEquals(0, refunds(next));
        Map<String, Object> choice = facts("runner_up.held", id).get(0);
        assertEquals(List.of(barred.bidderNo(), next.bidderNo(), low.bidderNo()), candidates(choice, "bidderNo"));
        assertEquals(java.util.Arrays.asList("BARRED", null, "BELOW_RESERVE"), candidates(choice, "ineligible"));
        assertEquals(List.of(false, true, false), candidates(choice, "eligible"));

        clock.advance(Duration.ofDays(15));
        settlement.run();
        long offerId = given().auth().oauth2(next.token()).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).body("buyerCode", equalTo(next.code())).body("price", equalTo("22000000.00"))
                .body("status", equalTo("AWAITING_CONFIRMATION")).extract().jsonPath().getLong("id");
        Map<String, Object> offered = facts("runner_up.offered", id).get(0);
        assertEquals(next.bidderNo(), offered.get("bidderNo"));
        assertEquals(next.bidderNo(), offered.get("heldBidderNo"));
        assertEquals(offerId, number(offered, "tradeId"));
        JsonPath published = result(id);
        assertEquals(next.code(), published.getString("buyer.creditCode"));
        assertEquals(2_200_000_000L, published.getLong("priceFen"));
        assertEquals("OFFERED", published.getString("runnerUpAward.step"));
        assertInvariants(String.valueOf(id), String.valueOf(next.registrationId()),
                String.valueOf(barred.registrationId()));
    }

    @Test
    void theSettingMustBeABoolean() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        for (Object notABoolean : List.of("true", "sometimes", 1)) {
            body.put("runnerUpAward", notABoolean);
            given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(body).when().post("/api/listings")
                    .then().statusCode(400);
        }
        assertEquals(0, data.count("select count(l) from Listing l where l.certificateId = ?1", cert),
                "a refused draft changes nothing");
        body.remove("runnerUpAward");
        long id = Fixtures.draft(TestData.TOWNSHIP_A, body);
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id).then().statusCode(200)
                .body("runnerUpAward", equalTo(false));
    }
}
