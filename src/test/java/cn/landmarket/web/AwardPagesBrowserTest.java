package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Objections and the runner-up award in a real Chromium: a losing bidder lodges an objection from
 * its page, the regulator upholds it and suspends settlement, the seller sees the outcome, the
 * regulator lifts the suspension; then the winner defaults and the runner-up is offered the lot.
 * Every page on the way in Chinese and English, accessible, its texts all there, no script error,
 * and narrow enough for a phone (375 px).
 */
@QuarkusTest
@StandardMarket
class AwardPagesBrowserTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestClock clock;

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



    /** Each path in Chinese and English: its language, no missing text, no serious axe violation, no script error; then at 375 px. */
    private void checkPages(Browser b, String org, List<String> paths) {
        for (String lang : List.of("zh", "en")) {
            b.get("/lang/" + lang + "?back=" + Links.encode(paths.get(0)));
            for (String path : paths) {
                b.get(path);
                String where = lang + " " + path;
                assertEquals(lang.equals("zh") ? "zh-CN" : "en", b.script("return document.documentElement.lang;"),
                        where);
                assertEquals(List.of(), MissingTexts.on(b), where + ": missing texts");
                assertEquals(List.of(), b.seriousAccessibilityViolations(), where + ": accessibility");
                assertEquals(List.of(), b.script("return window.pageErrors;"), where + ": script errors");
            }
        }
        b.get("/lang/zh?back=" + Links.encode(paths.get(0)));
        try (Browser narrow = Browsers.open(375, 800).at(server)) {
            narrow.signIn(org, paths.get(0));
            for (String lang : List.of("zh", "en")) {
                narrow.get("/lang/" + lang + "?back=" + Links.encode(paths.get(0)));
                for (String path : paths) {
                    narrow.get(path);
                    assertFalse(narrow.scrollsSideways(), "375 px, " + lang + " " + path + ": " + narrow.overflowing());
                }
            }
        }
    }

    @Test
    void lodgeAnswerUpholdingWithASuspensionLiftAndTheRunnerUpsOffer() {
        long id = sold.inBidding(Map.of("runnerUpAward", true));
        SoldLots.Bidder runnerUp = sold.qualified(id);
        SoldLots.Bidder winner = sold.qualified(id);
        Auctions.bid(runnerUp.code(), id, "22000000.00", "rb-" + runnerUp.registrationId()).then().statusCode(201);
        Auctions.bid(winner.code(), id, "22200000.00", "wb-" + winner.registrationId()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        settlement.run();
        long winnerTrade = RestAssured.given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when()
                .get("/api/listings/" + id + "/trade").then().statusCode(200).extract().jsonPath().getLong("id");
        String objectionPage = "/my/objections/listings/" + id;

        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            // the losing bidder lodges its objection from its overview
            b.signIn(runnerUp.code(), "/my");
            b.find("a[href='" + objectionPage + "']").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith(objectionPage));
            b.find("#reasons").sendKeys("竞得人报价时间异常");
            b.find("#lodge-form button[type='submit']").click();
            b.waitFor("lodged", d -> d.getCurrentUrl().contains("done=lodged"));
            assertEquals("异议已提交，等待监管部门答复。", b.text("#done"));
            assertTrue(b.text("main").contains("竞得人报价时间异常"), b.text("main"));
            checkPages(b, runnerUp.code(), List.of(objectionPage, "/my/objections"));

            // the regulator upholds it and suspends settlement (other tests' objections may wait in the
            // same list: act on this one)
            long objectionId = RestAssured.given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when()
                    .get("/api/listings/" + id + "/objections").then().statusCode(200).extract().jsonPath()
                    .getLong("[0].id");
            String mine = "#objection-" + objectionId;
            b.signIn(TestData.CITY_REGULATOR, "/regulator/objections");
            b.find(mine + " input[name='decision'][value='UPHOLD']").click();
            b.find(mine + " textarea[name='reasons']").sendKeys("经核查异议成立");
            b.find(mine + " input[name='suspendSettlement']").click();
            checkPages(b, TestData.CITY_REGULATOR, List.of("/regulator/objections", "/regulator/listings/" + id));
            b.get("/lang/zh?back=" + Links.encode("/regulator/objections"));
            b.find(mine + " input[name='decision'][value='UPHOLD']").click();
            b.find(mine + " textarea[name='reasons']").sendKeys("经核查异议成立");
            b.find(mine + " input[name='suspendSettlement']").click();
            b.find(mine + " .rg-answer button[type='submit']").click();
            b.waitFor("answered", d -> d.getCurrentUrl().contains("done=answered"));
            assertEquals("已答复异议。", b.text("#done"));
            assertTrue(b.all("#pending " + mine).isEmpty(), "no longer pending");
            assertTrue(b.text("#answered " + mine).contains("经核查异议成立"), b.text("#answered " + mine));
            assertTrue(b.text("#answered " + mine).contains("结算暂停中"), b.text("#answered " + mine));
            checkPages(b, TestData.CITY_REGULATOR, List.of("/regulator/objections"));

            // the seller sees the outcome and that settlement is suspended, not the reasons
            b.signIn(TestData.TOWNSHIP_A, "/township/trades/" + winnerTrade);
            assertTrue(b.text("#after-sale").contains("异议成立"), b.text("#after-sale"));
            assertTrue(b.text("#after-sale").contains("暂停中"), b.text("#after-sale"));
            assertFalse(b.text("main").contains("报价时间异常"), "no reasons for the seller");
            checkPages(b, TestData.TOWNSHIP_A, List.of("/township/trades/" + winnerTrade));

            // the regulator lifts the suspension
            b.signIn(TestData.CITY_REGULATOR, "/regulator/objections");
            b.get("/lang/zh?back=" + Links.encode("/regulator/objections"));
            b.find(mine + " button.resume").click();
            b.waitFor("lifted", d -> d.getCurrentUrl().contains("done=lifted"));
            assertEquals("已解除结算暂停。", b.text("#done"));
            assertTrue(b.all(mine + " button.resume").isEmpty(), "nothing left to lift");
            assertTrue(b.text("#answered " + mine).contains("暂停已解除"), b.text("#answered " + mine));

            // the winner defaults: the runner-up sees the offer as such and the decline step
            clock.advance(Duration.ofDays(20));
            settlement.run();
            long offer = RestAssured.given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when()
                    .get("/api/listings/" + id + "/runner-up").then().statusCode(200).extract().jsonPath()
                    .getLong("tradeId");
            b.signIn(runnerUp.code(), "/my/trades/" + offer);
            assertTrue(b.text("#runner-up-offer").contains("原竞得人违约"), b.text("#runner-up-offer"));
            b.find("#decline-link").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/my/trades/" + offer + "/decline"));
            checkPages(b, runnerUp.code(), List.of("/my/trades/" + offer, "/my/trades/" + offer + "/decline"));
            b.get("/lang/zh?back=" + Links.encode("/my/trades/" + offer + "/decline"));
            b.find("#decline-form button[type='submit']").click();
            b.waitFor("declined", d -> d.getCurrentUrl().endsWith("/my/trades/" + offer));
            assertFalse(b.all("#declined-at").isEmpty(), "declined");
            assertEquals(List.of(), b.script("return window.pageErrors;"));
        }
    }
}
