package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A whole sale as two bidders see it in two real browsers: each signs in, registers for the lot,
 * sees where to pay the deposit and sees it arrive (through the signed bank feed) without a reload;
 * both watch the room before it opens and the bid form appears when it does; they bid by the form
 * (the lowest amount pre-filled, written in 大写, confirmed), each seeing the other's bids live; in
 * timed bidding each bid restarts the countdown on both screens; both see the close. The winner
 * accepts its confirmation by the page, pays through the bank feed and sees the trade settled; the
 * loser sees its deposit owed back, then paid back. Every page on the way is checked with axe.
 */
@QuarkusTest
@StandardMarket
class BidderJourneyBrowserTest {

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

    @Inject
    SettlementSweep settlement;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** One bidder: its organisation and the browser it uses. */
    private record Bidder(String code, String serial, Browser b) {

        String payer() {
            return "测试企业" + serial;
        }
    }

    private static String serial() {
        return "J" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private static String room(long id) {
        return "/listings/" + id + "/room";
    }


    private static void awaitLive(Browser b) {
        b.waitFor("the live feed connected", d -> "live".equals(b.find("#room").getAttribute("data-connection")));
    }

    private static long remaining(Browser b) {
        return Long.parseLong(b.find("#room-countdown").getAttribute("data-remaining"));
    }

    /** Marks the document, to tell later whether the page was reloaded. */
    private static void mark(Browser b) {
        b.script("window.sameDocument = 'yes';");
    }

    private static void assertNotReloaded(Browser b, String what) {
        assertEquals("yes", b.script("return window.sameDocument;"), what + " without a reload");
    }

    private static void assertAccessible(Browser b, String page) {
        assertEquals(List.of(), b.seriousAccessibilityViolations(), page);
    }



    private static String bidderNo(String code, long id) {
        return given().auth().oauth2(Tokens.enterprise(code)).when()
                .get("/api/listings/" + id + "/registrations/mine").then().statusCode(200).extract().path("bidderNo");
    }

    /**
     * Registers for the lot on its page, reads the deposit instructions, has the bank's signed notice of
     * the deposit delivered and waits for the page to show the bidder qualified without a reload.
     * Returns the bidder number the page shows.
     */
    private String registerAndPayDeposit(Bidder who, long id, boolean checkAccessibility) {
        Browser b = who.b();
        String page = "/my/listings/" + id + "/registration";
        b.signIn(who.code(), page);
        assertFalse(b.all("li.met[data-condition='ENTERPRISE_VERIFIED']").isEmpty(), "its conditions are shown");
        assertTrue(b.all("li.unmet").isEmpty(), "every condition is met");
        if (checkAccessibility) {
            assertAccessible(b, "registration: conditions");
        }
        b.find("button.register").click();
        b.waitFor(d -> !b.all("#deposit-status").isEmpty());

        // Where to pay, as the bidder copies it.
        String account = b.text("#pay-account");
        assertTrue(account.matches("6228\\d+"), "a virtual account of the escrow bank: " + account);
        assertEquals("绵阳市公共资源交易中心竞买保证金专户", b.text("#pay-name"));
        assertEquals("中国农业银行绵阳分行", b.text("#pay-bank"));
        assertTrue(b.text("dl.pay").contains("¥4,000,000.00"), b.text("dl.pay"));
        String amount = b.find("#pay-amount").getAttribute("textContent").strip();
        assertEquals("4000000.00", amount);
        assertEquals("AWAITING_DEPOSIT", b.find("#deposit-status").getAttribute("data-status"));
        assertTrue(b.text("#deposit-status").contains("待缴保证金"), b.text("#deposit-status"));
        assertTrue(b.text("#deposit-status").contains("已到账 ¥0.00，应缴 ¥4,000,000.00。"), b.text("#deposit-status"));
        if (checkAccessibility) {
            assertAccessible(b, "registration: deposit instructions");
        }

        mark(b);
        BankFeed.deliver(BankFeed.credit("JRN-DEP-" + who.serial(), account, amount, who.payer(), clock.instant()))
                .statusCode(200).body("outcome", equalTo("QUALIFIED"));
        b.waitFor("the deposit status turning qualified by itself",
                d -> "QUALIFIED".equals(b.find("#deposit-status").getAttribute("data-status")));
        String number = bidderNo(who.code(), id);
        String status = b.text("#deposit-status");
        assertTrue(status.contains("已取得竞买资格") && status.contains("竞买号：" + number), status);
        assertTrue(status.contains("已到账 ¥4,000,000.00，应缴 ¥4,000,000.00。"), status);
        assertTrue(b.find("#deposit-status a.action").getAttribute("href").endsWith(room(id)));
        assertNotReloaded(b, "the deposit status changed");
        if (checkAccessibility) {
            assertAccessible(b, "registration: qualified");
        }
        return number;
    }

    /** Bids the amount now in the form: to the confirmation (大写 shown), confirmed, and the receipt. */
    private static void bidByForm(Browser b, String yuan, String capitals, int sequence, boolean checkAccessibility) {
        assertEquals(capitals, b.text("#bid-capitals"), "the capitals of " + yuan + " under the amount");
        b.find("#bid-review").click();
        b.waitFor(d -> !b.all("#bid-confirm-button").isEmpty());
        assertEquals(yuan, b.text("#confirm-amount"));
        assertEquals(capitals, b.text("#confirm-capitals"));
        if (checkAccessibility) {
            assertAccessible(b, "room: confirmation");
        }
        b.find("#bid-confirm-button").click();
        b.waitFor(d -> !b.all("#receipt").isEmpty());
        assertEquals(String.valueOf(sequence), b.text("#receipt-sequence"));
        assertEquals(yuan, b.text("#receipt-amount"));
        if (checkAccessibility) {
            assertAccessible(b, "room: receipt");
        }
        awaitLive(b);
    }

    /** Types an amount into the bid form and waits for its capitals. */
    private static void typeAmount(Browser b, String amount, String capitals) {
        b.find("#bid-amount").clear();
        b.find("#bid-amount").sendKeys(amount);
        b.waitFor(d -> capitals.equals(b.text("#bid-capitals")));
    }

    /** Waits until the screen shows a bid: price, leading bidder number and its row in the history. */
    private static void awaitBid(Browser b, int sequence, String yuan, String number) {
        b.waitFor("bid " + sequence + " in the history", d -> !b.all("#room-bids tbody tr[data-seq='" + sequence + "']")
                .isEmpty());
        b.waitFor("the price " + yuan + " by " + number,
                d -> yuan.equals(b.text("#room-price")) && number.equals(b.text("#room-leader")));
        String row = b.text("#room-bids tbody tr[data-seq='" + sequence + "']");
        assertTrue(row.contains(number) && row.contains(yuan), row);
        assertEquals(String.valueOf(sequence), b.text("#room-bid-count"));
    }

    /** Waits until the screen's countdown restarted: a new deadline, and 300 s again (not what was left). */
    private static void awaitRestart(Browser b, String before) {
        b.waitFor("a new deadline", d -> !before.equals(b.find("#room").getAttribute("data-deadline")));
        b.waitFor("the countdown back at 300 s", d -> remaining(b) >= 295 && remaining(b) <= 300);
        assertTrue(b.text("#room-countdown").startsWith("00:0"), b.text("#room-countdown"));
    }

    private static String deadline(Browser b) {
        return b.find("#room").getAttribute("data-deadline");
    }

    @Test
    void twoBiddersFromRegistrationToSettlement() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long id = Fixtures.announced(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
        Instant listingEnd = OffsetDateTime.parse(given().when().get("/api/public/listings/" + id).then()
                .statusCode(200).extract().path("listingEnd")).toInstant();
        String serialA = serial();
        String serialB = serial();
        try (Browser browserA = Browsers.open().at(server); Browser browserB = Browsers.open().at(server)) {
            Bidder a = new Bidder(data.enterprise(serialA, EnterpriseStatus.VERIFIED), serialA, browserA);
            Bidder b = new Bidder(data.enterprise(serialB, EnterpriseStatus.VERIFIED), serialB, browserB);
            Browser ba = a.b();
            Browser bb = b.b();
            ba.trapPageErrors();
            bb.trapPageErrors();

            // Sign in, register, pay the deposit: qualified, shown live.
            ba.get("/signin?back=" + Links.encode("/my"));
            assertAccessible(ba, "sign-in");
            String noA = registerAndPayDeposit(a, id, true);
            String noB = registerAndPayDeposit(b, id, false);

            // Both watch the room before it opens: no form yet.
            for (Browser br : List.of(ba, bb)) {
                br.find("#deposit-status a.action").click();
                br.waitFor(d -> d.getCurrentUrl().endsWith(room(id)));
                awaitLive(br);
                assertEquals("公告中", br.text("#room-status"));
                assertEquals("距挂牌开始", br.text("#room-countdown-label"));
                assertEquals("当前不在竞价期，不能出价。", br.text("#bid-closed"));
                assertTrue(br.all("#bid-form").isEmpty(), "no bid form before the opening");
                mark(br);
            }
            assertTrue(ba.text("#room-standing").contains(noA), ba.text("#room-standing"));
            assertAccessible(ba, "room: announced");

            // The listing opens while they watch: the form appears on both screens without a reload.
            clock.advance(Duration.ofDays(21));
            listings.advanceTimeline();
            for (Browser br : List.of(ba, bb)) {
                br.waitFor("the bid form appearing when bidding opens", d -> !br.all("#bid-form").isEmpty());
                assertEquals("挂牌中", br.text("#room-status"));
                assertEquals("距挂牌期结束", br.text("#room-countdown-label"));
                assertTrue(br.all("#bid-closed").isEmpty(), "the notice that bidding is not open is gone");
                assertEquals("20000000.00", br.find("#bid-amount").getAttribute("value"), "the start price pre-filled");
                assertEquals("贰仟万元整", br.text("#bid-capitals"));
                assertTrue(br.text("#bid-hint").contains("¥20,000,000.00"), br.text("#bid-hint"));
                long expected = Duration.between(clock.instant(), listingEnd).toSeconds();
                br.waitFor(d -> Math.abs(remaining(br) - expected) <= 5);
                assertNotReloaded(br, "the form appeared");
            }
            assertAccessible(ba, "room: bidding open, form");

            // A bids by the form, with the amount the page filled in; B sees it live, and its form follows.
            bidByForm(ba, "¥20,000,000.00", "贰仟万元整", 1, true);
            awaitBid(bb, 1, "¥20,000,000.00", noA);
            bb.waitFor(d -> "20200000.00".equals(bb.find("#bid-amount").getAttribute("value")));
            assertEquals("贰仟零贰拾万元整", bb.text("#bid-capitals"));
            assertTrue(bb.text("#bid-hint").contains("¥20,200,000.00"), bb.text("#bid-hint"));
            assertNotReloaded(bb, "A's bid appeared on B's screen");
            assertFalse(bb.driver().getPageSource().contains(a.code()), "no identity of A on B's screen");

            // B bids the lowest amount its form now offers; A sees it live.
            bidByForm(bb, "¥20,200,000.00", "贰仟零贰拾万元整", 2, false);
            mark(ba);
            awaitBid(ba, 2, "¥20,200,000.00", noB);
            assertNotReloaded(ba, "B's bid appeared on A's screen");

            // The listing period ends with two bidders: timed bidding, 300 s on both screens.
            mark(bb);
            clock.advance(Duration.ofDays(21));
            closer.closeDue();
            for (Browser br : List.of(ba, bb)) {
                br.waitFor("timed bidding shown", d -> "限时竞价".equals(br.text("#room-status")));
                assertEquals("限时竞价剩余", br.text("#room-countdown-label"));
                br.waitFor(d -> remaining(br) >= 280 && remaining(br) <= 300);
                assertNotReloaded(br, "timed bidding began");
            }
            assertAccessible(bb, "room: timed bidding");

            // 100 s later A bids: the countdown restarts at 300 s on B's screen (live) and on A's.
            clock.advance(Duration.ofSeconds(100));
            String before = deadline(bb);
            typeAmount(ba, "22000000", "贰仟贰佰万元整");
            bidByForm(ba, "¥22,000,000.00", "贰仟贰佰万元整", 3, false);
            awaitRestart(bb, before);
            awaitBid(bb, 3, "¥22,000,000.00", noA);
            assertNotReloaded(bb, "the countdown restarted on B's screen");
            assertTrue(remaining(ba) >= 290 && remaining(ba) <= 300, "A's screen: " + remaining(ba));

            // 100 s later B bids: the countdown restarts on A's screen, live.
            clock.advance(Duration.ofSeconds(100));
            before = deadline(ba);
            mark(ba);
            bb.waitFor(d -> "22200000.00".equals(bb.find("#bid-amount").getAttribute("value")));
            bidByForm(bb, "¥22,200,000.00", "贰仟贰佰贰拾万元整", 4, false);
            awaitRestart(ba, before);
            awaitBid(ba, 4, "¥22,200,000.00", noB);
            assertNotReloaded(ba, "the countdown restarted on A's screen");
            assertTrue(remaining(bb) >= 290 && remaining(bb) <= 300, "B's screen: " + remaining(bb));

            // A answers once more, one increment up; then nobody bids for 300 s.
            clock.advance(Duration.ofSeconds(100));
            before = deadline(bb);
            mark(bb);
            ba.waitFor(d -> "22400000.00".equals(ba.find("#bid-amount").getAttribute("value")));
            bidByForm(ba, "¥22,400,000.00", "贰仟贰佰肆拾万元整", 5, false);
            awaitRestart(bb, before);
            awaitBid(bb, 5, "¥22,400,000.00", noA);

            // Time runs out: both screens show the sale closed, and bidding shut.
            mark(ba);
            clock.advance(Duration.ofSeconds(301));
            closer.closeDue();
            for (Browser br : List.of(ba, bb)) {
                br.waitFor("the sale shown closed", d -> "已成交".equals(br.text("#room-status")));
                br.waitFor(d -> "—".equals(br.text("#room-countdown")));
                assertEquals("当前不在竞价期，不能出价。", br.text("#bid-closed-live"));
                assertFalse(br.find("#bid-review").isEnabled(), "the form's buttons are off");
                assertEquals("¥22,400,000.00", br.text("#room-price"));
                assertNotReloaded(br, "the close");
                br.assertNoPageErrors();
            }
            assertAccessible(ba, "room: closed");

            // The trade opens; A (the winner) finds it and accepts its confirmation by the page.
            settlement.run();
            ba.get("/my/trades");
            ba.waitFor(d -> !ba.all("table.trades tbody tr").isEmpty());
            assertEquals(1, ba.all("table.trades tbody tr").size());
            String tradeRow = ba.text("table.trades tbody tr");
            assertTrue(tradeRow.contains("¥22,400,000.00") && tradeRow.contains("待签署成交确认书"), tradeRow);
            assertAccessible(ba, "trades");
            ba.find("table.trades tbody tr a").click();
            ba.waitFor(d -> d.getCurrentUrl().matches(".*/my/trades/\\d+$"));
            String tradePath = ba.driver().getCurrentUrl().replaceAll("^.*(/my/trades/\\d+)$", "$1");
            long tradeId = Long.parseLong(tradePath.substring("/my/trades/".length()));
            JsonPath trade = given().auth().oauth2(Tokens.enterprise(a.code())).when().get("/api/trades/" + tradeId)
                    .then().statusCode(200).extract().jsonPath();
            assertEquals("待签署成交确认书", ba.text("#trade-status"));
            String text = ba.text("#confirmation-text");
            assertTrue(text.contains("price_fen=2240000000") && text.contains("buyer=" + a.code()), text);
            assertEquals(trade.getString("confirmationSha256"),
                    ba.find("form input[name='sha256']").getAttribute("value"), "the page sends the text's SHA-256");
            assertEquals("尚未签署", ba.text("#buyer-confirmed"));
            assertAccessible(ba, "trade: awaiting confirmation");
            ba.find("button.accept").click();
            ba.waitFor(d -> !ba.all("#buyer-confirmed time").isEmpty());
            assertTrue(ba.all("button.accept").isEmpty(), "accepted once, no button any more");
            assertTrue(ba.all("[role='alert']").isEmpty(), "no refusal");

            // The seller confirms too; the price less the deposit is paid through the bank.
            given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).contentType(ContentType.JSON)
                    .body(Map.of("sha256", trade.getString("confirmationSha256"))).when()
                    .post("/api/trades/" + tradeId + "/confirmations").then().statusCode(200);
            ba.get(tradePath);
            assertEquals("待付款", ba.text("#trade-status"));
            String payTo = ba.text("#trade-account");
            String outstanding = ba.find("#trade-amount").getAttribute("textContent").strip();
            assertEquals("18400000.00", outstanding, "22,400,000.00 less the deposit of 4,000,000.00");
            BankFeed.deliver(BankFeed.credit("JRN-PAY-" + tradeId, payTo, outstanding, a.payer(), clock.instant()))
                    .statusCode(200).body("outcome", equalTo("PAYMENT_COMPLETE"));
            settlement.run();
            ba.get(tradePath);
            assertEquals("已结算", ba.text("#trade-status"));
            assertTrue(ba.text("dl.facts").contains("¥0.00"), "nothing outstanding: " + ba.text("dl.facts"));
            assertTrue(ba.text("dl.pay").contains("结算完成"), "the settlement time: " + ba.text("dl.pay"));
            assertAccessible(ba, "trade: settled");

            // B's deposit is owed back to it, then paid back by the bank.
            bb.get("/my/refunds");
            bb.waitFor(d -> !bb.all("table.refunds tbody tr").isEmpty());
            assertEquals(1, bb.all("table.refunds tbody tr").size());
            String refund = bb.text("table.refunds tbody tr");
            assertTrue(refund.contains("未竞得，退还保证金") && refund.contains("¥4,000,000.00")
                    && refund.contains("待退款"), refund);
            assertAccessible(bb, "refunds");
            String refundId = bb.find("table.refunds tbody tr").getAttribute("data-refund-id");
            BankFeed.deliver(BankFeed.debit("JRN-RF-" + refundId, "4000000.00", b.payer(), "6228480000000000000",
                    "REFUND-" + refundId, clock.instant())).statusCode(200)
                    .body("outcome", equalTo("REFUND_CONFIRMED"));
            bb.get("/my/refunds");
            assertTrue(bb.text("table.refunds tbody tr").contains("已退款"), bb.text("table.refunds tbody tr"));
            ba.get("/my/refunds");
            assertTrue(ba.all("table.refunds").isEmpty(), "the winner is owed nothing back");
            assertEquals("没有应退给本企业的款项。", ba.text("p.empty"));

            ba.assertNoPageErrors();
            bb.assertNoPageErrors();
        }
    }
}
