package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The lot page and the published results in a real Chromium: axe in both languages, phone width, keyboard. */
@QuarkusTest
@StandardMarket
class LotBrowserTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestClock clock;

    @Inject
    SoldLots lots;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private long farmlandLot() {
        long cert = Fixtures.issue(Fixtures.farmland(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 20_001, clock.instant());
        body.put("title", "浏览器测试补充耕地指标，标题比较长以便检查窄屏下的换行是否正确处理");
        body.put("lotPaddyAreaM2", 10_000);
        body.put("lotGrainCapacityKg", 2_000);
        return Fixtures.announced(TestData.TOWNSHIP_A, body, clock);
    }

    private long closedSale() {
        long id = lots.inBidding(Map.of("title", "浏览器测试成交公示地块，标题比较长以便检查窄屏下的换行"));
        lots.closeWithBid(id, lots.qualified(id));
        return id;
    }

    /** The links the Tab key reaches from the top of the page, in order (at most {@code presses}). */
    private static List<String> tabbedLinks(Browser b, int presses) {
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < presses; i++) {
            new Actions(b.driver()).sendKeys(Keys.TAB).perform();
            Object href = b.script("var e = document.activeElement; return e && e.getAttribute('href');");
            if (href != null) {
                reached.add(href.toString());
            }
        }
        return reached;
    }

    private static void checkBothLanguages(Browser b, String path, String h1Chinese) {
        b.get(path);
        assertEquals("zh-CN", b.find("html").getAttribute("lang"));
        assertTrue(b.text("h1").contains(h1Chinese), b.text("h1"));
        assertEquals(List.of(), b.seriousAccessibilityViolations());
        b.get("/lang/en?back=" + Links.encode(path));
        b.waitFor(d -> "en".equals(b.find("html").getAttribute("lang")));
        assertEquals(List.of(), b.seriousAccessibilityViolations());
        b.get("/lang/zh?back=" + Links.encode(path));
    }

    @Test
    void theLotPassesAxeInBothLanguagesItsLinksAreReachedByKeyboardAndNothingScrollsSidewaysOnAPhone() {
        long id = farmlandLot();
        String path = "/listings/" + id;
        try (Browser b = Browsers.open().at(server)) {
            checkBothLanguages(b, path, "浏览器测试补充耕地指标");
            b.get(path);
            List<String> reached = tabbedLinks(b, 25);
            assertTrue(reached.contains("/listings/" + id + "/room"), reached::toString);
            assertTrue(reached.stream().anyMatch(h -> h.contains("registration")), reached::toString);
            assertTrue(reached.contains("/results"), reached::toString);
        }
        try (Browser b = Browsers.open(375, 800).at(server)) {
            b.get(path);
            assertFalse(b.scrollsSideways(), () -> "the lot scrolls sideways at 375 px: " + b.overflowing());
            b.get("/lang/en?back=" + Links.encode(path));
            b.waitFor(d -> "en".equals(b.find("html").getAttribute("lang")));
            assertFalse(b.scrollsSideways(), () -> "the English lot scrolls sideways at 375 px: " + b.overflowing());
        }
    }

    @Test
    void theResultsPassAxeInBothLanguagesTheirLinksAreReachedByKeyboardAndNothingScrollsSidewaysOnAPhone() {
        long id = closedSale();
        try (Browser b = Browsers.open().at(server)) {
            checkBothLanguages(b, "/results", "成交公示");
            b.get(ResultsPageTest.resultsPageOf(id));
            assertTrue(b.all("li[data-listing-id='" + id + "']").size() == 1, "the sale is listed");
            // Tab through every focusable element: where the sale sits on its page depends on how many
            // sales other tests closed before it.
            List<String> reached = tabbedLinks(b, b.all("a[href], button, input, select, textarea").size() + 2);
            assertTrue(reached.contains("/listings/" + id), reached::toString);
            assertTrue(reached.stream().anyMatch(h -> h.startsWith("/verify?")), reached::toString);
        }
        try (Browser b = Browsers.open(375, 800).at(server)) {
            b.get("/results");
            assertFalse(b.scrollsSideways(), () -> "the results scroll sideways at 375 px: " + b.overflowing());
            b.get("/lang/en?back=/results");
            b.waitFor(d -> "en".equals(b.find("html").getAttribute("lang")));
            assertFalse(b.scrollsSideways(), () -> "the English results scroll sideways at 375 px: " + b.overflowing());
        }
    }
}
