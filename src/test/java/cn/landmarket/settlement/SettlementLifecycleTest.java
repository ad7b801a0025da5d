package cn.landmarket.settlement;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import cn.landmarket.escrow.Refund;
import cn.landmarket.escrow.RefundReason;

@QuarkusTest
@StandardMarket
class SettlementLifecycleTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    SettlementSweep settlement;

    private final String township = Tokens.township(TestData.TOWNSHIP_A);
    private final String regulator = Tokens.regulator(TestData.CITY_REGULATOR);

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    private record Sale(long listingId, String buyer, String serial, JsonPath trade) {
    }

    /** A listing sold at its price cap (inside the bid batch) and its trade opened by the settlement clock. */
    private Sale soldAtCap() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String serial = "T" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String buyer = Auctions.qualifiedBidder(data, id, serial);
        data.enterprise(serial, EnterpriseStatus.VERIFIED);
        Auctions.bid(buyer, id, "30000000.00", "k-" + serial).then().log().ifValidationFails().statusCode(201);
        settlement.run();
        JsonPath trade = given().auth().oauth2(township).when().get("/api/listings/" + id + "/trade").then()
                .statusCode(200).body("status", equalTo("AWAITING_CONFIRMATION"))
                .body("price", equalTo("30000000.00")).body("buyerCode", equalTo(buyer))
                .extract().jsonPath();
        return new Sale(id, buyer, serial, trade);
    }

    private void confirm(String token, long tradeId, String sha, int status) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("sha256", sha))
                .when().post("/api/trades/" + tradeId + "/confirmations").then().statusCode(status);
    }

    private JsonPath invariants() {
        return given().auth().oauth2(regulator).when().get("/api/ledger/invariants").then().statusCode(200)
                .extract().jsonPath();
    }

    private void assertInvariantsHold(String... ids) {
        JsonPath inv = invariants();
        List<Map<String, Object>> checks = inv.getList("checks");
        for (Map<String, Object> check : checks) {
            @SuppressWarnings("unchecked")
            List<String> offending = (List<String>) check.get("offending");
            for (String id : ids) {
                assertTrue(!offending.contains(id), check.get("name") + " fails for " + id + ": " + offending);
            }
        }
        assertEquals(true, checks.get(0).get("pass"), "every transfer balances");
        assertEquals(true, checks.get(1).get("pass"), "sum is zero");
    }

    @Test
    void soldConfirmedAndOverpaidSettlesSplitsTheCertificateAndRefundsTheExcess() {
        Sale sale = soldAtCap();
        long tradeId = sale.trade().getLong("id");
        String sha = sale.trade().getString("confirmationSha256");
        confirm(Tokens.enterprise(sale.buyer()), tradeId, "0".repeat(64), 409);
        confirm(Tokens.enterprise(sale.buyer()), tradeId, sha, 200);
        confirm(township, tradeId, sha, 200);
        given().auth().oauth2(township).when().get("/api/trades/" + tradeId).then().statusCode(200)
                .body("status", equalTo("AWAITING_PAYMENT")).body("outstanding", equalTo("30000000.00"));

        String account = sale.trade().getString("paymentAccount");
        byte[] first = BankFeed.bytes(BankFeed.credit("PAY1-" + tradeId, account, "10000000.00",
                "测试企业" + sale.serial(), clock.instant()));
        BankFeed.deliver(first).statusCode(200).body("outcome", equalTo("PAYMENT_PARTIAL"));
        BankFeed.deliver(first).statusCode(200).body("outcome", equalTo("PAYMENT_PARTIAL")); // replay: no-op
        BankFeed.deliver(BankFeed.credit("PAY1-" + tradeId, account, "10000001.00", "测试企业" + sale.serial(),
                clock.instant())).statusCode(409);
        given().auth().oauth2(regulator).when().get("/api/trades/" + tradeId).then()
                .body("paid", equalTo("10000000.00")).body("outstanding", equalTo("20000000.00"));
        BankFeed.deliver(BankFeed.credit("PAY2-" + tradeId, account, "20000100.00", "测试企业" + sale.serial(),
                clock.instant())).statusCode(200).body("outcome", equalTo("PAYMENT_COMPLETE"))
                .body("refundId", org.hamcrest.Matchers.notNullValue());

        JsonPath settled = given().auth().oauth2(regulator).when().get("/api/trades/" + tradeId).then()
                .statusCode(200).body("status", equalTo("SETTLED")).body("paid", equalTo("30000000.00"))
                .extract().jsonPath();
        long child = settled.getLong("childCertificateId");
        JsonPath cert = given().auth().oauth2(Tokens.enterprise(sale.buyer())).when().get("/api/certificates/" + child)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(10_000, cert.getLong("area.m2"));
        assertEquals(1L, data.count("select count(*) from Certificate c where c.id = ?1 and c.holderCode = ?2",
                child, sale.buyer()));
        given().when().get("/api/public/listings/" + sale.listingId()).then().body("status", equalTo("SETTLED"));

        given().auth().oauth2(regulator).when().get("/api/ledger/accounts/TRADE:" + tradeId).then().statusCode(200)
                .body("postedBalance", equalTo("0.00"));
        given().auth().oauth2(regulator).when().get("/api/ledger/accounts/PROCEEDS:" + tradeId + ":FARMERS")
                .then().statusCode(200).body("postedBalance", equalTo("25500000.00"));
        given().auth().oauth2(regulator).when().get("/api/ledger/accounts/PROCEEDS:" + tradeId + ":TOWNSHIP")
                .then().statusCode(200).body("postedBalance", equalTo("1500000.00"));
        assertEquals(1L, data.count("select count(*) from Refund r where r.amountFen = 10000 and r.creditTransactionId = ?1",
                "PAY2-" + tradeId));
        assertEquals(1L, data.count("select count(*) from Trade t where t.listingId = ?1", sale.listingId()));
        assertInvariantsHold(String.valueOf(sale.listingId()), String.valueOf(child),
                String.valueOf(sale.trade().getLong("certificateId")));

        // a payment after settlement is recorded and refunded whole
        BankFeed.deliver(BankFeed.credit("PAY3-" + tradeId, account, "5.00", "测试企业" + sale.serial(),
                clock.instant())).statusCode(200).body("outcome", equalTo("PAYMENT_REFUSED"));
    }

    @Test
    void neverConfirmedDefaultsForfeitsBarsAndReleasesTheLot() {
        Sale sale = soldAtCap();
        long tradeId = sale.trade().getLong("id");
        long cert = sale.trade().getLong("certificateId");
        clock.advance(Duration.ofDays(15));
        settlement.run();
        given().auth().oauth2(regulator).when().get("/api/trades/" + tradeId).then().statusCode(200)
                .body("status", equalTo("DEFAULTED"));
        given().when().get("/api/public/listings/" + sale.listingId()).then().body("status", equalTo("DEFAULTED"));
        assertEquals(0L, given().auth().oauth2(township).when().get("/api/certificates/" + cert).then()
                .extract().jsonPath().getLong("frozenArea.m2"));
        assertNotNull(data.value(java.time.Instant.class,
                "select e.barredUntil from Enterprise e where e.creditCode = ?1", sale.buyer()));
        confirm(township, tradeId, sale.trade().getString("confirmationSha256"), 409);
        assertInvariantsHold(String.valueOf(sale.listingId()), String.valueOf(cert));
    }

    @Test
    void aFarmlandLotSplitsEveryDimensionAndTheTownshipTakesProceedsWithoutASplitRule() {
        long cert = cn.landmarket.testing.Fixtures.issue(cn.landmarket.testing.Fixtures.farmland(TestData.TOWNSHIP_A,
                100_000));
        Map<String, Object> body = cn.landmarket.testing.Fixtures.listing(cert, 10_000, clock.instant());
        body.put("lotPaddyAreaM2", 5_000);
        body.put("lotGrainCapacityKg", 1_000);
        long id = cn.landmarket.testing.Fixtures.draft(TestData.TOWNSHIP_A, body);
        cn.landmarket.testing.Fixtures.act(township, id, "submit", 200);
        cn.landmarket.testing.Fixtures.act(regulator, id, "approve", 200);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        String serial = "G" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String buyer = Auctions.qualifiedBidder(data, id, serial);
        Auctions.bid(buyer, id, "30000000.00", "g-" + serial).then().statusCode(201);
        settlement.run();
        JsonPath trade = given().auth().oauth2(Tokens.enterprise(buyer)).when().get("/api/listings/" + id + "/trade")
                .then().statusCode(200).extract().jsonPath();
        long tradeId = trade.getLong("id");
        String other = Auctions.qualifiedBidder(data, id, "H" + serial.substring(1));
        given().auth().oauth2(Tokens.enterprise(other)).when().get("/api/trades/" + tradeId).then().statusCode(404);
        confirm(Tokens.enterprise(other), tradeId, trade.getString("confirmationSha256"), 404);
        confirm(Tokens.enterprise(buyer), tradeId, trade.getString("confirmationSha256"), 200);
        confirm(Tokens.enterprise(buyer), tradeId, trade.getString("confirmationSha256"), 200); // once is enough
        confirm(township, tradeId, trade.getString("confirmationSha256"), 200);

        BankFeed.deliver(BankFeed.credit("GW-" + tradeId, trade.getString("paymentAccount"), "30000000.00",
                "某某公司", clock.instant())).statusCode(200).body("outcome", equalTo("WRONG_PAYER"));
        given().auth().oauth2(regulator).when().get("/api/trades/" + tradeId).then().body("paid", equalTo("0.00"));
        BankFeed.deliver(BankFeed.credit("GP-" + tradeId, trade.getString("paymentAccount"), "30000000.00",
                "测试企业" + serial, clock.instant())).statusCode(200).body("outcome", equalTo("PAYMENT_COMPLETE"));

        long child = given().auth().oauth2(regulator).when().get("/api/trades/" + tradeId).then()
                .body("status", equalTo("SETTLED")).extract().jsonPath().getLong("childCertificateId");
        JsonPath childView = given().auth().oauth2(Tokens.enterprise(buyer)).when().get("/api/certificates/" + child)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(10_000, childView.getLong("area.m2"));
        assertEquals("5000", balance("CERT:" + child + ":PADDY_M2"));
        assertEquals("1000", balance("CERT:" + child + ":GRAIN_KG"));
        assertEquals("45000", balance("CERT:" + cert + ":PADDY_M2"));
        assertEquals("9000", balance("CERT:" + cert + ":GRAIN_KG"));
        assertEquals("0", balance("CERT:" + cert + ":FROZEN:GRAIN_KG"));
        assertEquals("30000000.00", balance("PROCEEDS:" + tradeId + ":TOWNSHIP"));
        assertEquals(1L, data.count("select count(r) from Refund r where r.creditTransactionId = ?1 and r.reason = "
                + "cn.landmarket.escrow.RefundReason.WRONG_PAYER", "GW-" + tradeId));
        assertInvariantsHold(String.valueOf(id), String.valueOf(cert), String.valueOf(child));
    }

    @Test
    void aCollectiveParcelPassesWholeWithItsTermAndPlanningConditionsAndPaysTheCollective() {
        long cert = cn.landmarket.testing.Fixtures.issue(cn.landmarket.testing.Fixtures.parcel(TestData.TOWNSHIP_A,
                20_000, 250, 300));
        Map<String, Object> body = cn.landmarket.testing.Fixtures.listing(cert, 20_000, clock.instant());
        body.put("termYears", 40);
        long id = cn.landmarket.testing.Fixtures.draft(TestData.TOWNSHIP_A, body);
        cn.landmarket.testing.Fixtures.act(township, id, "submit", 200);
        cn.landmarket.testing.Fixtures.act(regulator, id, "approve", 200);
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        String serial = "P" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String buyer = Auctions.qualifiedBidder(data, id, serial);
        Auctions.bid(buyer, id, "30000000.00", "p-" + serial).then().statusCode(201);
        settlement.run();
        JsonPath trade = given().auth().oauth2(Tokens.enterprise(buyer)).when().get("/api/listings/" + id + "/trade")
                .then().statusCode(200).extract().jsonPath();
        long tradeId = trade.getLong("id");
        confirm(Tokens.enterprise(buyer), tradeId, trade.getString("confirmationSha256"), 200);
        confirm(township, tradeId, trade.getString("confirmationSha256"), 200);
        BankFeed.deliver(BankFeed.credit("PP-" + tradeId, trade.getString("paymentAccount"), "30000000.00",
                "测试企业" + serial, clock.instant())).statusCode(200).body("outcome", equalTo("PAYMENT_COMPLETE"));

        long child = given().auth().oauth2(regulator).when().get("/api/trades/" + tradeId).then()
                .body("status", equalTo("SETTLED")).extract().jsonPath().getLong("childCertificateId");
        JsonPath parcel = given().auth().oauth2(Tokens.enterprise(buyer)).when().get("/api/certificates/" + child)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("COLLECTIVE_PARCEL", parcel.getString("assetType"));
        assertEquals("ENTERPRISE", parcel.getString("holderKind"));
        assertEquals(buyer, parcel.getString("holderCode"));
        assertEquals(20_000, parcel.getLong("area.m2"));
        assertEquals("INDUSTRIAL", parcel.getString("landUse"));
        assertEquals(40, parcel.getInt("maxTermYears"), "the use right carries the term that was sold");
        assertEquals(2.0f, parcel.getFloat("planningConditions.plotRatioMax"));
        assertEquals(cert, parcel.getLong("parentId"));
        assertEquals("0", balance("CERT:" + cert + ":AREA_M2"), "the whole parcel left the township");
        assertEquals("24000000.00", balance("PROCEEDS:" + tradeId + ":COLLECTIVE"));
        assertEquals("6000000.00", balance("PROCEEDS:" + tradeId + ":TOWNSHIP"));
        assertInvariantsHold(String.valueOf(id), String.valueOf(cert), String.valueOf(child));
    }

    private String balance(String account) {
        return given().auth().oauth2(regulator).when().get("/api/ledger/accounts/" + account).then().statusCode(200)
                .extract().jsonPath().getString("postedBalance");
    }

    @Test
    void invariantsNameACertificateWhoseQuantityNoLongerMatchesTheLedger() {
        long cert = cn.landmarket.testing.Fixtures.issue(cn.landmarket.testing.Fixtures.linkage(TestData.TOWNSHIP_A,
                5_000));
        assertEquals("5000", balance("CERT:" + cert + ":AREA_M2"));
        assertInvariantsHold(String.valueOf(cert));
        data.execute("update certificate set frozen_area_m2 = 7 where id = " + cert);
        JsonPath inv = invariants();
        assertEquals(false, inv.getBoolean("allPass"));
        assertTrue(inv.getList("checks.find { it.name.contains('ledger holding') }.offending", String.class)
                .contains(String.valueOf(cert)));
        data.execute("update certificate set frozen_area_m2 = 0 where id = " + cert);
    }

    @Test
    void ledgerRowsRefuseUpdateAndDelete() {
        soldAtCap();
        assertTrue(data.count("select count(*) from Transfer t") > 0);
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> data.execute("update ledger_transfer set amount = amount + 1"));
        org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> data.execute("delete from ledger_account"));
    }
}
