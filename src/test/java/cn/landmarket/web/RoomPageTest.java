package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;

/** The bidding room as HTML: what everyone sees (never the reserve, never who bids), and bidding through the form. */
@QuarkusTest
@StandardMarket
class RoomPageTest {

    /** A form token as the reader's cookie and its forms carry it. */
    private static final String CSRF = "RoomPageTestFormToken-0123456789abcdefghijk";

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Inject
    ListingService listings;

    private static int serial;

    private String bidder(long id) {
        return Auctions.qualifiedBidder(data, id, "RPT%06d".formatted((int) (id % 10_000) * 100 + ++serial));
    }

    private static String bidderNo(String enterprise, long id) {
        return given().auth().oauth2(Tokens.enterprise(enterprise)).when()
                .get("/api/listings/" + id + "/registrations/mine").then().statusCode(200).extract().path("bidderNo");
    }

    private static RequestSpecification as(String enterprise) {
        return given().cookie(SessionCookie.NAME, Tokens.enterprise(enterprise)).cookie(FormToken.COOKIE, CSRF)
                .header("Accept", "text/html").redirects().follow(false);
    }

    private static long bidCount(long id) {
        return given().when().get("/api/public/listings/" + id + "/bids").then().statusCode(200).extract().jsonPath()
                .getLong("total");
    }

    private static String key(String html) {
        Matcher m = Pattern.compile("name=\"idempotencyKey\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), "the form carries an idempotency key");
        return m.group(1);
    }

    @Test
    void everyoneSeesThePriceTheLeadingNumberAndTheHistoryButNeitherTheReserveNorWhoBids() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String a = bidder(id);
        String b = bidder(id);
        Auctions.bid(a, id, "20000000.00", "rp-a-" + id).then().statusCode(201);
        Auctions.bid(b, id, "20200000.00", "rp-b-" + id).then().statusCode(201);
        String leader = bidderNo(b, id);
        String html = given().header("Accept", "text/html").when().get("/listings/" + id + "/room").then()
                .statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<html lang=\"zh-CN\">"))
                .body(containsString("竞价室"))
                .body(containsString("id=\"room-price\" class=\"price\">¥20,200,000.00<"))
                .body(containsString("id=\"room-leader\" class=\"bidder-no\">" + leader + "<"))
                .body(containsString("挂牌中"))
                .body(containsString("data-feed=\"/api/listings/" + id + "/live\""))
                .body(matchesPattern("(?s).*data-server-time=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[^\"]*\\+08:00\".*"))
                .body(matchesPattern("(?s).*data-deadline=\"\\d{4}-\\d\\d-\\d\\dT[^\"]+\\+08:00\".*"))
                .body(containsString("<tr data-seq=\"2\""))
                .body(containsString("<tr data-seq=\"1\""))
                .body(matchesPattern("(?s).*<td>\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d</td>.*"))
                .body(containsString("href=\"/signin?back=%2Flistings%2F" + id + "%2Froom\""))
                .body(not(containsString("bid-form")))
                .body(containsString("本标的设有保留价，成交前不公开。"))
                .extract().asString();
        for (String hidden : new String[] {"22,000,000", "22000000", a, b, "测试企业"}) {
            assertTrue(!html.contains(hidden), "the room must not show " + hidden);
        }
        given().header("Accept", "text/html").header("Accept-Language", "en").when().get("/listings/" + id + "/room")
                .then().statusCode(200).body(containsString("Bidding room")).body(containsString("Current price"))
                .body(not(containsString("22,000,000")));
    }

    @Test
    void aListingNotYetAnnouncedHasNoRoom() {
        given().header("Accept", "text/html").when().get("/listings/999999999/room").then().statusCode(404);
    }

    @Test
    void anEnterpriseThatMayNotBidIsToldWhyAndSentToTheListing() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String stranger = data.enterprise("RPN%06d".formatted(id % 1_000_000), EnterpriseStatus.VERIFIED);
        as(stranger).when().get("/listings/" + id + "/room").then().statusCode(200)
                .body(containsString("贵企业未报名本标的，不能出价。"))
                .body(containsString("href=\"/listings/" + id + "\""))
                .body(not(containsString("bid-form")));
        String waiting = data.enterprise("RPW%06d".formatted(id % 1_000_000), EnterpriseStatus.VERIFIED);
        data.execute("insert into registration (id, listing_id, enterprise_code, virtual_account, deposit_fen, "
                + "deposit_deadline, deposit_received_fen, status, registered_at) values "
                + "(nextval('registration_seq'), " + id + ", '" + waiting + "', 'W" + id + "', 400000000, now(), 0, "
                + "'AWAITING_DEPOSIT', now())");
        as(waiting).when().get("/listings/" + id + "/room").then().statusCode(200)
                .body(containsString("竞买保证金尚未到账"))
                .body(containsString("href=\"/listings/" + id + "\""))
                .body(not(containsString("bid-form")));
    }

    @Test
    void beforeTheOpeningAQualifiedBidderIsToldBiddingIsNotOpenAndItsFormWaitsInATemplate() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long id = Fixtures.announced(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
        String me = bidder(id);
        String html = as(me).when().get("/listings/" + id + "/room").then().statusCode(200)
                .body(containsString("<p id=\"bid-closed\" class=\"notice\">当前不在竞价期，不能出价。</p>"))
                .body(containsString("name=\"amount\" value=\"20000000.00\""))
                .extract().asString();
        int template = html.indexOf("<template id=\"bid-form-later\">");
        int form = html.indexOf("<form id=\"bid-form\"");
        assertTrue(template > 0, "the form comes in a template, for the page's script to show when bidding opens");
        assertTrue(form > template && form < html.indexOf("</template>", template) && form == html.lastIndexOf(
                "<form id=\"bid-form\""), "the only bid form is the template's (inert without the script)");
        given().header("Accept", "text/html").when().get("/listings/" + id + "/room").then().statusCode(200)
                .body(not(containsString("bid-form")));
    }

    @Test
    void aQualifiedBidderChecksTheAmountInCapitalsConfirmsOnceAndGetsItsReceipt() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String me = bidder(id);
        String myNo = bidderNo(me, id);
        String room = as(me).when().get("/listings/" + id + "/room").then().statusCode(200)
                .body(containsString("id=\"bid-form\""))
                .body(containsString("贵企业的竞买号：" + myNo))
                .body(containsString("name=\"amount\" value=\"20000000.00\""))
                .body(containsString("贰仟万元整"))
                .extract().asString();
        String key = key(room);
        assertTrue(key.matches("[0-9a-f-]{36}"), key);

        // Raise by one increment: the confirmation shows 20,200,000.00 in capitals; nothing is placed yet.
        String confirm = as(me).formParam("csrf", CSRF).formParam("amount", "20000000.00")
                .formParam("idempotencyKey", key).formParam("step", "raise")
                .when().post("/listings/" + id + "/room/bids").then().statusCode(200)
                .body(containsString("id=\"bid-confirm\""))
                .body(containsString("¥20,200,000.00"))
                .body(containsString("贰仟零贰拾万元整"))
                .body(containsString("name=\"idempotencyKey\" value=\"" + key + "\""))
                .extract().asString();
        assertEquals(key, key(confirm), "the confirmation keeps the attempt's key");
        assertEquals(0, bidCount(id));

        // A double submission of the confirmation places one bid; both answers lead to its receipt.
        for (int i = 0; i < 2; i++) {
            as(me).formParam("csrf", CSRF).formParam("amount", "20200000.00").formParam("idempotencyKey", key)
                    .formParam("step", "confirm").when().post("/listings/" + id + "/room/bids").then()
                    .statusCode(303).header("Location", containsString("/listings/" + id + "/room?placed=1"));
        }
        assertEquals(1, bidCount(id));
        String leaf = given().when().get("/api/public/listings/" + id + "/bids").then().extract().jsonPath()
                .getString("items[0].auditLeafHash");
        as(me).when().get("/listings/" + id + "/room?placed=1").then().statusCode(200)
                .body(containsString("id=\"receipt\""))
                .body(containsString("id=\"receipt-sequence\">1<"))
                .body(containsString("id=\"receipt-amount\">¥20,200,000.00<"))
                .body(containsString("href=\"/verify?leaf=" + leaf + "\""))
                .body(containsString("class=\"mine\""))
                .body(containsString("本企业"));
        // Somebody else's bid number shows no receipt.
        String other = bidder(id);
        as(other).when().get("/listings/" + id + "/room?placed=1").then().statusCode(200)
                .body(not(containsString("id=\"receipt\""))).body(not(containsString("class=\"mine\"")));
    }

    @Test
    void aRefusedBidSaysWhyInTheReadersLanguageWithTheApisStatusAndOffersWhatWouldBeAccepted() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String me = bidder(id);
        Auctions.bid(bidder(id), id, "20000000.00", "rp-first-" + id).then().statusCode(201);
        Response refused = as(me).formParam("csrf", CSRF).formParam("amount", "20000000.00")
                .formParam("idempotencyKey", "rp-low-" + id).formParam("step", "confirm")
                .when().post("/listings/" + id + "/room/bids");
        refused.then().statusCode(409).body(containsString("出价未被受理"))
                .body(containsString("出价须高于当前最高价至少一个加价幅度：至少 20200000.00 元。"))
                .body(containsString("name=\"amount\" value=\"20200000.00\""));
        assertTrue(!key(refused.asString()).equals("rp-low-" + id), "a new attempt gets a new key");
        as(me).header("Accept-Language", "en").formParam("csrf", CSRF).formParam("amount", "20000000.00")
                .formParam("idempotencyKey", "rp-low2-" + id).formParam("step", "confirm")
                .when().post("/listings/" + id + "/room/bids").then().statusCode(409)
                .body(containsString("A bid must beat the highest bid by at least the increment: 20200000.00 yuan or more."));
        as(me).formParam("csrf", CSRF).formParam("amount", "twenty").formParam("idempotencyKey", "rp-bad-" + id)
                .formParam("step", "review").when().post("/listings/" + id + "/room/bids").then().statusCode(400)
                .body(containsString("aria-invalid=\"true\""));
        assertEquals(1, bidCount(id));
    }

    @Test
    void aBidFormWithoutTheReadersTokenIsRefusedAndWithoutASessionGoesToSignIn() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String me = bidder(id);
        as(me).formParam("amount", "20000000.00").formParam("idempotencyKey", "rp-csrf-" + id)
                .formParam("step", "confirm").when().post("/listings/" + id + "/room/bids").then().statusCode(403);
        given().cookie(FormToken.COOKIE, CSRF).redirects().follow(false).formParam("csrf", CSRF)
                .formParam("amount", "20000000.00").formParam("idempotencyKey", "rp-anon-" + id)
                .formParam("step", "confirm").when().post("/listings/" + id + "/room/bids").then().statusCode(303)
                .header("Location", endsWith("/signin?back=%2Flistings%2F" + id + "%2Froom"));
        assertEquals(0, bidCount(id));
    }
}
