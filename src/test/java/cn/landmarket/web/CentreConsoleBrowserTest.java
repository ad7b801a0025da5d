package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.party.EnterpriseStatus;
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
import io.restassured.path.json.JsonPath;

/**
 * The trading centre's console in a real Chromium: a booking typed in by one operator and approved
 * by another counts (the deposit is paid); organisations imported from CSV after a dry run, the new
 * township then signing in and drafting a listing; every page in Chinese and English, accessible,
 * without missing texts, and without sideways scrolling on a phone.
 */
@QuarkusTest
@StandardMarket
class CentreConsoleBrowserTest {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @TestHTTPResource("/")
    URL server;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A verified enterprise registered for an announced listing: its registration and where it pays. */
    private record Bidder(String code, String name, long listingId, String account, String deposit) {
    }

    private Bidder bidder() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long listingId = Fixtures.announced(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
        String code = data.enterprise("CTB%06d".formatted(SERIAL.incrementAndGet() + 1000 * ThreadLocalRandom.current()
                .nextInt(1, 999)), EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).when()
                .post("/api/listings/" + listingId + "/registrations").then().statusCode(201).extract().jsonPath();
        String name = data.value(String.class, "select e.bankAccountName from Enterprise e where e.creditCode = ?1", code);
        return new Bidder(code, name, listingId, view.getString("payTo.virtualAccount"), view.getString("deposit"));
    }

    private static JsonPath mine(Bidder b) {
        return given().auth().oauth2(Tokens.enterprise(b.code())).when()
                .get("/api/listings/" + b.listingId() + "/registrations/mine").then().statusCode(200).extract()
                .jsonPath();
    }



    /** Signs in as another operator of the centre, under a name of one's choosing. */
    private static void signInOperatorNamed(Browser b, String name, String back) {
        b.get("/signin?back=" + Links.encode(back));
        b.find("input[name='subject']").sendKeys(name);
        b.find("button[data-operator-name]").click();
        b.waitFor(d -> d.getCurrentUrl().endsWith(back));
    }

    private static void type(Browser b, String css, String text) {
        var input = b.find(css);
        input.clear();
        input.sendKeys(text);
    }

    @Test
    void aBookingEnteredByOneOperatorCountsOnceAnotherApprovesIt() {
        Bidder bidder = bidder();
        String tx = "CTB-" + System.nanoTime();
        long id;
        try (Browser maker = Browsers.open().at(server); Browser checker = Browsers.open().at(server)) {
            maker.signIn("MYJYZX", "/centre/notices");
            type(maker, "#transactionId", tx);
            type(maker, "#account", bidder.account());
            type(maker, "#amount", bidder.deposit());
            type(maker, "#counterpartyName", bidder.name());
            type(maker, "#counterpartyAccount", "6228480000000000000");
            maker.find("form.ct-form button[type='submit']").click();
            maker.waitFor(d -> d.getCurrentUrl().contains("entered="));
            assertTrue(maker.text("[role='status']").contains("等待另一名操作员复核"), maker.text("main"));
            id = Long.parseLong(maker.driver().getCurrentUrl().replaceAll(".*entered=", ""));
            assertEquals("AWAITING_DEPOSIT", mine(bidder).getString("status"));

            // The maker may not approve the entry: the service's refusal is shown.
            maker.find("button[data-approve='" + id + "']").click();
            maker.waitFor(d -> !maker.all("#decision-refusal").isEmpty());
            assertTrue(maker.text("#decision-refusal").contains("须由另一名操作员复核"), maker.text("main"));
            assertEquals("AWAITING_DEPOSIT", mine(bidder).getString("status"));

            // A second operator approves it, and the deposit is paid.
            signInOperatorNamed(checker, "checker-" + SERIAL.incrementAndGet(), "/centre/notices");
            assertTrue(checker.text("main").contains(tx), checker.text("main"));
            checker.find("button[data-approve='" + id + "']").click();
            checker.waitFor(d -> d.getCurrentUrl().contains("approved=" + id));
            assertEquals("QUALIFIED", checker.find("[data-outcome]").getAttribute("data-outcome"));
            assertTrue(checker.all("button[data-approve='" + id + "']").isEmpty(), "no longer waiting");
        }
        assertEquals("QUALIFIED", mine(bidder).getString("status"));
        assertEquals(bidder.deposit(), mine(bidder).getString("depositReceived"));
    }

    @Test
    void organisationsImportedFromCsvAfterADryRunAndTheNewTownshipSignsInAndLists() throws java.io.IOException {
        String fresh = null;
        for (int i = 0; i < 1000 && fresh == null; i++) {
            String code = TestData.COUNTY + ThreadLocalRandom.current().nextInt(600, 1000);
            if (data.count("select count(t) from Township t where t.code = ?1", code) == 0) {
                fresh = code;
            }
        }
        String township = fresh;
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn("MYJYZX", "/centre/organisations");
            // The file is read into the box (a byte order mark dropped), for the dry run.
            java.nio.file.Path file = java.nio.file.Files.createTempFile("townships", ".csv");
            java.nio.file.Files.write(file, ("\uFEFF代码,名称\n" + township + ",浏览器导入镇\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            b.find("#csv-file").sendKeys(file.toAbsolutePath().toString());
            b.waitFor("the file read in", d -> b.find("#csv").getAttribute("value").contains(township));
            assertTrue(b.text("#csv-file-status").contains(file.getFileName().toString()), b.text("#csv-file-status"));
            java.nio.file.Files.delete(file);
            b.find("button[data-dry-run]").click();
            b.waitFor(d -> !b.all("table.report").isEmpty());
            assertTrue(b.text("table.report").contains("浏览器导入镇"), b.text("main"));
            assertTrue(b.text("table.report").contains("新增"), b.text("table.report"));
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "the dry run");
            assertEquals(List.of(), MissingTexts.on(b), "the dry run");
            assertEquals(0, data.count("select count(t) from Township t where t.code = ?1", township));
            b.find("button[data-apply]").click();
            b.waitFor(d -> !b.all("[data-imported]").isEmpty());
            assertTrue(b.text("[data-imported]").contains("乡镇 1 个"), b.text("main"));
            assertEquals(1, data.count("select count(t) from Township t where t.code = ?1", township));
            assertEquals(List.of(), b.script("return window.pageErrors;"), "script errors");

            // A regulator issues it a certificate; the new township is offered at sign-in, signs in, finds
            // the certificate in its console and lists part of it.
            long cert = Fixtures.issue(Fixtures.linkage(township, 100_000));
            b.get("/signin?back=" + Links.encode("/township"));
            b.find("button[data-org='" + township + "']").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/township"));
            assertEquals(township, b.find("header .who .org").getAttribute("title"), b.text("header"));
            b.find("a[href='/township/certificates/" + cert + "']").click();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/township/certificates/" + cert));
            b.find("a.action[href='/township/listings/new?certificate=" + cert + "']").click();
            b.waitFor(d -> d.getCurrentUrl().contains("/township/listings/new"));
            type(b, "#title", "浏览器导入镇增减挂钩节余指标挂牌出让");
            type(b, "#lotAreaM2", "10000");
            type(b, "#startPrice", "20000000.00");
            type(b, "#increment", "200000.00");
            type(b, "#deposit", "4000000.00");
            type(b, "#eligibleRegions", "51");
            b.find("button.save").click();
            b.waitFor("the draft saved", d -> d.getCurrentUrl().matches(".*/township/listings/\\d+$"));
            b.waitFor("the draft's page", d -> !b.all("#listing-status").isEmpty());
            assertEquals("草稿", b.text("#listing-status"), () -> b.text("main"));
            assertEquals(List.of(), b.script("return window.pageErrors;"), "script errors");
        }
        assertEquals(1, data.count("select count(l) from Listing l where l.sellerCode = ?1", township),
                "the new township's draft is saved");
    }

    @Test
    void everyPageReadsInBothLanguagesIsAccessibleAndFitsAPhone() {
        Bidder bidder = bidder();
        given().auth().oauth2(Tokens.operator()).contentType("application/json")
                .body(BankFeed.bytes(BankFeed.credit("CTB-" + System.nanoTime(), bidder.account(), bidder.deposit(),
                        bidder.name(), clock.instant().minusSeconds(60))))
                .when().post("/api/bank/notifications/manual").then().statusCode(202);
        data.enterprise("CTW%06d".formatted(ThreadLocalRandom.current().nextInt(0, 999_999)), EnterpriseStatus.PENDING);
        BankFeed.deliver(BankFeed.credit("CTB-" + System.nanoTime(), "62289999" + (200_000_000L + SERIAL.incrementAndGet()),
                "88.00", "王五", clock.instant().minusSeconds(60))).statusCode(200);

        // a booking typed in and approved, then the bank's feed with the same account and time but
        // another amount: held as a mismatch, so that page has one to show
        java.time.Instant booked = clock.instant().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long typed = given().auth().oauth2(Tokens.operator()).contentType("application/json")
                .body(BankFeed.bytes(BankFeed.credit("CTM-" + System.nanoTime(), bidder.account(), "1.00",
                        bidder.name(), booked)))
                .when().post("/api/bank/notifications/manual").then().statusCode(202).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.claims("operator", "MYJYZX").upn("operator-checker").sign()).when()
                .post("/api/bank/notifications/manual/" + typed + "/approve").then().statusCode(200);
        BankFeed.deliver(BankFeed.credit("CTM-" + System.nanoTime(), bidder.account(), "1.10", bidder.name(), booked))
                .statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("MISMATCH"));

        List<String> paths = List.of("/centre", "/centre/notices", "/centre/notices/mismatches", "/centre/organisations",
                "/centre/enterprises", "/centre/refunds", "/centre/calendar", "/centre/calendar?month=2099-03");
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn("MYJYZX", "/centre");
            for (String lang : List.of("zh-CN", "en")) {
                if (lang.equals("en")) {
                    b.get("/lang/en?back=" + Links.encode("/centre"));
                }
                for (String path : paths) {
                    b.get(path);
                    String where = lang + " " + path;
                    assertEquals(lang, b.script("return document.documentElement.lang;"), where);
                    assertTrue(b.all("main [role='alert']").isEmpty(), where + ": no refusal");
                    assertEquals(List.of(), MissingTexts.on(b), where + ": missing texts");
                    assertEquals(List.of(), b.seriousAccessibilityViolations(), where + ": accessibility");
                    assertEquals(List.of(), b.script("return window.pageErrors;"), where + ": script errors");
                }
            }
            // A refusal shown in the page is accessible too.
            b.get("/centre/notices");
            b.find("form.ct-form button[type='submit']").click();
            b.waitFor(d -> !b.all("#enter-refusal").isEmpty());
            assertEquals(List.of(), MissingTexts.on(b), "en refusal: missing texts");
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "en refusal: accessibility");
        }
        try (Browser b = Browsers.open(375, 800).at(server)) {
            b.signIn("MYJYZX", "/centre");
            for (String lang : List.of("zh", "en")) {
                b.get("/lang/" + lang + "?back=" + Links.encode("/centre"));
                for (String path : paths) {
                    b.get(path);
                    assertFalse(b.scrollsSideways(), "375 px, " + lang + " " + path + ": " + b.overflowing());
                }
            }
        }
    }

    @Test
    void theConsoleIsUsableByKeyboard() {
        try (Browser b = Browsers.open().at(server)) {
            b.signIn("MYJYZX", "/centre");
            // Tab from the top of the page reaches the console's links, each with a visible focus.
            var actions = new org.openqa.selenium.interactions.Actions(b.driver());
            boolean reached = false;
            for (int i = 0; i < 40 && !reached; i++) {
                actions.sendKeys(org.openqa.selenium.Keys.TAB).perform();
                Object href = b.script("return document.activeElement.getAttribute('href');");
                reached = "/centre/notices".equals(href);
            }
            assertTrue(reached, "the notices link is reached by Tab");
            actions.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
            b.waitFor(d -> d.getCurrentUrl().endsWith("/centre/notices"));
        }
    }
}
