package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * The trading centre's console as HTML: only operators, every form with its token, the same
 * refusals as the API (the maker of a manual notice may not approve it), in the reader's language.
 */
@QuarkusTest
@StandardMarket
class CentrePagesTest {

    static final String CSRF = EnterprisePagesTest.CSRF;
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The operator who enters (subject operator-user, as Tokens.operator()). */
    static String maker() {
        return Tokens.operator();
    }

    /** A second operator of the same centre. */
    static String checker() {
        return Tokens.claims("operator", "MYJYZX").upn("operator-checker").sign();
    }

    static RequestSpecification as(String token) {
        return given().redirects().follow(false).cookie(SessionCookie.NAME, token).cookie(FormToken.COOKIE, CSRF)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    /** A verified enterprise registered for an announced listing: its registration and where it pays. */
    record Bidder(String code, String name, long listingId, long registrationId, String account, String deposit) {
    }

    Bidder bidder() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        long listingId = Fixtures.announced(TestData.TOWNSHIP_A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
        String code = data.enterprise("CTP%06d".formatted(SERIAL.incrementAndGet()), EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).when()
                .post("/api/listings/" + listingId + "/registrations").then().statusCode(201).extract().jsonPath();
        String name = data.value(String.class, "select e.bankAccountName from Enterprise e where e.creditCode = ?1", code);
        return new Bidder(code, name, listingId, view.getLong("id"), view.getString("payTo.virtualAccount"),
                view.getString("deposit"));
    }

    static String txId() {
        return "CTP-" + SERIAL.incrementAndGet() + "-" + System.nanoTime();
    }

    Map<String, String> noticeForm(Bidder b, String transactionId, String amount) {
        Map<String, String> form = new HashMap<>();
        form.put("csrf", CSRF);
        form.put("transactionId", transactionId);
        form.put("kind", "CREDIT");
        form.put("account", b.account());
        form.put("amount", amount);
        form.put("counterpartyName", b.name());
        form.put("counterpartyAccount", "6228480000000000000");
        form.put("bookedAt", TYPED.format(clock.instant().minusSeconds(60).atZone(Fixtures.ZONE)));
        return form;
    }

    long received(Bidder b) {
        return data.count("select r.depositReceivedFen from Registration r where r.id = ?1", b.registrationId());
    }

    long entryId(String transactionId) {
        return data.count("select m.id from ManualNotice m where m.transactionId = ?1", transactionId);
    }

    // ---- access ---------------------------------------------------------------------------------

    @Test
    void onlyOperatorsReachTheConsoleAndFormsNeedTheirToken() {
        for (String path : new String[] {"/centre", "/centre/notices", "/centre/organisations", "/centre/enterprises",
                "/centre/refunds", "/centre/calendar", "/centre/notices/mismatches"}) {
            given().redirects().follow(false).when().get(path).then().statusCode(303)
                    .header("Location", containsString("/signin?back="));
            as(Tokens.township(TestData.TOWNSHIP_A)).accept("text/html").when().get(path).then().statusCode(403);
            as(Tokens.enterprise("91510703MA6Y000001")).accept("text/html").when().get(path).then()
                    .statusCode(403);
            as(maker()).when().get(path).then().statusCode(200).body(containsString("name=\"csrf\" value=\"" + CSRF));
        }
        Bidder b = bidder();
        Map<String, String> form = noticeForm(b, txId(), b.deposit());
        form.remove("csrf");
        as(maker()).formParams(form).when().post("/centre/notices").then().statusCode(403);
        form.put("csrf", "zyxwvutsrqponmlkjihgfedcbaZYXWVUTSRQPONMLKJ");
        as(maker()).formParams(form).when().post("/centre/notices").then().statusCode(403);
        assertEquals(0, data.count("select count(m) from ManualNotice m where m.transactionId = ?1",
                form.get("transactionId")));
        as(Tokens.township(TestData.TOWNSHIP_A)).formParams(noticeForm(b, txId(), b.deposit())).when()
                .post("/centre/notices").then().statusCode(403);
    }

    // ---- manual notices -------------------------------------------------------------------------

    @Test
    void aNoticeTypedInCountsOnlyWhenADifferentOperatorApprovesIt() {
        Bidder b = bidder();
        String tx = txId();
        as(maker()).formParams(noticeForm(b, tx, b.deposit())).when().post("/centre/notices").then().statusCode(303)
                .header("Location", containsString("/centre/notices?entered="));
        long id = entryId(tx);
        as(maker()).when().get("/centre/notices?entered=" + id).then().statusCode(200)
                .body(containsString("已录入第 " + id + " 号记录")).body(containsString(tx))
                .body(containsString("data-approve=\"" + id + "\"")).body(containsString("for=\"reason-" + id + "\""))
                .body(containsString("operator:MYJYZX:operator-user"));
        assertEquals(0, received(b));

        as(maker()).formParams(Map.of("csrf", CSRF)).when().post("/centre/notices/" + id + "/approve").then()
                .statusCode(403).body(containsString("须由另一名操作员复核")).body(containsString("role=\"alert\""))
                .body(not(containsString("Exception")));
        as(maker()).cookie("lang", "en").formParams(Map.of("csrf", CSRF, "reason", "typo")).when()
                .post("/centre/notices/" + id + "/reject").then().statusCode(403)
                .body(containsString("a different operator must approve or reject it"));
        assertEquals(0, received(b));

        as(checker()).formParams(Map.of("csrf", CSRF)).when().post("/centre/notices/" + id + "/approve").then()
                .statusCode(303).header("Location", containsString("approved=" + id));
        assertEquals(Math.round(Double.parseDouble(b.deposit()) * 100), received(b));
        as(checker()).when().get("/centre/notices?approved=" + id + "&outcome=QUALIFIED").then().statusCode(200)
                .body(containsString("保证金已到账")).body(not(containsString("data-approve=\"" + id + "\"")));
        as(checker()).formParams(Map.of("csrf", CSRF)).when().post("/centre/notices/" + id + "/approve").then()
                .statusCode(409);
    }

    @Test
    void aBookingHeldAsAMismatchIsShownBesideTheCountedOneWithTheDifferenceMarked() {
        Bidder b = bidder();
        String typedTx = txId();
        Map<String, String> typed = noticeForm(b, typedTx, "1000000.00");
        as(maker()).formParams(typed).when().post("/centre/notices").then().statusCode(303);
        as(checker()).formParams(Map.of("csrf", CSRF)).when().post("/centre/notices/" + entryId(typedTx) + "/approve")
                .then().statusCode(303).header("Location", containsString("outcome=PARTIAL"));
        // the bank's feed reports the same account and booking time with another amount: held, not counted
        String bankTx = txId();
        java.time.Instant booked = java.time.LocalDateTime.parse(typed.get("bookedAt"), TYPED).atZone(Fixtures.ZONE)
                .toInstant();
        cn.landmarket.testing.BankFeed.deliver(cn.landmarket.testing.BankFeed.credit(bankTx, b.account(),
                "1000000.10", b.name(), booked)).statusCode(200).body("outcome", org.hamcrest.Matchers.equalTo("MISMATCH"));
        assertEquals(1_000_000_00L, received(b));

        String html = as(maker()).when().get("/centre/notices/mismatches").then().statusCode(200)
                .body(containsString("到账不一致")).extract().asString();
        int at = html.indexOf("data-mismatch=\"" + bankTx + "\"");
        org.junit.jupiter.api.Assertions.assertTrue(at >= 0, html);
        String card = html.substring(at, html.indexOf("</article>", at));
        org.junit.jupiter.api.Assertions.assertTrue(card.contains("data-counted=\"" + typedTx + "\""), card);
        org.junit.jupiter.api.Assertions.assertTrue(card.contains("银行推送") && card.contains("人工录入"), card);
        org.junit.jupiter.api.Assertions.assertTrue(card.contains("data-held-amount-fen=\"100000010\"") && card.contains("1,000,000.10"), card);
        org.junit.jupiter.api.Assertions.assertTrue(card.contains("operator:MYJYZX:operator-checker"), card);
        // the amount differs and is marked; the payer account is the same and is not
        assertEquals(1, card.split("class=\"differs\"", -1).length - 1, card);
        as(maker()).cookie("lang", "en").when().get("/centre/notices/mismatches").then().statusCode(200)
                .body(containsString("Mismatched bookings")).body(containsString("Bank feed"));

        // the notices page and the home say how many are held and link to them
        as(maker()).when().get("/centre/notices").then().statusCode(200)
                .body(containsString("href=\"/centre/notices/mismatches\""))
                .body(not(containsString("data-mismatches=\"0\"")));
        String home = as(maker()).when().get("/centre").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(home.contains("data-count=\"mismatches\">0<"), home);
    }

    @Test
    void moreThanAPageOfWaitingEnterprisesIsReadPageByPage() {
        java.util.Set<String> created = new java.util.HashSet<>();
        for (int i = 0; i < 101; i++) {
            created.add(data.enterprise("CTG%06d".formatted(SERIAL.incrementAndGet()), EnterpriseStatus.PENDING));
        }
        long pending = data.count("select count(*) from Enterprise e where e.status = ?1", EnterpriseStatus.PENDING);
        java.util.Set<String> listed = new java.util.HashSet<>();
        long pageCount = (pending + 99) / 100;
        for (int page = 0; page < pageCount; page++) {
            String html = as(maker()).when().get("/centre/enterprises?page=" + page).then().statusCode(200).extract()
                    .asString();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("<article class=\"card\" data-enterprise=\"([^\"]+)\"")
                    .matcher(html);
            int onPage = 0;
            while (m.find()) {
                listed.add(m.group(1));
                onPage++;
            }
            assertEquals(page + 1 < pageCount ? 100 : pending - 100L * page, onPage, "page " + page);
            assertEquals(page + 1 < pageCount, html.contains("href=\"/centre/enterprises?page=" + (page + 1) + "\""),
                    "link to the next page from page " + page);
            assertEquals(page > 0, html.contains("href=\"/centre/enterprises?page=" + (page - 1) + "\""),
                    "link to the previous page from page " + page);
        }
        assertEquals(pending, listed.size());
        org.junit.jupiter.api.Assertions.assertTrue(listed.containsAll(created));
        // out of the other tests' way: they read the first page
        data.execute("update enterprise set status = 'REJECTED', status_reason = 'test' where credit_code in ('"
                + String.join("','", created) + "')");
    }

    @Test
    void aBadEntryIsShownWithItsFieldsInTheReadersLanguageAndNothingIsEntered() {
        Bidder b = bidder();
        String tx = txId();
        Map<String, String> form = noticeForm(b, tx, "1,000.00");
        form.put("counterpartyName", "");
        as(maker()).formParams(form).when().post("/centre/notices").then().statusCode(400)
                .body(containsString("金额以元为单位")).body(containsString("aria-invalid=\"true\""))
                .body(containsString("value=\"1,000.00\""));
        form.put("amount", "100.001");
        as(maker()).cookie("lang", "en").formParams(form).when().post("/centre/notices").then().statusCode(400)
                .body(containsString("Amounts are yuan"));
        form.put("amount", "100.00");
        as(maker()).cookie("lang", "en").formParams(form).when().post("/centre/notices").then().statusCode(400)
                .body(containsString("Counterparty name"));
        form.put("counterpartyName", b.name());
        form.put("bookedAt", "2020-01-01 10:00:00");
        as(maker()).formParams(form).when().post("/centre/notices").then().statusCode(400)
                .body(containsString("记账时间"));
        assertEquals(0, data.count("select count(m) from ManualNotice m where m.transactionId = ?1", tx));
        form.put("bookedAt", TYPED.format(clock.instant().minusSeconds(60).atZone(Fixtures.ZONE)));
        as(maker()).formParams(form).when().post("/centre/notices").then().statusCode(303);
        as(checker()).formParams(Map.of("csrf", CSRF, "reason", " ")).when()
                .post("/centre/notices/" + entryId(tx) + "/reject").then().statusCode(400);
        as(checker()).formParams(Map.of("csrf", CSRF, "reason", "金额与对账单不符")).when()
                .post("/centre/notices/" + entryId(tx) + "/reject").then().statusCode(303)
                .header("Location", containsString("rejected="));
        assertEquals(0, received(b));
    }

    // ---- organisations --------------------------------------------------------------------------

    /** A township code under the test county that nobody has registered yet. */
    String freshTownship() {
        for (int i = 0; i < 1000; i++) {
            String code = TestData.COUNTY + java.util.concurrent.ThreadLocalRandom.current().nextInt(600, 1000);
            if (data.count("select count(t) from Township t where t.code = ?1", code) == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free township code");
    }

    long townships(String code) {
        return data.count("select count(t) from Township t where t.code = ?1", code);
    }

    @Test
    void aBadCsvRowIsShownWithItsErrorAndNothingIsWritten() {
        String fresh = freshTownship();
        String csv = "代码,名称\n" + fresh + ",页面导入镇\nabc,坏行\n";
        as(maker()).formParams(Map.of("csrf", CSRF, "csv", csv)).when().post("/centre/organisations/import").then()
                .statusCode(200).body(containsString("试运行结果")).body(containsString("data-row-error=\"3\""))
                .body(containsString("不是 6 位、9 位或 12 位的行政区划代码")).body(containsString("页面导入镇"))
                .body(not(containsString("data-apply")));
        as(maker()).cookie("lang", "en").formParams(Map.of("csrf", CSRF, "csv", csv)).when()
                .post("/centre/organisations/import").then().statusCode(200)
                .body(containsString("is not a division code of 6, 9 or 12 digits"));
        as(maker()).formParams(Map.of("csrf", CSRF, "csv", csv)).when().post("/centre/organisations/import/apply")
                .then().statusCode(400).body(containsString("未写入任何数据")).body(containsString("第 3 行"));
        assertEquals(0, townships(fresh));
        as(maker()).formParams(Map.of("csv", csv)).when().post("/centre/organisations/import/apply").then()
                .statusCode(403);
        as(Tokens.township(TestData.TOWNSHIP_A)).formParams(Map.of("csrf", CSRF, "csv", csv)).when()
                .post("/centre/organisations/import").then().statusCode(403);
    }

    @Test
    void anImportIsAppliedAfterItsDryRunAndOrganisationsAreKeptByHand() {
        String fresh = freshTownship();
        String csv = fresh + ",页面导入镇\n";
        as(maker()).formParams(Map.of("csrf", CSRF, "csv", csv)).when().post("/centre/organisations/import").then()
                .statusCode(200).body(containsString("data-apply")).body(containsString("新增"));
        assertEquals(0, townships(fresh));
        as(maker()).formParams(Map.of("csrf", CSRF, "csv", csv)).when().post("/centre/organisations/import/apply")
                .then().statusCode(303).header("Location", containsString("townships=1"));
        assertEquals(1, townships(fresh));
        as(maker()).when().get("/centre/organisations?counties=0&townships=1&renamed=0").then().statusCode(200)
                .body(containsString("新增区县 0 个、乡镇 1 个")).body(containsString(TestData.TOWNSHIP_A));
        long all = data.count("select count(t) from Township t");
        String html = as(maker()).when().get("/centre/organisations?page=" + (all - 1) / CentreOrganisationsPage.PAGE_SIZE)
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(all > CentreOrganisationsPage.PAGE_SIZE,
                html.contains("/centre/organisations?page=" + ((all - 1) / CentreOrganisationsPage.PAGE_SIZE - 1)),
                "a link back when the townships fill more than a page");

        as(maker()).formParams(Map.of("csrf", CSRF, "name", "页面更名镇")).when()
                .post("/centre/organisations/township/" + fresh + "/rename").then().statusCode(303);
        assertEquals("页面更名镇", data.value(String.class, "select t.name from Township t where t.code = ?1", fresh));
        as(maker()).formParams(Map.of("csrf", CSRF)).when()
                .post("/centre/organisations/township/" + fresh + "/deactivate").then().statusCode(303);
        as(maker()).when().get("/centre/organisations?changed=deactivated&code=" + fresh).then().statusCode(200)
                .body(containsString("已停用 " + fresh)).body(containsString("data-reactivate=\"" + fresh + "\""));
        as(maker()).formParams(Map.of("csrf", CSRF)).when()
                .post("/centre/organisations/township/" + fresh + "/reactivate").then().statusCode(303);

        as(maker()).formParams(Map.of("csrf", CSRF, "kind", "TOWNSHIP", "code", "12345", "name", "坏码镇")).when()
                .post("/centre/organisations/register").then().statusCode(400).body(containsString("行政区划代码"))
                .body(containsString("role=\"alert\""));
        as(maker()).formParams(Map.of("csrf", CSRF, "kind", "TOWNSHIP", "code", fresh, "name", "重复镇")).when()
                .post("/centre/organisations/register").then().statusCode(409);
        String another = freshTownship();
        as(maker()).formParams(Map.of("csrf", CSRF, "kind", "TOWNSHIP", "code", another, "name", "手工登记镇")).when()
                .post("/centre/organisations/register").then().statusCode(303);
        assertEquals(1, townships(another));
    }

    // ---- enterprises ----------------------------------------------------------------------------

    @Test
    void theCreditCodeCheckSaysWhetherTheCheckCharacterIsRight() {
        String good = cn.landmarket.party.CreditCode.complete("91510703CTP000001");
        assertEquals(true, CentreEnterprisesPage.CodeCheck.of(good).valid());
        String bad = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        var check = CentreEnterprisesPage.CodeCheck.of(bad);
        assertEquals(false, check.valid());
        assertEquals(cn.landmarket.party.CreditCode.Problem.BAD_CHECK_CHARACTER, check.problem());
        assertEquals(String.valueOf(good.charAt(17)), check.expected());
    }

    @Test
    void pendingEnterprisesAreShownWithTheirCodeCheckedAndVerifiedOrRejectedWithAReason() {
        String first = data.enterprise("CTE%06d".formatted(SERIAL.incrementAndGet()), EnterpriseStatus.PENDING);
        String second = data.enterprise("CTE%06d".formatted(SERIAL.incrementAndGet()), EnterpriseStatus.PENDING);
        as(maker()).when().get("/centre/enterprises").then().statusCode(200).body(containsString(first))
                .body(containsString("data-code-check=\"valid\"")).body(containsString("信用代码校验通过"))
                .body(containsString("for=\"reason-" + second + "\"")).body(containsString("6228480000000000000"));
        as(maker()).cookie("lang", "en").when().get("/centre/enterprises").then().statusCode(200)
                .body(containsString("Credit code valid"));
        as(Tokens.regulator(TestData.CITY_REGULATOR)).accept("text/html").when().get("/centre/enterprises").then()
                .statusCode(403);

        as(maker()).formParams(Map.of("csrf", CSRF, "decision", "APPROVE")).when()
                .post("/centre/enterprises/" + first + "/review").then().statusCode(303)
                .header("Location", containsString("decision=APPROVE"));
        assertEquals("VERIFIED", data.value(EnterpriseStatus.class,
                "select e.status from Enterprise e where e.creditCode = ?1", first).name());
        as(maker()).formParams(Map.of("csrf", CSRF, "decision", "APPROVE")).when()
                .post("/centre/enterprises/" + first + "/review").then().statusCode(409);
        as(maker()).formParams(Map.of("csrf", CSRF, "decision", "REJECT", "reason", " ")).when()
                .post("/centre/enterprises/" + second + "/review").then().statusCode(400)
                .body(containsString("role=\"alert\""));
        as(maker()).formParams(Map.of("decision", "REJECT", "reason", "执照不清")).when()
                .post("/centre/enterprises/" + second + "/review").then().statusCode(403);
        as(maker()).formParams(Map.of("csrf", CSRF, "decision", "REJECT", "reason", "执照不清")).when()
                .post("/centre/enterprises/" + second + "/review").then().statusCode(303);
        assertEquals("REJECTED", data.value(EnterpriseStatus.class,
                "select e.status from Enterprise e where e.creditCode = ?1", second).name());
        as(maker()).when().get("/centre/enterprises").then().statusCode(200).body(not(containsString(first)))
                .body(not(containsString(second)));
    }

    // ---- refunds --------------------------------------------------------------------------------

    /** The refunds page that lists a refund, read page by page as an operator. */
    String refundsPageWith(long refundId) {
        for (int page = 0; page < 100; page++) {
            String html = as(maker()).when().get("/centre/refunds?page=" + page).then().statusCode(200).extract()
                    .asString();
            if (html.contains("data-refund-id=\"" + refundId + "\"")) {
                return html;
            }
            if (!html.contains("/centre/refunds?page=" + (page + 1))) {
                break;
            }
        }
        throw new AssertionError("refund " + refundId + " is not listed");
    }

    @Test
    void refundsOwedAreListedWithTheAmountAndOverdueOnesMarked() {
        Map<String, Object> credit = cn.landmarket.testing.BankFeed.credit(txId(),
                "62289999" + (100_000_000L + SERIAL.incrementAndGet()), "123.45", "李四",
                clock.instant().minusSeconds(60));
        long refundId = cn.landmarket.testing.BankFeed.deliver(credit).statusCode(200).extract().jsonPath()
                .getLong("refundId");
        String html = refundsPageWith(refundId);
        String row = html.substring(html.indexOf("data-refund-id=\"" + refundId + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        org.junit.jupiter.api.Assertions.assertTrue(row.contains("¥123.45"), row);
        org.junit.jupiter.api.Assertions.assertFalse(row.contains("data-overdue-refund"), row);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("笔待退，合计"), "the total owed");

        clock.advance(java.time.Duration.ofDays(30));
        html = refundsPageWith(refundId);
        row = html.substring(html.indexOf("data-refund-id=\"" + refundId + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        org.junit.jupiter.api.Assertions.assertTrue(row.contains("data-overdue-refund=\"" + refundId + "\""), row);
        org.junit.jupiter.api.Assertions.assertTrue(html.contains("data-overdue="), "the overdue total");
        org.junit.jupiter.api.Assertions.assertFalse(row.contains("李四"), "no payer name: " + row);
        as(Tokens.enterprise("91510703MA6Y000001")).accept("text/html").when().get("/centre/refunds").then()
                .statusCode(403);
    }

    // ---- calendar -------------------------------------------------------------------------------

    @Test
    void theCalendarShowsAMonthOfWeeksAndAnOperatorSetsAndClearsADay() {
        // 2099, so that no other test's working days move
        as(maker()).when().get("/centre/calendar?month=2099-03").then().statusCode(200)
                .body(containsString("<th scope=\"col\" abbr=\"星期一\">一</th>"))
                .body(containsString("2099 年 3 月")).body(containsString("data-day=\"2099-03-02\" data-kind=\"WORKING\""))
                .body(containsString("data-day=\"2099-03-01\" data-kind=\"REST\""))
                .body(containsString("href=\"/centre/calendar?month=2099-02\""))
                .body(containsString("href=\"/centre/calendar?month=2099-04\""))
                .body(containsString("for=\"note-2099-03-02\""));
        as(maker()).formParams(Map.of("working", "false", "note", "测试假日")).when()
                .post("/centre/calendar/days/2099-03-02").then().statusCode(403);
        as(maker()).formParams(Map.of("csrf", CSRF, "working", "true", "note", "测试")).when()
                .post("/centre/calendar/days/2099-03-02").then().statusCode(400).body(containsString("role=\"alert\""));
        as(maker()).formParams(Map.of("csrf", CSRF, "working", "false", "note", " ")).when()
                .post("/centre/calendar/days/2099-03-02").then().statusCode(400);
        try {
            as(maker()).formParams(Map.of("csrf", CSRF, "working", "false", "note", "测试假日")).when()
                    .post("/centre/calendar/days/2099-03-02").then().statusCode(303)
                    .header("Location", containsString("month=2099-03"));
            as(maker()).formParams(Map.of("csrf", CSRF, "working", "true", "note", "测试调休")).when()
                    .post("/centre/calendar/days/2099-03-01").then().statusCode(303);
            as(maker()).when().get("/centre/calendar?month=2099-03&changed=2099-03-01").then().statusCode(200)
                    .body(containsString("data-day=\"2099-03-02\" data-kind=\"HOLIDAY\""))
                    .body(containsString("data-day=\"2099-03-01\" data-kind=\"MAKEUP\""))
                    .body(containsString("测试调休")).body(containsString("data-clear=\"2099-03-02\""));
            as(maker()).cookie("lang", "en").when().get("/centre/calendar?month=2099-03").then().statusCode(200)
                    .body(containsString("Make-up working day")).body(containsString(">Mon</th>"));
            as(Tokens.township(TestData.TOWNSHIP_A)).formParams(Map.of("csrf", CSRF, "working", "false", "note", "x"))
                    .when().post("/centre/calendar/days/2099-03-03").then().statusCode(403);
        } finally {
            as(maker()).formParams(Map.of("csrf", CSRF)).when().post("/centre/calendar/days/2099-03-02/clear");
            as(maker()).formParams(Map.of("csrf", CSRF)).when().post("/centre/calendar/days/2099-03-01/clear");
        }
        as(maker()).when().get("/centre/calendar?month=2099-03").then().statusCode(200)
                .body(containsString("data-day=\"2099-03-02\" data-kind=\"WORKING\""));
        as(maker()).formParams(Map.of("csrf", CSRF)).when().post("/centre/calendar/days/2099-03-02/clear").then()
                .statusCode(404);
    }

    // ---- home -----------------------------------------------------------------------------------

    @Test
    void theHomeLinksEveryPageWithWhatWaitsOnIt() {
        Bidder b = bidder();
        as(maker()).formParams(noticeForm(b, txId(), b.deposit())).when().post("/centre/notices").then()
                .statusCode(303);
        data.enterprise("CTH%06d".formatted(SERIAL.incrementAndGet()), EnterpriseStatus.PENDING);
        String html = as(maker()).when().get("/centre").then().statusCode(200)
                .body(containsString("href=\"/centre/notices\"")).body(containsString("href=\"/centre/enterprises\""))
                .body(containsString("href=\"/centre/refunds\"")).body(containsString("href=\"/centre/organisations\""))
                .body(containsString("href=\"/centre/calendar\"")).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(html.contains("data-count=\"notices\">0<"), html);
        org.junit.jupiter.api.Assertions.assertFalse(html.contains("data-count=\"enterprises\">0<"), html);
        as(maker()).cookie("lang", "en").when().get("/centre").then().statusCode(200)
                .body(containsString("Trading centre console")).body(containsString("refunds overdue"));
    }

    // ---- dev sign-in: a second operator ----------------------------------------------------------

    @Test
    void theDevSignInOffersAnOperatorUnderAnotherNameAndOnlyAnOperator() {
        given().redirects().follow(false).when().get("/signin").then().statusCode(200)
                .body(containsString("name=\"subject\"")).body(containsString("data-operator-name"));
        RequestSpecification anon = given().redirects().follow(false).cookie(FormToken.COOKIE, CSRF)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        anon.formParams(Map.of("csrf", CSRF, "role", "operator", "org", "MYJYZX", "subject", "checker-7", "back",
                "/centre")).when().post("/signin").then().statusCode(303).header("Location", containsString("/centre"))
                .cookie(SessionCookie.NAME);
        given().redirects().follow(false).cookie(FormToken.COOKIE, CSRF)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of("csrf", CSRF, "role", "township", "org", TestData.TOWNSHIP_A, "subject", "x"))
                .when().post("/signin").then().statusCode(400);
        given().redirects().follow(false).cookie(FormToken.COOKIE, CSRF)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of("csrf", CSRF, "role", "operator", "org", "MYJYZX", "subject", "名字 有空格"))
                .when().post("/signin").then().statusCode(400);
    }
}
