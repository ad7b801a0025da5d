package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.interactions.Actions;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The bidding room in a real Chromium: bids placed through the API appear without a reload, the
 * countdown follows the server's clock (also on a device whose clock is wrong, and when a bid restarts
 * it), a double click places one bid, the page reconnects after losing the network and shows what it
 * missed; accessible in both languages and at phone width.
 */
@QuarkusTest
@StandardMarket
class RoomBrowserTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    private static int serial;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private String bidder(long id) {
        return Auctions.qualifiedBidder(data, id, "RBT%06d".formatted((int) (id % 10_000) * 100 + ++serial));
    }

    private static String bidderNo(String enterprise, long id) {
        return given().auth().oauth2(Tokens.enterprise(enterprise)).when()
                .get("/api/listings/" + id + "/registrations/mine").then().statusCode(200).extract().path("bidderNo");
    }

    private static long bidCount(long id) {
        return given().when().get("/api/public/listings/" + id + "/bids").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    private static String room(long id) {
        return "/listings/" + id + "/room";
    }

    /** Opens the room and waits until its live feed is connected. */
    private static void enter(Browser b, long id) {
        b.get(room(id));
        awaitLive(b);
    }

    private static void awaitLive(Browser b) {
        b.waitFor(d -> "live".equals(b.find("#room").getAttribute("data-connection")));
    }

    private static long remaining(Browser b) {
        return Long.parseLong(b.find("#room-countdown").getAttribute("data-remaining"));
    }



    @Test
    void aBidPlacedThroughTheApiAppearsInTheWatchersPageWithoutAReload() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String enterprise = bidder(id);
        String number = bidderNo(enterprise, id);
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            enter(b, id);
            assertEquals("暂无出价", b.text("#room-price"));
            b.script("window.sameDocument = 'yes';");
            Auctions.bid(enterprise, id, "20000000.00", "rb-live-" + id).then().statusCode(201);
            b.waitFor(d -> b.text("#room-price").equals("¥20,000,000.00"));
            b.waitFor(d -> !b.all("#room-bids tbody tr[data-seq='1']").isEmpty());
            assertEquals(number, b.text("#room-leader"));
            assertEquals("1", b.text("#room-bid-count"));
            String row = b.text("#room-bids tbody tr[data-seq='1']");
            assertTrue(row.contains(number) && row.contains("¥20,000,000.00") && row.contains("挂牌中"), row);
            assertTrue(row.matches("(?s).*\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d.*"), "the time to the second: " + row);
            assertTrue(b.text("#room-announce").contains(number), "the bid is announced to screen readers");
            assertEquals("yes", b.script("return window.sameDocument;"), "the page was not reloaded");
            assertFalse(b.all("#room-chart canvas").isEmpty(), "the price chart is drawn");
            assertTrue(b.find("#room-no-bids").getAttribute("hidden") != null);
            assertFalse(b.driver().getPageSource().contains(enterprise), "no identity in the page");
            assertEquals(List.of(), b.script("return window.pageErrors;"), "no script error, nothing the CSP blocked");
        }
    }

    @Test
    void theCountdownRestartsWhenABidExtendsTheDeadlineInTimedBidding() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String a = bidder(id);
        String b2 = bidder(id);
        Auctions.bid(a, id, "20000000.00", "rb-t1-" + id).then().statusCode(201);
        Auctions.bid(b2, id, "20200000.00", "rb-t2-" + id).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        try (Browser b = Browsers.open().at(server)) {
            enter(b, id);
            assertEquals("限时竞价", b.text("#room-status"));
            assertEquals("限时竞价剩余", b.text("#room-countdown-label"));
            long before = remaining(b);
            assertTrue(before <= 300 && before >= 280, "the countdown of 300 s: " + before);
            String firstDeadline = b.find("#room").getAttribute("data-deadline");
            // 100 s later on the server's clock a bid restarts the countdown: 300 s again, not 400.
            clock.advance(Duration.ofSeconds(100));
            Auctions.bid(a, id, "20400000.00", "rb-t3-" + id).then().statusCode(201);
            b.waitFor(d -> !firstDeadline.equals(b.find("#room").getAttribute("data-deadline")));
            b.waitFor(d -> remaining(b) >= 295 && remaining(b) <= 300);
            assertTrue(b.text("#room-countdown").startsWith("00:0"), b.text("#room-countdown"));
            assertEquals("¥20,400,000.00", b.text("#room-price"));
        }
    }

    @Test
    void aDeviceWhoseClockIsTenMinutesAheadStillShowsTheRightCountdown() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Instant end = OffsetDateTime.parse(given().when().get("/api/public/listings/" + id).then().extract()
                .path("listingEnd")).toInstant();
        try (Browser b = Browsers.open().at(server)) {
            b.deviceClockOff(Duration.ofMinutes(10));
            enter(b, id);
            long deviceAhead = ((Number) b.script("return Date.now() - performance.timeOrigin - performance.now();"))
                    .longValue();
            assertTrue(Math.abs(deviceAhead - 600_000) < 5_000, "the device's clock is 10 minutes ahead: " + deviceAhead);
            long expected = Duration.between(clock.instant(), end).toSeconds();
            long shown = remaining(b);
            assertTrue(Math.abs(shown - expected) <= 3, "shown " + shown + " s, the server says " + expected + " s");
            // And after a reload, before any event: from the page's own server time.
            b.get(room(id));
            long again = remaining(b);
            long expectedAgain = Duration.between(clock.instant(), end).toSeconds();
            assertTrue(Math.abs(again - expectedAgain) <= 3, "shown " + again + " s, the server says " + expectedAgain);
        }
    }

    @Test
    void aQualifiedBidderWatchingGetsTheBidFormWhenBiddingOpensAndCannotBidWhileTheListingIsSuspended() {
        String township = Tokens.township(TestData.TOWNSHIP_A);
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long id = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()));
        Fixtures.act(township, id, "submit", 200);
        Fixtures.act(Tokens.regulator(TestData.CITY_REGULATOR), id, "approve", 200);
        clock.advance(Duration.ofDays(2));
        listings.advanceTimeline();
        String me = bidder(id);
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(me, room(id));
            awaitLive(b);
            assertEquals("ANNOUNCED", b.find("#room").getAttribute("data-status"));
            assertTrue(b.all("#bid-form").isEmpty(), "no bid form before bidding opens");
            assertFalse(b.all("#bid-closed").isEmpty(), "the page says bidding is not open");
            clock.advance(Duration.ofDays(20));
            listings.advanceTimeline();
            b.waitFor(d -> !b.all("#bid-form").isEmpty());
            assertEquals("LISTING", b.find("#room").getAttribute("data-status"));
            assertEquals("贰仟万元整", b.text("#bid-capitals"), "the start price is offered, in capitals");
            assertTrue(b.all("#bid-closed").isEmpty());

            String regulator = Tokens.regulator(TestData.CITY_REGULATOR);
            Fixtures.act(regulator, id, "suspend", 200);
            b.waitFor(d -> "SUSPENDED".equals(b.find("#room").getAttribute("data-status")));
            assertFalse(b.find("#bid-review").isEnabled(), "no bid can be sent while suspended");
            assertFalse(b.all("#bid-closed-live").isEmpty(), "the page says bidding is not open");
            assertEquals("—", b.text("#room-countdown"), "nothing is counted down while suspended");
            Fixtures.act(regulator, id, "resume", 200);
            b.waitFor(d -> "LISTING".equals(b.find("#room").getAttribute("data-status")));
            assertTrue(b.find("#bid-review").isEnabled(), "bidding again once resumed");
            assertTrue(b.all("#bid-closed-live").isEmpty());
            assertEquals(List.of(), b.script("return window.pageErrors;"), "no script error, nothing the CSP blocked");
        }
    }

    @Test
    void aQualifiedBidderSeesTheCapitalsAndADoubleClickPlacesExactlyOneBid() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String me = bidder(id);
        String number = bidderNo(me, id);
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(me, room(id));
            awaitLive(b);
            assertEquals("贰仟万元整", b.text("#bid-capitals"));
            b.find("#bid-amount").clear();
            b.find("#bid-amount").sendKeys("12345678.90");
            b.waitFor(d -> b.text("#bid-capitals").equals("壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角"));
            b.find("#bid-amount").clear();
            b.find("#bid-amount").sendKeys("20000000.00");
            b.find("#bid-raise").click();
            assertEquals("20200000.00", b.find("#bid-amount").getAttribute("value"));
            assertEquals("贰仟零贰拾万元整", b.text("#bid-capitals"));
            b.find("#bid-review").click();
            b.waitFor(d -> !b.all("#bid-confirm-button").isEmpty());
            assertEquals("贰仟零贰拾万元整", b.text("#confirm-capitals"));
            assertEquals("¥20,200,000.00", b.text("#confirm-amount"));
            new Actions(b.driver()).doubleClick(b.find("#bid-confirm-button")).perform();
            b.waitFor(d -> !b.all("#receipt").isEmpty());
            assertEquals(1, bidCount(id), "one bid for a double click");
            assertEquals("1", b.text("#receipt-sequence"));
            assertEquals("¥20,200,000.00", b.text("#receipt-amount"));
            assertTrue(b.find("#receipt-verify").getAttribute("href").contains("/verify?leaf="
                    + b.text("#receipt-leaf")));
            assertTrue(b.find("#room-bids tbody tr[data-seq='1']").getAttribute("class").contains("mine"));
            assertTrue(b.text("#room-bids tbody tr[data-seq='1']").contains(number));
            Thread.sleep(1_000);
            assertEquals(1, bidCount(id), "still one bid");
            assertEquals(List.of(), b.script("return window.pageErrors;"), "no script error, nothing the CSP blocked");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void thePageReconnectsAfterTheFeedDropsAndShowsABidPlacedMeanwhile() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String enterprise = bidder(id);
        String other = bidder(id);
        try (Browser b = Browsers.open().at(server)) {
            // Keeps a hand on the page's feeds, to break them as a lost network would (taking the window
            // off the network stops new requests but leaves an open stream alone).
            b.cdp("Page.addScriptToEvaluateOnNewDocument", Map.of("source", "(function () {"
                    + " var Real = window.EventSource; window.openFeeds = [];"
                    + " function Kept(url, options) { var s = new Real(url, options); window.openFeeds.push(s); return s; }"
                    + " Kept.prototype = Real.prototype; Kept.CONNECTING = 0; Kept.OPEN = 1; Kept.CLOSED = 2;"
                    + " window.EventSource = Kept; }());"));
            enter(b, id);
            b.script("window.sameDocument = 'yes';");
            b.offline(true);
            b.script("window.openFeeds.forEach(function (s) { s.close(); s.dispatchEvent(new Event('error')); });");
            b.waitFor(d -> "reconnecting".equals(b.find("#room").getAttribute("data-connection")));
            assertTrue(b.text("#room-connection").contains("重新连接"), b.text("#room-connection"));
            Auctions.bid(enterprise, id, "20000000.00", "rb-off1-" + id).then().statusCode(201);
            Auctions.bid(other, id, "20200000.00", "rb-off2-" + id).then().statusCode(201);
            b.offline(false);
            b.waitFor(d -> b.all("#room-bids tbody tr").size() == 2);
            b.waitFor(d -> b.text("#room-price").equals("¥20,200,000.00"));
            b.waitFor(d -> "caught_up".equals(b.find("#room").getAttribute("data-connection")));
            assertEquals(bidderNo(other, id), b.text("#room-leader"));
            assertEquals("2", b.text("#room-bid-count"));
            assertEquals("yes", b.script("return window.sameDocument;"), "caught up without a reload");
            // And the feed works again.
            Auctions.bid(enterprise, id, "20400000.00", "rb-off3-" + id).then().statusCode(201);
            b.waitFor(d -> b.all("#room-bids tbody tr").size() == 3);
        }
    }

    @Test
    void theRoomIsAccessibleInChineseAndEnglishAndFitsAPhone() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String me = bidder(id);
        Auctions.bid(bidder(id), id, "20000000.00", "rb-a11y-" + id).then().statusCode(201);
        try (Browser b = Browsers.open().at(server)) {
            enter(b, id);
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "zh, public");
            b.get("/lang/en?back=" + Links.encode(room(id)));
            awaitLive(b);
            assertEquals("Current price", b.text(".quote-grid div:nth-child(2) dt"));
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "en, public");
        }
        try (Browser b = Browsers.open().at(server)) {
            b.signIn(me, room(id));
            awaitLive(b);
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "zh, bid form");
            b.find("#bid-review").click();
            b.waitFor(d -> !b.all("#bid-confirm").isEmpty());
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "zh, confirmation");
            b.get("/lang/en?back=" + Links.encode(room(id)));
            awaitLive(b);
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "en, bid form");
        }
        try (Browser b = Browsers.open(375, 800).at(server)) {
            enter(b, id);
            assertFalse(b.scrollsSideways(), "375 px, public: " + b.overflowing());
            b.signIn(me, room(id));
            awaitLive(b);
            assertFalse(b.scrollsSideways(), "375 px, bid form: " + b.overflowing());
            b.find("#bid-review").click();
            b.waitFor(d -> !b.all("#bid-confirm").isEmpty());
            assertFalse(b.scrollsSideways(), "375 px, confirmation: " + b.overflowing());
        }
    }
}
