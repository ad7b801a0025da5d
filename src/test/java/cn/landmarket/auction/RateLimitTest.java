package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Bids beyond an enterprise's or a client address's rate are refused with a 429 that says when to retry. */
@QuarkusTest
@TestProfile(RateLimitTest.Limited.class)
class RateLimitTest {

    public static class Limited implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // Slow refills: the test clock follows real time, and a slow machine must not refill a bucket mid-test.
            return Map.of("market.bidding.bids-per-second-per-bidder", "0.05", "market.bidding.bid-burst-per-bidder", "3",
                    "market.bidding.bids-per-second-per-address", "0.01", "market.bidding.bid-burst-per-address", "5");
        }
    }

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    BidRepository bids;

    private static int serial;

    @BeforeEach
    void setUp() {
        data.standard();
        clock.reset();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static Response bid(String enterprise, long listingId, long yuan, String address) {
        return given().auth().oauth2(Tokens.enterprise(enterprise)).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("X-Forwarded-For", address).contentType(ContentType.JSON)
                .body(Map.of("amount", yuan + ".00")).when().post("/api/listings/" + listingId + "/bids");
    }

    @Test
    void anEnterpriseBeyondItsBurstWaitsForItsRate() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String a = Auctions.qualifiedBidder(data, id, "MRL%06d".formatted(++serial));
        long amount = 20_000_000;
        for (int i = 0; i < 3; i++) {
            bid(a, id, amount, "10.1.0." + i).then().statusCode(201);
            amount += 200_000;
        }
        Response refused = bid(a, id, amount, "10.1.0.9");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("code", equalTo("TOO_MANY_REQUESTS"));
        int wait = refused.jsonPath().getInt("retryAfterSeconds");
        assertEquals(String.valueOf(wait), refused.header("Retry-After"));
        assertTrue(wait >= 1 && wait <= 20, "one token comes back within 20 s at 0.05/s: " + wait);
        assertEquals(3, bids.count(id), "the refused bid was not decided or stored");
        clock.advance(Duration.ofSeconds(wait));
        bid(a, id, amount, "10.1.0.9").then().statusCode(201);
    }

    @Test
    void oneAddressBeyondItsBurstIsRefusedWhateverTheEnterprise() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        long amount = 20_000_000;
        String address = "10.2.0." + (++serial);
        for (int i = 0; i < 5; i++) {
            String bidder = Auctions.qualifiedBidder(data, id, "MRL%06d".formatted(++serial));
            bid(bidder, id, amount, address).then().statusCode(201);
            amount += 200_000;
        }
        String sixth = Auctions.qualifiedBidder(data, id, "MRL%06d".formatted(++serial));
        bid(sixth, id, amount, address).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.containsString("network address"));
        bid(sixth, id, amount, "10.3.0.1").then().statusCode(201);
    }
}
