package cn.landmarket.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.Pages;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import cn.landmarket.escrow.Refund;
import cn.landmarket.escrow.RefundReason;
import cn.landmarket.testing.StandardMarket;

/** Deposits through the bank feed, instalments, late payment, relisting and a random walk over the invariants. */
@QuarkusTest
@StandardMarket
class SettlementFlowTest {

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

    private final String township = Tokens.township(TestData.TOWNSHIP_A);
    private final String regulator = Tokens.regulator(TestData.CITY_REGULATOR);

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Bidder(String code, String serial, long registrationId, String account) {
        String payer() {
            return "测试企业" + serial;
        }
    }

    private Bidder registerAndPayDeposit(long listingId) {
        String serial = "F" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String code = data.enterprise(serial, EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + listingId + "/registrations").then().statusCode(201)
                .extract().jsonPath();
        Bidder b = new Bidder(code, serial, view.getLong("id"), view.getString("payTo.virtualAccount"));
        BankFeed.deliver(BankFeed.credit("DEP-" + b.registrationId(), b.account(), "4000000.00", b.payer(),
                clock.instant())).statusCode(200).body("outcome", equalTo("QUALIFIED"));
        return b;
    }

    /** A listing with the given payment terms, sold to a bidder at 22,000,000.00 while a second bidder paid a deposit and lost. */
    private long[] soldWithLoser(Map<String, Object> paymentTerms, Bidder[] out) {
        long id = Auctions.listingInBidding(clock, listings, Map.of("paymentTerms", paymentTerms));
        Bidder winner = registerAndPayDeposit(id);
        Bidder loser = registerAndPayDeposit(id);
        Auctions.bid(winner.code(), id, "22000000.00", "w-" + winner.serial()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        settlement.run();
        out[0] = winner;
        out[1] = loser;
        long tradeId = given().auth().oauth2(township).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).body("depositCredited", equalTo("4000000.00"))
                .body("outstanding", equalTo("18000000.00")).extract().jsonPath().getLong("id");
        return new long[] {id, tradeId};
    }

    private JsonPath trade(long tradeId) {
        return given().auth().oauth2(regulator).when().get("/api/trades/" + tradeId).then().statusCode(200)
                .extract().jsonPath();
    }

    private JsonPath account(String id) {
        return given().auth().oauth2(regulator).when().get("/api/ledger/accounts/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private void confirmBoth(long tradeId, String buyer) {
        String sha = trade(tradeId).getString("confirmationSha256");
        for (String token : List.of(township, Tokens.enterprise(buyer))) {
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("sha256", sha))
                    .when().post("/api/trades/" + tradeId + "/confirmations").then().statusCode(200);
        }
    }

    private void pay(String txId, Bidder b, long tradeId, String amount, String outcome) {
        BankFeed.deliver(BankFeed.credit(txId, trade(tradeId).getString("paymentAccount"), amount, b.payer(),
                clock.instant())).statusCode(200).body("outcome", equalTo(outcome));
    }

    private void assertInvariants(String... ids) {
        JsonPath inv = given().auth().oauth2(regulator).when().get("/api/ledger/invariants").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> checks = inv.getList("checks");
        assertEquals(true, checks.get(0).get("pass"), () -> "every transfer balances: " + checks.get(0));
        assertEquals(true, checks.get(1).get("pass"), () -> "sum is zero: " + checks.get(1));
        for (Map<String, Object> check : checks) {
            @SuppressWarnings("unchecked")
            List<String> offending = (List<String>) check.get("offending");
            for (String id : ids) {
                assertTrue(!offending.contains(id), check.get("name") + " fails for " + id + ": " + offending);
            }
        }
    }

    @Test
    void depositCreditedInstalmentsPaidLoserRefundedAndSettled() {
        Bidder[] b = new Bidder[2];
        long[] ids = soldWithLoser(Map.of("mode", "INSTALMENTS", "confirmWithinWorkingDays", 5,
                "firstSharePercent", 50, "firstDueDays", 30, "balanceDueDays", 90), b);
        long listingId = ids[0];
        long tradeId = ids[1];
        Bidder winner = b[0];
        Bidder loser = b[1];

        // the loser's deposit is owed back within 5 working days; the winner's is reserved against the price
        assertEquals("0.00", account("DEPOSIT:" + loser.registrationId()).getString("postedBalance"));
        long refundId = data.value(Long.class, "select r.id from Refund r where r.registrationId = ?1 and r.reason = "
                + "cn.landmarket.escrow.RefundReason.NOT_WINNER", loser.registrationId());
        assertEquals("4000000.00", account("REFUND:" + refundId).getString("postedBalance"));
        JsonPath deposit = account("DEPOSIT:" + winner.registrationId());
        assertEquals("4000000.00", deposit.getString("postedBalance"));
        assertEquals("0.00", deposit.getString("available"));
        assertEquals("4000000.00", deposit.getString("pendingDebits"));

        confirmBoth(tradeId, winner.code());
        JsonPath awaiting = trade(tradeId);
        assertEquals("AWAITING_PAYMENT", awaiting.getString("status"));
        assertEquals("11000000.00", awaiting.getString("firstDue"));
        pay("I1-" + tradeId, winner, tradeId, "7000000.00", "PAYMENT_PARTIAL");
        clock.advance(Duration.ofDays(40));
        settlement.run();
        assertEquals("AWAITING_PAYMENT", trade(tradeId).getString("status"), "the first share was met in time");
        pay("I2-" + tradeId, winner, tradeId, "11000000.00", "PAYMENT_COMPLETE");

        JsonPath settled = trade(tradeId);
        assertEquals("SETTLED", settled.getString("status"));
        assertEquals("0.00", settled.getString("outstanding"));
        assertEquals("0.00", account("DEPOSIT:" + winner.registrationId()).getString("available"));
        assertEquals("0.00", account("DEPOSIT:" + winner.registrationId()).getString("postedBalance"));
        assertEquals("0.00", account("TRADE:" + tradeId).getString("postedBalance"));
        assertEquals("18700000.00", account("PROCEEDS:" + tradeId + ":FARMERS").getString("postedBalance"));
        JsonPath statement = given().auth().oauth2(regulator).when()
                .get("/api/ledger/accounts/DEPOSIT:" + winner.registrationId() + "/statement").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(List.of("DEPOSIT", "DEPOSIT_APPLIED", "DEPOSIT_APPLIED"), statement.getList("lines.kind"));
        assertEquals(List.of("POSTED", "PENDING", "POSTED"), statement.getList("lines.phase"));
        assertEquals("0.00", statement.getString("lines[2].balanceAfter"));

        // the operator pays the loser's refund; the bank's debit closes it in the ledger
        BankFeed.deliver(BankFeed.debit("RF-" + refundId, "4000000.00", loser.payer(), "6228480000000000000",
                "REFUND-" + refundId, clock.instant())).statusCode(200).body("outcome", equalTo("REFUND_CONFIRMED"));
        assertEquals("0.00", account("REFUND:" + refundId).getString("postedBalance"));

        long child = settled.getLong("childCertificateId");
        long parent = settled.getLong("certificateId");
        JsonPath lineage = given().auth().oauth2(regulator).when().get("/api/certificates/" + child + "/lineage")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(lineage.getList("ancestors.id").toString().contains(String.valueOf(parent)));
        assertEquals(String.valueOf(10_000), account("CERT:" + child + ":AREA_M2").getString("postedBalance"));
        assertEquals(String.valueOf(90_000), account("CERT:" + parent + ":AREA_M2").getString("postedBalance"));
        assertEquals("0", account("CERT:" + parent + ":FROZEN:AREA_M2").getString("postedBalance"));
        assertInvariants(String.valueOf(listingId), String.valueOf(child), String.valueOf(parent),
                String.valueOf(winner.registrationId()), String.valueOf(loser.registrationId()),
                "DEPOSIT:" + winner.registrationId());
    }

    @Test
    void paidLateDefaultsForfeitsTheDepositRefundsPaymentsAndTheLotCanBeRelisted() {
        Bidder[] b = new Bidder[2];
        long[] ids = soldWithLoser(Map.of("mode", "FULL", "confirmWithinWorkingDays", 5, "firstSharePercent", 100,
                "firstDueDays", 30), b);
        long listingId = ids[0];
        long tradeId = ids[1];
        Bidder winner = b[0];
        confirmBoth(tradeId, winner.code());
        pay("L1-" + tradeId, winner, tradeId, "1000000.00", "PAYMENT_PARTIAL");
        clock.advance(Duration.ofDays(31));
        settlement.run();

        JsonPath defaulted = trade(tradeId);
        assertEquals("DEFAULTED", defaulted.getString("status"));
        given().auth().oauth2(regulator).when().get("/api/ledger/accounts/FORFEITED/statement").then()
                .statusCode(403).body("detail", org.hamcrest.Matchers.containsString("market-wide"));
        List<Map<String, Object>> forfeited = Pages.all(page -> given().auth().oauth2(Tokens.operator())
                .queryParam("page", page).queryParam("size", 100).when()
                .get("/api/ledger/accounts/FORFEITED/statement").then().statusCode(200).extract().jsonPath(), "lines");
        assertEquals(List.of("4000000.00"), forfeited.stream()
                .filter(l -> ("registration:" + winner.registrationId() + ":forfeit").equals(l.get("transferId")))
                .map(l -> l.get("amount")).toList());
        assertEquals("0.00", account("DEPOSIT:" + winner.registrationId()).getString("postedBalance"));
        assertEquals("0.00", account("TRADE:" + tradeId).getString("postedBalance"));
        assertEquals(1L, data.count("select count(r) from Refund r where r.registrationId = ?1 and r.amountFen = "
                + "100000000 and r.reason = cn.landmarket.escrow.RefundReason.PAYMENT_NOT_ACCEPTED",
                winner.registrationId()));
        Instant barred = data.value(Instant.class, "select e.barredUntil from Enterprise e where e.creditCode = ?1",
                winner.code());
        assertTrue(barred.isAfter(clock.instant().plus(Duration.ofDays(300))));
        pay("L2-" + tradeId, winner, tradeId, "17000000.00", "PAYMENT_REFUSED");

        Instant now = clock.instant();
        Map<String, Object> schedule = Fixtures.listing(1, 1, now);
        Map<String, Object> relist = new java.util.HashMap<>(Map.of("announceAt", schedule.get("announceAt"),
                "registrationDeadline", schedule.get("registrationDeadline"),
                "listingStart", schedule.get("listingStart"), "listingEnd", schedule.get("listingEnd")));
        relist.put("startPrice", "15000000.00");
        given().auth().oauth2(township).contentType(ContentType.JSON).body(relist)
                .when().post("/api/listings/" + listingId + "/relist").then().statusCode(400);
        relist.put("startPrice", "18000000.00");
        given().auth().oauth2(township).contentType(ContentType.JSON).body(relist)
                .when().post("/api/listings/" + listingId + "/relist").then().statusCode(201)
                .body("status", equalTo("DRAFT")).body("startPrice", equalTo("18000000.00"))
                .body("deposit", equalTo("4000000.00")).body("certificateId", equalTo(defaulted.getInt("certificateId")))
                .body("id", notNullValue());
        assertInvariants(String.valueOf(listingId), String.valueOf(defaulted.getLong("certificateId")),
                String.valueOf(winner.registrationId()));
    }

    @Test
    void afterAPartSaleTheCertificateShowsTotalFrozenTransferredAndAvailableInEveryDimension() {
        long cert = Fixtures.issue(Fixtures.farmland(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> kept = Fixtures.listing(cert, 5_000, clock.instant());
        kept.put("lotPaddyAreaM2", 1_000);
        kept.put("lotGrainCapacityKg", 500);
        Fixtures.draft(TestData.TOWNSHIP_A, kept);
        Map<String, Object> sale = Fixtures.listing(cert, 20_001, clock.instant());
        sale.put("lotPaddyAreaM2", 10_000);
        sale.put("lotGrainCapacityKg", 2_000);
        long id = Fixtures.draft(TestData.TOWNSHIP_A, sale);
        Fixtures.act(township, id, "submit", 200);
        Fixtures.act(regulator, id, "approve", 200);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        Bidder buyer = registerAndPayDeposit(id);
        Auctions.bid(buyer.code(), id, "22000000.00", "part-" + buyer.serial()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        settlement.run();
        long tradeId = given().auth().oauth2(township).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).extract().jsonPath().getLong("id");
        confirmBoth(tradeId, buyer.code());
        pay("PART-" + tradeId, buyer, tradeId, "18000000.00", "PAYMENT_COMPLETE");
        JsonPath settled = trade(tradeId);
        assertEquals("SETTLED", settled.getString("status"));

        JsonPath seller = given().auth().oauth2(township).when().get("/api/certificates/" + cert).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(100_000, seller.getLong("area.m2"));
        assertEquals(5_000, seller.getLong("frozenArea.m2"));
        assertEquals(20_001, seller.getLong("transferredArea.m2"));
        assertEquals(74_999, seller.getLong("availableArea.m2"));
        assertEquals(50_000, seller.getLong("paddyArea.m2"));
        assertEquals(1_000, seller.getLong("frozenPaddyArea.m2"));
        assertEquals(10_000, seller.getLong("transferredPaddyArea.m2"));
        assertEquals(39_000, seller.getLong("availablePaddyArea.m2"));
        assertEquals(10_000, seller.getLong("grainCapacityKg"));
        assertEquals(500, seller.getLong("frozenGrainCapacityKg"));
        assertEquals(2_000, seller.getLong("transferredGrainCapacityKg"));
        assertEquals(7_500, seller.getLong("availableGrainCapacityKg"));

        JsonPath child = given().auth().oauth2(regulator).when()
                .get("/api/certificates/" + settled.getLong("childCertificateId")).then().statusCode(200)
                .extract().jsonPath();
        assertEquals(20_001, child.getLong("area.m2"));
        assertEquals(20_001, child.getLong("availableArea.m2"));
        assertEquals(0, child.getLong("transferredArea.m2"));
        assertEquals(10_000, child.getLong("availablePaddyArea.m2"));
        assertEquals(2_000, child.getLong("availableGrainCapacityKg"));

        // what the view calls available is exactly what a new listing may freeze
        Map<String, Object> tooMuch = Fixtures.listing(cert, 75_000, clock.instant());
        tooMuch.put("lotPaddyAreaM2", 1_000);
        tooMuch.put("lotGrainCapacityKg", 500);
        given().auth().oauth2(township).contentType(ContentType.JSON).body(tooMuch).when().post("/api/listings")
                .then().statusCode(409);
        Map<String, Object> all = Fixtures.listing(cert, 74_999, clock.instant());
        all.put("lotPaddyAreaM2", 39_000);
        all.put("lotGrainCapacityKg", 7_500);
        Fixtures.draft(TestData.TOWNSHIP_A, all);
        JsonPath full = given().auth().oauth2(township).when().get("/api/certificates/" + cert).then()
                .statusCode(200).extract().jsonPath();
        assertEquals(0, full.getLong("availableArea.m2"));
        assertEquals(0, full.getLong("availablePaddyArea.m2"));
        assertEquals(0, full.getLong("availableGrainCapacityKg"));
    }

    @Test
    void aPaymentBeforeTheConfirmationIsHeldAndTheTradeSettlesOnTheSecondSignature() {
        Bidder[] b = new Bidder[2];
        long[] ids = soldWithLoser(Map.of("mode", "FULL", "confirmWithinWorkingDays", 5, "firstSharePercent", 100,
                "firstDueDays", 30), b);
        long tradeId = ids[1];
        pay("E1-" + tradeId, b[0], tradeId, "18000000.00", "PAYMENT_COMPLETE");
        assertEquals("AWAITING_CONFIRMATION", trade(tradeId).getString("status"));
        assertEquals("18000000.00", account("TRADE:" + tradeId).getString("postedBalance"));
        confirmBoth(tradeId, b[0].code());
        JsonPath settled = trade(tradeId);
        assertEquals("SETTLED", settled.getString("status"));
        assertEquals(1L, data.count("select count(c) from Certificate c where c.parentId = ?1 and c.holderCode = ?2",
                settled.getLong("certificateId"), b[0].code()));
        // the settlement clock running again changes nothing
        settlement.run();
        assertEquals(1L, data.count("select count(c) from Certificate c where c.parentId = ?1",
                settled.getLong("certificateId")));
        assertEquals(1L, data.count("select count(r) from Refund r where r.registrationId = ?1", b[1].registrationId()));
        assertInvariants(String.valueOf(ids[0]), String.valueOf(settled.getLong("certificateId")));
    }

    @Test
    void concurrentClocksAndDuplicateNoticesOpenOneTradeAndCountOnePayment() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        Bidder winner = registerAndPayDeposit(id);
        Bidder loser = registerAndPayDeposit(id);
        Auctions.bid(winner.code(), id, "22000000.00", "c-" + winner.serial()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(pool.submit(() -> settlement.run()));
            }
            for (var run : runs) {
                run.get();
            }
            assertEquals(1L, data.count("select count(t) from Trade t where t.listingId = ?1", id));
            assertEquals(1L, data.count("select count(r) from Refund r where r.registrationId = ?1",
                    loser.registrationId()));
            long tradeId = given().auth().oauth2(township).when().get("/api/listings/" + id + "/trade").then()
                    .statusCode(200).extract().jsonPath().getLong("id");
            byte[] body = BankFeed.bytes(BankFeed.credit("D1-" + tradeId, trade(tradeId).getString("paymentAccount"),
                    "5000000.00", winner.payer(), clock.instant()));
            List<java.util.concurrent.Future<Integer>> deliveries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                deliveries.add(pool.submit(() -> BankFeed.deliver(body).extract().statusCode()));
            }
            for (var d : deliveries) {
                assertEquals(200, d.get());
            }
            assertEquals("5000000.00", trade(tradeId).getString("paid"));
            JsonPath held = account("TRADE:" + tradeId);
            assertEquals("5000000.00", held.getString("postedBalance"), "one payment counted once");
            assertEquals("4000000.00", held.getString("pendingCredits"), "the deposit is reserved, not yet posted");
        } finally {
            pool.shutdownNow();
        }
        assertInvariants(String.valueOf(id), String.valueOf(winner.registrationId()),
                String.valueOf(loser.registrationId()));
    }

    @Test
    void randomSequencesKeepEveryInvariant() {
        Random random = new Random(20261123L);
        List<long[]> sales = new ArrayList<>();
        List<Bidder> winners = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Bidder[] b = new Bidder[2];
            sales.add(soldWithLoser(Map.of("mode", "INSTALMENTS", "confirmWithinWorkingDays", 5,
                    "firstSharePercent", 50, "firstDueDays", 30, "balanceDueDays", 60), b));
            winners.add(b[0]);
        }
        List<String> delivered = new ArrayList<>();
        java.util.Set<String> statuses = new java.util.TreeSet<>();
        for (int step = 0; step < 30; step++) {
            int which = random.nextInt(sales.size());
            long tradeId = sales.get(which)[1];
            Bidder buyer = winners.get(which);
            String sha = trade(tradeId).getString("confirmationSha256");
            switch (random.nextInt(6)) {
                case 0 -> given().auth().oauth2(township).contentType(ContentType.JSON).body(Map.of("sha256", sha))
                        .when().post("/api/trades/" + tradeId + "/confirmations");
                case 1 -> given().auth().oauth2(Tokens.enterprise(buyer.code())).contentType(ContentType.JSON)
                        .body(Map.of("sha256", sha)).when().post("/api/trades/" + tradeId + "/confirmations");
                case 2, 3 -> {
                    String tx = "R" + step + "-" + tradeId;
                    String amount = (1 + random.nextInt(9_000_000)) + "." + (10 + random.nextInt(90));
                    byte[] body = BankFeed.bytes(BankFeed.credit(tx, trade(tradeId).getString("paymentAccount"),
                            amount, buyer.payer(), clock.instant()));
                    BankFeed.deliver(body).statusCode(200);
                    delivered.add(new String(body, java.nio.charset.StandardCharsets.UTF_8));
                }
                case 4 -> {
                    if (!delivered.isEmpty()) {
                        byte[] again = delivered.get(random.nextInt(delivered.size()))
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        BankFeed.deliver(again).statusCode(200);
                    }
                }
                default -> clock.advance(Duration.ofDays(1 + random.nextInt(12)));
            }
            settlement.run();
            JsonPath t = trade(tradeId);
            java.math.BigDecimal paid = new java.math.BigDecimal(t.getString("paid"));
            assertTrue(paid.signum() >= 0 && paid.compareTo(new java.math.BigDecimal("18000000.00")) <= 0,
                    "paid within the price");
            statuses.add(t.getString("status"));
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < sales.size(); i++) {
                ids.add(String.valueOf(sales.get(i)[0]));
                ids.add(String.valueOf(winners.get(i).registrationId()));
            }
            assertInvariants(ids.toArray(String[]::new));
            assertEquals(1L, data.count("select count(t) from Trade t where t.listingId = ?1", sales.get(which)[0]));
        }
        assertTrue(statuses.size() > 1, "the walk moved trades on: " + statuses);
    }
}
