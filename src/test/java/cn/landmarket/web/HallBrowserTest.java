package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The public pages in a real Chromium: both languages, accessibility, phone width, no script errors. */
@QuarkusTest
@StandardMarket
class HallBrowserTest {

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    private long announced(String title) {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        body.put("title", title);
        return Fixtures.announced(TestData.TOWNSHIP_A, body, clock);
    }

    @Test
    void theAnnouncementsReadInChineseThenInEnglishAfterTheSwitchAndPassAxe() {
        long id = announced("浏览器测试地块");
        try (Browser browser = Browsers.open().at(server)) {
            browser.get("/");
            assertEquals("zh-CN", browser.find("html").getAttribute("lang"));
            assertTrue(browser.text("h1").contains("交易公告"));
            assertTrue(browser.text("li[data-listing-id='" + id + "']").contains("浏览器测试地块"));
            assertEquals(List.of(), browser.seriousAccessibilityViolations());

            browser.find("a.lang").click();
            browser.waitFor(d -> "en".equals(browser.find("html").getAttribute("lang")));
            assertTrue(browser.text("h1").contains("Announcements"));
            assertTrue(browser.text("li[data-listing-id='" + id + "']").contains("Announced"));
            assertEquals(List.of(), browser.seriousAccessibilityViolations());
        }
    }

    @Test
    void atPhoneWidthNothingScrollsSideways() {
        announced("手机宽度测试地块，标题比较长以便检查换行是否正确处理");
        try (Browser browser = Browsers.open(375, 800).at(server)) {
            browser.get("/");
            assertFalse(browser.scrollsSideways(), () -> "the announcements scroll sideways at 375 px: " + browser.overflowing());
        }
    }

    @Test
    void signingInAsAnEnterpriseShowsItAndSigningOutForgetsIt() {
        String enterprise = data.enterprise("PAGE00001", cn.landmarket.party.EnterpriseStatus.VERIFIED);
        try (Browser browser = Browsers.open().at(server)) {
            browser.get("/signin?back=/");
            browser.find("button[data-org='" + enterprise + "']").click();
            browser.waitFor(d -> browser.all(".who .org").size() == 1);
            assertEquals(enterprise, browser.find(".who .org").getAttribute("title"));
            assertTrue(browser.driver().manage().getCookieNamed(SessionCookie.NAME).isHttpOnly());
            browser.find(".who button.link").click();
            browser.waitFor(d -> browser.all(".who .org").isEmpty());
        }
    }
}
