package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The township console as HTML: its holdings and listings with the regulator's reason for a
 * rejection, a certificate with its lineage, the listing form that explains its rules and checks the
 * terms with the API's own messages without saving, drafting, submission, relisting, and the
 * township's trades with its side of the confirmation; refused as the API refuses (another
 * township's certificate, trade or draft, another role), and no form without its token.
 */
@QuarkusTest
@StandardMarket
class TownshipPagesTest {

    static final String CSRF = EnterprisePagesTest.CSRF;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    SoldLots sold;

    @Inject
    AuctionCloser closer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** A township of its own for a test, so that its holdings are only the test's. */
    private String township() {
        String code = "510722" + ThreadLocalRandom.current().nextInt(300, 999);
        data.township(code, "测试镇");
        return code;
    }

    static RequestSpecification as(String token) {
        return given().redirects().follow(false).cookie(SessionCookie.NAME, token).cookie(FormToken.COOKIE, CSRF)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    static RequestSpecification township(String code) {
        return as(Tokens.township(code));
    }

    private static String certNo(long id) {
        return given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/api/certificates/" + id)
                .then().statusCode(200).extract().jsonPath().getString("certNo");
    }

    private static String local(Object apiTime) {
        return ListingForm.local(OffsetDateTime.parse((String) apiTime));
    }

    /** The form fields of a listing that meets every rule (the fixture's terms), as the page posts them. */
    static Map<String, Object> form(long certificateId, Instant now) {
        Map<String, Object> api = Fixtures.listing(certificateId, 10_000, now);
        Map<String, Object> f = new HashMap<>();
        f.put("csrf", CSRF);
        f.put("certificateId", certificateId);
        for (String k : List.of("title", "description", "lotAreaM2", "startPrice", "increment", "deposit", "priceCap",
                "reservePrice", "countdownSeconds")) {
            f.put(k, api.get(k));
        }
        for (String k : List.of("announceAt", "registrationDeadline", "listingStart", "listingEnd")) {
            f.put(k, local(api.get(k)));
        }
        f.put("eligibleRegions", "51");
        f.put("paymentTerms.mode", "FULL");
        f.put("paymentTerms.confirmWithinWorkingDays", "5");
        f.put("paymentTerms.firstSharePercent", "100");
        f.put("paymentTerms.firstDueDays", "30");
        return f;
    }

    /** What the API answers for a field of a draft with these terms, in the language asked for. */
    private static String apiMessage(String township, Map<String, Object> body, String field, String language) {
        JsonPath problem = given().auth().oauth2(Tokens.township(township)).header("Accept-Language", language)
                .contentType(ContentType.JSON).body(body).when().post("/api/listings").then().statusCode(400)
                .extract().jsonPath();
        return problem.getString("errors.find { it.field == '" + field + "' }.message");
    }

    private static long frozen(long certificateId) {
        return given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when()
                .get("/api/certificates/" + certificateId).then().statusCode(200).extract().jsonPath()
                .getLong("frozenArea.m2");
    }

    @Test
    void theHomeShowsTheHoldingsTheListingsAndWhyOneWasRejected() {
        String t = township();
        long cert = Fixtures.issue(Fixtures.linkage(t, 100_000));
        long elsewhere = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_B, 50_000));
        long draft = Fixtures.draft(t, Fixtures.listing(cert, 10_000, clock.instant()));
        long rejected = Fixtures.draft(t, Fixtures.listing(cert, 20_000, clock.instant()));
        Fixtures.act(Tokens.township(t), rejected, "submit", 200);
        Fixtures.act(Tokens.regulator(TestData.CITY_REGULATOR), rejected, "reject", 200);

        String html = township(t).when().get("/township").then().statusCode(200)
                .body(containsString("<html lang=\"zh-CN\">")).extract().asString();
        assertTrue(html.contains(certNo(cert)), "its certificate");
        assertTrue(html.contains("href=\"/township/certificates/" + cert + "\""));
        assertTrue(html.contains("100,000 平方米") && html.contains("90,000 平方米"), "quantity and what is available");
        assertTrue(html.contains("部分可挂牌"));
        assertTrue(html.contains("href=\"/township/listings/" + draft + "\""));
        assertTrue(html.contains("href=\"/township/listings/" + rejected + "\""));
        assertTrue(html.contains("草稿") && html.contains("已退回"), "each listing's status");
        assertTrue(html.contains("审核未通过") && html.contains("测试理由 test reason"), "the regulator's reason");
        assertFalse(html.contains(certNo(elsewhere)), "never another township's certificate");

        township(t).cookie(PageLanguage.COOKIE, "en").when().get("/township").then().statusCode(200)
                .body(containsString("<html lang=\"en\">"), containsString("Rejected in review"),
                        containsString("Regulator&#39;s reason"), containsString("Partly available"));
    }

    @Test
    void aListingWithoutAPriceCapOrReserveSaysSoInsteadOfFailing() {
        String t = township();
        long cert = Fixtures.issue(Fixtures.linkage(t, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        body.remove("priceCap");
        body.remove("reservePrice");
        long id = Fixtures.draft(t, body);
        String html = as(Tokens.township(t)).when().get("/township/listings/" + id).then().statusCode(200)
                .extract().asString();
        assertTrue(html.contains("<dd class=\"money\">未设</dd>"), "no cap, no reserve: both said to be unset");
        assertEquals(2, html.split("<dd class=\"money\">未设</dd>", -1).length - 1, html);
    }

    @Test
    void aCertificateShowsItsQuantitiesAndLineageAndIsRefusedAsTheApiRefusesIt() {
        String t = township();
        long cert = Fixtures.issue(Fixtures.linkage(t, 100_000));
        long other = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_B, 50_000));
        township(t).when().get("/township/certificates/" + cert).then().statusCode(200)
                .body(containsString("<ul class=\"tree\""), containsString("aria-current=\"page\""),
                        containsString(certNo(cert)), containsString("三台县芦溪镇增减挂钩拆旧复垦项目"),
                        containsString("href=\"/township/listings/new?certificate=" + cert + "\""));

        int api = given().auth().oauth2(Tokens.township(t)).when().get("/api/certificates/" + other).then()
                .extract().statusCode();
        assertEquals(403, api);
        township(t).when().get("/township/certificates/" + other).then().statusCode(api)
                .body(not(containsString(certNo(other))));
        township(t).when().get("/township/listings/new?certificate=" + other).then().statusCode(api);
        township(t).when().get("/township/certificates/999999999").then().statusCode(404);
    }

    @Test
    void theHeaderNamesTheSignedInOrganisationAsItsMeDoes() {
        String t = township();
        township(t).when().get("/township").then().statusCode(200)
                .body(containsString("title=\"" + t + "\">已登录：<span lang=\"zh-CN\">测试镇</span></span>"));
        // an enterprise the platform does not know yet (not registered) is shown by its code
        String unknown = "91510703MA" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999) + "X";
        as(Tokens.enterprise(unknown)).when().get("/").then().statusCode(200)
                .body(containsString("title=\"" + unknown + "\">已登录：" + unknown + "</span>"));
        township(t).cookie(PageLanguage.COOKIE, "en").when().get("/township").then().statusCode(200)
                .body(containsString("title=\"" + t + "\">Signed in: <span lang=\"zh-CN\">测试镇</span></span>"));
    }

    @Test
    void onlyATownshipOpensTheConsole() {
        String enterprise = data.enterprise("T" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
                cn.landmarket.party.EnterpriseStatus.VERIFIED);
        as(Tokens.enterprise(enterprise)).when().get("/township").then().statusCode(403);
        as(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/township").then().statusCode(403);
        given().redirects().follow(false).when().get("/township").then().statusCode(303)
                .header("Location", containsString("/signin?back="));
    }

    @Test
    void theFormExplainsEachRuleWithTheConfiguredNumbersAndTheDatesTheyImply() {
        String t = township();
        long cert = Fixtures.issue(Fixtures.linkage(t, 100_000));
        township(t).when().get("/township/listings/new?certificate=" + cert).then().statusCode(200)
                .body(containsString("不低于起始价的 20%，不高于起始价的 100%"),
                        containsString("公告发布后满 20 日才能开始挂牌竞价"),
                        containsString("挂牌期至少 10 个工作日"),
                        containsString("不晚于挂牌截止前 3 个工作日"),
                        containsString("60 至 900 秒"),
                        containsString("2 至 10 个工作日"),
                        containsString("不超过本证书可挂牌的 100,000 平方米"),
                        containsString("最早可于"), containsString("报名最晚于"),
                        containsString("hx-post=\"/township/listings/preview\""),
                        containsString("hx-trigger=\"input changed delay:400ms\""),
                        containsString("name=\"csrf\" value=\"" + CSRF + "\""));
    }

    @Test
    void thePreviewGivesTheApisMessagesAndTheImpliedDatesWithoutSavingAnything() {
        String t = township();
        long cert = Fixtures.issue(Fixtures.linkage(t, 100_000));
        Map<String, Object> api = Fixtures.listing(cert, 10_000, clock.instant());
        api.put("deposit", "100.00");
        Map<String, Object> form = form(cert, clock.instant());
        form.put("deposit", "100.00");

        String zh = township(t).formParams(form).when().post("/township/listings/preview").then().statusCode(200)
                .extract().asString();
        String expected = apiMessage(t, api, "deposit", "zh-CN");
        assertTrue(zh.contains("id=\"m-deposit\" hx-swap-oob=\"innerHTML\"><span class=\"error\">" + expected),
                expected + " in " + zh);
        assertTrue(zh.contains("有 1 处不符合规则"), zh);
        // The latest registration day the rules allow: three working days before the end.
        assertTrue(zh.contains("id=\"d-registrationDeadline\" hx-swap-oob=\"innerHTML\">按此截止时间，报名最晚于 "), zh);

        String en = township(t).cookie(PageLanguage.COOKIE, "en").formParams(form).when()
                .post("/township/listings/preview").then().statusCode(200).extract().asString();
        assertTrue(en.contains(apiMessage(t, api, "deposit", "en")), en);

        form.put("deposit", "4000000.00");
        township(t).formParams(form).when().post("/township/listings/preview").then().statusCode(200)
                .body(containsString("各项均符合规则，可以保存"), not(containsString("class=\"error\"")));

        // An unreadable amount: the API's message for one.
        form.put("startPrice", "二十万");
        township(t).formParams(form).when().post("/township/listings/preview").then().statusCode(200)
                .body(containsString("id=\"m-startPrice\" hx-swap-oob=\"innerHTML\"><span class=\"error\">"));

        // Fields not filled yet are counted, not reported, while typing; a bad region code is reported.
        Map<String, Object> partial = new HashMap<>(Map.of("csrf", CSRF, "certificateId", cert, "deposit", "100.00",
                "eligibleRegions", "51, 5x"));
        township(t).formParams(partial).when().post("/township/listings/preview").then().statusCode(200)
                .body(containsString("必填内容未填写"), not(containsString("id=\"m-title\" hx-swap-oob=\"innerHTML\"><span")),
                        containsString("id=\"m-eligibleRegions\" hx-swap-oob=\"innerHTML\"><span class=\"error\">"));

        assertEquals(0, frozen(cert), "nothing drafted, nothing frozen");
        form.remove("csrf");
        township(t).formParams(form).when().post("/township/listings/preview").then().statusCode(403);
    }

    @Test
    void postingTheFormDraftsOrShowsTheSameErrorsAndTheDraftIsSubmittedForReview() {
        String t = township();
        long cert = Fixtures.issue(Fixtures.linkage(t, 100_000));
        Map<String, Object> form = form(cert, clock.instant());
        form.put("deposit", "100.00");
        township(t).formParams(form).when().post("/township/listings").then().statusCode(400)
                .body(containsString("role=\"alert\""), containsString("竞买保证金不得低于起始价的 20%"),
                        containsString("value=\"100.00\""));
        assertEquals(0, frozen(cert));

        form.put("deposit", "4000000.00");
        Map<String, Object> forged = new HashMap<>(form);
        forged.put("csrf", "x" + CSRF.substring(1));
        township(t).formParams(forged).when().post("/township/listings").then().statusCode(403);
        assertEquals(0, frozen(cert), "a forged post does nothing");

        String location = township(t).formParams(form).when().post("/township/listings").then().statusCode(303)
                .header("Location", containsString("/township/listings/")).extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertEquals(10_000, frozen(cert));
        township(t).when().get("/township/listings/" + id).then().statusCode(200)
                .body(containsString("草稿"), containsString("action=\"/township/listings/" + id + "/submit\""),
                        containsString("¥22,000,000.00"));

        // Another township neither sees nor submits it.
        String other = township();
        township(other).when().get("/township/listings/" + id).then().statusCode(403);
        township(other).formParam("csrf", CSRF).when().post("/township/listings/" + id + "/submit").then()
                .statusCode(403);
        township(t).when().post("/township/listings/" + id + "/submit").then().statusCode(403);

        township(t).formParam("csrf", CSRF).when().post("/township/listings/" + id + "/submit").then().statusCode(303)
                .header("Location", endsWith("/township/listings/" + id));
        township(t).when().get("/township/listings/" + id).then().statusCode(200)
                .body(containsString("待审核"), not(containsString("/submit\"")));
        // Submitting twice: the API's 409, shown in the page.
        township(t).formParam("csrf", CSRF).when().post("/township/listings/" + id + "/submit").then().statusCode(409)
                .body(containsString("role=\"alert\""));
    }

    @Test
    void aDraftIsChangedOrDeletedThroughThePagesAsTheApiDoesAndNotOnceSubmitted() {
        String t = township();
        long cert = Fixtures.issue(Fixtures.linkage(t, 100_000));
        Map<String, Object> form = form(cert, clock.instant());
        String location = township(t).formParams(form).when().post("/township/listings").then().statusCode(303)
                .extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertEquals(10_000, frozen(cert));
        township(t).when().get("/township/listings/" + id).then().statusCode(200)
                .body(containsString("href=\"/township/listings/" + id + "/edit\""),
                        containsString("action=\"/township/listings/" + id + "/delete\""));

        // The form comes filled with the draft's terms and posts to the draft.
        township(t).when().get("/township/listings/" + id + "/edit").then().statusCode(200)
                .body(containsString("修改挂牌草稿"), containsString("action=\"/township/listings/" + id + "\""),
                        containsString("value=\"" + form.get("title") + "\""), containsString("value=\"10000\""));

        // While typing, the lot the draft holds counts as free: 95,000 of the 100,000 m² fit though 10,000 are frozen.
        Map<String, Object> bigger = new HashMap<>(form);
        bigger.put("lotAreaM2", "95000");
        bigger.put("editing", String.valueOf(id));
        township(t).formParams(bigger).when().post("/township/listings/preview").then().statusCode(200)
                .body(not(containsString("仅剩")), not(containsString("class=\"error\"")));
        Map<String, Object> tooBig = new HashMap<>(bigger);
        tooBig.put("lotAreaM2", "100001");
        township(t).formParams(tooBig).when().post("/township/listings/preview").then().statusCode(200)
                .body(containsString("仅剩 100000 平方米"));

        // A refused change shows the API's message and changes nothing.
        String before = given().auth().oauth2(Tokens.township(t)).when().get("/api/listings/" + id).then()
                .statusCode(200).extract().asString();
        Map<String, Object> refused = new HashMap<>(form);
        refused.put("deposit", "100.00");
        township(t).formParams(refused).when().post("/township/listings/" + id).then().statusCode(400)
                .body(containsString("竞买保证金不得低于起始价的 20%"), containsString("value=\"100.00\""));
        assertEquals(before, given().auth().oauth2(Tokens.township(t)).when().get("/api/listings/" + id).then()
                .statusCode(200).extract().asString());
        assertEquals(10_000, frozen(cert));

        // A change is saved as PUT /api/listings/{id} saves it: the new lot frozen instead of the old one.
        Map<String, Object> changed = new HashMap<>(form);
        changed.put("title", "改过的标题");
        changed.put("lotAreaM2", "25000");
        changed.put("certificateId", "999999"); // the form cannot move a draft to another certificate
        township(t).formParams(changed).when().post("/township/listings/" + id).then().statusCode(303)
                .header("Location", endsWith("/township/listings/" + id));
        given().auth().oauth2(Tokens.township(t)).when().get("/api/listings/" + id).then().statusCode(200)
                .body("title", org.hamcrest.Matchers.equalTo("改过的标题"), "status", org.hamcrest.Matchers.equalTo("DRAFT"),
                        "certificateId", org.hamcrest.Matchers.equalTo((int) cert));
        assertEquals(25_000, frozen(cert));

        // Nobody else changes or deletes it; a forged post does nothing.
        String other = township();
        township(other).when().get("/township/listings/" + id + "/edit").then().statusCode(403);
        township(other).formParams(changed).when().post("/township/listings/" + id).then().statusCode(403);
        township(other).formParam("csrf", CSRF).when().post("/township/listings/" + id + "/delete").then()
                .statusCode(403);
        township(t).when().post("/township/listings/" + id + "/delete").then().statusCode(403);
        assertEquals(25_000, frozen(cert));

        // Deleted: back at the certificate, which says so, with the lot free again.
        township(t).formParam("csrf", CSRF).when().post("/township/listings/" + id + "/delete").then().statusCode(303)
                .header("Location", endsWith("/township/certificates/" + cert + "?deleted=" + id));
        township(t).when().get("/township/certificates/" + cert + "?deleted=" + id).then().statusCode(200)
                .body(containsString("id=\"draft-deleted\""), containsString("草稿（挂牌 " + id + "）已删除"));
        assertEquals(0, frozen(cert));
        given().auth().oauth2(Tokens.township(t)).when().get("/api/listings/" + id).then().statusCode(404);

        // A submitted draft is no longer changed: the edit page leads back to it, a post is the API's 409.
        String second = township(t).formParams(form).when().post("/township/listings").then().statusCode(303)
                .extract().header("Location");
        long submitted = Long.parseLong(second.substring(second.lastIndexOf('/') + 1));
        township(t).formParam("csrf", CSRF).when().post("/township/listings/" + submitted + "/submit").then()
                .statusCode(303);
        township(t).when().get("/township/listings/" + submitted + "/edit").then().statusCode(303)
                .header("Location", endsWith("/township/listings/" + submitted));
        township(t).formParams(changed).when().post("/township/listings/" + submitted).then().statusCode(409)
                .body(containsString("role=\"alert\""));
        township(t).formParam("csrf", CSRF).when().post("/township/listings/" + submitted + "/delete").then()
                .statusCode(409).body(containsString("role=\"alert\""));
        township(t).when().get("/township/listings/" + submitted).then().statusCode(200)
                .body(not(containsString("/edit\"")), not(containsString("/delete\"")));
        assertEquals(10_000, frozen(cert));
    }

    @Test
    void theFormOffersTheSaleFormatAndASealedDraftTakesNoPriceCapAndShowsItsRevealDeadline() {
        String t = township();
        long cert = Fixtures.issue(Fixtures.linkage(t, 100_000));
        township(t).when().get("/township/listings/new?certificate=" + cert).then().statusCode(200)
                .body(containsString("<select id=\"saleFormat\" name=\"saleFormat\""),
                        containsString("<option value=\"OPEN_ASCENDING\" selected>"),
                        containsString("<option value=\"SEALED_QUOTATION\">"),
                        containsString("挂牌截止后 60 分钟内解密"));
        Map<String, Object> form = form(cert, clock.instant());
        form.put("saleFormat", "SEALED_QUOTATION");
        Map<String, Object> api = new HashMap<>(Fixtures.listing(cert, 10_000, clock.instant()));
        api.put("saleFormat", "SEALED_QUOTATION");
        township(t).formParams(form).when().post("/township/listings").then().statusCode(400)
                .body(containsString(apiMessage(t, api, "priceCap", "zh")),
                        containsString("<option value=\"SEALED_QUOTATION\" selected>"));
        assertEquals(0, frozen(cert));
        form.put("saleFormat", "AUCTION");
        township(t).formParams(form).when().post("/township/listings").then().statusCode(400);
        assertEquals(0, frozen(cert));

        form.put("saleFormat", "SEALED_QUOTATION");
        form.remove("priceCap");
        String location = township(t).formParams(form).when().post("/township/listings").then().statusCode(303)
                .extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonPath view = given().auth().oauth2(Tokens.township(t)).when().get("/api/listings/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("SEALED_QUOTATION", view.getString("saleFormat"));
        township(t).when().get("/township/listings/" + id).then().statusCode(200)
                .body(containsString("一次报价（密封报价，开标前金额保密）"), containsString("解密截止（开标）"),
                        containsString(ListingForm.local(OffsetDateTime.parse(view.getString("revealDeadline")))
                                .replace('T', ' ')));
    }

    @Test
    void theFormOffersTheLotteryAtTheCapAndTheRunnerUpAwardAndADraftKeepsBoth() {
        String t = township();
        long cert = Fixtures.issue(Fixtures.linkage(t, 100_000));
        township(t).when().get("/township/listings/new?certificate=" + cert).then().statusCode(200)
                .body(containsString("<select id=\"capAction\" name=\"capAction\""),
                        containsString("<option value=\"END_SALE\" selected>"),
                        containsString("<option value=\"LOTTERY\">"),
                        containsString("合格竞买人可在 30 分钟内接受最高限价参加摇号，再用 30 分钟公开各自的随机数"),
                        containsString("<input id=\"runnerUpAward\" name=\"runnerUpAward\" type=\"checkbox\" value=\"true\" aria"));

        // LOTTERY without a price cap: the API's own message next to the field, in either language; nothing frozen
        Map<String, Object> form = form(cert, clock.instant());
        form.put("capAction", "LOTTERY");
        form.remove("priceCap");
        Map<String, Object> api = new HashMap<>(Fixtures.listing(cert, 10_000, clock.instant()));
        api.put("capAction", "LOTTERY");
        api.remove("priceCap");
        String zh = apiMessage(t, api, "capAction", "zh");
        assertTrue(zh != null && !zh.isBlank(), "the API names capAction");
        township(t).formParams(form).when().post("/township/listings").then().statusCode(400)
                .body(containsString(zh), containsString("<option value=\"LOTTERY\" selected>"));
        township(t).header("Accept-Language", "en").formParams(form).when().post("/township/listings").then()
                .statusCode(400).body(containsString(apiMessage(t, api, "capAction", "en")));
        township(t).formParams(form).when().post("/township/listings/preview").then().statusCode(200)
                .body(containsString(zh));
        assertEquals(0, frozen(cert));
        form.put("capAction", "RAFFLE");
        township(t).formParams(form).when().post("/township/listings").then().statusCode(400);
        form.put("capAction", "LOTTERY");
        form.put("priceCap", Fixtures.listing(cert, 10_000, clock.instant()).get("priceCap"));
        form.put("runnerUpAward", "maybe");
        township(t).formParams(form).when().post("/township/listings").then().statusCode(400);
        assertEquals(0, frozen(cert));

        // With a cap, LOTTERY and the runner-up award ticked: the draft keeps both, and the pages show them
        form.put("runnerUpAward", "true");
        String location = township(t).formParams(form).when().post("/township/listings").then().statusCode(303)
                .extract().header("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        JsonPath view = given().auth().oauth2(Tokens.township(t)).when().get("/api/listings/" + id).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("LOTTERY", view.getString("capAction"));
        assertEquals(30, view.getInt("lotteryEntryMinutes"));
        assertTrue(view.getBoolean("runnerUpAward"));
        township(t).when().get("/township/listings/" + id).then().statusCode(200)
                .body(containsString("限价摇号：报名摇号 30 分钟，公开随机数 30 分钟"),
                        containsString("竞得人违约时由次高出价人候补竞得"));

        // Unticked and without a choice of action: no runner-up, and the sale ends at the cap
        long other = Fixtures.issue(Fixtures.linkage(t, 100_000));
        Map<String, Object> plain = form(other, clock.instant());
        location = township(t).formParams(plain).when().post("/township/listings").then().statusCode(303)
                .extract().header("Location");
        long plainId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        view = given().auth().oauth2(Tokens.township(t)).when().get("/api/listings/" + plainId).then()
                .statusCode(200).extract().jsonPath();
        assertEquals("END_SALE", view.getString("capAction"));
        assertEquals(false, view.getBoolean("runnerUpAward"));
        township(t).when().get("/township/listings/" + plainId).then().statusCode(200)
                .body(containsString("达到最高限价的出价竞得，交易结束"), containsString("不设候补：竞得人违约时标的释放"));
    }

    @Test
    void anUnsoldListingIsRelistedAsANewDraft() {
        long id = sold.inBidding(Map.of());
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        RequestSpecification a = township(TestData.TOWNSHIP_A);
        String page = a.when().get("/township/listings/" + id).then().statusCode(200)
                .body(containsString("流拍"), containsString("action=\"/township/listings/" + id + "/relist\""))
                .extract().asString();
        assertTrue(page.contains("最多比原起始价 ¥20,000,000.00 低 20%"), page);

        Map<String, Object> f = form(0, clock.instant());
        Map<String, Object> relist = new HashMap<>();
        for (String k : List.of("csrf", "announceAt", "registrationDeadline", "listingStart", "listingEnd")) {
            relist.put(k, f.get(k));
        }
        relist.put("startPrice", "10000000.00");
        relist.put("deposit", "4000000.00");
        township(TestData.TOWNSHIP_A).formParams(relist).when().post("/township/listings/" + id + "/relist").then()
                .statusCode(400).body(containsString("role=\"alert\""), containsString("20%"));
        relist.put("startPrice", "18000000.00");
        String location = township(TestData.TOWNSHIP_A).formParams(relist).when()
                .post("/township/listings/" + id + "/relist").then().statusCode(303).extract().header("Location");
        long draft = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        township(TestData.TOWNSHIP_A).when().get("/township/listings/" + draft).then().statusCode(200)
                .body(containsString("草稿"), containsString("¥18,000,000.00"),
                        containsString("href=\"/township/listings/" + id + "\""));
        township(TestData.TOWNSHIP_A).when().get("/township/listings/" + id).then().statusCode(200)
                .body(not(containsString("/relist\"")), containsString("href=\"/township/listings/" + draft + "\""));
    }

    @Test
    void theTownshipSignsItsSideOfTheConfirmationAndSeesWhatEachSalePaid() {
        long id = sold.inBidding(Map.of());
        SoldLots.Bidder bidder = sold.qualified(id);
        sold.closeWithBid(id, bidder);
        long tradeId = given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when()
                .get("/api/listings/" + id + "/trade").then().statusCode(200).extract().jsonPath().getLong("id");

        String trades = township(TestData.TOWNSHIP_A).when().get("/township/trades").then().statusCode(200)
                .extract().asString();
        assertTrue(trades.contains("href=\"/township/trades/" + tradeId + "\""), trades);
        String toConfirm = trades.substring(trades.indexOf("id=\"h-confirm\""), trades.indexOf("id=\"h-proceeds\""));
        assertTrue(toConfirm.contains("/township/trades/" + tradeId), "awaits the township's signature");
        assertTrue(trades.contains("¥22,000,000.00") && trades.contains("¥4,000,000.00"), "price and deposit");

        Response page = township(TestData.TOWNSHIP_A).when().get("/township/trades/" + tradeId);
        page.then().statusCode(200).body(containsString("id=\"confirmation-text\""),
                containsString("action=\"/township/trades/" + tradeId + "/confirmation\""));
        // Another township: 404, as the API; the buyer: not this console.
        township(TestData.TOWNSHIP_B).when().get("/township/trades/" + tradeId).then().statusCode(404);
        as(Tokens.enterprise(bidder.code())).when().get("/township/trades/" + tradeId).then().statusCode(403);
        township(TestData.TOWNSHIP_A).formParam("sha256", "0".repeat(64)).when()
                .post("/township/trades/" + tradeId + "/confirmation").then().statusCode(403);

        String sha = given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when().get("/api/trades/" + tradeId)
                .then().extract().jsonPath().getString("confirmationSha256");
        township(TestData.TOWNSHIP_A).formParam("csrf", CSRF).formParam("sha256", "0".repeat(64)).when()
                .post("/township/trades/" + tradeId + "/confirmation").then().statusCode(409)
                .body(containsString("role=\"alert\""));
        township(TestData.TOWNSHIP_A).formParam("csrf", CSRF).formParam("sha256", sha).when()
                .post("/township/trades/" + tradeId + "/confirmation").then().statusCode(303);
        assertTrue(given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when().get("/api/trades/" + tradeId)
                .then().extract().jsonPath().getString("sellerConfirmedAt") != null);
        township(TestData.TOWNSHIP_A).when().get("/township/trades/" + tradeId).then().statusCode(200)
                .body(not(containsString("/confirmation\"")));
    }

    @Test
    void aSettledSaleShowsHowItsPriceWasSplitAndTheCertificateItsChild() throws InterruptedException {
        long id = sold.inBidding(Map.of());
        SoldLots.Bidder bidder = sold.qualified(id);
        sold.closeWithBid(id, bidder);
        sold.settle(id, bidder);
        JsonPath trade = given().auth().oauth2(Tokens.township(TestData.TOWNSHIP_A)).when()
                .get("/api/listings/" + id + "/trade").then().statusCode(200).extract().jsonPath();
        long tradeId = trade.getLong("id");

        // The split is read from the public audit log once its entry is in a signed checkpoint.
        String page = "";
        for (int i = 0; i < 50 && !page.contains("¥18,700,000.00"); i++) {
            Thread.sleep(200);
            page = township(TestData.TOWNSHIP_A).when().get("/township/trades/" + tradeId).then().statusCode(200)
                    .extract().asString();
        }
        assertTrue(page.contains("农户： <span class=\"money\">¥18,700,000.00</span>"), page);
        assertTrue(page.contains("村集体： <span class=\"money\">¥2,200,000.00</span>"), page);
        assertTrue(page.contains("乡镇： <span class=\"money\">¥1,100,000.00</span>"), page);
        township(TestData.TOWNSHIP_A).when().get("/township/trades").then().statusCode(200)
                .body(containsString("¥18,700,000.00"), containsString("已结算"));

        long child = trade.getLong("childCertificateId");
        long cert = trade.getLong("certificateId");
        township(TestData.TOWNSHIP_A).when().get("/township/certificates/" + cert).then().statusCode(200)
                .body(containsString(certNo(child)), containsString("企业 " + bidder.code() + " 持有"));
    }
}
