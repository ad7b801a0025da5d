package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.CreditCode;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.ConfirmationText;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The enterprise's own pages as HTML: its organisation, self-registration, registration for a lot
 * with the deposit's instructions and status, its trades and refunds; never another organisation's,
 * and no form without its token.
 */
@QuarkusTest
@StandardMarket
class EnterprisePagesTest {

    /** A well-formed form token, sent as both the cookie and the field. */
    static final String CSRF = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";

    @Inject
    TestData data;

    @Inject
    TestClock clock;

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

    static RequestSpecification as(String enterprise) {
        return given().redirects().follow(false).cookie(SessionCookie.NAME, Tokens.enterprise(enterprise))
                .cookie(FormToken.COOKIE, CSRF).contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    static String serial() {
        return "E" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    private long announced() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        return Fixtures.announced(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
    }

    @Test
    void withoutASessionTheEnterprisePagesSendToSignInAndOtherRolesAreRefused() {
        given().redirects().follow(false).when().get("/my").then().statusCode(303)
                .header("Location", containsString("/signin?back=%2Fmy"));
        given().redirects().follow(false).cookie(SessionCookie.NAME, Tokens.township(TestData.TOWNSHIP_A))
                .accept("text/html").when().get("/my").then().statusCode(403);
    }

    @Test
    void theOverviewShowsTheOrganisationAndItsVerificationAndLinksToItsBusiness() {
        String code = data.enterprise(serial(), EnterpriseStatus.VERIFIED);
        as(code).when().get("/my").then().statusCode(200)
                .body(containsString(code)).body(containsString("测试企业")).body(containsString("已核验"))
                .body(containsString("href=\"/my/trades\"")).body(containsString("href=\"/my/refunds\""))
                .body(containsString("还没有报名"));
        as(code).header("Accept-Language", "en").when().get("/my").then().statusCode(200)
                .body(containsString("Verified")).body(containsString("My registrations"));
    }

    @Test
    void anEnterpriseRegistersItselfWithTheCreditCodeExplainedAndTheServerRefusalsInItsLanguage() {
        String code = CreditCode.complete("91510703" + serial());
        as(code).when().get("/my").then().statusCode(200).body(containsString("尚未在平台登记"))
                .body(containsString("href=\"/my/enterprise\""));
        as(code).when().get("/my/enterprise").then().statusCode(200)
                .body(containsString("data-credit-code")).body(containsString("aria-live=\"polite\""))
                .body(containsString("/assets/ent.js")).body(containsString("value=\"" + code + "\""));

        Map<String, String> form = new java.util.HashMap<>(Map.of("csrf", CSRF, "creditCode", code,
                "name", "页面登记企业", "legalRepresentative", "王五", "contactPerson", "赵六",
                "contactPhone", "13900000000", "address", "绵阳市游仙区", "bankName", "中国银行绵阳分行",
                "bankAccountName", "页面登记企业", "bankAccountNo", "6216600000000000"));

        Map<String, String> noToken = new java.util.HashMap<>(form);
        noToken.remove("csrf");
        as(code).formParams(noToken).when().post("/my/enterprise").then().statusCode(403);

        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        Map<String, String> bad = new java.util.HashMap<>(form);
        bad.put("creditCode", wrongCheck);
        as(code).formParams(bad).when().post("/my/enterprise").then().statusCode(400)
                .body(containsString("校验码错误")).body(containsString("aria-invalid=\"true\""));

        Map<String, String> otherName = new java.util.HashMap<>(form);
        otherName.put("bankAccountName", "别人的公司");
        as(code).formParams(otherName).when().post("/my/enterprise").then().statusCode(400)
                .body(containsString("银行账户须为企业本名账户"));
        as(code).cookie("lang", "en").formParams(otherName).when().post("/my/enterprise").then().statusCode(400)
                .body(containsString("own name"));

        String other = CreditCode.complete("91510703" + serial());
        Map<String, String> notMine = new java.util.HashMap<>(form);
        notMine.put("creditCode", other);
        as(code).formParams(notMine).when().post("/my/enterprise").then().statusCode(403);

        as(code).formParams(form).when().post("/my/enterprise").then().statusCode(303)
                .header("Location", containsString("/my"));
        as(code).when().get("/my").then().statusCode(200).body(containsString("页面登记企业"))
                .body(containsString("待核验"));
        as(code).formParams(form).when().post("/my/enterprise").then().statusCode(409)
                .body(containsString("该企业已登记"));
    }

    @Test
    void registrationShowsTheConditionsFirstThenTheDepositInstructionsAndTheDepositArriving() {
        long id = announced();
        String serial = serial();
        String code = data.enterprise(serial, EnterpriseStatus.VERIFIED);
        String page = "/my/listings/" + id + "/registration";
        as(code).when().get(page).then().statusCode(200)
                .body(containsString("data-condition=\"REGION\"")).body(containsString("data-condition=\"BEFORE_DEADLINE\""))
                .body(not(containsString("class=\"unmet\""))).body(containsString("action=\"" + page + "\""));

        as(code).when().post(page).then().statusCode(403);
        as(code).formParam("csrf", CSRF).when().post(page).then().statusCode(303)
                .header("Location", containsString(page));

        String account = given().auth().oauth2(Tokens.enterprise(code)).when()
                .get("/api/listings/" + id + "/registrations/mine").then().statusCode(200).extract().jsonPath()
                .getString("payTo.virtualAccount");
        as(code).when().get(page).then().statusCode(200)
                .body(containsString(account)).body(containsString("¥4,000,000.00"))
                .body(containsString("data-copy=\"pay-account\"")).body(containsString("hx-get=\"" + page + "/deposit\""))
                .body(containsString("待缴保证金")).body(not(containsString("/room\"")));

        as(code).formParam("csrf", CSRF).when().post(page).then().statusCode(409)
                .body(containsString("已报名"));

        BankFeed.deliver(BankFeed.credit("PAGE-DEP-" + serial, account, "4000000.00", "测试企业" + serial,
                clock.instant())).statusCode(200).body("outcome", equalTo("QUALIFIED"));
        as(code).when().get(page + "/deposit").then().statusCode(200)
                .body(containsString("已取得竞买资格")).body(containsString("href=\"/listings/" + id + "/room\""))
                .body(not(containsString("hx-trigger"))).body(not(containsString("<html")));
    }

    @Test
    void anUnverifiedEnterpriseSeesWhyItCannotRegisterAndIsRefusedAsByTheApi() {
        long id = announced();
        String code = data.enterprise(serial(), EnterpriseStatus.PENDING);
        String page = "/my/listings/" + id + "/registration";
        as(code).when().get(page).then().statusCode(200)
                .body(containsString("class=\"unmet\" data-condition=\"ENTERPRISE_VERIFIED\""))
                .body(containsString("仅已核验的企业可报名")).body(not(containsString("action=\"" + page + "\"")));
        as(code).formParam("csrf", CSRF).when().post(page).then().statusCode(403).body(containsString("role=\"alert\""));
        as(code).when().get(page + "/deposit").then().statusCode(404);
    }

    @Test
    void theBuyerSeesAndAcceptsItsConfirmationAndNobodyElseSeesTheTrade() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String[] codes = new String[2];
        String[] serials = {serial(), serial()};
        for (int i = 0; i < 2; i++) {
            codes[i] = data.enterprise(serials[i], EnterpriseStatus.VERIFIED);
            JsonPath view = given().auth().oauth2(Tokens.enterprise(codes[i])).contentType(ContentType.JSON).body("{}")
                    .when().post("/api/listings/" + id + "/registrations").then().statusCode(201).extract().jsonPath();
            BankFeed.deliver(BankFeed.credit("PAGE-T-" + serials[i], view.getString("payTo.virtualAccount"),
                    "4000000.00", "测试企业" + serials[i], clock.instant())).statusCode(200);
        }
        Auctions.bid(codes[0], id, "22000000.00", "page-" + serials[0]).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        settlement.run();
        JsonPath trade = given().auth().oauth2(Tokens.enterprise(codes[0])).when().get("/api/listings/" + id + "/trade")
                .then().statusCode(200).extract().jsonPath();
        long tradeId = trade.getLong("id");
        String text = trade.getString("confirmationText");
        String path = "/my/trades/" + tradeId;

        as(codes[0]).when().get("/my/trades").then().statusCode(200).body(containsString("href=\"" + path + "\""))
                .body(containsString("¥22,000,000.00"));
        as(codes[0]).when().get(path).then().statusCode(200)
                .body(containsString("price_fen=2200000000")).body(containsString("buyer=" + codes[0]))
                .body(containsString("value=\"" + ConfirmationText.sha256(text) + "\""))
                .body(containsString(trade.getString("paymentAccount")));

        as(codes[1]).accept("text/html").when().get(path).then().statusCode(404);
        as(codes[1]).formParam("csrf", CSRF).formParam("sha256", ConfirmationText.sha256(text)).accept("text/html")
                .when().post(path + "/confirmation").then().statusCode(404);
        as(codes[1]).when().get("/my/trades").then().statusCode(200).body(not(containsString(path)));

        as(codes[0]).formParam("sha256", ConfirmationText.sha256(text)).when().post(path + "/confirmation").then()
                .statusCode(403);
        as(codes[0]).formParam("csrf", CSRF).formParam("sha256", "0".repeat(64)).when().post(path + "/confirmation")
                .then().statusCode(409).body(containsString("role=\"alert\""));
        as(codes[0]).formParam("csrf", CSRF).formParam("sha256", ConfirmationText.sha256(text))
                .when().post(path + "/confirmation").then().statusCode(303);
        given().auth().oauth2(Tokens.enterprise(codes[0])).when().get("/api/trades/" + tradeId).then().statusCode(200)
                .body("buyerConfirmedAt", notNullValue());
        as(codes[0]).when().get(path).then().statusCode(200).body(not(containsString("class=\"accept\"")));

        // The loser's deposit is owed back to it, and shows on its pages only.
        as(codes[1]).when().get("/my/refunds").then().statusCode(200).body(containsString("未竞得"))
                .body(containsString("¥4,000,000.00"));
        as(codes[0]).when().get("/my/refunds").then().statusCode(200).body(not(containsString("未竞得")));
    }
}
