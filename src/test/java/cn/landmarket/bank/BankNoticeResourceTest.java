package cn.landmarket.bank;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.calendar.CalendarService;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import cn.landmarket.escrow.Refund;
import cn.landmarket.escrow.RefundReason;
import cn.landmarket.testing.StandardMarket;

/** The bank's notices over HTTP: signature, idempotency, deposit matching, refunds and their payment. */
@QuarkusTest
@StandardMarket
class BankNoticeResourceTest {

    /** Enterprise serials of this class start with "BNK"; transaction ids with "BNK-". */
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String A = TestData.TOWNSHIP_A;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    CalendarService calendar;

    /** A verified enterprise registered for an announced listing, and where it pays. */
    private record Bidder(String code, String name, long listingId, long registrationId, String account) {
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String txId() {
        return "BNK-" + SERIAL.incrementAndGet() + "-" + System.nanoTime();
    }

    private long announced() {
        long cert = Fixtures.issue(Fixtures.linkage(A, 100_000));
        return Fixtures.announced(A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
    }

    private Bidder register(long listingId) {
        String code = data.enterprise("BNK%06d".formatted(SERIAL.incrementAndGet()), EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).when()
                .post("/api/listings/" + listingId + "/registrations").then().statusCode(201).extract().jsonPath();
        String name = data.value(String.class, "select e.bankAccountName from Enterprise e where e.creditCode = ?1", code);
        return new Bidder(code, name, listingId, view.getLong("id"), view.getString("payTo.virtualAccount"));
    }

    private Bidder bidder() {
        return register(announced());
    }

    private Instant aMinuteAgo() {
        return clock.instant().minusSeconds(60);
    }

    private Map<String, Object> deposit(Bidder b, String amount) {
        return BankFeed.credit(txId(), b.account(), amount, b.name(), aMinuteAgo());
    }

    private JsonPath mine(Bidder b) {
        return given().auth().oauth2(Tokens.enterprise(b.code())).when()
                .get("/api/listings/" + b.listingId() + "/registrations/mine").then().statusCode(200).extract()
                .jsonPath();
    }

    private long received(Bidder b) {
        return data.count("select r.depositReceivedFen from Registration r where r.id = ?1", b.registrationId());
    }

    private long notices(String transactionId) {
        return data.count("select count(n) from BankNotice n where n.transactionId = ?1", transactionId);
    }

    private long refundsOf(String creditTransactionId) {
        return data.count("select count(r) from Refund r where r.creditTransactionId = ?1", creditTransactionId);
    }

    private Refund refund(long id) {
        return data.value(Refund.class, "select r from Refund r where r.id = ?1", id);
    }

    /** The end of the fifth working day after the day of bookedAt, in the market zone. */
    private Instant fiveWorkingDaysAfter(Instant bookedAt) {
        LocalDate day = calendar.calendar().addWorkingDays(bookedAt.atZone(Fixtures.ZONE).toLocalDate(), 5);
        return day.atTime(LocalTime.of(23, 59, 59)).atZone(Fixtures.ZONE).toInstant();
    }

    private static ValidatableResponse manual(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(BankFeed.bytes(body)).when()
                .post("/api/bank/notifications/manual").then();
    }

    @Test
    void aSignedCreditOfTheFullDepositQualifiesTheBidderWithAnEightCharacterNumber() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "4000000.00");
        String tx = (String) credit.get("transactionId");
        BankFeed.deliver(credit).statusCode(200).contentType(ContentType.JSON)
                .body("transactionId", equalTo(tx))
                .body("outcome", equalTo("QUALIFIED"))
                .body("registrationId", equalTo((int) b.registrationId()))
                .body("registrationStatus", equalTo("QUALIFIED"))
                .body("refundId", nullValue())
                .body("$", not(hasKey("bidderNo")));
        JsonPath mine = mine(b);
        assertEquals("QUALIFIED", mine.getString("status"));
        assertTrue(mine.getString("bidderNo").matches("[2-9A-HJKMNP-Z]{8}"), mine.getString("bidderNo"));
        assertEquals("4000000.00", mine.getString("depositReceived"));
        assertNotNull(mine.getString("qualifiedAt"));
        BankNotice notice = data.value(BankNotice.class, "select n from BankNotice n where n.transactionId = ?1", tx);
        assertEquals(NoticeSource.FEED, notice.source);
        assertEquals(NoticeOutcome.QUALIFIED, notice.outcome);
        assertEquals(b.registrationId(), notice.registrationId);
        assertEquals(4_000_000_00L, notice.amountFen);
        assertNull(notice.enteredBy);
        assertEquals(64, notice.bodySha256.length());
        assertEquals(0, refundsOf(tx));
    }

    @Test
    void anUnsignedNoticeIsRefusedWith401AndStoresNothing() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "4000000.00");
        BankFeed.deliver(BankFeed.bytes(credit), null).statusCode(401).contentType(PROBLEM_JSON)
                .body("code", equalTo("NOT_AUTHENTICATED")).body("detail", containsString("X-Signature"));
        assertEquals(0, notices((String) credit.get("transactionId")));
        assertEquals(0, received(b));
    }

    @Test
    void aMisSignedNoticeIsRefusedWith401AndStoresNothing() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "4000000.00");
        byte[] body = BankFeed.bytes(credit);
        String good = BankFeed.sign(body, BankFeed.SECRET);
        BankFeed.deliver(body, BankFeed.sign(body, "another-secret")).statusCode(401).body("code", equalTo("NOT_AUTHENTICATED"));
        BankFeed.deliver(body, good.toUpperCase()).statusCode(401);
        BankFeed.deliver(body, good.substring("sha256=".length())).statusCode(401);
        BankFeed.deliver(body, "sha256=not-hex").statusCode(401);
        byte[] tampered = new String(body, StandardCharsets.UTF_8).replace("4000000.00", "4000000.01")
                .getBytes(StandardCharsets.UTF_8);
        BankFeed.deliver(tampered, good).statusCode(401);
        assertEquals(0, notices((String) credit.get("transactionId")));
        assertEquals(0, received(b));
        assertEquals("AWAITING_DEPOSIT", mine(b).getString("status"));
    }

    @Test
    void aBadSignatureIsRefusedBeforeTheBodyIsRead() {
        BankFeed.deliver("not json".getBytes(StandardCharsets.UTF_8), "sha256=" + "0".repeat(64)).statusCode(401);
        byte[] garbage = "not json".getBytes(StandardCharsets.UTF_8);
        BankFeed.deliver(garbage).statusCode(400).body("code", equalTo("MALFORMED_REQUEST"));
    }

    @Test
    void anIdenticalReplayIsAnsweredTheSameAndCountedOnce() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "1000000.00");
        String tx = (String) credit.get("transactionId");
        byte[] body = BankFeed.bytes(credit);
        String first = BankFeed.deliver(body).statusCode(200).body("outcome", equalTo("PARTIAL")).extract().asString();
        clock.advance(Duration.ofHours(1));
        String second = BankFeed.deliver(body).statusCode(200).extract().asString();
        assertEquals(first, second);
        assertEquals(1, notices(tx));
        assertEquals(1_000_000_00L, received(b));
        assertEquals("1000000.00", mine(b).getString("depositReceived"));
    }

    @Test
    void theSameTransactionIdWithADifferentBodyIsAConflictAndChangesNothing() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "1000000.00");
        String tx = (String) credit.get("transactionId");
        BankFeed.deliver(credit).statusCode(200);
        credit.put("amount", "3000000.00");
        BankFeed.deliver(credit).statusCode(409).contentType(PROBLEM_JSON).body("code", equalTo("CONFLICT"))
                .body("detail", containsString(tx));
        assertEquals(1, notices(tx));
        assertEquals(1_000_000_00L, received(b));
        assertEquals(100_000_000L, data.count("select n.amountFen from BankNotice n where n.transactionId = ?1", tx));
    }

    @Test
    void concurrentDeliveriesOfOneNoticeAreCountedOnce() throws Exception {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "1000000.00");
        String tx = (String) credit.get("transactionId");
        byte[] body = BankFeed.bytes(credit);
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<String>> calls = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            calls.add(() -> BankFeed.deliver(body).statusCode(200).extract().asString());
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(calls)) {
            answers.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, answers.stream().distinct().count(), answers::toString);
        assertTrue(answers.get(0).contains("\"PARTIAL\""), answers.get(0));
        assertEquals(1, notices(tx));
        assertEquals(1_000_000_00L, received(b));
        assertEquals(0, refundsOf(tx));
    }

    @Test
    void concurrentDifferentCreditsToOneRegistrationAllCount() throws Exception {
        Bidder b = bidder();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Map<String, Object> credit = deposit(b, "500000.00");
            calls.add(() -> BankFeed.deliver(credit).extract().statusCode());
        }
        for (Future<Integer> f : pool.invokeAll(calls)) {
            assertEquals(200, f.get());
        }
        pool.shutdown();
        assertEquals(4_000_000_00L, received(b));
        JsonPath mine = mine(b);
        assertEquals("QUALIFIED", mine.getString("status"));
        assertEquals(7, data.count("select count(n) from BankNotice n where n.registrationId = ?1 and n.outcome = ?2",
                b.registrationId(), NoticeOutcome.PARTIAL));
        assertEquals(1, data.count("select count(n) from BankNotice n where n.registrationId = ?1 and n.outcome = ?2",
                b.registrationId(), NoticeOutcome.QUALIFIED));
    }

    @Test
    void aDepositFromSomeoneElseIsRefundedWholeWithinFiveWorkingDays() {
        Bidder b = bidder();
        Instant booked = aMinuteAgo();
        Map<String, Object> credit = BankFeed.credit(txId(), b.account(), "4000000.00", "张三", booked);
        credit.put("counterpartyAccount", "6217000000000000001");
        String tx = (String) credit.get("transactionId");
        long refundId = BankFeed.deliver(credit).statusCode(200)
                .body("outcome", equalTo("WRONG_PAYER"))
                .body("registrationId", equalTo((int) b.registrationId()))
                .body("registrationStatus", equalTo("AWAITING_DEPOSIT"))
                .body("refundId", notNullValue())
                .extract().jsonPath().getLong("refundId");
        Refund refund = refund(refundId);
        assertEquals(4_000_000_00L, refund.amountFen);
        assertEquals("张三", refund.payeeName);
        assertEquals("6217000000000000001", refund.payeeAccount);
        assertEquals(RefundReason.WRONG_PAYER, refund.reason);
        assertEquals(tx, refund.creditTransactionId);
        assertEquals(b.registrationId(), refund.registrationId);
        assertEquals(fiveWorkingDaysAfter(booked), refund.dueBy);
        assertNull(refund.confirmedAt);
        assertEquals(0, received(b));
        assertEquals("AWAITING_DEPOSIT", mine(b).getString("status"));
    }

    @Test
    void aDepositBookedAfterTheDeadlineIsRefundedAsLate() {
        Bidder b = bidder();
        clock.advance(Duration.ofDays(36));
        long refundId = BankFeed.deliver(deposit(b, "4000000.00")).statusCode(200)
                .body("outcome", equalTo("LATE")).body("registrationStatus", equalTo("AWAITING_DEPOSIT"))
                .extract().jsonPath().getLong("refundId");
        Refund refund = refund(refundId);
        assertEquals(RefundReason.LATE, refund.reason);
        assertEquals(4_000_000_00L, refund.amountFen);
        assertEquals(b.name(), refund.payeeName);
        assertEquals(0, received(b));
    }

    @Test
    void aDepositPaidWhileTheListingIsSuspendedIsOnTimeEvenPastTheOldDeadline() {
        Bidder b = bidder();
        Fixtures.act(Tokens.regulator(TestData.CITY_REGULATOR), b.listingId(), "suspend", 200);
        clock.advance(Duration.ofDays(36));
        BankFeed.deliver(deposit(b, "4000000.00")).statusCode(200).body("outcome", equalTo("QUALIFIED"));
    }

    @Test
    void aCreditToAnAccountNoRegistrationHasIsRefundedAsUnmatched() {
        bidder();
        for (String account : List.of("62280000000000000", "6228999999999999" + "0", "1234")) {
            Instant booked = aMinuteAgo();
            Map<String, Object> credit = BankFeed.credit(txId(), account, "100.00", "李四", booked);
            long refundId = BankFeed.deliver(credit).statusCode(200)
                    .body("outcome", equalTo("UNMATCHED"))
                    .body("registrationId", nullValue())
                    .body("registrationStatus", nullValue())
                    .extract().jsonPath().getLong("refundId");
            Refund refund = refund(refundId);
            assertEquals(RefundReason.UNMATCHED, refund.reason);
            assertEquals(10_000L, refund.amountFen);
            assertEquals("李四", refund.payeeName);
            assertNull(refund.registrationId);
            assertEquals(fiveWorkingDaysAfter(booked), refund.dueBy);
            assertEquals(1, notices((String) credit.get("transactionId")));
        }
    }

    @Test
    void whatExceedsTheDepositIsRefundedAndACreditAfterQualificationIsRefundedWhole() {
        Bidder b = bidder();
        Map<String, Object> over = deposit(b, "4500000.50");
        long excessRefund = BankFeed.deliver(over).statusCode(200)
                .body("outcome", equalTo("QUALIFIED")).body("registrationStatus", equalTo("QUALIFIED"))
                .extract().jsonPath().getLong("refundId");
        Refund excess = refund(excessRefund);
        assertEquals(RefundReason.EXCESS, excess.reason);
        assertEquals(500_000_50L, excess.amountFen);
        assertEquals(4_000_000_00L, received(b));
        String bidderNo = mine(b).getString("bidderNo");

        long laterRefund = BankFeed.deliver(deposit(b, "100.00")).statusCode(200)
                .body("outcome", equalTo("EXCESS")).body("registrationStatus", equalTo("QUALIFIED"))
                .extract().jsonPath().getLong("refundId");
        Refund later = refund(laterRefund);
        assertEquals(RefundReason.EXCESS, later.reason);
        assertEquals(10_000L, later.amountFen);
        assertEquals(4_000_000_00L, received(b));
        assertEquals(bidderNo, mine(b).getString("bidderNo"));
    }

    @Test
    void aPartialDepositIsHeldUntilTheRestArrives() {
        Bidder b = bidder();
        Map<String, Object> first = deposit(b, "1500000.00");
        BankFeed.deliver(first).statusCode(200)
                .body("outcome", equalTo("PARTIAL")).body("registrationStatus", equalTo("AWAITING_DEPOSIT"))
                .body("refundId", nullValue());
        JsonPath partial = mine(b);
        assertEquals("1500000.00", partial.getString("depositReceived"));
        assertEquals("AWAITING_DEPOSIT", partial.getString("status"));
        assertNull(partial.getString("bidderNo"));
        assertEquals(0, refundsOf((String) first.get("transactionId")));

        Map<String, Object> rest = deposit(b, "2500000.00");
        BankFeed.deliver(rest).statusCode(200).body("outcome", equalTo("QUALIFIED")).body("refundId", nullValue());
        JsonPath complete = mine(b);
        assertEquals("4000000.00", complete.getString("depositReceived"));
        assertEquals("QUALIFIED", complete.getString("status"));
        assertEquals(8, complete.getString("bidderNo").length());
    }

    /** A second operator of the trading centre, who approves what the first typed in. */
    private static String checker() {
        return Tokens.claims("operator", "MYJYZX").upn("operator-checker").sign();
    }

    /** Enters a notice as Tokens.operator() and approves it as a second operator; the approval's answer. */
    private static ValidatableResponse enteredAndApproved(Map<String, Object> body) {
        long id = manual(Tokens.operator(), body).statusCode(202).extract().jsonPath().getLong("id");
        return given().auth().oauth2(checker()).when().post("/api/bank/notifications/manual/" + id + "/approve")
                .then();
    }

    @Test
    void anOperatorMayEnterANoticeByHandAndOnceASecondApprovesItIsRecordedAsManual() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "4000000.00");
        String tx = (String) credit.get("transactionId");
        enteredAndApproved(credit).statusCode(200).body("outcome", equalTo("QUALIFIED"));
        BankNotice notice = data.value(BankNotice.class, "select n from BankNotice n where n.transactionId = ?1", tx);
        assertEquals(NoticeSource.MANUAL, notice.source);
        assertEquals("operator:MYJYZX:operator-user", notice.enteredBy);
        assertEquals("QUALIFIED", mine(b).getString("status"));
        manual(Tokens.operator(), credit).statusCode(409).body("detail", containsString(tx));
        assertEquals(1, notices(tx));
    }

    @Test
    void onlyOperatorsEnterNoticesByHand() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "4000000.00");
        manual(Tokens.enterprise(b.code()), credit).statusCode(403);
        manual(Tokens.regulator(TestData.CITY_REGULATOR), credit).statusCode(403);
        manual(Tokens.township(A), credit).statusCode(403);
        given().contentType(ContentType.JSON).body(BankFeed.bytes(credit)).when()
                .post("/api/bank/notifications/manual").then().statusCode(401);
        assertEquals(0, notices((String) credit.get("transactionId")));
        assertEquals(0, received(b));
    }

    @Test
    void theFeedDeliveringABookingOperatorsAlreadyEnteredAndApprovedIsAReplay() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "1000000.00");
        String typed = enteredAndApproved(credit).statusCode(200).extract().asString();
        byte[] asTheBankWritesIt = ("{\n  \"transactionId\": \"" + credit.get("transactionId") + "\",\n"
                + "  \"kind\": \"CREDIT\", \"account\": \"" + b.account() + "\", \"amount\": \"1000000.00\",\n"
                + "  \"counterpartyName\": \"" + b.name() + "\", \"counterpartyAccount\": \"6228480000000000000\",\n"
                + "  \"bookedAt\": \"" + credit.get("bookedAt") + "\"\n}").getBytes(StandardCharsets.UTF_8);
        assertEquals(typed, BankFeed.deliver(asTheBankWritesIt).statusCode(200).extract().asString());
        assertEquals(1_000_000_00L, received(b));
        asTheBankWritesIt = new String(asTheBankWritesIt, StandardCharsets.UTF_8).replace("1000000.00", "1000000.10")
                .getBytes(StandardCharsets.UTF_8);
        BankFeed.deliver(asTheBankWritesIt).statusCode(409);
    }

    @Test
    void aDebitNamingAnOpenRefundWithItsAmountAndPayeeConfirmsIt() {
        Bidder b = bidder();
        long refundId = BankFeed.deliver(BankFeed.credit(txId(), b.account(), "200.00", "王五", aMinuteAgo()))
                .statusCode(200).extract().jsonPath().getLong("refundId");
        Refund owed = refund(refundId);
        String reference = "REFUND-" + refundId;

        Map<String, Object> wrongAmount = BankFeed.debit(txId(), "199.99", "王五", owed.payeeAccount, reference,
                aMinuteAgo());
        BankFeed.deliver(wrongAmount).statusCode(200).body("outcome", equalTo("DEBIT_UNMATCHED"))
                .body("refundId", nullValue());
        Map<String, Object> wrongPayee = BankFeed.debit(txId(), "200.00", "王五", "6217999999999999999", reference,
                aMinuteAgo());
        BankFeed.deliver(wrongPayee).statusCode(200).body("outcome", equalTo("DEBIT_UNMATCHED"));
        assertNull(refund(refundId).confirmedAt);

        Map<String, Object> paid = BankFeed.debit(txId(), "200.00", "王五", owed.payeeAccount, reference, aMinuteAgo());
        String debitTx = (String) paid.get("transactionId");
        BankFeed.deliver(paid).statusCode(200)
                .body("outcome", equalTo("REFUND_CONFIRMED"))
                .body("refundId", equalTo((int) refundId))
                .body("registrationId", equalTo((int) b.registrationId()));
        Refund confirmed = refund(refundId);
        assertNotNull(confirmed.confirmedAt);
        assertEquals(debitTx, confirmed.debitTransactionId);
        assertEquals(NoticeOutcome.REFUND_CONFIRMED,
                data.value(NoticeOutcome.class, "select n.outcome from BankNotice n where n.transactionId = ?1", debitTx));

        Map<String, Object> again = BankFeed.debit(txId(), "200.00", "王五", owed.payeeAccount, reference, aMinuteAgo());
        BankFeed.deliver(again).statusCode(200).body("outcome", equalTo("DEBIT_UNMATCHED"));
        assertEquals(debitTx, refund(refundId).debitTransactionId);
    }

    @Test
    void aDebitWithoutARefundReferenceIsRecordedForTheOperator() {
        for (String reference : new String[] {null, "手续费", "REFUND-", "REFUND-987654321", "REFUND-12a"}) {
            Map<String, Object> debit = BankFeed.debit(txId(), "15.00", "中国农业银行", "0000", reference, aMinuteAgo());
            BankFeed.deliver(debit).statusCode(200).body("outcome", equalTo("DEBIT_UNMATCHED"))
                    .body("registrationId", nullValue()).body("refundId", nullValue());
            assertEquals(1, data.count("select count(n) from BankNotice n where n.transactionId = ?1 and n.outcome = ?2",
                    debit.get("transactionId"), NoticeOutcome.DEBIT_UNMATCHED));
        }
    }

    @Test
    void invalidNoticesAreA400NamingTheFieldAndStoreNothing() {
        Bidder b = bidder();
        Map<String, Object> unknownField = deposit(b, "100.00");
        unknownField.put("memo", "x");
        Map<String, Object> zero = deposit(b, "0.00");
        Map<String, Object> number = deposit(b, "100.00");
        number.put("amount", 100);
        Map<String, Object> badId = deposit(b, "100.00");
        badId.put("transactionId", "tx 1/2");
        Map<String, Object> noOffset = deposit(b, "100.00");
        noOffset.put("bookedAt", "2026-05-01T10:00:00");
        Map<String, Object> future = BankFeed.credit(txId(), b.account(), "100.00", b.name(),
                clock.instant().plus(Duration.ofMinutes(6)));
        Map<String, Object> missingKind = deposit(b, "100.00");
        missingKind.remove("kind");
        Map<String, Object> lowerKind = deposit(b, "100.00");
        lowerKind.put("kind", "credit");

        Map<Map<String, Object>, String> expected = new java.util.LinkedHashMap<>();
        expected.put(unknownField, "memo");
        expected.put(zero, "amount");
        expected.put(number, "amount");
        expected.put(badId, "transactionId");
        expected.put(noOffset, "bookedAt");
        expected.put(future, "bookedAt");
        expected.put(missingKind, "kind");
        expected.put(lowerKind, "kind");
        for (var e : expected.entrySet()) {
            BankFeed.deliver(e.getKey()).statusCode(400).contentType(PROBLEM_JSON)
                    .body("code", equalTo("VALIDATION_FAILED")).body("errors.field", hasItem(e.getValue()));
        }
        BankFeed.deliver("{\"transactionId\":\"BNK-dup\",\"transactionId\":\"BNK-dup2\"}".getBytes(StandardCharsets.UTF_8))
                .statusCode(400);
        BankFeed.deliver("null".getBytes(StandardCharsets.UTF_8)).statusCode(400);
        BankFeed.deliver(new byte[0]).statusCode(400);
        assertEquals(0, data.count("select count(n) from BankNotice n where n.account = ?1", b.account()));
        assertEquals(0, received(b));
    }

    @Test
    void aBookingAFewMinutesAheadOfTheServerClockIsAccepted() {
        Bidder b = bidder();
        Map<String, Object> credit = BankFeed.credit(txId(), b.account(), "100.00", b.name(),
                clock.instant().plus(Duration.ofMinutes(4)));
        BankFeed.deliver(credit).statusCode(200).body("outcome", equalTo("PARTIAL"));
    }

    @Test
    void refundsShowOperatorsAndRegulatorsTheListingAndBidderNumberAndAMaskedAccountNeverThePayee() {
        Bidder b = bidder();
        Map<String, Object> wrong = BankFeed.credit(txId(), b.account(), "300.00", "冒名付款人", aMinuteAgo());
        wrong.put("counterpartyAccount", "6217 0000-0000 0009 876");
        long wrongPayer = BankFeed.deliver(wrong).statusCode(200).body("outcome", equalTo("WRONG_PAYER"))
                .extract().jsonPath().getLong("refundId");
        BankFeed.deliver(deposit(b, mine(b).getString("deposit"))).statusCode(200)
                .body("outcome", equalTo("QUALIFIED"));
        String bidderNo = mine(b).getString("bidderNo");
        assertNotNull(bidderNo);
        long surplus = BankFeed.deliver(deposit(b, "100.00")).statusCode(200).extract().jsonPath().getLong("refundId");

        for (String token : List.of(Tokens.operator(), Tokens.regulator(TestData.CITY_REGULATOR))) {
            String body = given().auth().oauth2(token).when().get("/api/refunds?size=100").then().statusCode(200)
                    .body("items.find { it.id == " + wrongPayer + " }.listingId", equalTo((int) b.listingId()))
                    .body("items.find { it.id == " + wrongPayer + " }.registrationId", equalTo((int) b.registrationId()))
                    .body("items.find { it.id == " + wrongPayer + " }.payeeAccountMasked", equalTo("****9876"))
                    .body("items.find { it.id == " + wrongPayer + " }", not(hasKey("payeeName")))
                    .body("items.find { it.id == " + wrongPayer + " }", not(hasKey("payeeAccount")))
                    .body("items.find { it.id == " + surplus + " }.bidderNo", equalTo(bidderNo))
                    .body("items.find { it.id == " + surplus + " }.payeeAccountMasked", equalTo("****0000"))
                    .extract().asString();
            for (String secret : List.of("冒名付款人", "6217 0000-0000 0009 876", "621700000000009876", b.name(),
                    "6228480000000000000", b.code())) {
                assertTrue(!body.contains(secret), "the refund list names a bidder by " + secret);
            }
        }
    }

    @Test
    void refundsAreListedForOperatorsAndRegulatorsWithOverdueFlags() {
        Bidder b = bidder();
        long overdueId = BankFeed.deliver(BankFeed.credit(txId(), b.account(), "300.00", "赵六", aMinuteAgo()))
                .statusCode(200).extract().jsonPath().getLong("refundId");
        clock.advance(Duration.ofDays(10));
        long freshId = BankFeed.deliver(BankFeed.credit(txId(), b.account(), "400.00", "赵六", aMinuteAgo()))
                .statusCode(200).extract().jsonPath().getLong("refundId");
        long unmatchedId = BankFeed.deliver(BankFeed.credit(txId(), "0", "500.00", "孙七", aMinuteAgo()))
                .statusCode(200).extract().jsonPath().getLong("refundId");
        Refund paidLater = refund(freshId);
        BankFeed.deliver(BankFeed.debit(txId(), "400.00", "赵六", paidLater.payeeAccount, "REFUND-" + freshId,
                aMinuteAgo())).statusCode(200).body("outcome", equalTo("REFUND_CONFIRMED"));

        String operator = Tokens.operator();
        given().auth().oauth2(operator).when().get("/api/refunds?open=true&size=100").then().statusCode(200)
                .body("items.id", hasItem((int) overdueId))
                .body("items.id", hasItem((int) unmatchedId))
                .body("items.id", not(hasItem((int) freshId)))
                .body("items.open", everyItem(equalTo(true)))
                .body("items.find { it.id == " + overdueId + " }.overdue", equalTo(true))
                .body("items.find { it.id == " + overdueId + " }.amount", equalTo("300.00"))
                .body("items.find { it.id == " + overdueId + " }.reason", equalTo("WRONG_PAYER"))
                .body("items.find { it.id == " + unmatchedId + " }.overdue", equalTo(false));
        given().auth().oauth2(operator).when().get("/api/refunds?open=false&size=100").then().statusCode(200)
                .body("items.id", hasItem((int) freshId))
                .body("items.open", everyItem(equalTo(false)))
                .body("items.overdue", everyItem(equalTo(false)))
                .body("items.find { it.id == " + freshId + " }.debitTransactionId", notNullValue());
        given().auth().oauth2(operator).when().get("/api/refunds?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) freshId)).body("items.id", hasItem((int) overdueId));

        given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/api/refunds?size=100").then()
                .statusCode(200)
                .body("items.id", hasItem((int) overdueId))
                .body("items.id", not(hasItem((int) unmatchedId)));
        given().auth().oauth2(Tokens.regulator(TestData.FOREIGN_REGULATOR)).when().get("/api/refunds?size=100").then()
                .statusCode(200).body("items.id", not(hasItem((int) overdueId)));
        given().auth().oauth2(Tokens.enterprise(b.code())).when().get("/api/refunds").then().statusCode(403);
        given().auth().oauth2(operator).when().get("/api/refunds?open=maybe").then().statusCode(400)
                .body("errors[0].field", equalTo("open"));
        OffsetDateTime due = OffsetDateTime.parse(given().auth().oauth2(operator).when().get("/api/refunds?size=100")
                .then().extract().path("items.find { it.id == " + overdueId + " }.dueBy"));
        assertEquals(LocalTime.of(23, 59, 59), due.toLocalTime());
    }
}
