package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.LotteryCommitment;
import cn.landmarket.auction.LotteryDrawer;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.LotterySales;
import cn.landmarket.testing.SealedSales;
import cn.landmarket.testing.SealedSales.Bidder;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The lottery pages as HTML (README, "Lottery at the cap"): the action at the cap and the runner-up
 * award shown to everyone on the lot page, the room of a listing in its lottery round sending readers
 * to the lottery page, the entry form that sends only a commitment, the reveal form the server checks,
 * and the draw's seed, winner and rule afterwards.
 */
@QuarkusTest
@StandardMarket
class LotteryPageTest {

    private static final String CSRF = "LotteryPageTestFormToken-0123456789abcdefgh";

    @Inject
    TestClock clock;

    @Inject
    TestData data;

    @Inject
    ListingService listings;

    @Inject
    LotteryDrawer drawer;

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

    private static String page(long id) {
        return "/listings/" + id + "/lottery";
    }

    @Test
    void everyoneSeesTheActionAtTheCapAndTheRunnerUpAwardAndTheRoomInTheRoundIsTheLotteryPage() {
        long id = LotterySales.listingInBidding(clock, listings, Map.of("runnerUpAward", true));
        given().when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("限价摇号（报名 30 分钟，公开随机数 30 分钟）"),
                        containsString("竞得人违约时，由出价次高的合格竞买人按其本人最后有效出价候补竞得"),
                        containsString("报价达到最高限价 ¥30,000,000.00 时竞价停止，转入限价摇号"),
                        not(containsString("href=\"/listings/" + id + "/lottery\"")));
        given().header("Accept-Language", "en").when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("Lottery at the cap (30 minutes to enter, 30 minutes to reveal)"),
                        containsString("If the winner defaults, the next-highest eligible bidder may buy"));
        // Before any bid reaches the cap there is no round: the lottery page is the room.
        given().redirects().follow(false).when().get(page(id)).then().statusCode(303)
                .header("Location", endsWith("/listings/" + id + "/room"));
        given().redirects().follow(false).when().get("/listings/" + id + "/room").then().statusCode(200)
                .body(containsString("id=\"room-lottery\" class=\"room-lottery\" hidden"));

        Bidder a = SealedSales.qualifiedBidder(data, clock, id);
        LotterySales.reachCap(a, id);
        given().redirects().follow(false).when().get("/listings/" + id + "/room").then().statusCode(303)
                .header("Location", endsWith(page(id)));
        String deadline = SealedSales.view(id).getString("lotteryEntryDeadline");
        given().when().get("/listings/" + id).then().statusCode(200)
                .body(containsString("href=\"/listings/" + id + "/lottery\""), containsString("摇号报名截止"),
                        containsString("datetime=\"" + deadline.substring(0, 16)));
        given().when().get(page(id)).then().statusCode(200)
                .body(containsString("报名期：出价已达到最高限价，竞价停止"), containsString("¥30,000,000.00"),
                        containsString("datetime=\"" + deadline.substring(0, 16)), containsString("登录后可以报名摇号"),
                        containsString("lm-lottery-seed-v1"), not(containsString("id=\"enter-form\"")),
                        not(containsString("id=\"lottery-entrants\"")));
        given().header("Accept-Language", "en").when().get(page(id)).then().statusCode(200)
                .body(containsString("Entry window: a bid reached the price cap"),
                        containsString("modulo the number of entrants"));
        given().when().get("/listings/999999999/lottery").then().statusCode(404);

        // A listing whose sale ends at the cap says so and has no lottery page.
        long plain = cn.landmarket.testing.Auctions.listingInBidding(clock, listings, Map.of());
        given().when().get("/listings/" + plain).then().statusCode(200)
                .body(containsString("交易结束，达到最高限价的出价竞得"), containsString("不设候补，竞得人违约时标的释放"));
        given().redirects().follow(false).when().get(page(plain)).then().statusCode(303)
                .header("Location", endsWith("/listings/" + plain + "/room"));
    }

    @Test
    void aBidderEntersWithOnlyACommitmentRevealsThroughTheServersCheckAndSeesTheDraw() {
        long id = LotterySales.listingInBidding(clock, listings, Map.of());
        String listingNo = SealedSales.listingNo(id);
        Bidder a = SealedSales.qualifiedBidder(data, clock, id);
        Bidder b = SealedSales.qualifiedBidder(data, clock, id);
        Bidder c = SealedSales.qualifiedBidder(data, clock, id);
        LotterySales.reachCap(a, id);

        // The cap's bidder is in already and may still add a contribution.
        as(a).when().get(page(id)).then().statusCode(200)
                .body(containsString("id=\"lottery-cap-bidder\""), containsString("id=\"enter-form\""));

        // The entry form: its script computes the commitment; nothing but the commitment is posted.
        String html = as(b).when().get(page(id)).then().statusCode(200)
                .body(containsString("id=\"enter-form\""), containsString("data-listing-no=\"" + listingNo + "\""),
                        containsString("data-bidder-no=\"" + b.bidderNo() + "\""), containsString("报名摇号需要在浏览器中启用 JavaScript"),
                        containsString("src=\"/assets/lottery.js\""), containsString("id=\"lottery-entrants\""),
                        not(containsString("name=\"contribution\"")))
                .extract().asString();
        String keyB = key(html);
        String contributionB = SealedSales.salt();
        String commitB = LotteryCommitment.of(listingNo, b.bidderNo(), contributionB);

        as(b).formParam("csrf", CSRF).formParam("commitment", "not-hex").formParam("idempotencyKey", keyB).when()
                .post(page(id) + "/enter").then().statusCode(400)
                .body(containsString("id=\"lottery-refused\""), containsString("64"));
        as(b).formParam("commitment", commitB).formParam("idempotencyKey", keyB).when().post(page(id) + "/enter")
                .then().statusCode(403);
        assertEquals(1, LotterySales.round(b, id).getList("entrants").size(), "refused posts enter nobody");

        as(b).formParam("csrf", CSRF).formParam("commitment", commitB).formParam("idempotencyKey", keyB).when()
                .post(page(id) + "/enter").then().statusCode(303).header("Location", endsWith(page(id) + "#mine"));
        as(b).formParam("csrf", CSRF).formParam("commitment", commitB).formParam("idempotencyKey", keyB).when()
                .post(page(id) + "/enter").then().statusCode(303);
        as(b).formParam("csrf", CSRF).formParam("commitment", LotteryCommitment.of(listingNo, b.bidderNo(),
                SealedSales.salt())).formParam("idempotencyKey", "another-" + keyB).when().post(page(id) + "/enter")
                .then().statusCode(409).body(containsString("id=\"lottery-refused\""));
        JsonPath round = LotterySales.round(b, id);
        assertEquals(2, round.getList("entrants").size(), "one entry, whatever was posted again");
        assertEquals(commitB, round.getString("entrants.find { it.mine }.commitment"));
        as(b).when().get(page(id)).then().statusCode(200)
                .body(containsString("id=\"mine-commitment\" class=\"hash\">" + commitB),
                        not(containsString("id=\"enter-form\"")), containsString("data-commitment=\"" + commitB + "\""),
                        containsString("id=\"lottery-kept\""), containsString("<tr data-bidder=\"" + b.bidderNo() + "\" class=\"mine\">"));
        String contributionC = SealedSales.salt();
        LotterySales.enter(c, id, LotteryCommitment.of(listingNo, c.bidderNo(), contributionC), "c").then()
                .statusCode(201);

        // An enterprise that did not register is told so and cannot enter.
        String outsider = data.enterprise("P" + java.util.concurrent.ThreadLocalRandom.current()
                .nextInt(10_000_000, 99_999_999), cn.landmarket.party.EnterpriseStatus.VERIFIED);
        Bidder stranger = new Bidder(outsider, "", 0, "");
        as(stranger).when().get(page(id)).then().statusCode(200)
                .body(containsString("贵单位未报名本宗交易"), not(containsString("id=\"enter-form\"")));
        as(stranger).formParam("csrf", CSRF).formParam("commitment", commitB).formParam("idempotencyKey", "x").when()
                .post(page(id) + "/enter").then().statusCode(403);

        // The reveal window: the form takes the contribution; the server checks it opens the commitment.
        LotterySales.toRevealWindow(clock, id);
        as(b).when().get(page(id)).then().statusCode(200)
                .body(containsString("公开期：报名已截止"), containsString("id=\"reveal-form\""),
                        containsString("name=\"contribution\""));
        String wrong = SealedSales.salt();
        as(b).formParam("csrf", CSRF).formParam("contribution", wrong).when().post(page(id) + "/reveal").then()
                .statusCode(422).body(containsString("id=\"lottery-refused\""), containsString("value=\"" + wrong + "\""));
        as(b).formParam("csrf", CSRF).formParam("contribution", "xyz").when().post(page(id) + "/reveal").then()
                .statusCode(400);
        assertNull(LotterySales.round(b, id).get("entrants.find { it.mine }.contribution"), "nothing stored");
        as(b).formParam("csrf", CSRF).formParam("contribution", contributionB).when().post(page(id) + "/reveal")
                .then().statusCode(303);
        assertEquals(contributionB, LotterySales.round(b, id).getString("entrants.find { it.mine }.contribution"));
        as(b).when().get(page(id)).then().statusCode(200)
                .body(containsString("id=\"mine-contribution\" class=\"hash\">" + contributionB),
                        not(containsString("id=\"reveal-form\"")));
        as(a).when().get(page(id)).then().statusCode(200).body(not(containsString("id=\"reveal-form\"")),
                containsString("id=\"lottery-cap-bidder\""));

        // The draw: the seed, the winner and its index, as the API publishes them; C never revealed and is still in.
        LotterySales.pastRevealDeadline(clock, id);
        drawer.drawDue();
        JsonPath drawn = LotterySales.round(b, id);
        assertEquals(true, drawn.getBoolean("drawn"));
        String winner = drawn.getString("winnerBidderNo");
        String body = as(c).when().get(page(id)).then().statusCode(200)
                .body(containsString("已摇号，中签者以最高限价竞得"),
                        containsString("id=\"lottery-winner\" class=\"bidder-no\">" + winner),
                        containsString("id=\"lottery-seed\" class=\"hash\">" + drawn.getString("seed")),
                        containsString("id=\"lottery-winner-index\">" + drawn.getInt("winnerIndex")),
                        containsString("id=\"lottery-entrant-count\">3"),
                        containsString("id=\"platform-contribution\" class=\"hash\">" + drawn.getString("platformContribution")),
                        containsString("未公开"))
                .extract().asString();
        assertEquals(winner.equals(c.bidderNo()), body.contains("id=\"lottery-won\""), "the winner is told it won");
        given().redirects().follow(false).when().get("/listings/" + id + "/room").then().statusCode(200);
    }
}
