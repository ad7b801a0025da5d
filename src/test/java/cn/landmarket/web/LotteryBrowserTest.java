package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.auction.LotteryCommitment;
import cn.landmarket.auction.LotteryDrawer;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.LotterySales;
import cn.landmarket.testing.SealedSales;
import cn.landmarket.testing.SealedSales.Bidder;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The lottery at the cap in a real Chromium (README, "Lottery at the cap"): the page draws a random
 * contribution, hashes it exactly as auction/LotteryCommitment does, keeps it in the browser and
 * posts only the commitment; after a reload it offers the backup file; in the reveal window the form
 * is filled from what the browser kept and the server accepts it; after the draw the page shows the
 * seed and the winner; accessible in both languages and at phone width.
 */
@QuarkusTest
@StandardMarket
class LotteryBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Inject
    ListingService listings;

    @Inject
    LotteryDrawer drawer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }




    private static String page(long id) {
        return "/listings/" + id + "/lottery";
    }

    /** What the browser keeps for the bidder's entries on this listing, by storage key. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> kept(Browser b, String listingNo, String bidderNo) throws Exception {
        Object raw = b.script("var prefix = 'lm-lottery-v1:' + arguments[0] + ':' + arguments[1] + ':'; var out = {};"
                + " for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i);"
                + "   if (k.indexOf(prefix) === 0) { out[k] = localStorage.getItem(k); } }"
                + " return JSON.stringify(out);", listingNo, bidderNo);
        Map<String, String> byKey = JSON.readValue((String) raw, Map.class);
        assertEquals(1, byKey.size(), "one entry kept: " + byKey);
        return JSON.readValue(byKey.values().iterator().next(), Map.class);
    }

    @Test
    void aBidderEntersInTheBrowserAndRevealsAfterAReloadFromWhatItKeptThenSeesTheDraw() throws Exception {
        long id = LotterySales.listingInBidding(clock, listings, Map.of());
        String listingNo = SealedSales.listingNo(id);
        Bidder cap = SealedSales.qualifiedBidder(data, clock, id);
        Bidder b = SealedSales.qualifiedBidder(data, clock, id);
        LotterySales.reachCap(cap, id);
        String contribution;
        try (Browser browser = Browsers.open().at(server)) {
            browser.trapPageErrors();
            // The room sends a bidder to the lottery page.
            browser.signIn(b.code(), "/listings/" + id);
            browser.get("/listings/" + id + "/room");
            browser.waitFor("sent on to the lottery page", d -> d.getCurrentUrl().endsWith(page(id)));
            browser.waitFor("the entry form shown by its script", d -> browser.find("#enter-form").isDisplayed());
            assertFalse(browser.find("#lottery-needs-js").isDisplayed(), "the no-script notice is gone");
            assertEquals(List.of(), browser.seriousAccessibilityViolations(), "zh, entry form");
            browser.find("#enter-button").click();
            browser.waitFor("the entry", d -> !browser.all("#mine-commitment").isEmpty());
            browser.assertNoPageErrors();

            // The server holds the commitment the browser computed, and no contribution.
            String served = LotterySales.round(b, id).getString("entrants.find { it.mine }.commitment");
            Map<String, Object> record = kept(browser, listingNo, b.bidderNo());
            contribution = (String) record.get("contribution");
            assertTrue(LotteryCommitment.isHex64(contribution), contribution);
            assertEquals(served, record.get("commitment"));
            assertEquals(served, LotteryCommitment.of(listingNo, b.bidderNo(), contribution),
                    "the browser hashed exactly the string LotteryCommitment hashes");
            assertEquals(null, (Object) LotterySales.round(b, id).get("entrants.find { it.mine }.contribution"));

            // A reload: the page finds what this browser kept and offers it as a backup file.
            browser.get(page(id));
            browser.waitFor("what the browser kept", d -> browser.find("#lottery-kept-yes").isDisplayed());
            assertTrue(browser.find("#lottery-backup").isDisplayed());
            assertEquals("lottery-contribution-" + listingNo + "-" + b.bidderNo() + ".json",
                    browser.find("#lottery-backup").getAttribute("download"));
            assertTrue(browser.find("#lottery-backup").getAttribute("href").contains(contribution),
                    "the backup file holds the contribution");
            assertEquals(List.of(), browser.seriousAccessibilityViolations(), "zh, entered");
            browser.assertNoPageErrors();

            // The reveal window: the form is filled from what the browser kept; the server accepts it.
            LotterySales.toRevealWindow(clock, id);
            browser.get(page(id));
            browser.waitFor("filled from the browser", d -> !browser.find("#reveal-filled").getText().isEmpty());
            assertEquals(contribution, browser.find("#reveal-contribution").getAttribute("value"));
            assertEquals("已用本浏览器保存的随机数填好。", browser.text("#reveal-filled"));
            assertEquals(List.of(), browser.seriousAccessibilityViolations(), "zh, reveal form");
            browser.find("#reveal-button").click();
            browser.waitFor("the revealed contribution", d -> !browser.all("#mine-contribution").isEmpty());
            assertEquals(contribution, LotterySales.round(b, id).getString("entrants.find { it.mine }.contribution"));
            browser.assertNoPageErrors();
        }

        // The draw, read in English at phone width.
        LotterySales.pastRevealDeadline(clock, id);
        drawer.drawDue();
        String winner = LotterySales.round(b, id).getString("winnerBidderNo");
        try (Browser browser = Browsers.open(375, 800).at(server)) {
            browser.signIn(b.code(), page(id));
            browser.get("/lang/en?back=" + Links.encode(page(id)));
            browser.waitFor("the draw", d -> !browser.all("#lottery-seed").isEmpty());
            assertEquals(winner, browser.text("#lottery-winner"));
            assertTrue(browser.text("#lottery-entrants").contains("Winner"), browser.text("#lottery-entrants"));
            assertEquals(List.of(), browser.seriousAccessibilityViolations(), "en, drawn, 375 px");
            assertFalse(browser.scrollsSideways(), () -> "scrolls sideways: " + browser.overflowing());
            browser.get("/listings/" + id);
            assertEquals(List.of(), browser.seriousAccessibilityViolations(), "en, lot page of a lottery listing, 375 px");
            assertFalse(browser.scrollsSideways(), () -> "scrolls sideways: " + browser.overflowing());
        }
    }
}
