package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import cn.landmarket.listing.ListingRequest;
import cn.landmarket.listing.ListingService;
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
 * The township console in a real Chromium: a township signs in, opens a certificate, fills the
 * listing form while the dates the rules imply and the API's messages appear next to the fields,
 * saves the draft and submits it by the keyboard; the regulator approves it and it is announced in
 * the public hall. And every page of the console with all its texts in Chinese and in English,
 * accessible, and without sideways scrolling on a phone.
 */
@QuarkusTest
@StandardMarket
class TownshipConsoleBrowserTest {

    /** Chinese that is data on these pages (what the fixtures issue and list), not interface text. */
    private static final List<String> DATA = List.of("三台县芦溪镇增减挂钩拆旧复垦项目", "绵自然资验〔2025〕37号",
            "测试理由 test reason", "芦溪镇增减挂钩节余指标挂牌出让", "整体挂牌");

    private static final Pattern CJK = Pattern.compile("[\\x{3400}-\\x{9FFF}]");

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    SoldLots sold;

    @AfterEach
    void resetClock() {
        clock.reset();
    }



    /** Missing texts on the page, but for the Chinese data these pages show. */
    private static List<String> missingTexts(Browser b) {
        List<String> problems = new ArrayList<>();
        for (String p : MissingTexts.on(b)) {
            String text = p;
            for (String d : DATA) {
                text = text.replace(d, "");
            }
            if (!p.startsWith("Chinese on the English page: ") || CJK.matcher(text).find()) {
                problems.add(p);
            }
        }
        return problems;
    }

    private static void type(Browser b, String id, String text) {
        WebElement input = b.find("#" + id);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(text);
    }

    /** What the API says of a deposit of 100.00 on the fixture's terms, in Chinese. */
    private static String apiDepositMessage(long cert, OffsetDateTime now) {
        Map<String, Object> body = Fixtures.listing(cert, 10_000, now.toInstant());
        body.put("deposit", "100.00");
        return given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).header("Accept-Language", "zh-CN")
                .contentType(ContentType.JSON).body(body).when().post("/api/listings").then().statusCode(400)
                .extract().jsonPath().getString("errors.find { it.field == 'deposit' }.message");
    }

    @Test
    void aTownshipListsFromACertificateAndTheApprovedListingIsAnnouncedInTheHall() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        String expected = apiDepositMessage(cert, OffsetDateTime.now(clock));
        String title = "芦溪镇增减挂钩节余指标挂牌出让";
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(TestData.TOWNSHIP_A, "/township");
            b.find("a[href='/township/certificates/" + cert + "']").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/township/certificates/" + cert));
            assertFalse(b.all("ul.tree [aria-current='page']").isEmpty(), "the lineage, this certificate marked");
            b.find("a.action[href='/township/listings/new?certificate=" + cert + "']").click();
            b.waitFor(d -> d.getCurrentUrl().contains("/township/listings/new"));

            // The dates the rules imply are shown with the proposed schedule, and follow it as it changes.
            String end = b.find("#listingEnd").getAttribute("value");
            assertTrue(b.text("#d-registrationDeadline").contains("报名最晚于"), b.text("#d-registrationDeadline"));
            OffsetDateTime later = java.time.LocalDateTime.parse(end).plusDays(14).atZone(Fixtures.ZONE)
                    .toOffsetDateTime();
            String latest = listings.dates(new ListingRequest(null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, later, null, null, null)).latestRegistration().toString();
            b.script("var e = document.getElementById('listingEnd'); e.value = arguments[0];"
                    + " e.dispatchEvent(new Event('input', {bubbles: true}));", ListingForm.local(later));
            b.waitFor("the latest registration day for the new end",
                    d -> b.text("#d-registrationDeadline").contains(latest));

            type(b, "title", title);
            type(b, "description", "整体挂牌");
            type(b, "lotAreaM2", "10000");
            type(b, "startPrice", "20000000.00");
            type(b, "increment", "200000.00");
            type(b, "priceCap", "30000000.00");
            type(b, "reservePrice", "22000000.00");
            type(b, "eligibleRegions", "51");
            // A deposit far too low: the API's own message appears next to it while typing.
            type(b, "deposit", "100.00");
            b.waitFor("the deposit's message", d -> b.text("#m-deposit").contains(expected));
            assertTrue(b.text("#tw-summary").contains("有 1 处不符合规则"), b.text("#tw-summary"));
            assertEquals("polite", b.find("#tw-summary").getAttribute("aria-live"));
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "the form with a message");
            type(b, "deposit", "4000000.00");
            b.waitFor("the deposit accepted", d -> b.text("#m-deposit").isEmpty());
            b.waitFor("all rules met", d -> b.text("#tw-summary").contains("各项均符合规则"));

            b.find("button.save").click();
            b.waitFor(d -> d.getCurrentUrl().matches(".*/township/listings/\\d+$"));
            String url = b.driver().getCurrentUrl();
            long id = Long.parseLong(url.substring(url.lastIndexOf('/') + 1));
            assertEquals("草稿", b.text("#listing-status"));

            // Submitted by the keyboard: Tab to the button, Enter.
            b.script("document.querySelector('a.lang').focus();");
            for (int i = 0; i < 40 && !Boolean.TRUE.equals(b.script(
                    "return document.activeElement.matches('button.submit-review');")); i++) {
                new Actions(b.driver()).sendKeys(Keys.TAB).perform();
            }
            assertEquals(Boolean.TRUE, b.script("return document.activeElement.matches('button.submit-review');"));
            new Actions(b.driver()).sendKeys(Keys.ENTER).perform();
            b.waitFor("pending review", d -> "待审核".equals(b.text("#listing-status")));

            // The regulator approves; at the announcement time it is announced and the hall shows it.
            Fixtures.act(Tokens.regulator(TestData.CITY_REGULATOR), id, "approve", 200);
            clock.advance(Duration.ofDays(2));
            listings.advanceTimeline();
            b.get("/");
            assertTrue(b.text("main").contains(title), b.text("main"));
            assertFalse(b.all("main a[href*='" + id + "']").isEmpty(), "the listing in the hall");
            b.get("/township/listings/" + id);
            assertEquals("公告中", b.text("#listing-status"));
            assertEquals(List.of(), b.script("return window.pageErrors;"), "no script error, nothing the CSP blocked");
        }
    }

    @Test
    void everyPageIsCompleteAccessibleAndFitsAPhoneInBothLanguages() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long draft = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()));
        long rejected = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()));
        Fixtures.act(Tokens.township(TestData.TOWNSHIP_A), rejected, "submit", 200);
        Fixtures.act(Tokens.regulator(TestData.CITY_REGULATOR), rejected, "reject", 200);
        // A sale settled (its price split, its certificate with a child); then a lot without bids and one
        // sold, closed together (unsold; sold and awaiting the confirmation).
        long settledId = sold.inBidding(Map.of());
        SoldLots.Bidder payer = sold.qualified(settledId);
        sold.closeWithBid(settledId, payer);
        sold.settle(settledId, payer);
        var settled = given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when()
                .get("/api/listings/" + settledId + "/trade").then().statusCode(200).extract().jsonPath();
        long settledTrade = settled.getLong("id");
        long parent = settled.getLong("certificateId");
        long unsold = sold.inBidding(Map.of());
        long saleId = sold.inBidding(Map.of());
        SoldLots.Bidder bidder = sold.qualified(saleId);
        sold.closeWithBid(saleId, bidder);
        long tradeId = given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when()
                .get("/api/listings/" + saleId + "/trade").then().statusCode(200).extract().jsonPath().getLong("id");
        assertEquals("UNSOLD", given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when()
                .get("/api/listings/" + unsold).then().statusCode(200).extract().jsonPath().getString("status"));

        List<String> paths = List.of("/township", "/township/certificates/" + cert, "/township/certificates/" + parent,
                "/township/listings/new?certificate=" + cert, "/township/listings/" + draft, "/township/listings/" + draft + "/edit",
                "/township/listings/" + rejected, "/township/listings/" + unsold, "/township/listings/" + saleId,
                "/township/trades", "/township/trades/" + tradeId, "/township/trades/" + settledTrade);
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(TestData.TOWNSHIP_A, "/township");
            for (String lang : List.of("zh-CN", "en")) {
                if (lang.equals("en")) {
                    b.get("/lang/en?back=" + Links.encode("/township"));
                }
                for (String path : paths) {
                    b.get(path);
                    String where = lang + " " + path;
                    assertEquals(lang, b.script("return document.documentElement.lang;"), where);
                    assertTrue(b.all("main [role='alert']").isEmpty(), where + ": no refusal");
                    assertEquals(List.of(), missingTexts(b), where + ": missing texts");
                    assertEquals(List.of(), b.seriousAccessibilityViolations(), where + ": accessibility");
                    assertEquals(List.of(), b.script("return window.pageErrors;"), where + ": script errors");
                }
            }
        }
        try (Browser b = Browsers.open(375, 800).at(server)) {
            b.signIn(TestData.TOWNSHIP_A, "/township");
            for (String lang : List.of("zh-CN", "en")) {
                if (lang.equals("en")) {
                    b.get("/lang/en?back=" + Links.encode("/township"));
                }
                for (String path : paths) {
                    b.get(path);
                    assertFalse(b.scrollsSideways(), lang + " " + path + ": " + b.overflowing());
                }
            }
            // What the pages show, so that the checks above ran on pages with content.
            b.get("/township/listings/" + rejected);
            assertTrue(b.text("main").contains("测试理由 test reason"));
            b.get("/township/listings/" + unsold);
            assertFalse(b.all("button.relist").isEmpty(), "the relist form");
            b.get("/township/trades/" + tradeId);
            assertFalse(b.all("button.accept").isEmpty(), "the confirmation to accept");
            b.get("/township/trades/" + settledTrade);
            assertTrue(b.text("main").contains("¥18,700,000.00"), "the split: " + b.text("main"));
            b.get("/township/certificates/" + parent);
            assertEquals(1, b.all("ul.tree [aria-current='page'] + ul > li").size(), "its child in the tree");
        }
    }
}
