package cn.landmarket.audit;

import static cn.landmarket.audit.AuditTrail.of;
import static cn.landmarket.audit.AuditTrail.only;
import static cn.landmarket.audit.AuditTrail.open;
import static cn.landmarket.audit.AuditTrail.openFacts;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.audit.AuditTrail.Logged;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.CreditCode;
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

/**
 * Every state change of an auction, its settlement, refunds and a default writes its audit entry
 * with the facts that matter, and a refused request writes none. Read back through the public
 * entries endpoint after the sequencer ran.
 */
@QuarkusTest
@StandardMarket
class StateChangeEntriesTest {

    private static final String TOWNSHIP = Tokens.township(TestData.TOWNSHIP_A);

    @Inject
    DataSource dataSource;

    @Inject
    AuditSequencer sequencer;

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

    private AuditTrail log;

    @BeforeEach
    void setUp() {
        log = new AuditTrail(dataSource, sequencer);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** An enterprise registered and verified through the API, registered for the listing (not yet paid). */
    private record Bidder(String code, String name, String bankAccountNo, long registrationId, String account) {
    }

    private static String verifiedEnterprise(String serial9, String name, String bankAccountNo) {
        String code = CreditCode.complete("91510703" + serial9);
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", code);
        body.put("name", name);
        body.put("legalRepresentative", "王五");
        body.put("contactPerson", "赵六");
        body.put("contactPhone", "13912345678");
        body.put("address", "四川省绵阳市三台县潼川镇北坝路1号");
        body.put("bankName", "中国工商银行三台支行");
        body.put("bankAccountName", name);
        body.put("bankAccountNo", bankAccountNo);
        given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body(body).when()
                .post("/api/enterprises").then().statusCode(201);
        given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE"))
                .when().post("/api/enterprises/" + code + "/review").then().statusCode(200);
        return code;
    }

    private static Bidder bidder(long listingId, String tag) {
        String serial = tag + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String name = "审计测试置业有限公司" + serial;
        String bankAccountNo = "62220" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
        String code = verifiedEnterprise(serial, name, bankAccountNo);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + listingId + "/registrations").then().statusCode(201)
                .extract().jsonPath();
        return new Bidder(code, name, bankAccountNo, view.getLong("id"), view.getString("payTo.virtualAccount"));
    }

    private Map<String, Object> credit(String tx, String account, String amount, String payer) {
        Map<String, Object> body = BankFeed.credit(tx, account, amount, payer, clock.instant());
        return body;
    }

    private static String bidderNo(Bidder b, long listingId) {
        return given().auth().oauth2(Tokens.enterprise(b.code())).when()
                .get("/api/listings/" + listingId + "/registrations/mine").then().statusCode(200).extract().jsonPath()
                .getString("bidderNo");
    }

    private static JsonPath trade(long listingId) {
        return given().auth().oauth2(TOWNSHIP).when().get("/api/listings/" + listingId + "/trade").then()
                .statusCode(200).extract().jsonPath();
    }

    private static void confirm(String token, long tradeId, String sha256) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("sha256", sha256))
                .when().post("/api/trades/" + tradeId + "/confirmations").then().statusCode(200);
    }

    private static String sha256(byte[] salt, String code) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        digest.update(salt);
        return HexFormat.of().formatHex(digest.digest(code.getBytes(StandardCharsets.UTF_8)));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static long num(Map<String, Object> facts, String key) {
        assertTrue(facts.get(key) instanceof Number, () -> key + " is not a number in " + facts);
        return ((Number) facts.get(key)).longValue();
    }

    @Test
    void anAuctionInTimedBiddingItsSettlementAndRefundsAreLoggedStepByStep() throws Exception {
        long start = log.mark();
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        long certificateId = data.value(Long.class, "select l.certificateId from Listing l where l.id = ?1", id);
        List<Logged> setup = log.since(start);
        // certificate details, the draft's lot and terms are committed; the holder opens them
        Logged issued = only(setup, "certificate.issued", e -> e.has("certificateId", certificateId));
        assertFalse(issued.facts().containsKey("areaM2") || issued.facts().containsKey("holderCode"), issued.text());
        Map<String, Object> issuedDetails = openFacts(issued, "details", TOWNSHIP);
        assertEquals(100_000, num(issuedDetails, "areaM2"));
        assertEquals(TestData.TOWNSHIP_A, issuedDetails.get("holderCode"));
        assertTrue(issued.actor().startsWith("regulator:" + TestData.CITY_REGULATOR), issued.actor());
        Logged issuedQuota = only(setup, "transfer.posted", e -> e.has("kind", "ISSUE") && e.has("creditAccount",
                "CERT:" + certificateId + ":AREA_M2"));
        assertNull(issuedQuota.fact("amount"), issuedQuota.text());
        assertEquals(100_000, num(openFacts(issuedQuota, "details", TOWNSHIP), "amount"));
        Logged frozen = only(setup, "certificate.frozen", e -> e.about(id));
        Map<String, Object> frozenLot = openFacts(frozen, "details", TOWNSHIP);
        assertEquals(10_000, num(frozenLot, "lotAreaM2"));
        assertEquals(90_000, num(frozenLot, "availableAreaM2"));
        Logged frozenQuota = only(setup, "transfer.posted", e -> e.about(id) && e.has("kind", "FREEZE"));
        assertEquals(10_000, num(openFacts(frozenQuota, "details", TOWNSHIP), "amount"));
        Logged drafted = only(setup, "listing.draft", e -> e.about(id));
        assertFalse(drafted.facts().containsKey("startPriceFen"), drafted.text());
        Map<String, Object> terms = openFacts(drafted, "terms", TOWNSHIP);
        assertEquals(2_000_000_000L, num(terms, "startPriceFen"));
        assertEquals(400_000_000L, num(terms, "depositFen"));
        assertEquals(Boolean.TRUE, terms.get("hasReservePrice"));
        assertFalse(drafted.text().contains("2200000000"), "the secret reserve price is not logged before the close");
        assertFalse(terms.toString().contains("2200000000"), "nor committed with the terms");
        // the announcement publishes the terms in the clear, still without the reserve
        Logged announced = only(setup, "listing.announced", e -> e.about(id));
        assertEquals(2_000_000_000L, announced.number("startPriceFen"));
        assertEquals(10_000, announced.number("lotAreaM2"));
        assertEquals("芦溪镇增减挂钩节余指标挂牌出让", announced.fact("title"));
        assertEquals(Boolean.TRUE, announced.fact("hasReservePrice"));
        assertFalse(announced.text().contains("2200000000"), "the reserve stays secret at the announcement");

        // registrations, deposits and every bank notice
        long beforeRegistrations = log.mark();
        Bidder a = bidder(id, "A");
        Bidder b = bidder(id, "B");
        Bidder c = bidder(id, "C");
        String txA = "AUD-A-" + a.registrationId();
        Map<String, Object> depositA = credit(txA, a.account(), "4000000.00", a.name());
        BankFeed.deliver(depositA).statusCode(200).body("outcome", equalTo("QUALIFIED"));
        BankFeed.deliver(depositA).statusCode(200).body("outcome", equalTo("QUALIFIED"));
        String txB1 = "AUD-B1-" + b.registrationId();
        BankFeed.deliver(credit(txB1, b.account(), "1000000.00", b.name())).statusCode(200)
                .body("outcome", equalTo("PARTIAL"));
        String txB2 = "AUD-B2-" + b.registrationId();
        // typed in by one operator, approved by another; booked a minute before B1's credit (the same
        // account and second with another amount would be held as a mismatch)
        Map<String, Object> typedB2 = BankFeed.credit(txB2, b.account(), "3000000.00", b.name(),
                clock.instant().minusSeconds(60));
        long entryB2 = given().auth().oauth2(Tokens.operator()).contentType(ContentType.JSON)
                .body(BankFeed.bytes(typedB2)).when()
                .post("/api/bank/notifications/manual").then().statusCode(202).extract().jsonPath().getLong("id");
        given().auth().oauth2(Tokens.claims("operator", "MYJYZX").upn("operator-checker").sign()).when()
                .post("/api/bank/notifications/manual/" + entryB2 + "/approve").then().statusCode(200)
                .body("outcome", equalTo("QUALIFIED"));
        String txC = "AUD-C-" + c.registrationId();
        BankFeed.deliver(credit(txC, c.account(), "4000000.00", "某个人")).statusCode(200)
                .body("outcome", equalTo("WRONG_PAYER"));
        String forged = "AUD-X-" + c.registrationId();
        byte[] forgedBody = BankFeed.bytes(credit(forged, c.account(), "4000000.00", c.name()));
        BankFeed.deliver(forgedBody, BankFeed.sign(forgedBody, "not-the-secret")).statusCode(401);
        List<Logged> deposits = log.since(beforeRegistrations);

        for (Bidder x : List.of(a, b, c)) {
            Logged created = only(deposits, "registration.created", e -> e.has("registrationId", x.registrationId()));
            assertTrue(created.about(id));
            assertEquals(400_000_000L, created.number("depositFen"));
            byte[] salt = data.value(byte[].class, "select r.identitySalt from Registration r where r.id = ?1",
                    x.registrationId());
            assertEquals(16, salt.length);
            assertEquals(sha256(salt, x.code()), created.fact("enterpriseCommitment"));
            assertEquals("enterprise", created.actor());
            only(deposits, "enterprise.registered", e -> e.has("enterpriseCode", x.code()));
            Logged verified = only(deposits, "enterprise.verified", e -> e.has("enterpriseCode", x.code()));
            assertTrue(verified.actor().startsWith("operator:"), verified.actor());
        }
        Logged qualifiedA = only(deposits, "registration.qualified", e -> e.has("registrationId", a.registrationId()));
        assertEquals(bidderNo(a, id), qualifiedA.fact("bidderNo"));
        assertEquals(txA, qualifiedA.fact("transactionId"));
        assertEquals(400_000_000L, qualifiedA.number("countedFen"));
        assertEquals("system:bank-feed", qualifiedA.actor());
        Logged noticeA = only(deposits, "notice.received", e -> e.has("transactionId", txA));
        assertEquals("QUALIFIED", noticeA.fact("outcome"));
        assertEquals("FEED", noticeA.fact("source"));
        assertEquals(400_000_000L, noticeA.number("amountFen"));
        assertEquals(400_000_000L, noticeA.number("countedFen"));
        assertTrue(noticeA.about(id));
        assertTrue(noticeA.has("registrationId", a.registrationId()));
        only(deposits, "transfer.posted", e -> e.about(id) && e.has("kind", "DEPOSIT")
                && e.has("creditAccount", "DEPOSIT:" + a.registrationId()) && e.has("amount", 400_000_000L));

        Logged partial = only(deposits, "registration.deposit_counted", e -> e.has("registrationId", b.registrationId()));
        assertEquals(100_000_000L, partial.number("countedFen"));
        assertEquals(100_000_000L, partial.number("depositReceivedFen"));
        assertEquals("AWAITING_DEPOSIT", partial.fact("status"));
        Logged qualifiedB = only(deposits, "registration.qualified", e -> e.has("registrationId", b.registrationId()));
        assertEquals(300_000_000L, qualifiedB.number("countedFen"));
        assertEquals(txB2, qualifiedB.fact("transactionId"));
        assertTrue(qualifiedB.actor().startsWith("operator:"), qualifiedB.actor());
        Logged manual = only(deposits, "notice.received", e -> e.has("transactionId", txB2));
        assertEquals("MANUAL", manual.fact("source"));
        assertEquals(manual.actor(), qualifiedB.actor());
        assertEquals("operator:MYJYZX:operator-checker", manual.actor(), "the approving operator made it count");
        Logged enteredB2 = only(deposits, "notice.entered", e -> e.has("transactionId", txB2));
        assertEquals("operator:MYJYZX:operator-user", enteredB2.actor());
        Logged approvedB2 = only(deposits, "notice.approved", e -> e.has("transactionId", txB2));
        assertEquals(manual.actor(), approvedB2.actor());
        assertEquals(enteredB2.fact("manualNoticeId"), approvedB2.fact("manualNoticeId"));
        assertEquals(enteredB2.fact("manualNoticeId"), manual.fact("manualNoticeId"));
        assertEquals("PARTIAL", only(deposits, "notice.received", e -> e.has("transactionId", txB1)).fact("outcome"));

        Logged wrongPayer = only(deposits, "notice.received", e -> e.has("transactionId", txC));
        assertEquals("WRONG_PAYER", wrongPayer.fact("outcome"));
        assertEquals(0, wrongPayer.number("countedFen"));
        Logged refundC = only(deposits, "refund.instructed", e -> e.has("creditTransactionId", txC));
        assertEquals("WRONG_PAYER", refundC.fact("reason"));
        assertEquals(400_000_000L, refundC.number("amountFen"));
        assertEquals(wrongPayer.number("refundId"), refundC.number("refundId"));
        assertTrue(refundC.about(id));
        only(deposits, "transfer.posted", e -> e.has("kind", "REFUND_OWED")
                && e.has("creditAccount", "REFUND:" + refundC.number("refundId")) && e.about(id));
        assertEquals(List.of(), of(deposits, "registration.qualified", e -> e.has("registrationId", c.registrationId())));
        assertEquals(List.of(), deposits.stream().filter(e -> e.text().contains(forged)).toList(),
                "a notice with a bad signature leaves no entry");

        // bids: receipts link to their entries; a refused bid leaves none; the move to timed bidding,
        // its countdown restarts and the sale carry their facts
        long beforeBids = log.mark();
        JsonPath first = Auctions.bid(a.code(), id, "20000000.00", "aud-a1").then().statusCode(201).extract()
                .jsonPath();
        JsonPath second = Auctions.bid(b.code(), id, "20200000.00", "aud-b1").then().statusCode(201).extract()
                .jsonPath();
        Auctions.bid(a.code(), id, "20300000.00", "aud-a-low").then().statusCode(409);
        Auctions.bid(c.code(), id, "25000000.00", "aud-c1").then().statusCode(403);
        JsonPath replay = Auctions.bid(a.code(), id, "20000000.00", "aud-a1").then().statusCode(200).extract()
                .jsonPath();
        assertEquals(first.getString("auditLeafHash"), replay.getString("auditLeafHash"));
        assertEquals(first.getString("auditProof"), replay.getString("auditProof"));
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        Instant countdownDeadline = data.value(Instant.class,
                "select l.countdownDeadline from Listing l where l.id = ?1", id);
        JsonPath third = Auctions.bid(a.code(), id, "22000000.00", "aud-a2").then().statusCode(201).extract()
                .jsonPath();
        clock.advance(Duration.ofSeconds(301));
        closer.closeDue();
        List<Logged> bidding = log.since(beforeBids);

        List<Logged> accepted = of(bidding, "bid.accepted", e -> e.about(id));
        assertEquals(3, accepted.size(), "one entry per accepted bid, none for refused ones or the replay");
        for (JsonPath receipt : List.of(first, second, third)) {
            Logged bid = only(accepted, "bid.accepted", e -> e.has("sequence", receipt.getInt("sequence")));
            String leaf = receipt.getString("auditLeafHash");
            assertTrue(leaf.matches("[0-9a-f]{64}"), leaf);
            assertEquals(hex(bid.leafHash()), leaf);
            assertArrayEquals(MerkleTree.leafHash(bid.text().getBytes(StandardCharsets.UTF_8)), bid.leafHash());
            assertEquals("/api/audit/proof-by-hash?hash=" + leaf, receipt.getString("auditProof"));
            JsonPath proof = given().when().get(receipt.getString("auditProof")).then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(bid.index(), proof.getLong("index"), "the receipt's link leads to the bid's own entry");
            assertEquals(bid.text(), new String(java.util.Base64.getDecoder().decode(proof.getString("entry")),
                    StandardCharsets.UTF_8));
            List<byte[]> path = proof.getList("proof", String.class).stream()
                    .map(java.util.Base64.getDecoder()::decode).toList();
            long size = proof.getLong("treeSize");
            String root = given().queryParam("after", size - 1).queryParam("limit", 1).when()
                    .get("/api/audit/checkpoints").then().statusCode(200).extract().jsonPath().getString("[0].rootHash");
            assertTrue(MerkleTree.verifyInclusion(bid.index(), size, bid.leafHash(), path,
                    java.util.Base64.getDecoder().decode(root)), "the proof leads to the signed root");
            assertEquals(receipt.getString("bidderNo"), bid.fact("bidderNo"));
            assertEquals("bidder:" + receipt.getString("bidderNo"), bid.actor());
            assertEquals(Instant.parse(bid.fact("deadline").toString()),
                    java.time.OffsetDateTime.parse(receipt.getString("deadline")).toInstant());
        }
        List<Map<String, Object>> views = given().auth().oauth2(Tokens.enterprise(a.code())).when()
                .get("/api/listings/" + id + "/bids").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(List.of(first.getString("auditLeafHash"), second.getString("auditLeafHash"),
                third.getString("auditLeafHash")), views.stream().map(v -> v.get("auditLeafHash")).toList());

        Logged timed = only(bidding, "listing.timed_bidding", e -> e.about(id));
        assertEquals(countdownDeadline, Instant.parse(timed.fact("deadline").toString()));
        assertEquals(300, timed.number("countdownSeconds"));
        assertEquals(2, timed.number("distinctBidders"));
        assertEquals(2, timed.number("bidCount"));
        assertFalse(timed.facts().containsKey("reservePriceFen"), "the reserve stays secret until the close");
        Logged restarted = only(bidding, "countdown.restarted", e -> e.about(id));
        assertEquals(third.getInt("sequence"), (int) restarted.number("bidSequence"));
        assertEquals(java.time.OffsetDateTime.parse(third.getString("deadline")).toInstant(),
                Instant.parse(restarted.fact("deadline").toString()));
        assertEquals(restarted.index() - 1, only(accepted, "bid.accepted", e -> e.has("sequence", 3)).index(),
                "the restart follows the bid that caused it");
        Logged sold = only(bidding, "listing.sold", e -> e.about(id));
        assertEquals("TIMED_BIDDING", sold.fact("from"));
        assertEquals(bidderNo(a, id), sold.fact("winningBidderNo"));
        assertEquals(2_200_000_000L, sold.number("winningAmountFen"));
        assertEquals(third.getLong("bidId"), sold.number("winningBidId"));
        assertEquals(3, sold.number("bidCount"));
        assertEquals(2_200_000_000L, sold.number("reservePriceFen"));
        assertEquals("system:auction", sold.actor());

        // no entry about the listing names a bidder until the sale is over
        List<Logged> beforeSale = java.util.stream.Stream.concat(deposits.stream(), bidding.stream())
                .filter(e -> e.about(id) && e.index() < sold.index()).toList();
        assertFalse(beforeSale.isEmpty());
        for (Bidder x : List.of(a, b, c)) {
            for (Logged e : beforeSale) {
                assertFalse(e.text().contains(x.code()) || e.text().contains(x.name())
                        || e.text().contains(x.bankAccountNo()), () -> "entry names a bidder: " + e.text());
            }
        }

        // settlement: trade, deposit hold, the loser's refund, confirmations, payment, split, settle (the
        // scheduled settlement clock may open the trade as soon as the sale closed)
        settlement.run();
        JsonPath t = trade(id);
        long tradeId = t.getLong("id");
        confirm(TOWNSHIP, tradeId, t.getString("confirmationSha256"));
        confirm(Tokens.enterprise(a.code()), tradeId, t.getString("confirmationSha256"));
        String txPay = "AUD-P-" + tradeId;
        BankFeed.deliver(credit(txPay, t.getString("paymentAccount"), "18000000.00", a.name())).statusCode(200)
                .body("outcome", equalTo("PAYMENT_COMPLETE"));
        List<Logged> settled = log.since(beforeBids);

        Logged created = only(settled, "trade.created", e -> e.has("tradeId", tradeId));
        assertTrue(created.about(id));
        assertEquals(a.code(), created.fact("buyerCode"));
        assertEquals(TestData.TOWNSHIP_A, created.fact("sellerCode"));
        assertEquals(2_200_000_000L, created.number("priceFen"));
        assertEquals(400_000_000L, created.number("depositFen"));
        assertEquals(t.getString("confirmationSha256"), created.fact("confirmationSha256"));
        String hold = "trade:" + tradeId + ":deposit";
        Logged pending = only(settled, "transfer.pending", e -> e.has("transferId", hold));
        assertEquals("DEPOSIT:" + a.registrationId(), pending.fact("debitAccount"));
        assertTrue(pending.about(id));
        Logged notWinner = only(settled, "refund.instructed", e -> e.has("registrationId", b.registrationId()));
        assertEquals("NOT_WINNER", notWinner.fact("reason"));
        assertEquals(400_000_000L, notWinner.number("amountFen"));
        assertTrue(notWinner.about(id));
        only(settled, "transfer.posted", e -> e.has("kind", "DEPOSIT_REFUND")
                && e.has("debitAccount", "DEPOSIT:" + b.registrationId()) && e.about(id));
        Logged sellerSigned = only(settled, "trade.confirmed", e -> e.has("party", "SELLER") && e.about(id));
        assertEquals(TestData.TOWNSHIP_A, sellerSigned.fact("partyCode"));
        assertTrue(sellerSigned.about(id));
        assertEquals(a.code(), only(settled, "trade.confirmed", e -> e.has("party", "BUYER") && e.about(id))
                .fact("partyCode"));
        Logged awaiting = only(settled, "trade.awaiting_payment", e -> e.has("tradeId", tradeId));
        assertEquals(1_800_000_000L, awaiting.number("outstandingFen"));
        assertNotNull(awaiting.fact("balanceDueAt"));
        only(settled, "listing.awaiting_payment", e -> e.about(id));
        assertEquals("PAYMENT_COMPLETE", only(settled, "notice.received", e -> e.has("transactionId", txPay))
                .fact("outcome"));
        Logged payment = only(settled, "trade.payment", e -> e.has("transactionId", txPay));
        assertEquals(1_800_000_000L, payment.number("appliedFen"));
        assertEquals(0, payment.number("outstandingFen"));
        only(settled, "transfer.posted", e -> e.has("kind", "PAYMENT") && e.has("amount", 1_800_000_000L)
                && e.about(id));
        only(settled, "transfer.posted", e -> e.has("pendingId", hold) && e.has("kind", "DEPOSIT_APPLIED"));
        assertEquals(3, of(settled, "transfer.posted", e -> e.has("kind", "PROCEEDS") && e.about(id)).size());
        Logged split = only(settled, "certificate.split", e -> e.about(id));
        long child = split.number("childCertificateId");
        assertEquals(certificateId, split.number("certificateId"));
        assertEquals(10_000, split.number("lotAreaM2"));
        assertEquals(a.code(), split.fact("childHolderCode"));
        Logged childIssued = only(settled, "certificate.issued", e -> e.has("certificateId", child));
        assertEquals(certificateId, childIssued.number("parentId"));
        assertEquals("ENTERPRISE", openFacts(childIssued, "details", Tokens.enterprise(a.code())).get("holderKind"),
                "the buying enterprise opens its own certificate's details");
        only(settled, "transfer.posted", e -> e.has("kind", "SPLIT") && e.has("creditAccount",
                "CERT:" + child + ":AREA_M2") && e.about(id));
        Logged tradeSettled = only(settled, "trade.settled", e -> e.has("tradeId", tradeId));
        assertEquals(child, tradeSettled.number("childCertificateId"));
        assertEquals(Map.of("FARMERS", 1_870_000_000, "COLLECTIVE", 220_000_000, "TOWNSHIP", 110_000_000),
                tradeSettled.fact("proceedsFen"));
        only(settled, "listing.settled", e -> e.about(id));

        // the operator pays the loser's refund: the bank's debit closes it
        long beforeRefund = log.mark();
        long refundId = notWinner.number("refundId");
        String txRefund = "AUD-R-" + refundId;
        BankFeed.deliver(BankFeed.debit(txRefund, "4000000.00", b.name(), b.bankAccountNo(), "REFUND-" + refundId,
                clock.instant())).statusCode(200).body("outcome", equalTo("REFUND_CONFIRMED"));
        List<Logged> refunded = log.since(beforeRefund);
        Logged paid = only(refunded, "refund.paid", e -> e.has("refundId", refundId));
        assertEquals(txRefund, paid.fact("debitTransactionId"));
        assertTrue(paid.about(id));
        Logged debit = only(refunded, "notice.received", e -> e.has("transactionId", txRefund));
        assertEquals("REFUND_CONFIRMED", debit.fact("outcome"));
        assertEquals("REFUND-" + refundId, debit.fact("reference"));
        only(refunded, "transfer.posted", e -> e.has("kind", "REFUND_PAID") && e.about(id));
    }

    @Test
    void aDefaultForfeitsBarsReleasesAndVoidsAndLogsEachStep() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder d = bidder(id, "D");
        BankFeed.deliver(credit("AUD-D-" + d.registrationId(), d.account(), "4000000.00", d.name())).statusCode(200)
                .body("outcome", equalTo("QUALIFIED"));
        Auctions.bid(d.code(), id, "22000000.00", "aud-d1").then().statusCode(201);
        long beforeClose = log.mark();
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        settlement.run();
        JsonPath t = trade(id);
        long tradeId = t.getLong("id");
        String txPay = "AUD-DP-" + tradeId;
        BankFeed.deliver(credit(txPay, t.getString("paymentAccount"), "1000000.00", d.name())).statusCode(200)
                .body("outcome", equalTo("PAYMENT_PARTIAL"));
        clock.advance(Duration.ofDays(15));
        settlement.run();
        List<Logged> entries = log.since(beforeClose);

        Logged sold = only(entries, "listing.sold", e -> e.about(id));
        assertEquals("LISTING", sold.fact("from"));
        assertEquals(1, sold.number("bidCount"));
        assertEquals(2_200_000_000L, sold.number("winningAmountFen"));
        Logged payment = only(entries, "trade.payment", e -> e.has("transactionId", txPay));
        assertEquals(100_000_000L, payment.number("appliedFen"));
        assertEquals(1_700_000_000L, payment.number("outstandingFen"));

        String hold = "trade:" + tradeId + ":deposit";
        Logged voided = only(entries, "transfer.voided", e -> e.has("pendingId", hold));
        assertEquals(400_000_000L, voided.number("amount"));
        assertTrue(voided.about(id));
        Logged forfeited = only(entries, "deposit.forfeited", e -> e.about(id));
        assertEquals(400_000_000L, forfeited.number("amountFen"));
        assertEquals(d.registrationId(), forfeited.number("registrationId"));
        assertEquals(d.code(), forfeited.fact("enterpriseCode"));
        only(entries, "transfer.posted", e -> e.has("kind", "DEPOSIT_FORFEIT") && e.has("creditAccount", "FORFEITED")
                && e.about(id));
        Logged refund = only(entries, "refund.instructed", e -> e.has("reason", "PAYMENT_NOT_ACCEPTED"));
        assertEquals(100_000_000L, refund.number("amountFen"));
        assertTrue(refund.about(id));
        only(entries, "transfer.posted", e -> e.has("kind", "PAYMENT_REFUND") && e.about(id));
        Logged barred = only(entries, "enterprise.barred", e -> e.has("enterpriseCode", d.code()));
        assertTrue(barred.about(id));
        assertEquals(tradeId, barred.number("tradeId"));
        Instant until = data.value(Instant.class, "select e.barredUntil from Enterprise e where e.creditCode = ?1",
                d.code());
        assertEquals(until, Instant.parse(barred.fact("barredUntil").toString()));
        Logged released = only(entries, "certificate.released", e -> e.about(id));
        assertEquals(10_000, num(openFacts(released, "details", TOWNSHIP), "lotAreaM2"));
        only(entries, "transfer.posted", e -> e.has("kind", "RELEASE") && e.about(id));
        Logged defaulted = only(entries, "trade.defaulted", e -> e.has("tradeId", tradeId));
        assertTrue(defaulted.fact("reason").toString().startsWith("confirmation not signed"), defaulted.text());
        assertEquals(400_000_000L, defaulted.number("forfeitedFen"));
        assertEquals(refund.number("refundId"), defaulted.number("paymentsRefundId"));
        Logged listingDefaulted = only(entries, "listing.defaulted", e -> e.about(id));
        assertEquals("system:settlement", listingDefaulted.actor());

        // a payment the defaulted trade no longer accepts is refunded, and logged as such
        long beforeLate = log.mark();
        String late = "AUD-DL-" + tradeId;
        BankFeed.deliver(credit(late, t.getString("paymentAccount"), "17000000.00", d.name())).statusCode(200)
                .body("outcome", equalTo("PAYMENT_REFUSED"));
        List<Logged> lateEntries = log.since(beforeLate);
        Logged refused = only(lateEntries, "notice.received", e -> e.has("transactionId", late));
        assertEquals(0, refused.number("countedFen"));
        assertEquals(tradeId, refused.number("tradeId"));
        assertEquals("PAYMENT_NOT_ACCEPTED", only(lateEntries, "refund.instructed",
                e -> e.has("creditTransactionId", late)).fact("reason"));
        assertEquals(List.of(), of(lateEntries, "trade.payment", e -> true));
    }

    @Test
    void aSaleAtThePriceCapAndAListingWithoutBidsCloseWithTheirOutcome() throws Exception {
        long capped = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, capped, "AUC%06d".formatted(capped % 1_000_000));
        long beforeCap = log.mark();
        JsonPath receipt = Auctions.bid(bidder, capped, "30000000.00", "aud-cap").then().statusCode(201).extract()
                .jsonPath();
        List<Logged> cap = log.since(beforeCap).stream()
                .filter(e -> e.type().startsWith("bid.") || e.type().startsWith("listing.")
                        || e.type().startsWith("countdown."))
                .toList();
        assertEquals(List.of("bid.accepted", "listing.sold"), AuditTrail.typesAbout(cap, capped),
                "a bid at the cap ends the sale: no countdown restart");
        Logged sold = only(cap, "listing.sold", e -> e.about(capped));
        assertEquals("price cap reached", sold.fact("reason"));
        assertEquals(receipt.getLong("bidId"), sold.number("winningBidId"));
        assertEquals(receipt.getString("bidderNo"), sold.fact("winningBidderNo"));
        assertEquals(3_000_000_000L, sold.number("winningAmountFen"));
        assertEquals(1, sold.number("bidCount"));
        assertEquals("system:bidding", sold.actor());

        long unsold = Auctions.listingInBidding(clock, listings, Map.of());
        long beforeClose = log.mark();
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        List<Logged> closed = log.since(beforeClose);
        Logged noSale = only(closed, "listing.unsold", e -> e.about(unsold));
        assertEquals("NO_VALID_BID", noSale.fact("unsoldReason"));
        assertEquals(0, noSale.number("bidCount"));
        assertNull(noSale.fact("highestBidFen"));
        assertEquals(2_200_000_000L, noSale.number("reservePriceFen"));
        Logged released = only(closed, "certificate.released", e -> e.about(unsold));
        assertEquals(10_000, num(openFacts(released, "details", TOWNSHIP), "lotAreaM2"));
        assertEquals("system:auction", released.actor());
        only(closed, "transfer.posted", e -> e.has("kind", "RELEASE") && e.about(unsold));
    }

    @Test
    void editingAndDeletingADraftIsLogged() throws Exception {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 50_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        long id = Fixtures.draft(TestData.TOWNSHIP_A, body);
        long before = log.mark();
        body.put("lotAreaM2", 12_000);
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(body).when().put("/api/listings/" + id)
                .then().statusCode(200);
        body.put("lotAreaM2", 60_000);
        given().auth().oauth2(TOWNSHIP).contentType(ContentType.JSON).body(body).when().put("/api/listings/" + id)
                .then().statusCode(409);
        // the edit's terms are committed; the township opens them while the draft exists
        List<Logged> edited = log.since(before);
        Logged updated = only(edited, "listing.draft", e -> e.about(id));
        assertEquals("terms updated", open(updated, "reason", TOWNSHIP));
        assertEquals(12_000, num(openFacts(updated, "terms", TOWNSHIP), "lotAreaM2"));
        assertFalse(updated.text().contains("芦溪镇增减挂钩节余指标挂牌出让"), "a draft's terms are not public");
        assertEquals(12_000, num(openFacts(only(edited, "certificate.frozen", e -> e.about(id)), "details", TOWNSHIP),
                "lotAreaM2"));
        given().auth().oauth2(TOWNSHIP).when().delete("/api/listings/" + id).then().statusCode(204);
        List<Logged> entries = log.since(before);
        assertEquals(List.of("certificate.released", "transfer.posted", "certificate.frozen", "transfer.posted",
                "listing.draft", "certificate.released", "transfer.posted", "listing.deleted"),
                AuditTrail.typesAbout(entries, id), "the refused update (more than the certificate holds) left nothing");
        assertEquals(404, AuditTrail.openStatus(updated, "terms", TOWNSHIP),
                "a deleted draft is shown to nobody, nor are its committed terms");
        Logged deleted = only(entries, "listing.deleted", e -> e.about(id));
        assertEquals("DRAFT", deleted.fact("from"));
        assertTrue(deleted.actor().startsWith("township:" + TestData.TOWNSHIP_A), deleted.actor());
    }

    @Test
    void partyReviewsAndCalendarChangesAreLoggedAndRefusedRequestsAreNot() throws Exception {
        String serial = "P" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String code = CreditCode.complete("91510703" + serial);
        Map<String, Object> body = new HashMap<>();
        body.put("creditCode", code);
        body.put("name", "审计测试实业有限公司" + serial);
        body.put("legalRepresentative", "王五");
        body.put("contactPerson", "赵六");
        body.put("contactPhone", "13912345678");
        body.put("address", "四川省绵阳市三台县潼川镇北坝路1号");
        body.put("bankName", "中国工商银行三台支行");
        body.put("bankAccountName", body.get("name"));
        body.put("bankAccountNo", "2308412109000123456");
        java.time.LocalDate day = java.time.LocalDate.of(2099, 1, 5)
                .plusWeeks(ThreadLocalRandom.current().nextInt(0, 50));
        String operator = Tokens.operator();
        given().auth().oauth2(operator).when().delete("/api/calendar/days/" + day);
        long before = log.mark();

        given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body(body).when()
                .post("/api/enterprises").then().statusCode(201);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("decision", "REJECT")).when()
                .post("/api/enterprises/" + code + "/review").then().statusCode(400);
        given().auth().oauth2(operator).contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECT", "reason", "营业执照复印件不清晰")).when()
                .post("/api/enterprises/" + code + "/review").then().statusCode(200);
        given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body(body).when()
                .post("/api/enterprises").then().statusCode(201);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE")).when()
                .post("/api/enterprises/" + code + "/review").then().statusCode(200);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("decision", "APPROVE")).when()
                .post("/api/enterprises/" + code + "/review").then().statusCode(409);

        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("working", false, "note", "测试假日"))
                .when().put("/api/calendar/days/" + day).then().statusCode(200);
        given().auth().oauth2(operator).contentType(ContentType.JSON).body(Map.of("working", true, "note", "多余"))
                .when().put("/api/calendar/days/" + day).then().statusCode(400);
        given().auth().oauth2(operator).when().delete("/api/calendar/days/" + day).then().statusCode(204);
        given().auth().oauth2(operator).when().delete("/api/calendar/days/" + day).then().statusCode(404);
        List<Logged> entries = log.since(before);

        List<Logged> party = entries.stream().filter(e -> e.has("enterpriseCode", code)).toList();
        assertEquals(List.of("enterprise.registered", "enterprise.rejected", "enterprise.registered",
                "enterprise.verified"), party.stream().map(Logged::type).toList());
        assertEquals(Boolean.FALSE, party.get(0).fact("resubmitted"));
        assertEquals(body.get("name"), party.get(0).fact("name"));
        assertFalse(party.get(0).text().contains("13912345678"), "contact details stay out of the log");
        assertTrue(party.get(0).actor().startsWith("enterprise:" + code), party.get(0).actor());
        assertFalse(party.get(1).text().contains("营业执照复印件不清晰"), "a rejection reason is not public");
        assertEquals("营业执照复印件不清晰", open(party.get(1), "reason", operator));
        assertEquals("营业执照复印件不清晰", open(party.get(1), "reason", Tokens.enterprise(code)));
        assertTrue(party.get(1).actor().startsWith("operator:"), party.get(1).actor());
        assertEquals(Boolean.TRUE, party.get(2).fact("resubmitted"));
        assertEquals("VERIFIED", party.get(3).fact("status"));

        List<Logged> calendar = entries.stream().filter(e -> e.has("date", day.toString())).toList();
        assertEquals(List.of("calendar.day_set", "calendar.day_cleared"),
                calendar.stream().map(Logged::type).toList());
        assertEquals(Boolean.FALSE, calendar.get(0).fact("working"));
        assertEquals("测试假日", calendar.get(0).fact("note"));
        assertNull(calendar.get(0).fact("previousWorking"));
        assertEquals(Boolean.FALSE, calendar.get(1).fact("previousWorking"));
        assertTrue(calendar.get(1).actor().startsWith("operator:"), calendar.get(1).actor());
    }
}
