package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.QuotationOpener;
import cn.landmarket.auction.SealedCommitment;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.SealedSales;
import cn.landmarket.testing.SealedSales.Bidder;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The sealed quotation pages as HTML (README, "Sealed one-time quotation"): the format and the reveal
 * deadline shown to everyone, the bidder's commit form that sends only a commitment, the reveal form
 * that the server checks, and the quotations table after the opening; never an amount before its reveal.
 */
@QuarkusTest
@StandardMarket
class QuotationPageTest {

    private static final String CSRF = "QuotationPageTestFormToken-0123456789abcdef";

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

    private static RequestSpecification as(Bidder b) {
        return given().cookie(SessionCookie.NAME, b.token()).cookie(FormToken.COOKIE, CSRF)
                .header("Accept", "text/html").redirects().follow(false);
    }

    private static String key(String html) {
        Matcher m = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the form carries an idempotency key");
        return m.group(1);
    }

    private static JsonPath quotations(Bidder b, long id) {
        return given().auth().oauth2(b.token()).when().get("/api/listings/" + id + "/quotations").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void everyoneSeesTheFormatAndRevealDeadlineAndTheRoomOfASealedListingIsItsQuotationPage() {
        long id = SealedSales.listingInQuotation(clock, listings);
        String deadline = SealedSales.view(id).getString("revealDeadline");
        given().when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("一次报价（密封报价）：报价期内每个合格竞买人只报价一次"),
                        containsString("解密截止（开标）"), containsString("datetime=\"" + deadline.substring(0, 16)),
                        containsString("href=\"/listings/" + id + "/quotation\""),
                        not(containsString("href=\"/listings/" + id + "/room\"")));
        given().header("Accept-Language", "en").when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("Sealed one-time quotation: each qualified bidder quotes once"),
                        containsString("Reveal window closes (opening)"));
        given().redirects().follow(false).when().get("/listings/" + id + "/room").then().statusCode(303)
                .header("Location", endsWith("/listings/" + id + "/quotation"));
        given().when().get("/listings/" + id + "/quotation").then().statusCode(200)
                .body(containsString("报价期"), containsString("登录后可以报价"),
                        not(containsString("id=\"commit-form\"")), not(containsString("id=\"sealed-quotations\"")));
        given().when().get("/listings/999999999/quotation").then().statusCode(404);
    }

    @Test
    void aBidderCommitsOnlyACommitmentRevealsThroughTheServersCheckAndSeesTheOpening() {
        long id = SealedSales.listingInQuotation(clock, listings);
        String listingNo = SealedSales.listingNo(id);
        Bidder a = SealedSales.qualifiedBidder(data, clock, id);
        Bidder b = SealedSales.qualifiedBidder(data, clock, id);

        // The commit form: its script computes the commitment; the amount input has no name, so it is never posted.
        String page = as(a).when().get("/listings/" + id + "/quotation").then().statusCode(200)
                .body(containsString("id=\"commit-form\""), containsString("data-listing-no=\"" + listingNo + "\""),
                        containsString("data-bidder-no=\"" + a.bidderNo() + "\""),
                        containsString("密封报价需要在浏览器中启用 JavaScript"), containsString("src=\"/assets/sealed.js\""))
                .extract().asString();
        assertTrue(page.contains("<input id=\"sealed-amount\" inputmode=\"decimal\""), "the amount input has no name");
        assertFalse(page.contains("name=\"amount\""), "nothing named amount is posted while quoting");
        String saltA = SealedSales.salt();
        String commitA = SealedCommitment.of(listingNo, a.bidderNo(), 2_300_000_000L, saltA);
        String keyA = key(page);

        as(a).formParam("csrf", CSRF).formParam("commitment", "not-hex").formParam("idempotencyKey", keyA).when()
                .post("/listings/" + id + "/quotation/commit").then().statusCode(400)
                .body(containsString("id=\"sealed-refused\""), containsString("64"));
        as(a).formParam("commitment", commitA).formParam("idempotencyKey", keyA).when()
                .post("/listings/" + id + "/quotation/commit").then().statusCode(403);
        assertEquals(0, quotations(a, id).getList("sequence").size(), "refused posts store nothing");

        as(a).formParam("csrf", CSRF).formParam("commitment", commitA).formParam("idempotencyKey", keyA).when()
                .post("/listings/" + id + "/quotation/commit").then().statusCode(303)
                .header("Location", endsWith("/listings/" + id + "/quotation#mine"));
        as(a).formParam("csrf", CSRF).formParam("commitment", commitA).formParam("idempotencyKey", keyA).when()
                .post("/listings/" + id + "/quotation/commit").then().statusCode(303);
        as(a).formParam("csrf", CSRF).formParam("commitment", SealedCommitment.of(listingNo, a.bidderNo(),
                2_500_000_000L, saltA)).formParam("idempotencyKey", "another-" + keyA).when()
                .post("/listings/" + id + "/quotation/commit").then().statusCode(409)
                .body(containsString("id=\"sealed-refused\""));
        JsonPath mine = quotations(a, id);
        assertEquals(1, mine.getList("sequence").size(), "one quotation, whatever was posted again");
        assertEquals(commitA, mine.getString("[0].commitment"));
        as(a).when().get("/listings/" + id + "/quotation").then().statusCode(200)
                .body(containsString("id=\"mine-commitment\" class=\"hash\">" + commitA), not(containsString("id=\"commit-form\"")),
                        containsString("data-commitment=\"" + commitA + "\""), containsString("id=\"sealed-kept\""),
                        not(containsString("23000000")), not(containsString("23,000,000")));
        String saltB = SealedSales.salt();
        SealedSales.commit(b, id, SealedCommitment.of(listingNo, b.bidderNo(), 2_200_000_000L, saltB), "b").then()
                .statusCode(201);

        // The reveal window: the form takes amount and salt; the server checks they open the commitment.
        SealedSales.toRevealWindow(clock, id);
        as(a).when().get("/listings/" + id + "/quotation").then().statusCode(200)
                .body(containsString("id=\"reveal-form\""), containsString("name=\"salt\""));
        as(a).formParam("csrf", CSRF).formParam("amount", "23,000,000.01").formParam("salt", saltA).when()
                .post("/listings/" + id + "/quotation/reveal").then().statusCode(422)
                .body(containsString("id=\"sealed-refused\""), containsString("value=\"23,000,000.01\""));
        as(a).formParam("csrf", CSRF).formParam("amount", "abc").formParam("salt", saltA).when()
                .post("/listings/" + id + "/quotation/reveal").then().statusCode(400);
        assertEquals(null, quotations(a, id).getString("find { it.mine }.amount"), "refused reveals store nothing");
        as(a).formParam("csrf", CSRF).formParam("amount", "¥23,000,000.00").formParam("salt", saltA).when()
                .post("/listings/" + id + "/quotation/reveal").then().statusCode(303);
        assertEquals("23000000.00", quotations(a, id).getString("find { it.mine }.amount"));
        as(a).when().get("/listings/" + id + "/quotation").then().statusCode(200)
                .body(containsString("id=\"mine-amount\" class=\"money\">¥23,000,000.00"),
                        not(containsString("id=\"reveal-form\"")));

        // After the opening: the table, by bidder number, with amounts, validity and the winner.
        SealedSales.pastRevealDeadline(clock, id);
        opener.openDue();
        String opened = as(b).when().get("/listings/" + id + "/quotation").then().statusCode(200)
                .body(containsString("id=\"sealed-quotations\""), containsString("已开标"),
                        containsString("¥23,000,000.00"), containsString("未解密，无效"), containsString(a.bidderNo()),
                        containsString(b.bidderNo()), not(containsString(a.code())))
                .extract().asString();
        Matcher winner = Pattern.compile("<tr data-seq=\"1\">.*?</tr>", Pattern.DOTALL).matcher(opened);
        assertTrue(winner.find(), opened);
        assertTrue(winner.group().contains("<strong>竞得</strong>"), winner.group());
        given().cookie(SessionCookie.NAME, Tokens.township(TestData.TOWNSHIP_A)).when()
                .get("/listings/" + id + "/quotation").then().statusCode(200)
                .body(containsString("id=\"sealed-quotations\""), containsString("只有企业可以报价"));
    }
}
