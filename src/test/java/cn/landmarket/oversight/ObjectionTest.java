package cn.landmarket.oversight;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * Objections to published results end to end (domain.md, "After the sale"): a losing bidder lodges
 * one in the publication period and not after it; a regulator rejects one, or upholds it and
 * suspends settlement, which stops the trade's deadlines, confirmations and payments until it lifts
 * the suspension; the public result shows counts and outcomes, never the reasons nor the objector.
 */
@QuarkusTest
@StandardMarket
class ObjectionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOWNSHIP = Tokens.township(TestData.TOWNSHIP_A);
    private static final String OTHER_TOWNSHIP = Tokens.township(TestData.TOWNSHIP_B);
    private static final String REGULATOR = Tokens.regulator(TestData.CITY_REGULATOR);
    private static final String COUNTY_REGULATOR = Tokens.regulator(TestData.COUNTY_REGULATOR);
    private static final String FOREIGN_REGULATOR = Tokens.regulator(TestData.FOREIGN_REGULATOR);

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

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Bidder(String code, String serial, long registrationId, String bidderNo) {
        String token() {
            return Tokens.enterprise(code);
        }

        String payer() {
            return "测试企业" + serial;
        }
    }

    /** A listing sold to {@code winner} at 22,000,000.00, with a trade, and {@code loser} a qualified bidder who lost. */
    private record Sale(long listingId, long tradeId, Bidder winner, Bidder loser) {
    }

    private Bidder qualifiedBidder(long listingId) {
        String serial = "J" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
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

    private Sale sale() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = qualifiedBidder(id);
        Bidder loser = qualifiedBidder(id);
        Auctions.bid(winner.code(), id, "22000000.00", "w-" + winner.serial()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        settlement.run();
        long tradeId = given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).body("status", equalTo("AWAITING_CONFIRMATION")).extract().jsonPath().getLong("id");
        return new Sale(id, tradeId, winner, loser);
    }

    private static Response lodge(String token, long listingId, String reasons) {
        Map<String, Object> body = new HashMap<>();
        body.put("reasons", reasons);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .post("/api/listings/" + listingId + "/objections");
    }

    private static Response answer(String token, long objectionId, String decision, String reasons, Boolean suspend) {
        Map<String, Object> body = new HashMap<>();
        body.put("decision", decision);
        body.put("reasons", reasons);
        if (suspend != null) {
            body.put("suspendSettlement", suspend);
        }
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when()
                .post("/api/objections/" + objectionId + "/answer");
    }

    private static Response lift(String token, long objectionId) {
        return given().auth().oauth2(token).when().post("/api/objections/" + objectionId + "/lift");
    }

    private static JsonPath publicResult(long listingId) {
        return given().when().get("/api/public/results/" + listingId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath trade(long tradeId) {
        return given().auth().oauth2(REGULATOR).when().get("/api/trades/" + tradeId).then().statusCode(200)
                .extract().jsonPath();
    }

    private static String unique(String text) {
        return text + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    }

    /** The HTML of the listing's entry on the 成交公示 pages (other tests close sales later, so it may not be on the first). */
    private static String resultsPageShowing(long listingId) {
        for (int page = 0; page < 1000; page++) {
            String html = given().queryParam("page", page).when().get("/results").then().statusCode(200).extract()
                    .asString();
            int at = html.indexOf("data-listing-id=\"" + listingId + "\"");
            if (at >= 0) {
                return html.substring(at, html.indexOf("</li>", at));
            }
            if (!html.contains("data-listing-id=")) {
                break;
            }
        }
        throw new AssertionError("listing " + listingId + " is not on the results pages");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> entries(String type, long listingId) throws Exception {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        for (String json : data.auditEntries(type, listingId)) {
            out.add(JSON.readValue(json, Map.class));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> facts(Map<String, Object> entry) {
        return (Map<String, Object>) entry.get("facts");
    }

    private static String open(String commitment, String token) {
        return given().auth().oauth2(token).when().get("/api/audit/commitments/" + commitment).then().statusCode(200)
                .extract().jsonPath().getString("value");
    }

    private static int openStatus(String commitment, String token) {
        return given().auth().oauth2(token).when().get("/api/audit/commitments/" + commitment).then().extract()
                .statusCode();
    }

    @Test
    void aBidderLodgesAnObjectionInThePublicationPeriodAndOnlyItAndRegulatorsReadItsReasons() throws Exception {
        Sale sale = sale();
        String reasons = unique("竞得人与另一竞买人存在关联关系");
        JsonPath lodged = lodge(sale.loser().token(), sale.listingId(), "  " + reasons + "\n").then().statusCode(201)
                .body("status", equalTo("LODGED")).body("reasons", equalTo(reasons))
                .body("bidderNo", equalTo(sale.loser().bidderNo())).body("mine", equalTo(true))
                .body("settlementSuspended", equalTo(false)).extract().jsonPath();
        long objectionId = lodged.getLong("id");
        JsonPath result = publicResult(sale.listingId());
        assertEquals(result.getString("objectionPeriodEnds"), lodged.getString("periodEnds"),
                "the objection carries the period the public result announces");

        // the objector and regulators of the region see the reasons; the seller township the outcome only
        given().auth().oauth2(sale.loser().token()).when().get("/api/objections/" + objectionId).then()
                .statusCode(200).body("reasons", equalTo(reasons));
        given().auth().oauth2(COUNTY_REGULATOR).when().get("/api/listings/" + sale.listingId() + "/objections")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].reasons", equalTo(reasons))
                .body("[0].bidderNo", equalTo(sale.loser().bidderNo()));
        given().auth().oauth2(REGULATOR).queryParam("status", "LODGED").when().get("/api/objections").then()
                .statusCode(200).body("items.find { it.id == " + objectionId + " }.reasons", equalTo(reasons));
        given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + sale.listingId() + "/objections").then()
                .statusCode(200).body("size()", equalTo(1)).body("[0].status", equalTo("LODGED"))
                .body("[0]", not(hasKey("reasons"))).body("[0]", not(hasKey("bidderNo")));
        given().auth().oauth2(sale.winner().token()).when().get("/api/listings/" + sale.listingId() + "/objections")
                .then().statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(sale.winner().token()).when().get("/api/objections/" + objectionId).then()
                .statusCode(404);
        given().auth().oauth2(OTHER_TOWNSHIP).when().get("/api/listings/" + sale.listingId() + "/objections").then()
                .statusCode(403);
        given().auth().oauth2(FOREIGN_REGULATOR).when().get("/api/objections/" + objectionId).then()
                .statusCode(404);

        // the public log: the objection is there, its reasons and its objector only as commitments
        Map<String, Object> entry = entries("objection.lodged", sale.listingId()).get(0);
        String text = JSON.writeValueAsString(entry);
        assertFalse(text.contains(reasons), text);
        assertFalse(text.contains(sale.loser().bidderNo()), text);
        assertFalse(text.contains(sale.loser().code()), text);
        assertEquals("enterprise", entry.get("actor"));
        Map<String, Object> facts = facts(entry);
        assertEquals(objectionId, ((Number) facts.get("objectionId")).longValue());
        assertEquals("LODGED", facts.get("status"));
        String reasonsCommitment = (String) facts.get("reasonsCommitment");
        assertEquals(reasons, open(reasonsCommitment, REGULATOR));
        assertEquals(reasons, open(reasonsCommitment, sale.loser().token()));
        assertTrue(open((String) facts.get("objectorCommitment"), REGULATOR).contains(sale.loser().bidderNo()));
        for (String refused : List.of(TOWNSHIP, sale.winner().token(), FOREIGN_REGULATOR)) {
            assertEquals(403, openStatus(reasonsCommitment, refused));
        }
    }

    @Test
    void anObjectionIsLodgedUntilThePublicationPeriodEndsAndRefusedAfterIt() throws Exception {
        Sale sale = sale();
        Instant ends = OffsetDateTime.parse(publicResult(sale.listingId()).getString("objectionPeriodEnds")).toInstant();
        clock.advance(Duration.between(clock.instant(), ends.minusSeconds(5)));
        lodge(sale.loser().token(), sale.listingId(), "期满前提出").then().statusCode(201);
        clock.advance(Duration.ofSeconds(6));
        String detail = lodge(sale.winner().token(), sale.listingId(), "期满后提出").then().statusCode(409)
                .contentType("application/problem+json").extract().jsonPath().getString("detail");
        assertTrue(detail.contains("publication period"), detail);
        assertEquals(1, publicResult(sale.listingId()).getLong("objectionOutcomes.lodged"),
                "the late objection changed nothing");
        assertEquals(1, entries("objection.lodged", sale.listingId()).size());
    }

    @Test
    void badObjectionsAreRefusedAndChangeNothing() throws Exception {
        long open = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder early = qualifiedBidder(open);
        lodge(early.token(), open, "尚未结束").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("no published result"));

        Sale sale = sale();
        lodge(sale.loser().token(), sale.listingId(), "   ").then().statusCode(400)
                .body("errors[0].field", equalTo("reasons")).body("errors[0].code", equalTo("objection.reasons-required"));
        lodge(sale.loser().token(), sale.listingId(), null).then().statusCode(400)
                .body("errors[0].code", equalTo("objection.reasons-required"));
        lodge(sale.loser().token(), sale.listingId(), "异".repeat(2001)).then().statusCode(400)
                .body("errors[0].code", equalTo("objection.reasons-too-long"));
        String stranger = data.enterprise("K" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                EnterpriseStatus.VERIFIED);
        lodge(Tokens.enterprise(stranger), sale.listingId(), "我没有报名").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("bidder of this listing"));
        lodge(TOWNSHIP, sale.listingId(), "乡镇不是竞买人").then().statusCode(403);
        lodge(sale.loser().token(), 999_999_999L, "没有这个挂牌").then().statusCode(404);
        assertEquals(0, entries("objection.lodged", sale.listingId()).size(), "nothing was lodged");
        assertEquals(0, publicResult(sale.listingId()).getLong("objectionOutcomes.lodged"));

        long id = lodge(sale.loser().token(), sale.listingId(), "第一次").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        lodge(sale.loser().token(), sale.listingId(), "第二次").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString(String.valueOf(id)));
        assertEquals(1, entries("objection.lodged", sale.listingId()).size());
    }

    @Test
    void anUpheldObjectionThatSuspendsSettlementStopsTheTradeUntilTheSuspensionIsLifted() throws Exception {
        Sale sale = sale();
        String reasons = unique("成交价低于底价");
        long objectionId = lodge(sale.loser().token(), sale.listingId(), reasons).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        Instant confirmDeadline = OffsetDateTime.parse(trade(sale.tradeId()).getString("confirmDeadline")).toInstant();

        clock.advance(Duration.ofHours(2));
        String answerText = unique("经查属实，暂停结算");
        answer(REGULATOR, objectionId, "UPHOLD", answerText, true).then().statusCode(200)
                .body("status", equalTo("UPHELD")).body("settlementSuspended", equalTo(true))
                .body("suspendedTradeId", equalTo(sale.tradeId())).body("answer", equalTo(answerText));
        Instant suspendedAt = OffsetDateTime.parse(trade(sale.tradeId()).getString("suspendedAt")).toInstant();
        given().header("Accept", "text/html").cookie(cn.landmarket.web.SessionCookie.NAME, sale.winner().token())
                .when().get("/my/trades/" + sale.tradeId()).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("id=\"trade-suspended\""))
                .body(org.hamcrest.Matchers.containsString("结算暂停"));

        // suspended: no confirmation, no payment, and the deadlines do not run
        String sha = trade(sale.tradeId()).getString("confirmationSha256");
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(Map.of("sha256", sha)).when()
                .post("/api/trades/" + sale.tradeId() + "/confirmations").then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("suspended"));
        BankFeed.deliver(BankFeed.credit("PAY-" + sale.tradeId(), trade(sale.tradeId()).getString("paymentAccount"),
                "1000000.00", sale.winner().payer(), clock.instant())).statusCode(200)
                .body("outcome", equalTo("PAYMENT_REFUSED"));
        assertEquals("0.00", trade(sale.tradeId()).getString("paid"));
        JsonPath suspended = publicResult(sale.listingId());
        assertTrue(suspended.getBoolean("objectionOutcomes.settlementSuspended"));
        assertEquals(1, suspended.getLong("objectionOutcomes.upheld"));
        assertEquals(0, suspended.getLong("objectionOutcomes.pending"));

        Duration pause = Duration.between(clock.instant(), confirmDeadline).plusDays(3);
        clock.advance(pause);
        settlement.run();
        assertEquals("AWAITING_CONFIRMATION", trade(sale.tradeId()).getString("status"),
                "a suspended trade does not default, although its confirmation deadline has passed");
        answer(REGULATOR, objectionId, "REJECT", "再次答复", null).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("UPHELD"));

        // lifting: the deadline still ahead at the suspension moves later by the pause
        lift(FOREIGN_REGULATOR, objectionId).then().statusCode(403);
        Instant liftedAt = OffsetDateTime.parse(lift(COUNTY_REGULATOR, objectionId).then().statusCode(200)
                .body("settlementSuspended", equalTo(false)).extract().jsonPath().getString("liftedAt")).toInstant();
        JsonPath resumed = trade(sale.tradeId());
        assertNull(resumed.get("suspendedAt"));
        Instant movedDeadline = OffsetDateTime.parse(resumed.getString("confirmDeadline")).toInstant();
        assertEquals(confirmDeadline.plus(Duration.between(suspendedAt, liftedAt)), movedDeadline,
                "the deadline still ahead at the suspension moves later by exactly the pause");
        assertTrue(movedDeadline.isAfter(clock.instant()), "the parties have their time back");
        lift(REGULATOR, objectionId).then().statusCode(409);
        assertFalse(publicResult(sale.listingId()).getBoolean("objectionOutcomes.settlementSuspended"));

        // settlement runs again: both confirm
        for (String token : List.of(TOWNSHIP, sale.winner().token())) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("sha256", sha)).when()
                    .post("/api/trades/" + sale.tradeId() + "/confirmations").then().statusCode(200);
        }
        assertEquals("AWAITING_PAYMENT", trade(sale.tradeId()).getString("status"));

        // every step is logged; the answer's reasons only as a commitment
        Map<String, Object> answered = entries("objection.answered", sale.listingId()).get(0);
        assertFalse(JSON.writeValueAsString(answered).contains(answerText));
        assertEquals("UPHELD", facts(answered).get("status"));
        assertEquals(true, facts(answered).get("suspendSettlement"));
        assertEquals(answerText, open((String) facts(answered).get("answerCommitment"), sale.loser().token()));
        Map<String, Object> tradeSuspended = entries("trade.suspended", sale.listingId()).get(0);
        assertEquals(objectionId, ((Number) facts(tradeSuspended).get("objectionId")).longValue());
        assertEquals(1, entries("objection.lifted", sale.listingId()).size());
        Map<String, Object> tradeResumed = entries("trade.resumed", sale.listingId()).get(0);
        assertEquals(movedDeadline.toString(), facts(tradeResumed).get("confirmDeadline"));
        assertTrue(((Number) facts(tradeResumed).get("pausedSeconds")).longValue() >= pause.toSeconds());
    }

    @Test
    void aRejectedObjectionLeavesSettlementAloneAndThePublicResultCountsItWithoutItsText() throws Exception {
        Sale sale = sale();
        String reasons = unique("报价时间异常");
        long objectionId = lodge(sale.loser().token(), sale.listingId(), reasons).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        JsonPath pending = publicResult(sale.listingId());
        assertEquals(1, pending.getLong("objectionOutcomes.lodged"));
        assertEquals(1, pending.getLong("objectionOutcomes.pending"));

        answer(REGULATOR, objectionId, "REJECT", "理由", true).then().statusCode(400)
                .body("errors[0].field", equalTo("suspendSettlement"));
        answer(REGULATOR, objectionId, null, "理由", null).then().statusCode(400)
                .body("errors[0].code", equalTo("objection.decision-required"));
        answer(REGULATOR, objectionId, "REJECT", " ", null).then().statusCode(400)
                .body("errors[0].code", equalTo("objection.reasons-required"));
        answer(FOREIGN_REGULATOR, objectionId, "REJECT", "不归我管", null).then().statusCode(403);
        answer(REGULATOR, 999_999_999L, "REJECT", "没有这项异议", null).then().statusCode(404);
        assertEquals(0, entries("objection.answered", sale.listingId()).size(), "no bad answer was recorded");

        String answerText = unique("经核查，竞价记录正常");
        answer(REGULATOR, objectionId, "REJECT", answerText, false).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("settlementSuspended", equalTo(false));
        answer(COUNTY_REGULATOR, objectionId, "UPHOLD", "改为支持", true).then().statusCode(409);
        lift(REGULATOR, objectionId).then().statusCode(409);
        JsonPath trade = trade(sale.tradeId());
        assertNull(trade.get("suspendedAt"));
        assertEquals("AWAITING_CONFIRMATION", trade.getString("status"));
        given().auth().oauth2(TOWNSHIP).when().get("/api/objections/" + objectionId).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("$", not(hasKey("answer")))
                .body("$", not(hasKey("reasons")));

        String publicText = given().when().get("/api/public/results/" + sale.listingId()).then().statusCode(200)
                .extract().asString();
        JsonPath result = publicResult(sale.listingId());
        assertEquals(Map.of("lodged", 1, "pending", 0, "upheld", 0, "rejected", 1, "settlementSuspended", false),
                result.getMap("objectionOutcomes"));
        for (String secret : List.of(reasons, answerText, sale.loser().bidderNo(), sale.loser().code())) {
            assertFalse(publicText.contains(secret), () -> secret + " is in the public result: " + publicText);
        }
        String list = given().queryParam("size", 100).when().get("/api/public/results").then().statusCode(200)
                .extract().asString();
        assertFalse(list.contains(reasons) || list.contains(answerText));
        String page = resultsPageShowing(sale.listingId());
        assertTrue(page.contains("收到异议 1 项：待答复 0 项，成立 0 项，不成立 1 项"), page);
        assertFalse(page.contains(reasons) || page.contains(answerText), "the results page shows no objection's text");
        assertEquals(1, entries("objection.answered", sale.listingId()).size());
    }

    @Test
    void upholdingWithASuspensionNeedsATradeInProgress() {
        Sale sale = sale();
        long first = lodge(sale.loser().token(), sale.listingId(), "第一项异议").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        long second = lodge(sale.winner().token(), sale.listingId(), "第二项异议").then().statusCode(201).extract()
                .jsonPath().getLong("id");
        answer(REGULATOR, first, "UPHOLD", "暂停", true).then().statusCode(200);
        answer(REGULATOR, second, "UPHOLD", "也要暂停", true).then().statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString(String.valueOf(first)));
        given().auth().oauth2(REGULATOR).when().get("/api/objections/" + second).then().statusCode(200)
                .body("status", equalTo("LODGED"));
        answer(REGULATOR, second, "UPHOLD", "支持但不暂停", false).then().statusCode(200)
                .body("status", equalTo("UPHELD")).body("settlementSuspended", equalTo(false));
        JsonPath result = publicResult(sale.listingId());
        assertEquals(2, result.getLong("objectionOutcomes.upheld"));
        assertTrue(result.getBoolean("objectionOutcomes.settlementSuspended"));
    }
}
