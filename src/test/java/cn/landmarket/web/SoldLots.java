package cn.landmarket.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.settlement.SettlementSweep;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Sales for the page tests, through the API as the settlement tests make them: a bidder registers
 * and pays its deposit through the bank feed, bids 22,000,000.00, the listing closes, both sides sign
 * and the balance arrives, so the trade is settled.
 */
@ApplicationScoped
class SoldLots {

    /** A bidder: its credit code and name (as TestData names it), its registration's virtual account. */
    record Bidder(String code, String name, long registrationId, String account) {
    }

    private final TestData data;
    private final TestClock clock;
    private final ListingService listings;
    private final AuctionCloser closer;
    private final SettlementSweep settlement;

    SoldLots(TestData data, TestClock clock, ListingService listings, AuctionCloser closer,
            SettlementSweep settlement) {
        this.data = data;
        this.clock = clock;
        this.listings = listings;
        this.closer = closer;
        this.settlement = settlement;
    }

    /** A listing of 10,000 m² in bidding (LISTING), with the fixture's terms and the overrides. */
    long inBidding(Map<String, Object> overrides) {
        return Auctions.listingInBidding(clock, listings, overrides);
    }

    /** A verified enterprise registered on the listing whose deposit of 4,000,000.00 has arrived. */
    Bidder qualified(long listingId) {
        String serial = "W" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        String code = data.enterprise(serial, EnterpriseStatus.VERIFIED);
        JsonPath view = given().auth().oauth2(Tokens.enterprise(code)).contentType(ContentType.JSON).body("{}")
                .when().post("/api/listings/" + listingId + "/registrations").then().statusCode(201)
                .extract().jsonPath();
        Bidder b = new Bidder(code, "测试企业" + serial, view.getLong("id"), view.getString("payTo.virtualAccount"));
        BankFeed.deliver(BankFeed.credit("DEP-" + b.registrationId(), b.account(), "4000000.00", b.name(),
                clock.instant())).statusCode(200).body("outcome", equalTo("QUALIFIED"));
        return b;
    }

    /** The bidder bids 22,000,000.00 and the listing closes (SOLD, then AWAITING_PAYMENT). */
    void closeWithBid(long listingId, Bidder b) {
        Auctions.bid(b.code(), listingId, "22000000.00", "page-" + b.registrationId()).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        settlement.run();
    }

    /** Both sides sign the confirmation and the balance of 18,000,000.00 arrives: the trade settles. */
    void settle(long listingId, Bidder b) {
        String township = Tokens.township(TestData.TOWNSHIP_A);
        long tradeId = given().auth().oauth2(township).when().get("/api/listings/" + listingId + "/trade").then()
                .statusCode(200).extract().jsonPath().getLong("id");
        JsonPath trade = trade(tradeId);
        for (String token : List.of(township, Tokens.enterprise(b.code()))) {
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Map.of("sha256", trade.getString("confirmationSha256")))
                    .when().post("/api/trades/" + tradeId + "/confirmations").then().statusCode(200);
        }
        BankFeed.deliver(BankFeed.credit("PAY-" + tradeId, trade(tradeId).getString("paymentAccount"), "18000000.00",
                b.name(), clock.instant())).statusCode(200).body("outcome", equalTo("PAYMENT_COMPLETE"));
        settlement.run();
        org.junit.jupiter.api.Assertions.assertEquals("SETTLED", trade(tradeId).getString("status"));
    }

    private static JsonPath trade(long tradeId) {
        return given().auth().oauth2(Tokens.regulator(TestData.CITY_REGULATOR)).when().get("/api/trades/" + tradeId)
                .then().statusCode(200).extract().jsonPath();
    }
}
