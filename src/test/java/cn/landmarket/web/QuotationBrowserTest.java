package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.auction.QuotationOpener;
import cn.landmarket.auction.SealedCommitment;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.SealedSales;
import cn.landmarket.testing.SealedSales.Bidder;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Sealed quotations in a real Chromium (README, "Sealed one-time quotation"): the page hashes the
 * amount with a fresh salt exactly as auction/SealedCommitment does, keeps both in the browser and
 * posts only the commitment; after a reload it offers the backup file; in the reveal window one
 * bidder reveals from what the browser kept, another from its backup file (and a file of another
 * quotation is refused); accessible in both languages and at phone width.
 */
@QuarkusTest
@StandardMarket
class QuotationBrowserTest {

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
    QuotationOpener opener;

    @AfterEach
    void resetClock() {
        clock.reset();
    }




    private static String page(long id) {
        return "/listings/" + id + "/quotation";
    }

    /** Quotes through the page: types the amount and submits; returns when the page shows the commitment. */
    private static void quote(Browser b, long id, String typed) {
        b.get(page(id));
        b.waitFor("the commit form shown by its script", d -> b.find("#commit-form").isDisplayed());
        assertFalse(b.find("#sealed-needs-js").isDisplayed(), "the no-script notice is gone");
        b.find("#sealed-amount").sendKeys(typed);
        b.find("#commit-button").click();
        b.waitFor("the committed quotation", d -> !b.all("#mine-commitment").isEmpty());
    }

    /** What the browser keeps for the bidder's quotations on this listing, by storage key. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> kept(Browser b, String listingNo, String bidderNo) throws Exception {
        Object raw = b.script("var prefix = 'lm-sealed-v1:' + arguments[0] + ':' + arguments[1] + ':'; var out = {};"
                + " for (var i = 0; i < localStorage.length; i++) { var k = localStorage.key(i);"
                + "   if (k.indexOf(prefix) === 0) { out[k] = localStorage.getItem(k); } }"
                + " return JSON.stringify(out);", listingNo, bidderNo);
        Map<String, String> byKey = JSON.readValue((String) raw, Map.class);
        assertEquals(1, byKey.size(), "one quotation kept: " + byKey);
        String value = byKey.values().iterator().next();
        return JSON.readValue(value, Map.class);
    }

    private static JsonPath quotations(Bidder bidder, long id) {
        return given().auth().oauth2(bidder.token()).when().get("/api/listings/" + id + "/quotations").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void aBidderCommitsInTheBrowserRevealsAfterAReloadFromWhatItKeptAnotherFromItsBackupFile() throws Exception {
        long id = SealedSales.listingInQuotation(clock, listings);
        String listingNo = SealedSales.listingNo(id);
        Bidder a = SealedSales.qualifiedBidder(data, clock, id);
        Bidder c = SealedSales.qualifiedBidder(data, clock, id);
        String backupOfC;
        String saltA;
        try (Browser b = Browsers.open().at(server)) {
            b.trapPageErrors();
            b.signIn(a.code(), page(id));
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "zh, commit form");
            quote(b, id, "23,000,000.00");
            b.assertNoPageErrors();

            // The server holds the commitment the browser computed, and no amount.
            JsonPath served = quotations(a, id);
            String commitment = served.getString("find { it.mine }.commitment");
            assertNull(served.get("find { it.mine }.amount"));
            Map<String, Object> record = kept(b, listingNo, a.bidderNo());
            saltA = (String) record.get("salt");
            assertTrue(SealedCommitment.isHex64(saltA), saltA);
            assertEquals("2300000000", record.get("amountFen"));
            assertEquals("23000000.00", record.get("amount"));
            assertEquals(commitment, record.get("commitment"));
            assertEquals(commitment, SealedCommitment.of(listingNo, a.bidderNo(), 2_300_000_000L, saltA),
                    "the browser hashed exactly the string SealedCommitment hashes");

            // A reload: the page finds what this browser kept and offers it as a backup file.
            b.get(page(id));
            b.waitFor("what the browser kept", d -> b.find("#sealed-kept-yes").isDisplayed());
            assertEquals("¥23,000,000.00", b.text("#sealed-kept-amount"));
            assertTrue(b.find("#sealed-backup").isDisplayed());
            assertEquals("sealed-quotation-" + listingNo + "-" + a.bidderNo() + ".json",
                    b.find("#sealed-backup").getAttribute("download"));
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "zh, committed");
            b.assertNoPageErrors();

            // The second bidder quotes in the same browser, takes its backup file and forgets the rest.
            b.signIn(c.code(), page(id));
            quote(b, id, "24000000");
            b.get(page(id));
            b.waitFor("the backup link", d -> b.find("#sealed-backup").isDisplayed());
            String href = b.find("#sealed-backup").getAttribute("href");
            String prefix = "data:application/json;charset=utf-8,";
            assertTrue(href.startsWith(prefix), href);
            backupOfC = java.net.URLDecoder.decode(href.substring(prefix.length()), StandardCharsets.UTF_8);
            Map<?, ?> backup = JSON.readValue(backupOfC, Map.class);
            assertEquals(quotations(c, id).getString("find { it.mine }.commitment"), backup.get("commitment"));
            assertEquals("2400000000", backup.get("amountFen"));
            b.script("var prefix = 'lm-sealed-v1:' + arguments[0] + ':' + arguments[1] + ':';"
                    + " Object.keys(localStorage).filter(function (k) { return k.indexOf(prefix) === 0; })"
                    + "   .forEach(function (k) { localStorage.removeItem(k); });", listingNo, c.bidderNo());
            b.get(page(id));
            b.waitFor("the browser no longer keeps it", d -> b.find("#sealed-kept-no").isDisplayed());
            b.assertNoPageErrors();

            // The reveal window: A's form is filled from what the browser kept; the server accepts it.
            SealedSales.toRevealWindow(clock, id);
            b.signIn(a.code(), page(id));
            b.waitFor("filled from the browser", d -> !b.find("#reveal-filled").getText().isEmpty());
            assertEquals("23000000.00", b.find("#reveal-amount").getAttribute("value"));
            assertEquals(saltA, b.find("#reveal-salt").getAttribute("value"));
            assertEquals("已用本浏览器保存的金额和随机数填好。", b.text("#reveal-filled"));
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "zh, reveal form");
            b.find("#reveal-button").click();
            b.waitFor("the revealed amount", d -> !b.all("#mine-amount").isEmpty());
            assertEquals("23000000.00", quotations(a, id).getString("find { it.mine }.amount"));

            // C reveals from its backup file; A's backup does not fit C's quotation.
            b.signIn(c.code(), page(id));
            assertEquals("", b.find("#reveal-amount").getAttribute("value"), "nothing kept, nothing filled");
            Path other = Files.createTempFile("backup-of-a", ".json");
            Files.writeString(other, JSON.writeValueAsString(Map.of("format", "lm-sealed-v1", "amount", "23000000.00",
                    "salt", saltA, "commitment", quotations(a, id).getString("find { it.mine }.commitment"))));
            b.find("#reveal-file").sendKeys(other.toString());
            b.waitFor("another quotation's file refused", d -> b.text("#reveal-filled").contains("不是本报价的"));
            assertEquals("", b.find("#reveal-amount").getAttribute("value"));
            Path file = Files.createTempFile("backup-of-c", ".json");
            Files.writeString(file, backupOfC, StandardCharsets.UTF_8);
            b.script("document.getElementById('reveal-file').value = '';");
            b.find("#reveal-file").sendKeys(file.toString());
            b.waitFor("filled from the file", d -> "24000000.00".equals(b.find("#reveal-amount").getAttribute("value")));
            assertEquals("已用备份文件填好。", b.text("#reveal-filled"));
            b.find("#reveal-button").click();
            b.waitFor("the revealed amount", d -> !b.all("#mine-amount").isEmpty());
            assertEquals("24000000.00", quotations(c, id).getString("find { it.mine }.amount"));
            b.assertNoPageErrors();
        }

        // The opening, read in English at phone width.
        SealedSales.pastRevealDeadline(clock, id);
        opener.openDue();
        try (Browser b = Browsers.open(375, 800).at(server)) {
            b.signIn(a.code(), page(id));
            b.get("/lang/en?back=" + Links.encode(page(id)));
            b.waitFor("the quotations table", d -> !b.all("#sealed-quotations").isEmpty());
            assertTrue(b.text("#sealed-quotations").contains("Winner"), b.text("#sealed-quotations"));
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "en, opened, 375 px");
            assertFalse(b.scrollsSideways(), () -> "scrolls sideways: " + b.overflowing());
            b.get("/listings/" + id);
            assertEquals(List.of(), b.seriousAccessibilityViolations(), "en, lot page of a sealed listing, 375 px");
            assertFalse(b.scrollsSideways(), () -> "scrolls sideways: " + b.overflowing());
        }
    }
}
