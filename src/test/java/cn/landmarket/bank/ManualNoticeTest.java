package cn.landmarket.bank;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.calendar.CalendarService;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
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

/**
 * Maker-checker for notices typed in by operators (issue 12, item 4): no single operator can
 * create or erase money. One operator enters, a different one approves, and only then does the
 * notice count; a booking reported by the feed and by an operator counts once.
 */
@QuarkusTest
@StandardMarket
class ManualNoticeTest {

    /** Enterprise serials of this class start with "MCK"; transaction ids with "MCK-". */
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String A = TestData.TOWNSHIP_A;
    private static final String MAKER_SUBJECT = "operator-user";

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    SettlementSweep settlement;

    @Inject
    CalendarService calendar;

    @Inject
    DataSource dataSource;

    /** A verified enterprise registered for an announced listing, and where it pays. */
    private record Bidder(String code, String name, long listingId, long registrationId, String account) {
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String txId() {
        return "MCK-" + SERIAL.incrementAndGet() + "-" + System.nanoTime();
    }

    /** The operator who types notices in (Tokens.operator(), subject operator-user). */
    private static String maker() {
        return Tokens.operator();
    }

    /** A second operator of the same trading centre. */
    private static String checker() {
        return Tokens.claims("operator", "MYJYZX").upn("operator-checker").sign();
    }

    private Bidder bidder() {
        long cert = Fixtures.issue(Fixtures.linkage(A, 100_000));
        long listingId = Fixtures.announced(A, Fixtures.listing(cert, 10_000, clock.instant()), clock);
        String code = data.enterprise("MCK%06d".formatted(SERIAL.incrementAndGet()), EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).when()
                .post("/api/listings/" + listingId + "/registrations").then().statusCode(201).extract().jsonPath();
        String name = data.value(String.class, "select e.bankAccountName from Enterprise e where e.creditCode = ?1", code);
        return new Bidder(code, name, listingId, view.getLong("id"), view.getString("payTo.virtualAccount"));
    }

    private Instant aMinuteAgo() {
        return clock.instant().minusSeconds(60);
    }

    private Map<String, Object> deposit(Bidder b, String amount) {
        return BankFeed.credit(txId(), b.account(), amount, b.name(), aMinuteAgo());
    }

    private static ValidatableResponse enter(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(BankFeed.bytes(body)).when()
                .post("/api/bank/notifications/manual").then();
    }

    /** Enters a notice as the maker and returns the entry's id. */
    private static long entered(Map<String, Object> body) {
        return enter(maker(), body).statusCode(202).contentType(ContentType.JSON)
                .body("status", equalTo("PENDING_APPROVAL")).extract().jsonPath().getLong("id");
    }

    private static ValidatableResponse approve(String token, long id) {
        return given().auth().oauth2(token).when().post("/api/bank/notifications/manual/" + id + "/approve").then();
    }

    private static ValidatableResponse reject(String token, long id, String reason) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("reason", reason)).when()
                .post("/api/bank/notifications/manual/" + id + "/reject").then();
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

    private long noticesOf(String account) {
        return data.count("select count(n) from BankNotice n where n.account = ?1", account);
    }

    private BankNotice notice(String transactionId) {
        return data.value(BankNotice.class, "select n from BankNotice n where n.transactionId = ?1", transactionId);
    }

    private Refund refund(long id) {
        return data.value(Refund.class, "select r from Refund r where r.id = ?1", id);
    }

    private long ledgerTransfersNaming(String transactionId) {
        return data.count("select count(t) from Transfer t where t.reference = ?1", transactionId);
    }

    /** The audit entries of a type whose fact has a value, staged or in the tree, in the order written. */
    private List<JsonPath> logged(String type, String fact, Object value) {
        List<JsonPath> found = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("""
                select json from (
                    select 1 as stage, id as pos, convert_from(entry, 'UTF8') as json from audit_pending
                    union all
                    select 0 as stage, idx as pos, convert_from(entry, 'UTF8') as json from audit_entry
                ) e
                where cast(json as jsonb) ->> 'type' = ? and cast(json as jsonb) #>> ? = ?
                order by stage, pos""")) {
            s.setString(1, type);
            s.setArray(2, c.createArrayOf("text", new String[] {"facts", fact}));
            s.setString(3, String.valueOf(value));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(JsonPath.from(rs.getString(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    private JsonPath onlyLogged(String type, String fact, Object value) {
        List<JsonPath> found = logged(type, fact, value);
        assertEquals(1, found.size(), () -> type + " with " + fact + "=" + value + ": " + found.size());
        return found.get(0);
    }

    private static void assertNamesNoPayer(JsonPath entry, String payerName, String payerAccount) {
        String facts = entry.getMap("facts").toString();
        assertFalse(facts.contains(payerName), () -> "the payer's name is logged: " + facts);
        assertFalse(facts.contains(payerAccount), () -> "the payer's account is logged: " + facts);
        assertFalse(facts.contains("counterparty"), facts);
    }

    // ---- maker-checker -------------------------------------------------------------------------

    @Test
    void theOperatorWhoEnteredANoticeCannotApproveOrRejectIt() {
        Bidder b = bidder();
        long id = entered(deposit(b, "4000000.00"));
        approve(maker(), id).statusCode(403).contentType(PROBLEM_JSON).body("code", equalTo("FORBIDDEN"))
                .body("detail", containsString("a different operator must approve or reject it"));
        reject(maker(), id, "typo").statusCode(403).body("code", equalTo("FORBIDDEN"));
        // the same person with a token for another organisation is still the same person
        approve(Tokens.claims("operator", "OTHERCENTRE").upn(MAKER_SUBJECT).sign(), id).statusCode(403);
        assertEquals(0, received(b));
        assertEquals("AWAITING_DEPOSIT", mine(b).getString("status"));
        assertEquals(0, noticesOf(b.account()));
        given().auth().oauth2(checker()).when().get("/api/bank/notifications/manual?size=100").then().statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("items.find { it.id == " + id + " }.status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void nothingIsCountedBeforeApproval() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "4000000.00");
        String tx = (String) credit.get("transactionId");
        JsonPath view = enter(maker(), credit).statusCode(202).body("transactionId", equalTo(tx))
                .body("status", equalTo("PENDING_APPROVAL")).body("amount", equalTo("4000000.00"))
                .body("counterpartyName", equalTo(b.name())).body("enteredBy", equalTo("operator:MYJYZX:operator-user"))
                .body("decidedBy", nullValue()).body("outcome", nullValue())
                .extract().jsonPath();
        assertEquals(0, notices(tx));
        assertEquals(0, received(b));
        assertEquals(0, ledgerTransfersNaming(tx));
        JsonPath mine = mine(b);
        assertEquals("AWAITING_DEPOSIT", mine.getString("status"));
        assertNull(mine.getString("bidderNo"));
        // entering the same body again answers the same entry, and still counts nothing
        enter(checker(), credit).statusCode(200).body("id", equalTo(view.getInt("id")));
        // another body under the waiting id is a conflict
        Map<String, Object> changed = new java.util.LinkedHashMap<>(credit);
        changed.put("amount", "4000001.00");
        enter(maker(), changed).statusCode(409).body("code", equalTo("CONFLICT"));
        assertEquals(1, data.count("select count(m) from ManualNotice m where m.transactionId = ?1", tx));
        assertEquals(0, received(b));
    }

    @Test
    void approvalByASecondOperatorCountsTheNoticeAndLogsEntryApprovalAndEffect() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "4000000.00");
        String tx = (String) credit.get("transactionId");
        long id = entered(credit);
        approve(checker(), id).statusCode(200).contentType(ContentType.JSON)
                .body("transactionId", equalTo(tx)).body("outcome", equalTo("QUALIFIED"))
                .body("registrationId", equalTo((int) b.registrationId()))
                .body("registrationStatus", equalTo("QUALIFIED"));
        assertEquals(4_000_000_00L, received(b));
        assertEquals("QUALIFIED", mine(b).getString("status"));
        BankNotice notice = notice(tx);
        assertEquals(NoticeSource.MANUAL, notice.source);
        assertEquals("operator:MYJYZX:operator-user", notice.enteredBy);
        assertEquals("operator:MYJYZX:operator-checker", notice.approvedBy);
        assertEquals(id, notice.manualNoticeId);
        given().auth().oauth2(maker()).when().get("/api/bank/notifications/manual?status=APPROVED&size=100").then()
                .statusCode(200).body("items.find { it.id == " + id + " }.decidedBy",
                        equalTo("operator:MYJYZX:operator-checker"))
                .body("items.find { it.id == " + id + " }.outcome", equalTo("QUALIFIED"));
        given().auth().oauth2(maker()).when().get("/api/bank/notifications/manual?size=100").then().statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        // deciding twice is refused
        approve(checker(), id).statusCode(409).body("code", equalTo("INVALID_STATE"));

        JsonPath entry = onlyLogged("notice.entered", "manualNoticeId", id);
        assertEquals("operator:MYJYZX:operator-user", entry.getString("actor"));
        assertEquals(tx, entry.getString("facts.transactionId"));
        assertEquals(4_000_000_00L, entry.getLong("facts.amountFen"));
        JsonPath approval = onlyLogged("notice.approved", "manualNoticeId", id);
        assertEquals("operator:MYJYZX:operator-checker", approval.getString("actor"));
        assertEquals("operator:MYJYZX:operator-user", approval.getString("facts.enteredBy"));
        assertEquals("QUALIFIED", approval.getString("facts.outcome"));
        JsonPath received = onlyLogged("notice.received", "transactionId", tx);
        assertEquals("MANUAL", received.getString("facts.source"));
        assertEquals("operator:MYJYZX:operator-checker", received.getString("actor"));
        assertEquals(id, received.getLong("facts.manualNoticeId"));
        assertEquals(4_000_000_00L, received.getLong("facts.countedFen"));
        JsonPath qualified = onlyLogged("registration.qualified", "transactionId", tx);
        assertEquals("operator:MYJYZX:operator-checker", qualified.getString("actor"));
        for (JsonPath logged : List.of(entry, approval, received)) {
            assertNamesNoPayer(logged, b.name(), "6228480000000000000");
        }
    }

    @Test
    void aRejectionCountsNothingKeepsItsReasonOutOfTheLogAndTheBookingMayBeEnteredAgain() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "4000000.00");
        String tx = (String) credit.get("transactionId");
        long id = entered(credit);
        reject(checker(), id, " ").statusCode(400).body("errors.field", hasItem("reason"));
        String reason = "statement shows payer " + b.name() + ", amount differs";
        reject(checker(), id, reason).statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo(reason)).body("decidedBy", equalTo("operator:MYJYZX:operator-checker"));
        approve(checker(), id).statusCode(409).body("code", equalTo("INVALID_STATE"));
        assertEquals(0, notices(tx));
        assertEquals(0, received(b));
        assertEquals(0, ledgerTransfersNaming(tx));
        assertEquals("AWAITING_DEPOSIT", mine(b).getString("status"));
        JsonPath rejection = onlyLogged("notice.rejected", "manualNoticeId", id);
        assertEquals("operator:MYJYZX:operator-checker", rejection.getString("actor"));
        assertFalse(rejection.prettify().contains("amount differs"), "the reason stays out of the public log");
        assertNamesNoPayer(rejection, b.name(), "6228480000000000000");
        assertEquals(List.of(), logged("notice.received", "transactionId", tx));

        // entered again, corrected, it is a new entry that a second operator may approve
        credit.put("amount", "4000000.00");
        long again = entered(credit);
        assertTrue(again != id);
        approve(checker(), again).statusCode(200).body("outcome", equalTo("QUALIFIED"));
        assertEquals(4_000_000_00L, received(b));
    }

    @Test
    void aBookingTimeOutsideTheWindowIsRefusedAndNothingIsEntered() {
        Bidder b = bidder();
        int maxAge = 3;
        Instant tooOld = calendar.calendar()
                .subtractWorkingDays(clock.instant().atZone(Fixtures.ZONE).toLocalDate(), maxAge)
                .atStartOfDay(Fixtures.ZONE).toInstant().minusSeconds(1);
        Map<String, Object> old = BankFeed.credit(txId(), b.account(), "4000000.00", b.name(), tooOld);
        enter(maker(), old).statusCode(400).contentType(PROBLEM_JSON).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("bookedAt"))
                .body("errors.find { it.field == 'bookedAt' }.message", containsString("3 working days"));
        Map<String, Object> ahead = BankFeed.credit(txId(), b.account(), "4000000.00", b.name(),
                clock.instant().plus(Duration.ofMinutes(6)));
        enter(maker(), ahead).statusCode(400).body("errors.field", hasItem("bookedAt"));
        assertEquals(0, data.count("select count(m) from ManualNotice m where m.account = ?1", b.account()));
        // the oldest booking the window allows is accepted
        Map<String, Object> oldest = BankFeed.credit(txId(), b.account(), "100.00", b.name(), tooOld.plusSeconds(1));
        entered(oldest);
        // the bank's signed feed is not bound by the window
        BankFeed.deliver(BankFeed.credit(txId(), b.account(), "100.00", b.name(), tooOld.minus(Duration.ofDays(3))))
                .statusCode(200).body("outcome", equalTo("PARTIAL"));
    }

    // ---- one booking, two sources --------------------------------------------------------------

    @Test
    void aManualNoticeAndTheFeedsLaterNoticeOfTheSameBookingCountOnce() {
        Bidder b = bidder();
        Map<String, Object> typed = deposit(b, "1000000.00");
        String typedTx = (String) typed.get("transactionId");
        approve(checker(), entered(typed)).statusCode(200).body("outcome", equalTo("PARTIAL"));

        Map<String, Object> fromBank = new java.util.LinkedHashMap<>(typed);
        String bankTx = "BANKTX" + System.nanoTime();
        fromBank.put("transactionId", bankTx);
        fromBank.put("counterpartyName", "  " + b.name());
        String first = BankFeed.deliver(fromBank).statusCode(200).body("outcome", equalTo("DUPLICATE"))
                .body("matchedTransactionId", equalTo(typedTx)).body("refundId", nullValue())
                .extract().asString();
        assertEquals(first, BankFeed.deliver(fromBank).statusCode(200).extract().asString(), "a replay");
        assertEquals(1_000_000_00L, received(b));
        assertEquals(NoticeOutcome.DUPLICATE, notice(bankTx).outcome);
        assertEquals(0, ledgerTransfersNaming(bankTx));
        assertEquals(0, data.count("select count(r) from Refund r where r.creditTransactionId = ?1", bankTx));
        JsonPath logged = onlyLogged("notice.received", "transactionId", bankTx);
        assertEquals("DUPLICATE", logged.getString("facts.outcome"));
        assertEquals(0, logged.getLong("facts.countedFen"));
        assertEquals(typedTx, logged.getString("facts.matchedTransactionId"));
        assertEquals(b.listingId(), logged.getLong("facts.listingId"));
    }

    @Test
    void theFeedsNoticeAndALaterManualNoticeOfTheSameBookingCountOnce() {
        Bidder b = bidder();
        Instant booked = aMinuteAgo().plusMillis(371);
        Map<String, Object> fromBank = BankFeed.credit(txId(), b.account(), "1000000.00", b.name(), booked);
        String bankTx = (String) fromBank.get("transactionId");
        BankFeed.deliver(fromBank).statusCode(200).body("outcome", equalTo("PARTIAL"));

        // typed from the statement, which shows the booking time to the second, under another id
        Map<String, Object> typed = BankFeed.credit(txId(), b.account(), "1000000.00", b.name(),
                booked.truncatedTo(ChronoUnit.SECONDS));
        String typedTx = (String) typed.get("transactionId");
        long id = entered(typed);
        approve(checker(), id).statusCode(200).body("outcome", equalTo("DUPLICATE"))
                .body("matchedTransactionId", equalTo(bankTx));
        assertEquals(1_000_000_00L, received(b));
        assertEquals(NoticeOutcome.DUPLICATE, notice(typedTx).outcome);
        assertEquals(0, ledgerTransfersNaming(typedTx));
        given().auth().oauth2(maker()).when().get("/api/bank/notifications/manual?status=APPROVED&size=100").then()
                .body("items.find { it.id == " + id + " }.outcome", equalTo("DUPLICATE"));

        // typed under the bank's own id: the same transaction, recorded once
        Map<String, Object> sameId = new java.util.LinkedHashMap<>(fromBank);
        enter(maker(), sameId).statusCode(409).body("code", equalTo("CONFLICT"))
                .body("detail", containsString(bankTx));
        assertEquals(1_000_000_00L, received(b));
    }

    @Test
    void anEntryWaitingWhileTheFeedDeliversItsBookingUnderTheSameIdIsApprovedAsADuplicate() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "1000000.00");
        String tx = (String) credit.get("transactionId");
        long id = entered(credit);
        BankFeed.deliver(credit).statusCode(200).body("outcome", equalTo("PARTIAL"));
        approve(checker(), id).statusCode(200).body("outcome", equalTo("DUPLICATE"))
                .body("matchedTransactionId", equalTo(tx));
        assertEquals(1_000_000_00L, received(b));
        assertEquals(1, notices(tx));
        assertEquals(NoticeSource.FEED, notice(tx).source);
        assertEquals("DUPLICATE", onlyLogged("notice.approved", "manualNoticeId", id).getString("facts.outcome"));
    }

    @Test
    void aNearMatchIsHeldForAnOperatorAndNeverCountedTwice() {
        Bidder b = bidder();
        Instant booked = aMinuteAgo();
        Map<String, Object> typed = BankFeed.credit(txId(), b.account(), "1000000.00", b.name(), booked);
        String typedTx = (String) typed.get("transactionId");
        approve(checker(), entered(typed)).statusCode(200).body("outcome", equalTo("PARTIAL"));
        // the bank reports the booking with another amount
        Map<String, Object> fromBank = BankFeed.credit(txId(), b.account(), "1000000.10", b.name(), booked);
        String bankTx = (String) fromBank.get("transactionId");
        BankFeed.deliver(fromBank).statusCode(200).body("outcome", equalTo("MISMATCH"))
                .body("matchedTransactionId", equalTo(typedTx)).body("refundId", nullValue());
        assertEquals(1_000_000_00L, received(b));
        assertEquals(0, ledgerTransfersNaming(bankTx));

        // feed first, then an operator types the booking with another payer account
        Bidder c = bidder();
        Instant other = aMinuteAgo().minusSeconds(30);
        Map<String, Object> paid = BankFeed.credit(txId(), c.account(), "1000000.00", c.name(), other);
        String paidTx = (String) paid.get("transactionId");
        BankFeed.deliver(paid).statusCode(200).body("outcome", equalTo("PARTIAL"));
        Map<String, Object> misTyped = BankFeed.credit(txId(), c.account(), "1000000.00", c.name(), other);
        misTyped.put("counterpartyAccount", "6217000000000000009");
        String misTypedTx = (String) misTyped.get("transactionId");
        approve(checker(), entered(misTyped)).statusCode(200).body("outcome", equalTo("MISMATCH"))
                .body("matchedTransactionId", equalTo(paidTx));
        assertEquals(1_000_000_00L, received(c));

        given().auth().oauth2(maker()).when().get("/api/bank/notifications/mismatches?size=100").then()
                .statusCode(200)
                .body("items.held.transactionId", hasItem(bankTx))
                .body("items.held.transactionId", hasItem(misTypedTx))
                .body("items.find { it.held.transactionId == '" + bankTx + "' }.held.source", equalTo("FEED"))
                .body("items.find { it.held.transactionId == '" + bankTx + "' }.held.amount", equalTo("1000000.10"))
                .body("items.find { it.held.transactionId == '" + bankTx + "' }.counted.transactionId",
                        equalTo(typedTx))
                .body("items.find { it.held.transactionId == '" + bankTx + "' }.counted.source", equalTo("MANUAL"))
                .body("items.find { it.held.transactionId == '" + bankTx + "' }.counted.approvedBy",
                        equalTo("operator:MYJYZX:operator-checker"))
                .body("items.find { it.held.transactionId == '" + misTypedTx + "' }.counted.transactionId",
                        equalTo(paidTx))
                .body("items.held.transactionId", not(hasItem(typedTx)));
        for (String token : List.of(Tokens.regulator(TestData.CITY_REGULATOR), Tokens.enterprise(b.code()),
                Tokens.township(A))) {
            given().auth().oauth2(token).when().get("/api/bank/notifications/mismatches").then().statusCode(403);
            given().auth().oauth2(token).when().get("/api/bank/notifications/manual").then().statusCode(403);
        }
    }

    @Test
    void theFeedAndAnApprovalOfOneBookingArrivingTogetherCountOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            Bidder b = bidder();
            Instant booked = aMinuteAgo();
            Map<String, Object> typed = BankFeed.credit(txId(), b.account(), "1000000.00", b.name(), booked);
            Map<String, Object> fromBank = BankFeed.credit(txId(), b.account(), "1000000.00", b.name(), booked);
            long id = entered(typed);
            String checker = checker();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            List<Callable<String>> calls = List.of(
                    () -> approve(checker, id).statusCode(200).extract().path("outcome"),
                    () -> BankFeed.deliver(fromBank).statusCode(200).extract().path("outcome"));
            List<String> outcomes = new ArrayList<>();
            for (Future<String> f : pool.invokeAll(calls)) {
                outcomes.add(f.get());
            }
            pool.shutdown();
            assertEquals(1, outcomes.stream().filter("PARTIAL"::equals).count(), outcomes::toString);
            assertEquals(1, outcomes.stream().filter("DUPLICATE"::equals).count(), outcomes::toString);
            assertEquals(1_000_000_00L, received(b));
        }
    }

    // ---- the attacks of the issue --------------------------------------------------------------

    @Test
    void aPendingManualPaymentDoesNotSettleATrade() {
        long listingId = Auctions.listingInBidding(clock, listings, Map.of());
        String serial = "M" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String buyer = Auctions.qualifiedBidder(data, listingId, serial);
        Auctions.bid(buyer, listingId, "30000000.00", "k-" + serial).then().statusCode(201);
        settlement.run();
        String township = Tokens.township(A);
        JsonPath trade = given().auth().oauth2(township).when().get("/api/listings/" + listingId + "/trade").then()
                .statusCode(200).extract().jsonPath();
        long tradeId = trade.getLong("id");
        String sha = trade.getString("confirmationSha256");
        for (String token : List.of(Tokens.enterprise(buyer), township)) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("sha256", sha)).when()
                    .post("/api/trades/" + tradeId + "/confirmations").then().statusCode(200);
        }
        Map<String, Object> payment = BankFeed.credit(txId(), trade.getString("paymentAccount"), "30000000.00",
                "测试企业" + serial, aMinuteAgo());
        long id = entered(payment);
        approve(maker(), id).statusCode(403);
        given().auth().oauth2(township).when().get("/api/trades/" + tradeId).then().statusCode(200)
                .body("status", equalTo("AWAITING_PAYMENT")).body("paid", equalTo("0.00"))
                .body("childCertificateId", nullValue());
        given().when().get("/api/public/listings/" + listingId).then().body("status", equalTo("AWAITING_PAYMENT"));
        assertEquals(0, data.count("select count(c) from Certificate c where c.holderCode = ?1", buyer));

        approve(checker(), id).statusCode(200).body("outcome", equalTo("PAYMENT_COMPLETE"));
        given().auth().oauth2(township).when().get("/api/trades/" + tradeId).then().statusCode(200)
                .body("status", equalTo("SETTLED")).body("childCertificateId", notNullValue());
    }

    @Test
    void aBackDatedManualDepositDoesNotQualifyALateBidder() {
        Bidder late = bidder();
        Instant deadline = data.value(Instant.class, "select l.registrationDeadline from Listing l where l.id = ?1",
                late.listingId());
        clock.advance(Duration.between(clock.instant(), deadline.plus(Duration.ofHours(1))));
        // typed as booked an hour before the deadline, entered and approved after it
        Map<String, Object> backDated = BankFeed.credit(txId(), late.account(), "4000000.00", late.name(),
                deadline.minus(Duration.ofHours(1)));
        long id = entered(backDated);
        long refundId = approve(checker(), id).statusCode(200).body("outcome", equalTo("LATE"))
                .body("registrationStatus", equalTo("AWAITING_DEPOSIT")).body("refundId", notNullValue())
                .extract().jsonPath().getLong("refundId");
        assertEquals(0, received(late));
        JsonPath mine = mine(late);
        assertEquals("AWAITING_DEPOSIT", mine.getString("status"));
        assertNull(mine.getString("bidderNo"));
        Refund refund = refund(refundId);
        assertEquals(RefundReason.LATE, refund.reason);
        assertEquals(4_000_000_00L, refund.amountFen);

        // the bank's own signed notice of that booking, arriving later, does not count it again
        Map<String, Object> fromBank = new java.util.LinkedHashMap<>(backDated);
        fromBank.put("transactionId", "BANKTX" + System.nanoTime());
        BankFeed.deliver(fromBank).statusCode(200).body("outcome", equalTo("DUPLICATE"));
        assertEquals(0, received(late));
        assertEquals("AWAITING_DEPOSIT", mine(late).getString("status"));
    }

    @Test
    void aDepositTheBankReportsAsBookedBeforeTheDeadlineStillQualifiesWhenDeliveredAfterIt() {
        Bidder onTime = bidder();
        Instant deadline = data.value(Instant.class, "select l.registrationDeadline from Listing l where l.id = ?1",
                onTime.listingId());
        clock.advance(Duration.between(clock.instant(), deadline.plus(Duration.ofHours(1))));
        BankFeed.deliver(BankFeed.credit(txId(), onTime.account(), "4000000.00", onTime.name(),
                deadline.minus(Duration.ofHours(1)))).statusCode(200).body("outcome", equalTo("QUALIFIED"));
    }

    @Test
    void aRefundIsNotClosedByAnUnapprovedDebit() {
        Bidder b = bidder();
        Map<String, Object> credit = BankFeed.credit(txId(), b.account(), "200.00", "王五", aMinuteAgo());
        long refundId = BankFeed.deliver(credit).statusCode(200).body("outcome", equalTo("WRONG_PAYER"))
                .extract().jsonPath().getLong("refundId");
        Refund owed = refund(refundId);
        Map<String, Object> debit = BankFeed.debit(txId(), "200.00", "王五", owed.payeeAccount, "REFUND-" + refundId,
                aMinuteAgo());
        String debitTx = (String) debit.get("transactionId");
        long id = entered(debit);
        assertNull(refund(refundId).confirmedAt);
        approve(maker(), id).statusCode(403);
        assertNull(refund(refundId).confirmedAt);
        assertNull(refund(refundId).debitTransactionId);
        assertEquals(0, notices(debitTx));
        assertEquals(0, ledgerTransfersNaming(debitTx));
        given().auth().oauth2(maker()).when().get("/api/refunds?open=true&size=100").then().statusCode(200)
                .body("items.id", hasItem((int) refundId));
        JsonPath entry = onlyLogged("notice.entered", "manualNoticeId", id);
        assertEquals("REFUND-" + refundId, entry.getString("facts.reference"), "a debit's reference names the refund");
        assertNamesNoPayer(entry, "王五", owed.payeeAccount);

        approve(checker(), id).statusCode(200).body("outcome", equalTo("REFUND_CONFIRMED"));
        Refund paid = refund(refundId);
        assertNotNull(paid.confirmedAt);
        assertEquals(debitTx, paid.debitTransactionId);
    }

    @Test
    void onlyOperatorsEnterApproveAndRejectAndAnUnknownEntryIsA404() {
        Bidder b = bidder();
        Map<String, Object> credit = deposit(b, "4000000.00");
        for (String token : List.of(Tokens.enterprise(b.code()), Tokens.regulator(TestData.CITY_REGULATOR),
                Tokens.township(A))) {
            enter(token, credit).statusCode(403);
        }
        long id = entered(credit);
        for (String token : List.of(Tokens.enterprise(b.code()), Tokens.regulator(TestData.CITY_REGULATOR),
                Tokens.township(A))) {
            approve(token, id).statusCode(403);
            reject(token, id, "no").statusCode(403);
        }
        given().when().post("/api/bank/notifications/manual/" + id + "/approve").then().statusCode(401);
        assertEquals(0, received(b));
        approve(checker(), 987_654_321L).statusCode(404).body("code", equalTo("NOT_FOUND"));
        reject(checker(), 987_654_321L, "no").statusCode(404);
        given().auth().oauth2(checker()).when().get("/api/bank/notifications/manual?status=MAYBE").then()
                .statusCode(400);
    }
}
