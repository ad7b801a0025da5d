package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.CreditCode;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
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

/**
 * The enterprise's own pages in a real Chromium: the credit code explained as it is typed and the
 * organisation registering itself; the copy buttons of the deposit instructions, reached by the
 * keyboard; and every page (overview, organisation, registration in each of its states, trades, one
 * trade, refunds) with all its texts in Chinese and in English, accessible, and without sideways
 * scrolling on a phone.
 */
@QuarkusTest
@StandardMarket
class EnterprisePagesBrowserTest {

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

    private static String serial() {
        return "K" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }



    private static String hint(Browser b) {
        return b.find("#creditCode-hint").getAttribute("data-problem");
    }

    private static void type(Browser b, String text) {
        WebElement input = b.find("#creditCode");
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    private long announced() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        return Fixtures.announced(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
    }

    /** Registers the enterprise for the listing through the API; returns the virtual account to pay into. */
    private static String register(String code, long id) {
        return given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + id + "/registrations").then().statusCode(201).extract().jsonPath()
                .getString("payTo.virtualAccount");
    }

    @Test
    void theCreditCodeIsExplainedAsItIsTypedAndTheOrganisationRegistersItself() {
        String serial = serial();
        String code = CreditCode.complete("91510703" + serial);
        char wrong = code.charAt(17) == '0' ? '1' : '0';
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(code, "/my");
            assertTrue(b.text("main").contains("尚未在平台登记"), b.text("main"));
            b.find("main a.action[href='/my/enterprise']").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/my/enterprise"));

            // The signed-in organisation's own code is filled in and judged at once.
            assertEquals(code, b.find("#creditCode").getAttribute("value"));
            b.waitFor("the hint: none", d -> "none".equals(hint(b)));
            assertEquals("格式和校验码正确。", b.text("#creditCode-hint"));

            // A lower-case letter is named where it is, as soon as it is typed.
            type(b, code.substring(0, 8) + Character.toLowerCase(code.charAt(8)));
            b.waitFor("the hint: lower", d -> "lower".equals(hint(b)));
            assertEquals("第 9 位“" + Character.toLowerCase(code.charAt(8)) + "”是小写字母，请改为大写。",
                    b.text("#creditCode-hint"));
            assertEquals("true", b.find("#creditCode").getAttribute("aria-invalid"));

            // Half typed: how many characters so far, not yet an error.
            type(b, code.substring(0, 10));
            b.waitFor("the hint: length", d -> "length".equals(hint(b)));
            assertEquals("已输入 10 位，应为 18 位。", b.text("#creditCode-hint"));
            assertNull(b.find("#creditCode").getAttribute("aria-invalid"));

            // A wrong check digit: which one it should be, from the first 17.
            b.find("#creditCode").sendKeys(code.substring(10, 17) + wrong);
            b.waitFor("the hint: check", d -> "check".equals(hint(b)));
            assertEquals("校验码不符：按前 17 位计算，第 18 位应为“" + code.charAt(17) + "”，输入的是“" + wrong
                    + "”。请核对各位是否抄错。", b.text("#creditCode-hint"));
            assertEquals("true", b.find("#creditCode").getAttribute("aria-invalid"));
            assertEquals("polite", b.find("#creditCode-hint").getAttribute("aria-live"), "announced as it changes");
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "the form with the code explained");

            // Corrected: accepted.
            b.find("#creditCode").sendKeys(Keys.BACK_SPACE, String.valueOf(code.charAt(17)));
            b.waitFor("the hint: none", d -> "none".equals(hint(b)));
            assertEquals("格式和校验码正确。", b.text("#creditCode-hint"));
            assertNull(b.find("#creditCode").getAttribute("aria-invalid"));

            Map<String, String> fields = Map.of("name", "浏览器登记企业" + serial, "legalRepresentative", "王五",
                    "address", "绵阳市游仙区", "contactPerson", "赵六", "contactPhone", "13900000000",
                    "bankName", "中国银行绵阳分行", "bankAccountName", "浏览器登记企业" + serial,
                    "bankAccountNo", "6216600000000000");
            fields.forEach((name, value) -> b.find("#" + name).sendKeys(value));
            b.find("form.ent-form button[type='submit']").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/my"));
            String org = b.text("#h-org + dl");
            assertTrue(org.contains("浏览器登记企业" + serial) && org.contains("待核验") && org.contains(code), org);
            assertEquals(List.of(), b.script("return window.pageErrors;"), "no script error, nothing the CSP blocked");
        }
    }

    @Test
    void theDepositInstructionsHaveCopyButtonsThatTheKeyboardReaches() {
        long id = announced();
        String code = data.enterprise(serial(), EnterpriseStatus.VERIFIED);
        String account = register(code, id);
        String page = "/my/listings/" + id + "/registration";
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.cdp("Browser.grantPermissions", Map.of("permissions",
                    List.of("clipboardReadWrite", "clipboardSanitizedWrite")));
            b.signIn(code, page);
            List<String> targets = List.of("pay-name", "pay-bank", "pay-account", "pay-amount");
            List<WebElement> buttons = b.all("button[data-copy]");
            assertEquals(targets, buttons.stream().map(e -> e.getAttribute("data-copy")).toList());
            for (WebElement button : buttons) {
                String target = button.getAttribute("data-copy");
                assertTrue(button.isDisplayed(), "shown, as the clipboard is writable: " + target);
                assertEquals("复制", button.getText());
            }

            // Tab from the link before them: the four buttons, in order.
            b.script("document.querySelector('p.lead a').focus();");
            List<String> reached = new ArrayList<>();
            for (int i = 0; i < 20 && reached.size() < targets.size(); i++) {
                new Actions(b.driver()).sendKeys(Keys.TAB).perform();
                Object copy = b.script("return document.activeElement.getAttribute('data-copy');");
                if (copy != null) {
                    reached.add((String) copy);
                }
            }
            assertEquals(targets, reached, "each copy button is reached with Tab");

            // Enter on the account's button copies the account and says so.
            b.script("document.querySelector(\"button[data-copy='pay-name']\").focus();");
            new Actions(b.driver()).sendKeys(Keys.TAB).sendKeys(Keys.TAB).perform();
            assertEquals("pay-account", b.script("return document.activeElement.getAttribute('data-copy');"));
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();
            b.waitFor(d -> !b.text("#copy-status").isEmpty());
            assertEquals("已复制。", b.text("#copy-status"));
            assertEquals(account, b.script("return navigator.clipboard.readText();"));
            assertEquals(List.of(), b.script("return window.pageErrors;"), "no script error, nothing the CSP blocked");
        }
    }

    @Test
    void everyEnterprisePageHasAllItsTextsInChineseAndEnglishIsAccessibleAndFitsAPhone() {
        // A sale: the winner has a trade, the loser a deposit owed back.
        long sold = Auctions.listingInBidding(clock, listings, Map.of());
        String[] serials = {serial(), serial()};
        String[] codes = new String[2];
        for (int i = 0; i < 2; i++) {
            codes[i] = data.enterprise(serials[i], EnterpriseStatus.VERIFIED);
            BankFeed.deliver(BankFeed.credit("EPB-" + serials[i], register(codes[i], sold), "4000000.00",
                    "测试企业" + serials[i], clock.instant())).statusCode(200);
        }
        String winner = codes[0];
        String loser = codes[1];
        Auctions.bid(winner, sold, "22000000.00", "epb-" + serials[0]).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        settlement.run();
        long tradeId = given().auth().oauth2(Tokens.enterprise(winner)).when().get("/api/listings/" + sold + "/trade")
                .then().statusCode(200).extract().jsonPath().getLong("id");
        // A lot open for registration: the winner registered without paying yet, the loser not registered.
        long open = announced();
        register(winner, open);

        List<String> winnerPages = List.of("/my", "/my/enterprise", "/my/listings/" + sold + "/registration",
                "/my/listings/" + open + "/registration", "/my/trades", "/my/trades/" + tradeId, "/my/refunds");
        List<String> loserPages = List.of("/my", "/my/listings/" + open + "/registration", "/my/refunds");

        for (Map.Entry<String, List<String>> reader : Map.of(winner, winnerPages, loser, loserPages).entrySet()) {
            try (Browser b = Browsers.open().at(server)) {
                b.trapPageErrors();
                b.signIn(reader.getKey(), "/my");
                for (String lang : List.of("zh-CN", "en")) {
                    if (lang.equals("en")) {
                        b.get("/lang/en?back=" + Links.encode("/my"));
                    }
                    for (String path : reader.getValue()) {
                        b.get(path);
                        String where = lang + " " + path;
                        assertEquals(lang, b.script("return document.documentElement.lang;"), where);
                        assertTrue(b.all("main [role='alert']").isEmpty(), where + ": no refusal");
                        assertEquals(List.of(), MissingTexts.on(b), where + ": missing texts");
                        assertEquals(List.of(), b.seriousAccessibilityViolations(), where + ": accessibility");
                        assertEquals(List.of(), b.script("return window.pageErrors;"), where + ": script errors");
                    }
                }
            }
        }
        // What the pages show, so that the checks above ran on pages with content.
        try (Browser b = Browsers.open(375, 800).at(server)) {
            b.signIn(winner, "/my/trades/" + tradeId);
            assertTrue(b.text("#confirmation-text").contains("buyer=" + winner));
            b.signIn(loser, "/my/refunds");
            assertTrue(b.text("table.refunds").contains("未竞得"), b.text("main"));
            b.signIn(loser, "/my/listings/" + open + "/registration");
            assertFalse(b.all("button.register").isEmpty(), "the conditions and the button");
            b.signIn(winner, "/my/listings/" + open + "/registration");
            assertEquals("AWAITING_DEPOSIT", b.find("#deposit-status").getAttribute("data-status"));

            // At 375 px, in both languages, nothing scrolls sideways.
            for (String lang : List.of("zh", "en")) {
                for (Map.Entry<String, List<String>> reader : Map.of(winner, winnerPages, loser, loserPages)
                        .entrySet()) {
                    b.signIn(reader.getKey(), "/my");
                    b.get("/lang/" + lang + "?back=" + Links.encode("/my"));
                    for (String path : reader.getValue()) {
                        b.get(path);
                        assertFalse(b.scrollsSideways(), "375 px, " + lang + " " + path + ": " + b.overflowing());
                    }
                }
            }
        }
    }
}
