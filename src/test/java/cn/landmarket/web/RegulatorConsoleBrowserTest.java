package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import cn.landmarket.audit.AuditSequencer;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The regulator's console in a real Chromium: a listing approved from the queue reaches the public
 * hall; identities revealed through the dialog, with a reason, and the reveal then among the
 * dossier's log entries, each checked in the browser against the signed checkpoint; and every page
 * of the console in Chinese and English, accessible, its texts all there, and narrow enough for a phone.
 */
@QuarkusTest
@StandardMarket
class RegulatorConsoleBrowserTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Inject
    ListingService listings;

    @Inject
    AuditSequencer sequencer;

    @Inject
    SoldLots sold;

    @AfterEach
    void resetClock() {
        clock.reset();
    }



    private long pending() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long id = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()));
        Fixtures.act(Tokens.township(TestData.TOWNSHIP_A), id, "submit", 200);
        return id;
    }

    private static String listingNo(long id) {
        return io.restassured.RestAssured.given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR))
                .when().get("/api/listings/" + id).then().statusCode(200).extract().jsonPath().getString("listingNo");
    }

    private static String serial() {
        return "B" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    /** A listing in bidding with two qualified bidders and a bid from each; the log settled. */
    private long withBids(List<String> bidders) throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String s = serial();
        String a = Auctions.qualifiedBidder(data, id, s);
        String b = Auctions.qualifiedBidder(data, id, serial());
        Auctions.bid(a, id, "20200000.00", "rgb-a-" + s).then().statusCode(201);
        Auctions.bid(b, id, "20400000.00", "rgb-b-" + s).then().statusCode(201);
        bidders.add(a);
        bidders.add(b);
        Sequencing.settle(sequencer);
        return id;
    }

    private static void awaitLogChecked(Browser b) {
        b.waitFor("the log entries checked", d -> {
            Object outcome = b.script("var s = document.getElementById('log-status');"
                    + " return s ? s.getAttribute('data-outcome') : null;");
            return "verified".equals(outcome) || "failed".equals(outcome) || "unreachable".equals(outcome);
        });
    }

    @Test
    void aListingApprovedFromTheQueueAppearsInThePublicHall() {
        long id = pending();
        String no = listingNo(id);
        clock.advance(Duration.ofHours(2));
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(TestData.CITY_REGULATOR, "/regulator");
            b.get("/");
            assertFalse(b.text("main").contains(no), "not public before the approval");
            b.get("/regulator");
            WebElement card = b.find("#queue-" + id);
            assertTrue(card.getText().contains(no), card.getText());
            card.findElement(org.openqa.selenium.By.cssSelector("button.approve")).click();
            b.waitFor(d -> d.getCurrentUrl().contains("/regulator?done=approved"));
            assertEquals("已通过审核。", b.text("#done"));
            assertTrue(b.all("#queue-" + id).isEmpty(), "out of the queue");
            assertFalse(b.all("#live-" + id).isEmpty(), "among the live listings");
            b.get("/");
            assertTrue(b.text("main").contains(no), "announced in the hall: " + b.text("main"));
            assertEquals(List.of(), b.script("return window.pageErrors;"), "no script error, nothing the CSP blocked");
        }
    }

    @Test
    void identitiesAreRevealedThroughTheDialogWithAReasonAndTheRevealIsAVerifiedLogEntry() throws Exception {
        List<String> bidders = new ArrayList<>();
        long id = withBids(bidders);
        String dossier = "/regulator/listings/" + id;
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(TestData.CITY_REGULATOR, dossier);
            awaitLogChecked(b);
            assertEquals("verified", b.find("#log-status").getAttribute("data-outcome"), b.text("#log"));
            List<WebElement> checks = b.all("#log-entries td.check");
            assertFalse(checks.isEmpty());
            for (WebElement c : checks) {
                assertEquals("verified", c.getAttribute("data-result"));
                assertEquals("已验证", c.getText());
            }
            assertTrue(b.all("#log-entries tr.reveal").isEmpty(), "no reveal yet");
            for (String code : bidders) {
                assertFalse(b.text("main").contains(code), "no identity before the reveal");
            }

            // The dialog: opened and closed by the keyboard.
            b.script("document.getElementById('reveal-open').focus();");
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();
            b.waitFor("the dialog open", d -> b.find("#reveal-dialog").getAttribute("open") != null);
            assertEquals("reveal-reason", b.script("return document.activeElement.id;"));
            assertTrue(b.text("#reveal-dialog").contains("写入审计日志"), b.text("#reveal-dialog"));
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "the open dialog");
            new Actions(b.driver()).sendKeys(Keys.ESCAPE).perform();
            b.waitFor("the dialog closed", d -> b.find("#reveal-dialog").getAttribute("open") == null);
            assertEquals("reveal-open", b.script("return document.activeElement.id;"), "focus back on its opener");

            // With a reason: the identities, and a link to the log.
            b.find("#reveal-open").click();
            b.waitFor("the dialog open", d -> b.find("#reveal-dialog").getAttribute("open") != null);
            b.find("#reveal-reason").sendKeys("接到串通举报，核查竞买人");
            b.find("#reveal-submit").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/identities"));
            String shown = b.text("#identities");
            for (String code : bidders) {
                assertTrue(shown.contains(code), shown);
            }
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "the identities");
            assertEquals(List.of(), MissingTexts.on(b), "the identities: missing texts");

            Sequencing.settle(sequencer);
            b.find("#reveal-log-link").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith(dossier + "#log"));
            awaitLogChecked(b);
            assertEquals("verified", b.find("#log-status").getAttribute("data-outcome"), b.text("#log"));
            WebElement reveal = b.find("#log-entries tr.reveal");
            assertTrue(reveal.getText().contains("identity.revealed"), reveal.getText());
            assertEquals("verified", reveal.findElement(org.openqa.selenium.By.cssSelector("td.check"))
                    .getAttribute("data-result"));
            for (String code : bidders) {
                assertFalse(b.text("main").contains(code), "the dossier still shows bidder numbers only");
            }
            assertEquals(List.of(), b.script("return window.pageErrors;"), "no script error, nothing the CSP blocked");
        }
    }

    @Test
    void everyPageIsAccessibleAndCompleteInBothLanguagesAndFitsAPhone() throws Exception {
        long pending = pending();
        List<String> bidders = new ArrayList<>();
        long live = withBids(bidders);
        long soldLot = sold.inBidding(Map.of());
        SoldLots.Bidder winner = sold.qualified(soldLot);
        sold.qualified(soldLot); // outbid: its deposit is refunded, shown in the dossier
        sold.closeWithBid(soldLot, winner);
        long certificate = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 50_000));
        List<String> paths = List.of("/regulator", "/regulator/listings/" + live,
                "/regulator/listings/" + pending, "/regulator/listings/" + pending + "/reject",
                "/regulator/listings/" + live + "/terminate", "/regulator/listings/" + live + "/identities",
                "/regulator/listings/" + soldLot, "/regulator/certificates/new",
                "/regulator/certificates/" + certificate, "/regulator/signals", "/regulator/statistics",
                "/regulator/refunds", "/regulator/refunds?all=true");
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(TestData.CITY_REGULATOR, "/regulator");
            for (String lang : List.of("zh-CN", "en")) {
                if (lang.equals("en")) {
                    b.get("/lang/en?back=" + Links.encode("/regulator"));
                }
                for (String path : paths) {
                    b.get(path);
                    String where = lang + " " + path;
                    if (path.startsWith("/regulator/listings/") && !path.equals("/regulator/listings/" + pending)
                            && b.all("#log-entries").size() == 1) {
                        awaitLogChecked(b);
                    }
                    if (path.equals("/regulator/statistics")) {
                        b.waitFor("the charts drawn", d -> b.all(".chart canvas").size() == 2);
                    }
                    assertEquals(lang, b.script("return document.documentElement.lang;"), where);
                    assertTrue(b.all("main [role='alert']").isEmpty(), where + ": no refusal");
                    assertEquals(List.of(), MissingTexts.on(b), where + ": missing texts");
                    assertEquals(List.of(), b.seriousAccessibilityViolations(), where + ": accessibility");
                    assertEquals(List.of(), b.script("return window.pageErrors;"), where + ": script errors");
                }
            }
        }
        try (Browser b = Browsers.open(375, 800).at(server)) {
            b.signIn(TestData.CITY_REGULATOR, "/regulator");
            for (String lang : List.of("zh", "en")) {
                b.get("/lang/" + lang + "?back=" + Links.encode("/regulator"));
                for (String path : paths) {
                    b.get(path);
                    if (path.equals("/regulator/statistics")) {
                        b.waitFor("the charts drawn", d -> b.all(".chart canvas").size() == 2);
                    }
                    assertFalse(b.scrollsSideways(), "375 px, " + lang + " " + path + ": " + b.overflowing());
                }
            }
        }
    }
}
