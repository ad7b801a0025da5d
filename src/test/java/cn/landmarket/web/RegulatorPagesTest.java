package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The regulator's console as HTML: the review queue and the live listings of its jurisdiction with
 * each decision the API offers, refused as the API refuses (outside the jurisdiction, without a
 * reason, without the form token); a listing's dossier by bidder number only, and the identities
 * only after a reveal with a reason.
 */
@QuarkusTest
@StandardMarket
class RegulatorPagesTest {

    static final String CSRF = EnterprisePagesTest.CSRF;

    static final java.util.List<String> SIGNALS = OversightPages.SIGNALS;

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Inject
    ListingService listings;

    @Inject
    SoldLots sold;

    @Inject
    cn.landmarket.audit.AuditSequencer sequencer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static RequestSpecification as(String regulator) {
        return given().redirects().follow(false).cookie(SessionCookie.NAME, Tokens.regulator(regulator))
                .cookie(FormToken.COOKIE, CSRF).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    /** A listing of township A submitted for review, its announcement time already passed. */
    private long pending() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long id = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()));
        Fixtures.act(Tokens.township(TestData.TOWNSHIP_A), id, "submit", 200);
        return id;
    }

    private String status(long id) {
        return given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/api/listings/" + id)
                .then().statusCode(200).extract().jsonPath().getString("status");
    }

    @Test
    void withoutASessionTheConsoleSendsToSignInAndOtherRolesAreRefused() {
        given().redirects().follow(false).when().get("/regulator").then().statusCode(303)
                .header("Location", containsString("/signin?back=%2Fregulator"));
        given().redirects().follow(false).cookie(SessionCookie.NAME, Tokens.township(TestData.TOWNSHIP_A))
                .accept("text/html").when().get("/regulator").then().statusCode(403);
    }

    @Test
    void theQueueShowsThePendingListingsOfTheJurisdictionAndApprovalAnnouncesThem() {
        long id = pending();
        as(TestData.CITY_REGULATOR).when().get("/regulator").then().statusCode(200)
                .body(containsString("id=\"queue-" + id + "\""))
                .body(containsString("action=\"/regulator/listings/" + id + "/approve\""))
                .body(containsString("href=\"/regulator/listings/" + id + "/reject\""))
                .body(containsString("name=\"csrf\" value=\"" + CSRF + "\""))
                .body(containsString("¥22,000,000.00")).body(containsString("待审核"))
                .body(containsString("<span lang=\"zh-CN\">芦溪镇</span> <span class=\"code\">" + TestData.TOWNSHIP_A
                        + "</span>"));
        as(TestData.CITY_REGULATOR).header("Accept-Language", "en").when().get("/regulator").then().statusCode(200)
                .body(containsString("Awaiting review")).body(containsString("Approve"));
        as(TestData.FOREIGN_REGULATOR).when().get("/regulator").then().statusCode(200)
                .body(not(containsString("id=\"queue-" + id + "\"")));

        // Outside the jurisdiction: refused as the API refuses, in the reader's language, nothing done.
        as(TestData.FOREIGN_REGULATOR).formParam("csrf", CSRF).when().post("/regulator/listings/" + id + "/approve")
                .then().statusCode(403).body(containsString("不在您的管辖范围内"));
        as(TestData.FOREIGN_REGULATOR).cookie("lang", "en").formParam("csrf", CSRF)
                .when().post("/regulator/listings/" + id + "/approve")
                .then().statusCode(403).body(containsString("outside your jurisdiction"));
        // Without the form token: refused, nothing done.
        as(TestData.CITY_REGULATOR).when().post("/regulator/listings/" + id + "/approve").then().statusCode(403);
        assertEquals("PENDING_REVIEW", status(id));

        clock.advance(Duration.ofHours(2));
        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).when().post("/regulator/listings/" + id + "/approve")
                .then().statusCode(303).header("Location", containsString("/regulator?done=approved"));
        assertEquals("ANNOUNCED", status(id));
        as(TestData.CITY_REGULATOR).when().get("/regulator?done=approved").then().statusCode(200)
                .body(containsString("已通过审核")).body(not(containsString("id=\"queue-" + id + "\"")))
                .body(containsString("id=\"live-" + id + "\""));
        // Approving twice: the API's 409, shown on the console.
        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).when().post("/regulator/listings/" + id + "/approve")
                .then().statusCode(409).body(containsString("仅待审核的挂牌可批准或驳回"));
    }

    @Test
    void theReviewQueueIsPagedSoThatNoPendingListingIsOutOfReach() {
        long oldest = pending();
        for (int i = 0; i < RegulatorPages.QUEUE_PAGE; i++) {
            pending();
        }
        String first = as(TestData.CITY_REGULATOR).when().get("/regulator").then().statusCode(200).extract().asString();
        assertFalse(first.contains("id=\"queue-" + oldest + "\""), "newest first: the oldest is past the first page");
        assertTrue(first.contains("href=\"/regulator?queue=1\""), "the first page links to the next");
        assertEquals(RegulatorPages.QUEUE_PAGE, first.split("<li class=\"listing\" id=\"queue-", -1).length - 1);
        // Following the pager reaches it; each page links back.
        String next = "/regulator?queue=1";
        boolean found = false;
        for (int page = 1; next != null && !found; page++) {
            String html = as(TestData.CITY_REGULATOR).when().get(next).then().statusCode(200).extract().asString();
            assertTrue(html.contains("href=\"/regulator?queue=" + (page - 1) + "\""), "page " + page + " links back");
            found = html.contains("id=\"queue-" + oldest + "\"");
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("href=\"(/regulator\\?queue=" + (page + 1) + ")\"")
                    .matcher(html);
            next = m.find() ? m.group(1) : null;
        }
        assertTrue(found, "the oldest pending listing is on a later page");
        // A page number that is not one reads as the first page.
        as(TestData.CITY_REGULATOR).when().get("/regulator?queue=abc").then().statusCode(200)
                .body(containsString("href=\"/regulator?queue=1\""));
    }

    @Test
    void aRejectionIsConfirmedOnItsOwnPageAndNeedsAReason() {
        long id = pending();
        as(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + id + "/reject").then().statusCode(200)
                .body(containsString("action=\"/regulator/listings/" + id + "/reject\""))
                .body(containsString("name=\"reason\"")).body(containsString("确认退回"));
        as(TestData.FOREIGN_REGULATOR).accept("text/html").when().get("/regulator/listings/" + id + "/reject")
                .then().statusCode(403);

        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("reason", "   ")
                .when().post("/regulator/listings/" + id + "/reject").then().statusCode(400)
                .body(containsString("role=\"alert\"")).body(containsString("aria-invalid=\"true\""));
        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF)
                .when().post("/regulator/listings/" + id + "/reject").then().statusCode(400);
        as(TestData.CITY_REGULATOR).formParam("reason", "材料不全")
                .when().post("/regulator/listings/" + id + "/reject").then().statusCode(403);
        assertEquals("PENDING_REVIEW", status(id));

        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("reason", "材料不全")
                .when().post("/regulator/listings/" + id + "/reject").then().statusCode(303)
                .header("Location", containsString("/regulator?done=rejected"));
        assertEquals("REJECTED", status(id));
    }

    @Test
    void aLiveListingIsSuspendedResumedAndTerminatedWithReasons() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long id = Fixtures.announced(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
        as(TestData.CITY_REGULATOR).when().get("/regulator").then().statusCode(200)
                .body(containsString("id=\"live-" + id + "\""))
                .body(containsString("action=\"/regulator/listings/" + id + "/suspend\""))
                .body(containsString("href=\"/regulator/listings/" + id + "/terminate\""));

        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("reason", "")
                .when().post("/regulator/listings/" + id + "/suspend").then().statusCode(400)
                .body(containsString("role=\"alert\""));
        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("reason", "接到举报，核查中")
                .when().post("/regulator/listings/" + id + "/suspend").then().statusCode(303);
        assertEquals("SUSPENDED", status(id));
        as(TestData.CITY_REGULATOR).when().get("/regulator").then().statusCode(200)
                .body(containsString("接到举报，核查中"))
                .body(containsString("action=\"/regulator/listings/" + id + "/resume\""));
        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF)
                .when().post("/regulator/listings/" + id + "/resume").then().statusCode(303);
        assertEquals("ANNOUNCED", status(id));

        as(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + id + "/terminate").then().statusCode(200)
                .body(containsString("确认终止"));
        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("reason", " ")
                .when().post("/regulator/listings/" + id + "/terminate").then().statusCode(400);
        as(TestData.FOREIGN_REGULATOR).formParam("csrf", CSRF).formParam("reason", "越权")
                .accept("text/html").when().post("/regulator/listings/" + id + "/terminate").then().statusCode(403);
        assertEquals("ANNOUNCED", status(id));
        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("reason", "核查属实")
                .when().post("/regulator/listings/" + id + "/terminate").then().statusCode(303)
                .header("Location", containsString("/regulator?done=terminated"));
        assertEquals("TERMINATED", status(id));
    }

    @Test
    void theDossierShowsBidderNumbersOnlyAndTheIdentitiesOnlyAfterAReveal() {
        long id = Auctions.listingInBidding(clock, listings, java.util.Map.of());
        String serial = "R" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String a = Auctions.qualifiedBidder(data, id, serial);
        Auctions.bid(a, id, "20200000.00", "rg-" + serial).then().statusCode(201);
        String name = "测试企业" + serial;

        String page = as(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + id).then().statusCode(200)
                .body(containsString("¥20,200,000.00")).body(containsString("id=\"log\""))
                .body(containsString("data-checkpoint=")).body(containsString("/assets/verify.js"))
                .body(containsString("id=\"reveal-dialog\"")).body(not(containsString(a))).body(not(containsString(name)))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(page.contains(a), "no identity before a reveal");
        as(TestData.CITY_REGULATOR).header("Accept-Language", "en").when().get("/regulator/listings/" + id)
                .then().statusCode(200).body(containsString("Audit log entries")).body(not(containsString(a)));
        as(TestData.FOREIGN_REGULATOR).accept("text/html").when().get("/regulator/listings/" + id).then()
                .statusCode(403);

        // No reason: the API's 400, nothing shown.
        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("reason", " ")
                .when().post("/regulator/listings/" + id + "/identities").then().statusCode(400)
                .body(containsString("请说明查看竞买号背后身份的理由")).body(not(containsString(a)));
        as(TestData.CITY_REGULATOR).formParam("reason", "接到举报")
                .when().post("/regulator/listings/" + id + "/identities").then().statusCode(403)
                .body(not(containsString(a)));
        as(TestData.FOREIGN_REGULATOR).formParam("csrf", CSRF).formParam("reason", "接到举报").accept("text/html")
                .when().post("/regulator/listings/" + id + "/identities").then().statusCode(403)
                .body(not(containsString(a)));

        as(TestData.CITY_REGULATOR).formParam("csrf", CSRF).formParam("reason", "接到举报")
                .when().post("/regulator/listings/" + id + "/identities").then().statusCode(200)
                .body(containsString(a)).body(containsString(name))
                .body(containsString("href=\"/regulator/listings/" + id + "#log\""));
        as(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + id + "/identities").then().statusCode(200)
                .body(containsString("name=\"reason\"")).body(not(containsString(a)));
    }

    @Test
    void aDossierWithMoreBidsAndLogEntriesThanAPageHoldsIsReadPageByPage() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, java.util.Map.of("increment", "10000.00"));
        String serial = "P" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String[] bidders = {Auctions.qualifiedBidder(data, id, serial),
                Auctions.qualifiedBidder(data, id, "Q" + serial.substring(1))};
        int bids = 105;
        for (int i = 0; i < bids; i++) {
            Auctions.bid(bidders[i % 2], id, (20_200_000 + i * 10_000) + ".00", "pg-" + serial + "-" + i).then()
                    .statusCode(201);
        }
        cn.landmarket.testing.Sequencing.settle(sequencer);
        // a bid's amount as its row in the bids table shows it
        String last = "<td class=\"num\">¥" + String.format(java.util.Locale.ROOT, "%,d", 20_200_000 + (bids - 1) * 10_000)
                + ".00</td>";
        String first = "<td class=\"num\">¥20,200,000.00</td>";

        String one = as(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + id).then().statusCode(200)
                .extract().asString();
        assertTrue(one.contains(first) && !one.contains(last), "the first page: the first 100 bids");
        assertTrue(one.contains("href=\"/regulator/listings/" + id + "?bids=1&amp;log=0#h-bids\""),
                "a link to the rest of the bids");
        long logEntries = given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR))
                .when().get("/api/audit/listings/" + id + "/entries").then().statusCode(200).extract().jsonPath()
                .getLong("total");
        assertTrue(logEntries > 100, "each bid is a log entry: " + logEntries);
        assertEquals(100, count(one, "class=\"log-entry"), "one page of log entries");
        assertTrue(one.contains("href=\"/regulator/listings/" + id + "?bids=0&amp;log=1#h-log\""),
                "a link to the rest of the log");

        String two = as(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + id + "?bids=1&log=1").then()
                .statusCode(200).extract().asString();
        assertTrue(two.contains(last), "the second page of bids holds the last one");
        assertFalse(two.contains(first), "and not the first");
        assertEquals(logEntries - 100, count(two, "class=\"log-entry"), "the rest of the log");
        assertTrue(two.contains("href=\"/regulator/listings/" + id + "?bids=0&amp;log=1#h-bids\""),
                "back to the first page of bids, the log staying on its page");
        assertFalse(two.contains("?bids=2"), "no page past the last");
        as(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + id + "?bids=x&log=-1").then().statusCode(200)
                .body(containsString(first));

        // the API's CSV export of the dossier holds every bid and every log entry, not the first page
        String csv = given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).accept("text/csv")
                .when().get("/api/oversight/listings/" + id + "/dossier").then().statusCode(200).extract().asString();
        java.util.List<String> rows = java.util.List.of(csv.split("\r\n"));
        assertEquals(bids, rows.stream().filter(r -> r.startsWith("bid,")).count(), "every bid");
        assertEquals(logEntries, rows.stream().filter(r -> r.startsWith("audit,")).count(), "every log entry");
        assertEquals(logEntries, rows.stream().filter(r -> r.startsWith("audit,")).distinct().count(), "each once");
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("bid,") && r.contains(",21240000.00,")), "the last bid");
        as(TestData.FOREIGN_REGULATOR).accept("text/html").when().get("/regulator/listings/" + id + "?bids=1")
                .then().statusCode(403);
    }

    private static long count(String page, String needle) {
        return page.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
    }

    private static java.util.Map<String, String> linkageForm() {
        java.util.Map<String, String> form = new java.util.HashMap<>();
        form.put("csrf", CSRF);
        form.put("assetType", "LINKAGE_SURPLUS");
        form.put("holderTownship", TestData.TOWNSHIP_A);
        form.put("sourceProject", "页面颁证测试项目");
        form.put("areaM2", "12000");
        form.put("acceptanceDocNo", "绵自然资验〔2026〕8号");
        form.put("validUntil", java.time.LocalDate.now(Fixtures.ZONE).plusYears(1).toString());
        form.put("documents[0].kind", "ACCEPTANCE");
        form.put("documents[0].number", "绵自然资验〔2026〕8号");
        form.put("documents[0].issuedOn", "2026-01-05");
        return form;
    }

    @Test
    void aCertificateIsIssuedFromTheFormWithEachRefusalAtItsField() {
        as(TestData.CITY_REGULATOR).when().get("/regulator/certificates/new").then().statusCode(200)
                .body(containsString("for=\"f-holderTownship\"")).body(containsString("name=\"documents[0].kind\""))
                .body(containsString("name=\"planningConditions.plotRatioMin\""))
                .body(containsString("name=\"csrf\" value=\"" + CSRF + "\""));
        as(TestData.CITY_REGULATOR).header("Accept-Language", "en").when().get("/regulator/certificates/new").then()
                .statusCode(200).body(containsString("Holding township")).body(containsString("Supporting documents"));

        java.util.Map<String, String> noToken = linkageForm();
        noToken.remove("csrf");
        as(TestData.CITY_REGULATOR).formParams(noToken).when().post("/regulator/certificates/new").then().statusCode(403);

        // The request's constraints, at their fields, in the reader's language.
        java.util.Map<String, String> empty = new java.util.HashMap<>(java.util.Map.of("csrf", CSRF));
        as(TestData.CITY_REGULATOR).formParams(empty).when().post("/regulator/certificates/new").then().statusCode(400)
                .body(containsString("id=\"f-holderTownship-error\"")).body(containsString("id=\"f-assetType-error\""))
                .body(containsString("aria-invalid=\"true\""));
        java.util.Map<String, String> words = linkageForm();
        words.put("areaM2", "很多");
        as(TestData.CITY_REGULATOR).formParams(words).when().post("/regulator/certificates/new").then().statusCode(400)
                .body(containsString("请填写整数")).body(containsString("value=\"很多\""));
        as(TestData.CITY_REGULATOR).cookie("lang", "en").formParams(words).when().post("/regulator/certificates/new")
                .then().statusCode(400).body(containsString("Enter a whole number"));
        // The service's rules: a farmland field on a linkage certificate.
        java.util.Map<String, String> misplaced = linkageForm();
        misplaced.put("paddyAreaM2", "100");
        as(TestData.CITY_REGULATOR).formParams(misplaced).when().post("/regulator/certificates/new").then()
                .statusCode(400).body(containsString("id=\"f-paddyAreaM2-error\""));
        // Outside the jurisdiction: the API's 403.
        as(TestData.FOREIGN_REGULATOR).formParams(linkageForm()).when().post("/regulator/certificates/new").then()
                .statusCode(403).body(containsString("role=\"alert\""));

        String location = as(TestData.CITY_REGULATOR).formParams(linkageForm()).when()
                .post("/regulator/certificates/new").then().statusCode(303).extract().header("Location");
        org.junit.jupiter.api.Assertions.assertTrue(location.matches(".*/regulator/certificates/[0-9]+"), location);
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        String certNo = given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when()
                .get("/api/certificates/" + id).then().statusCode(200).extract().jsonPath().getString("certNo");
        as(TestData.CITY_REGULATOR).when().get("/regulator/certificates/" + id).then().statusCode(200)
                .body(containsString(certNo)).body(containsString("页面颁证测试项目")).body(containsString("12,000"));
    }

    private static String apiCsv(String path) {
        return given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).accept("text/csv").when().get(path)
                .then().statusCode(200).extract().asString();
    }

    @Test
    void theSignalsShowTheirEvidenceByBidderNumberAndExportTheApisCsv() {
        long id = Auctions.listingInBidding(clock, listings, java.util.Map.of());
        String s = "K" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String a = Auctions.qualifiedBidder(data, id, s);
        String b = Auctions.qualifiedBidder(data, id, "M" + s.substring(1));
        Auctions.bid(a, id, "20200000.00", "sg-a-" + s).then().statusCode(201);
        Auctions.bid(b, id, "20400000.00", "sg-b-" + s).then().statusCode(201);

        String page = as(TestData.CITY_REGULATOR).when().get("/regulator/signals").then().statusCode(200)
                .body(containsString("id=\"client-addresses\""))
                .body(containsString("href=\"/regulator/listings/" + id + "\""))
                .body(containsString("href=\"/regulator/signals/client-addresses.csv\""))
                .body(containsString("id=\"h-single\""))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(page.contains(a) || page.contains(b), "no identity in the signals");
        as(TestData.CITY_REGULATOR).header("Accept-Language", "en").when().get("/regulator/signals").then()
                .statusCode(200).body(containsString("Same client address")).body(containsString("Evidence"));
        as(TestData.FOREIGN_REGULATOR).when().get("/regulator/signals").then().statusCode(200)
                .body(not(containsString("href=\"/regulator/listings/" + id + "\"")));

        for (String signal : RegulatorPagesTest.SIGNALS) {
            String csv = as(TestData.CITY_REGULATOR).when().get("/regulator/signals/" + signal + ".csv").then()
                    .statusCode(200).contentType(containsString("text/csv"))
                    .header("Content-Disposition", containsString(signal + ".csv")).extract().asString();
            assertEquals(apiCsv("/api/oversight/signals/" + signal), csv, signal);
        }
        String scoped = as(TestData.CITY_REGULATOR).when()
                .get("/regulator/signals/client-addresses.csv?township=" + TestData.TOWNSHIP_A).then().statusCode(200)
                .extract().asString();
        assertEquals(apiCsv("/api/oversight/signals/client-addresses?township=" + TestData.TOWNSHIP_A), scoped);
        as(TestData.CITY_REGULATOR).accept("text/html").when().get("/regulator/signals?closedFrom=yesterday").then()
                .statusCode(400);
    }

    @Test
    void theRefundsOfTheJurisdictionAreListedByBidderNumberAndPaidOnesOnAsking() {
        long id = sold.inBidding(java.util.Map.of());
        SoldLots.Bidder winner = sold.qualified(id);
        SoldLots.Bidder loser = sold.qualified(id);
        sold.closeWithBid(id, winner);
        long refundId = given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when()
                .get("/api/oversight/listings/" + id + "/dossier").then().statusCode(200).extract().jsonPath()
                .getLong("refunds[0].id");

        String open = refundsPageWith(TestData.CITY_REGULATOR, "/regulator/refunds", refundId);
        String row = open.substring(open.indexOf("data-refund-id=\"" + refundId + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains("href=\"/regulator/listings/" + id + "\""), "the listing leads to its dossier: " + row);
        assertTrue(row.contains("¥4,000,000.00"), row);
        assertFalse(row.contains(loser.code()) || row.contains(loser.name()), "by bidder number only: " + row);
        assertTrue(open.contains("aria-current=\"page\">保证金退款"), "the console's navigation leads here");
        as(TestData.FOREIGN_REGULATOR).when().get("/regulator/refunds").then().statusCode(200)
                .body(not(containsString("data-refund-id=\"" + refundId + "\"")));
        given().redirects().follow(false).cookie(SessionCookie.NAME, Tokens.township(TestData.TOWNSHIP_A))
                .accept("text/html").when().get("/regulator/refunds").then().statusCode(403);

        // Paid: gone from the open ones, shown as paid when asked for all.
        cn.landmarket.testing.BankFeed.deliver(cn.landmarket.testing.BankFeed.debit("JRN-RG-" + refundId,
                "4000000.00", loser.name(), "6228480000000000000", "REFUND-" + refundId, clock.instant()))
                .statusCode(200);
        assertFalse(refundsPageWith(TestData.CITY_REGULATOR, "/regulator/refunds", refundId).contains(
                "data-refund-id=\"" + refundId + "\""), "a paid refund is not open");
        String all = refundsPageWith(TestData.CITY_REGULATOR, "/regulator/refunds?all=true", refundId);
        assertTrue(all.contains("data-paid-refund=\"" + refundId + "\""), "shown as paid among all");
    }

    /** The refunds page (following its pager) that lists a refund, or the last page read. */
    private String refundsPageWith(String regulator, String first, long refundId) {
        String next = first;
        String html = "";
        for (int page = 0; next != null && page < 100; page++) {
            html = as(regulator).when().get(next).then().statusCode(200).extract().asString();
            if (html.contains("data-refund-id=\"" + refundId + "\"")) {
                return html;
            }
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("rel=\"next\" href=\"([^\"]+)\"").matcher(html);
            next = m.find() ? m.group(1).replace("&amp;", "&") : null;
        }
        return html;
    }

    @Test
    void theStatisticsShowChartsATableAndTheApisCsv() {
        long id = sold.inBidding(java.util.Map.of());
        SoldLots.Bidder winner = sold.qualified(id);
        SoldLots.Bidder loser = sold.qualified(id);
        sold.closeWithBid(id, winner);

        // The sold lot's dossier: its trade, the loser's deposit refund by bidder number.
        as(TestData.CITY_REGULATOR).when().get("/regulator/listings/" + id).then().statusCode(200)
                .body(containsString("id=\"trade\"")).body(containsString(winner.code()))
                .body(containsString("id=\"refunds\"")).body(containsString("未竞得或流拍退还保证金"))
                .body(not(containsString(loser.code())));

        as(TestData.CITY_REGULATOR).when().get("/regulator/statistics").then().statusCode(200)
                .body(containsString("id=\"stats-table\"")).body(containsString("data-type=\"LINKAGE_SURPLUS\""))
                .body(containsString("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js"))
                .body(containsString("/assets/rg-stats.js")).body(containsString("id=\"chart-volume\""))
                .body(containsString("href=\"/regulator/statistics.csv\""))
                .body(containsString("<th scope=\"col\""));
        as(TestData.CITY_REGULATOR).header("Accept-Language", "en").when().get("/regulator/statistics").then()
                .statusCode(200).body(containsString("Average price (yuan per mu)"));
        as(TestData.FOREIGN_REGULATOR).when().get("/regulator/statistics").then().statusCode(200)
                .body(containsString("id=\"stats-empty\""));

        String csv = as(TestData.CITY_REGULATOR).when().get("/regulator/statistics.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(apiCsv("/api/oversight/statistics"), csv);
        String byCity = as(TestData.CITY_REGULATOR).when().get("/regulator/statistics.csv?regionDigits=4").then()
                .statusCode(200).extract().asString();
        assertEquals(apiCsv("/api/oversight/statistics?regionDigits=4"), byCity);
        as(TestData.CITY_REGULATOR).when().get("/regulator/statistics?regionDigits=4").then().statusCode(200)
                .body(containsString("href=\"/regulator/statistics.csv?regionDigits=4\""));
        as(TestData.CITY_REGULATOR).accept("text/html").when().get("/regulator/statistics?regionDigits=5").then()
                .statusCode(400);
    }
}
