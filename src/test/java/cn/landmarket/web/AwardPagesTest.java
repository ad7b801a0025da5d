package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.oversight.ObjectionStatus;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The pages of the runner-up award and of objections to results, each form refused as the API
 * refuses it (nothing kept) and redirecting after a change: the runner-up's offer and its decline,
 * an enterprise lodging an objection, the regulator answering it (with a suspension of settlement)
 * and lifting the suspension; the seller township sees the outcomes, never the reasons.
 */
@QuarkusTest
@StandardMarket
class AwardPagesTest {

    static final String CSRF = EnterprisePagesTest.CSRF;
    private static final String TOWNSHIP = TestData.TOWNSHIP_A;

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Inject
    SoldLots sold;

    @Inject
    AuctionCloser closer;

    @Inject
    SettlementSweep settlement;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Sale(long listingId, long winnerTradeId, SoldLots.Bidder winner, SoldLots.Bidder runnerUp) {
    }

    static RequestSpecification as(String token) {
        return given().redirects().follow(false).cookie(SessionCookie.NAME, token).cookie(FormToken.COOKIE, CSRF)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static RequestSpecification enterprise(String code) {
        return as(Tokens.enterprise(code));
    }

    private static RequestSpecification regulator(String code) {
        return as(Tokens.regulator(code));
    }

    /** A listing with the runner-up award: the runner-up bids 22,000,000.00, the winner 22,200,000.00; closed with its trade. */
    private Sale sale() {
        long id = sold.inBidding(Map.of("runnerUpAward", true));
        SoldLots.Bidder runnerUp = sold.qualified(id);
        SoldLots.Bidder winner = sold.qualified(id);
        Auctions.bid(runnerUp.code(), id, "22000000.00", "r-" + runnerUp.registrationId()).then().statusCode(201);
        Auctions.bid(winner.code(), id, "22200000.00", "w-" + winner.registrationId()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        settlement.run();
        long tradeId = given().auth().oauth2(Tokens.township(TOWNSHIP)).when().get("/api/listings/" + id + "/trade")
                .then().statusCode(200).body("buyerCode", equalTo(winner.code())).extract().jsonPath().getLong("id");
        return new Sale(id, tradeId, winner, runnerUp);
    }

    private String tradeStatus(long tradeId) {
        return given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/api/trades/" + tradeId)
                .then().statusCode(200).extract().jsonPath().getString("status");
    }

    private long objections(long listingId) {
        return data.count("select count(o) from Objection o where o.listingId = ?1", listingId);
    }

    @Test
    void theRunnerUpsOfferIsShownAsSuchAndDeclinedAfterAConfirmationStep() {
        Sale sale = sale();
        clock.advance(Duration.ofDays(15)); // the winner neither signs nor pays
        settlement.run();
        long offerId = given().auth().oauth2(Tokens.township(TOWNSHIP)).when()
                .get("/api/listings/" + sale.listingId() + "/runner-up").then().statusCode(200)
                .body("status", equalTo("OFFERED")).extract().jsonPath().getLong("tradeId");
        SoldLots.Bidder b = sale.runnerUp();

        // the offer, as such: its price, that the winner defaulted, accept and a link to decline
        enterprise(b.code()).when().get("/my/trades/" + offerId).then().statusCode(200)
                .body(containsString("id=\"runner-up-offer\"")).body(containsString("候补成交"))
                .body(containsString("原竞得人违约")).body(containsString("22,000,000.00"))
                .body(containsString("action=\"/my/trades/" + offerId + "/confirmation\""))
                .body(containsString("href=\"/my/trades/" + offerId + "/decline\""));
        enterprise(b.code()).cookie(PageLanguage.COOKIE, "en").when().get("/my/trades/" + offerId).then()
                .statusCode(200).body(containsString("Offer to the runner-up"));
        // the winner's own trade is no offer
        enterprise(sale.winner().code()).when().get("/my/trades/" + sale.winnerTradeId()).then().statusCode(200)
                .body(not(containsString("runner-up-offer")));

        // the confirmation step, then refusals keep nothing
        enterprise(b.code()).when().get("/my/trades/" + offerId + "/decline").then().statusCode(200)
                .body(containsString("确认放弃候补成交")).body(containsString("id=\"decline-form\""));
        enterprise(b.code()).when().post("/my/trades/" + offerId + "/decline").then().statusCode(403);
        enterprise(sale.winner().code()).formParam("csrf", CSRF).when()
                .post("/my/trades/" + sale.winnerTradeId() + "/decline").then().statusCode(409)
                .body(containsString("role=\"alert\""));
        enterprise(sale.winner().code()).formParam("csrf", CSRF).when().post("/my/trades/" + offerId + "/decline")
                .then().statusCode(404);
        assertEquals("AWAITING_CONFIRMATION", tradeStatus(offerId));
        assertEquals("DEFAULTED", tradeStatus(sale.winnerTradeId()));

        enterprise(b.code()).formParam("csrf", CSRF).when().post("/my/trades/" + offerId + "/decline").then()
                .statusCode(303).header("Location", containsString("/my/trades/" + offerId));
        assertEquals("DECLINED", tradeStatus(offerId));
        enterprise(b.code()).when().get("/my/trades/" + offerId).then().statusCode(200)
                .body(containsString("id=\"declined-at\"")).body(not(containsString("id=\"decline-link\"")));
        // declining twice is refused with the API's message
        enterprise(b.code()).formParam("csrf", CSRF).when().post("/my/trades/" + offerId + "/decline").then()
                .statusCode(409).body(containsString("id=\"refusal\""));

        // the seller's trade page shows where the runner-up stands
        as(Tokens.township(TOWNSHIP)).when().get("/township/trades/" + sale.winnerTradeId()).then().statusCode(200)
                .body(containsString("id=\"runner-up\"")).body(containsString("已放弃候补成交"));
        // and the regulator's dossier
        regulator(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + sale.listingId()).then()
                .statusCode(200).body(containsString("id=\"runner-up\"")).body(containsString("已放弃候补成交"));
    }

    @Test
    void aBidderLodgesAnObjectionFromItsPageAndRefusalsKeepNothing() {
        Sale sale = sale();
        long id = sale.listingId();
        String page = "/my/objections/listings/" + id;
        SoldLots.Bidder loser = sale.runnerUp();

        enterprise(loser.code()).when().get(page).then().statusCode(200).body(containsString("id=\"lodge-form\""))
                .body(containsString("maxlength="));
        // no form token, blank reasons, not a bidder: refused, nothing lodged
        enterprise(loser.code()).formParam("reasons", "出价异常").when().post(page).then().statusCode(403);
        enterprise(loser.code()).formParam("csrf", CSRF).formParam("reasons", "  ").when().post(page).then()
                .statusCode(400).body(containsString("id=\"reasons-error\"")).body(containsString("aria-invalid"));
        String outsider = data.enterprise("Q" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                EnterpriseStatus.VERIFIED);
        enterprise(outsider).formParam("csrf", CSRF).formParam("reasons", "不公平").when().post(page).then()
                .statusCode(403).body(containsString("id=\"refusal\"")).body(containsString("不公平"));
        assertEquals(0, objections(id));

        enterprise(loser.code()).formParam("csrf", CSRF).formParam("reasons", "竞得人与代理机构存在关联").when()
                .post(page).then().statusCode(303).header("Location", containsString(page + "?done=lodged"));
        assertEquals(1, objections(id));
        enterprise(loser.code()).when().get(page + "?done=lodged").then().statusCode(200)
                .body(containsString("id=\"done\"")).body(containsString("竞得人与代理机构存在关联"))
                .body(containsString("待答复")).body(not(containsString("id=\"lodge-form\"")));
        enterprise(loser.code()).cookie(PageLanguage.COOKIE, "en").when().get("/my/objections").then()
                .statusCode(200).body(containsString("Awaiting an answer"))
                .body(containsString("竞得人与代理机构存在关联"));
        // a second one is refused with the API's message
        enterprise(loser.code()).formParam("csrf", CSRF).formParam("reasons", "再次").when().post(page).then()
                .statusCode(409).body(containsString("id=\"refusal\""));
        assertEquals(1, objections(id));
        // others do not see it
        enterprise(sale.winner().code()).when().get("/my/objections").then().statusCode(200)
                .body(not(containsString("竞得人与代理机构存在关联")));

        // after the publication period there is no form, and a post is refused
        clock.advance(Duration.ofDays(30));
        enterprise(sale.winner().code()).when().get(page).then().statusCode(200)
                .body(containsString("id=\"period-over\"")).body(not(containsString("id=\"lodge-form\"")));
        enterprise(sale.winner().code()).formParam("csrf", CSRF).formParam("reasons", "迟到").when().post(page)
                .then().statusCode(409);
        assertEquals(1, objections(id));
    }

    @Test
    void theRegulatorAnswersUpholdingWithASuspensionAndLiftsItAndTheSellerSeesOnlyOutcomes() {
        Sale sale = sale();
        long id = sale.listingId();
        given().auth().oauth2(Tokens.enterprise(sale.runnerUp().code())).contentType(ContentType.JSON)
                .body(Map.of("reasons", "报价时间异常")).when().post("/api/listings/" + id + "/objections").then()
                .statusCode(201);
        long objectionId = data.value(Long.class, "select o.id from Objection o where o.listingId = ?1", id);
        String answer = "/regulator/objections/" + objectionId + "/answer";

        regulator(TestData.CITY_REGULATOR).when().get("/regulator/objections").then().statusCode(200)
                .body(containsString("id=\"objection-" + objectionId + "\"")).body(containsString("报价时间异常"))
                .body(containsString("action=\"" + answer + "\""));
        // outside the jurisdiction: not listed, refused
        regulator(TestData.FOREIGN_REGULATOR).when().get("/regulator/objections").then().statusCode(200)
                .body(not(containsString("报价时间异常")));
        regulator(TestData.FOREIGN_REGULATOR).formParam("csrf", CSRF).formParam("decision", "UPHOLD")
                .formParam("reasons", "成立").when().post(answer).then().statusCode(403);
        // a suspension with REJECT, no decision, no token: refused, the typed reasons kept in the form
        regulator(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("decision", "REJECT")
                .formParam("reasons", "理由甲").formParam("suspendSettlement", "true").when().post(answer).then()
                .statusCode(400).body(containsString("id=\"refusal\"")).body(containsString(">理由甲</textarea>"));
        regulator(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("reasons", "理由乙").when().post(answer)
                .then().statusCode(400);
        regulator(TestData.CITY_REGULATOR).formParam("decision", "UPHOLD").formParam("reasons", "理由丙").when()
                .post(answer).then().statusCode(403);
        assertEquals(ObjectionStatus.LODGED, data.value(ObjectionStatus.class,
                "select o.status from Objection o where o.id = ?1", objectionId));

        regulator(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("decision", "UPHOLD")
                .formParam("reasons", "经核查异议成立").formParam("suspendSettlement", "true").when().post(answer)
                .then().statusCode(303).header("Location", containsString("/regulator/objections?done=answered"));
        regulator(TestData.CITY_REGULATOR).when().get("/regulator/objections?done=answered").then().statusCode(200)
                .body(containsString("id=\"done\"")).body(containsString("经核查异议成立"))
                .body(containsString("action=\"/regulator/objections/" + objectionId + "/lift\""))
                .body(not(containsString("action=\"" + answer + "\"")));
        given().auth().oauth2(Tokens.township(TOWNSHIP)).when().get("/api/trades/" + sale.winnerTradeId()).then()
                .body("suspendedAt", org.hamcrest.Matchers.notNullValue());
        // answering twice is refused with the API's message
        regulator(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("decision", "REJECT")
                .formParam("reasons", "再答").when().post(answer).then().statusCode(409);

        // the seller sees the outcome, not the reasons nor the answer; the objector sees the answer
        as(Tokens.township(TOWNSHIP)).when().get("/township/trades/" + sale.winnerTradeId()).then().statusCode(200)
                .body(containsString("异议成立")).body(containsString("暂停中"))
                .body(not(containsString("报价时间异常"))).body(not(containsString("经核查异议成立")));
        enterprise(sale.runnerUp().code()).when().get("/my/objections").then().statusCode(200)
                .body(containsString("经核查异议成立")).body(containsString("异议成立"));
        regulator(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + id).then().statusCode(200)
                .body(containsString("id=\"objections\"")).body(containsString("报价时间异常"));

        String lift = "/regulator/objections/" + objectionId + "/lift";
        regulator(TestData.CITY_REGULATOR).when().post(lift).then().statusCode(403);
        regulator(TestData.CITY_REGULATOR).formParam("csrf", CSRF).when().post(lift).then().statusCode(303)
                .header("Location", containsString("done=lifted"));
        given().auth().oauth2(Tokens.township(TOWNSHIP)).when().get("/api/trades/" + sale.winnerTradeId()).then()
                .body("suspendedAt", org.hamcrest.Matchers.nullValue());
        regulator(TestData.CITY_REGULATOR).formParam("csrf", CSRF).when().post(lift).then().statusCode(409)
                .body(containsString("id=\"refusal\""));
        as(Tokens.township(TOWNSHIP)).cookie(PageLanguage.COOKIE, "en").when()
                .get("/township/trades/" + sale.winnerTradeId()).then().statusCode(200)
                .body(containsString("Suspension lifted at"));
    }
}
