package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.devtools.NetworkInterceptor;
import org.openqa.selenium.remote.http.Contents;
import org.openqa.selenium.remote.http.Filter;
import org.openqa.selenium.remote.http.HttpResponse;

import cn.landmarket.audit.AuditSequencer;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The verification page in a real Chromium with a real bid: an honest receipt is verified (from the
 * URL, pasted, by index), and a receipt, entry, proof or checkpoint that was tampered with, in the
 * paste or on the wire (served altered through the DevTools protocol's Fetch domain), never is.
 */
@QuarkusTest
@StandardMarket
class VerifyBrowserTest {

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

    private static int serial;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A bid accepted on a listing in bidding and sequenced into a signed checkpoint: its receipt. */
    private JsonPath bidReceipt() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "CHK%06d".formatted(++serial + (int) (id % 1000) * 100));
        String receipt = Auctions.bid(bidder, id, "20000000.00", "verify-" + id).then().statusCode(201).extract()
                .asString();
        Sequencing.settle(sequencer);
        return new JsonPath(receipt);
    }

    /** Waits for the verdict and returns its outcome: verified or failed. */
    private static String outcome(Browser b) {
        return b.waitFor(d -> {
            String o = b.find("#verify-status").getAttribute("data-outcome");
            return "verified".equals(o) || "failed".equals(o) ? o : null;
        });
    }

    private static String check(Browser b, String name) {
        return b.find("li[data-check='" + name + "']").getAttribute("data-result");
    }

    private static void paste(Browser b, String text) {
        b.find("#verify-input").clear();
        b.script("arguments[0].value = arguments[1];", b.find("#verify-input"), text);
        b.find("#verify-submit").click();
    }

    /** Serves the page's reads of {@code path} altered by {@code change}, as a hostile server or proxy would. */
    /** Responses the current test's interceptor really changed. */
    private final AtomicInteger alterations = new AtomicInteger();

    private NetworkInterceptor altering(Browser b, String path, UnaryOperator<String> change) {
        alterations.set(0);
        Filter filter = next -> request -> {
            HttpResponse response = next.execute(request);
            if (!request.getUri().contains(path)) {
                return response;
            }
            String original = Contents.string(response);
            String altered = change.apply(original);
            if (!altered.equals(original)) {
                alterations.incrementAndGet();
            }
            response.removeHeader("Content-Length");
            response.setContent(Contents.utf8String(altered));
            return response;
        };
        return new NetworkInterceptor(b.driver(), filter);
    }

    /**
     * Loads {@code path} through the altering interceptor and waits for the outcome; loads it once more
     * when the interceptor saw no response to change (on a busy machine Chromium can send the first
     * request before interception is in place), and fails unless a response was really altered.
     */
    private String outcomeOfAltered(Browser b, String path) {
        b.get(path);
        String outcome = outcome(b);
        if (alterations.get() == 0) {
            b.get(path);
            outcome = outcome(b);
        }
        assertTrue(alterations.get() > 0, "a response was altered on the way");
        return outcome;
    }

    @Test
    void anHonestBidIsVerifiedFromItsLeafHashInTheUrlAndItsFactsAreShownAndTheResultPassesAxe() throws Exception {
        JsonPath receipt = bidReceipt();
        String leaf = receipt.getString("auditLeafHash");
        try (Browser b = Browsers.open().at(server)) {
            b.get("/verify?leaf=" + leaf);
            assertEquals("verified", outcome(b), () -> b.text("#verify-status"));
            assertTrue(b.text("#verify-status").startsWith("已验证"), b.text("#verify-status"));
            for (String name : List.of("entry", "inclusion", "signature")) {
                assertEquals("passed", check(b, name), name);
            }
            String shown = b.text("#verify-body");
            assertTrue(shown.contains("出价已被接受"), shown);
            assertTrue(shown.contains("bid.accepted"), shown);
            assertTrue(shown.contains("¥20,000,000.00"), shown);
            assertTrue(shown.contains(receipt.getString("bidderNo")), shown);
            assertEquals(List.of(), b.seriousAccessibilityViolations());
        }
    }

    @Test
    void aPastedReceiptIsVerifiedInEnglishAndSoIsItsEntryByIndexAndBothPassAxe() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "CHK%06d".formatted(++serial + (int) (id % 1000) * 100));
        String pasted = Auctions.bid(bidder, id, "20000000.00", "verify-" + id).then().statusCode(201).extract()
                .asString();
        Sequencing.settle(sequencer);
        JsonPath receipt = new JsonPath(pasted);
        long index = given().when().get(receipt.getString("auditProof")).then().statusCode(200).extract()
                .jsonPath().getLong("index");
        try (Browser b = Browsers.open().at(server)) {
            b.get("/lang/en?back=/verify");
            b.waitFor(d -> "en".equals(b.find("html").getAttribute("lang")));
            paste(b, pasted);
            assertEquals("verified", outcome(b), () -> b.text("#verify-status"));
            assertTrue(b.text("#verify-status").startsWith("Verified"), b.text("#verify-status"));
            assertTrue(b.text("#verify-body").contains("Bid accepted"));
            assertTrue(b.driver().getCurrentUrl().endsWith("/verify?leaf=" + receipt.getString("auditLeafHash")),
                    "the address now names what was verified");
            assertEquals(List.of(), b.seriousAccessibilityViolations());

            b.get("/verify?index=" + index);
            assertEquals("verified", outcome(b), () -> b.text("#verify-status"));
            assertTrue(b.text("#verify-body").contains(receipt.getString("bidderNo")));
            assertEquals(List.of(), b.seriousAccessibilityViolations());
        }
    }

    @Test
    void aLeafHashAlteredByOneDigitIsNotFoundAndNotVerified() throws Exception {
        String leaf = bidReceipt().getString("auditLeafHash");
        String altered = leaf.substring(0, 10) + (leaf.charAt(10) == '0' ? '1' : '0') + leaf.substring(11);
        try (Browser b = Browsers.open().at(server)) {
            b.get("/verify?leaf=" + altered);
            assertEquals("failed", outcome(b));
            assertEquals("failed", check(b, "inclusion"));
            assertTrue(b.text("#verify-status").startsWith("未通过验证"), b.text("#verify-status"));
            assertTrue(b.text("#verify-status").contains("没有这条条目"), b.text("#verify-status"));
            assertFalse(b.text("#verify-status").contains("已验证"));

            paste(b, "not a receipt");
            b.waitFor(d -> "true".equals(b.find("#verify-input").getAttribute("aria-invalid")) ? true : null);
            assertEquals("failed", outcome(b));
            assertTrue(b.text("#verify-status").contains("无法识别输入"), b.text("#verify-status"));
        }
    }

    @Test
    void aPastedEntryWhoseContentWasAlteredButWhoseLeafHashWasKeptIsNotVerified() throws Exception {
        JsonPath receipt = bidReceipt();
        String served = given().when().get(receipt.getString("auditProof")).then().statusCode(200).extract()
                .asString();
        JsonPath proof = new JsonPath(served);
        String entry = new String(Base64.getDecoder().decode(proof.getString("entry")), StandardCharsets.UTF_8);
        String cheaper = entry.replace("\"amountFen\":2000000000", "\"amountFen\":1000000000");
        assertNotEquals(entry, cheaper);
        String tampered = served.replace(proof.getString("entry"),
                Base64.getEncoder().encodeToString(cheaper.getBytes(StandardCharsets.UTF_8)));
        try (Browser b = Browsers.open().at(server)) {
            b.get("/verify");
            paste(b, served);
            assertEquals("verified", outcome(b), "the entry as served, pasted, verifies");

            paste(b, tampered);
            b.waitFor(d -> b.find("#verify-body").getText().contains("¥10,000,000.00") ? true : null);
            assertEquals("failed", outcome(b));
            assertEquals("failed", check(b, "entry"));
            assertTrue(b.text("#verify-status").contains("条目内容与叶哈希不符"), b.text("#verify-status"));
        }
    }

    @Test
    void anEntryAlteredOnTheWayIsNotVerified() throws Exception {
        String leaf = bidReceipt().getString("auditLeafHash");
        try (Browser b = Browsers.open().at(server);
                NetworkInterceptor lying = altering(b, "/api/audit/proof-by-hash", body -> {
                    JsonPath p = new JsonPath(body);
                    String entry = new String(Base64.getDecoder().decode(p.getString("entry")), StandardCharsets.UTF_8);
                    String altered = entry.replace("\"amountFen\":2000000000", "\"amountFen\":1000000000");
                    return body.replace(p.getString("entry"),
                            Base64.getEncoder().encodeToString(altered.getBytes(StandardCharsets.UTF_8)));
                })) {
            assertEquals("failed", outcomeOfAltered(b, "/verify?leaf=" + leaf), () -> b.text("#verify-status"));
            assertEquals("failed", check(b, "entry"));
            assertEquals("failed", check(b, "inclusion"), "the altered entry's leaf is not in the signed tree");
            assertEquals("passed", check(b, "signature"));
            assertTrue(b.text("#verify-body").contains("¥10,000,000.00"), "the page shows what it was served");
        }
    }

    @Test
    void aProofAlteredOnTheWayIsNotVerified() throws Exception {
        String leaf = bidReceipt().getString("auditLeafHash");
        try (Browser b = Browsers.open().at(server);
                NetworkInterceptor lying = altering(b, "/api/audit/proof-by-hash", body -> {
                    JsonPath p = new JsonPath(body);
                    String first = p.getString("proof[0]");
                    byte[] hash = Base64.getDecoder().decode(first);
                    hash[0] ^= 1;
                    return body.replace(first, Base64.getEncoder().encodeToString(hash));
                })) {
            assertEquals("failed", outcomeOfAltered(b, "/verify?leaf=" + leaf), () -> b.text("#verify-status"));
            assertEquals("passed", check(b, "entry"));
            assertEquals("failed", check(b, "inclusion"));
            assertTrue(b.text("#verify-status").contains("包含证明不成立"), b.text("#verify-status"));
        }
    }

    @Test
    void aCheckpointWithABadSignatureIsNotVerified() throws Exception {
        String leaf = bidReceipt().getString("auditLeafHash");
        try (Browser b = Browsers.open().at(server);
                NetworkInterceptor lying = altering(b, "/api/audit/checkpoint", note -> {
                    // Flip one bit of the signature itself (after the 4-byte key id), keeping its form.
                    int start = note.lastIndexOf(' ') + 1;
                    byte[] blob = Base64.getDecoder().decode(note.substring(start).strip());
                    blob[10] ^= 1;
                    return note.substring(0, start) + Base64.getEncoder().encodeToString(blob) + "\n";
                })) {
            assertEquals("failed", outcomeOfAltered(b, "/verify?leaf=" + leaf), () -> b.text("#verify-status"));
            assertEquals("passed", check(b, "entry"));
            assertEquals("passed", check(b, "inclusion"));
            assertEquals("failed", check(b, "signature"));
            assertTrue(b.text("#verify-status").contains("检查点的签名无效"), b.text("#verify-status"));
        }
    }

    @Test
    void aCheckpointWithAnotherRootIsNotVerifiedEvenWithItsOldSignature() throws Exception {
        String leaf = bidReceipt().getString("auditLeafHash");
        try (Browser b = Browsers.open().at(server);
                NetworkInterceptor lying = altering(b, "/api/audit/checkpoint", note -> {
                    String[] lines = note.split("\n", -1);
                    byte[] root = Base64.getDecoder().decode(lines[2]);
                    root[0] ^= 1;
                    lines[2] = Base64.getEncoder().encodeToString(root);
                    return String.join("\n", lines);
                })) {
            assertEquals("failed", outcomeOfAltered(b, "/verify?leaf=" + leaf), () -> b.text("#verify-status"));
            assertEquals("failed", check(b, "inclusion"));
            assertEquals("failed", check(b, "signature"));
        }
    }

    @Test
    void atPhoneWidthTheVerifiedResultDoesNotScrollSideways() throws Exception {
        String leaf = bidReceipt().getString("auditLeafHash");
        try (Browser b = Browsers.open(375, 800).at(server)) {
            b.get("/verify?leaf=" + leaf);
            assertEquals("verified", outcome(b));
            b.script("document.querySelectorAll('#verify-body details').forEach(function (d) { d.open = true; });");
            assertFalse(b.scrollsSideways(), () -> "the verify page scrolls sideways at 375 px: " + b.overflowing());
            b.get("/lang/en?back=/verify");
            assertFalse(b.scrollsSideways(), () -> "the English form scrolls sideways at 375 px: " + b.overflowing());
        }
    }
}
