package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * Bids beyond an enterprise's rate are refused with a 429 that says when to retry; so are requests
 * from a client address beyond its rate, except those of qualified bidders within their own rate.
 */
@QuarkusTest
@StandardMarket
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
    void anAddressBeyondItsBurstIsRefusedToEnterprisesThatAreNotBiddersButNotToBidders() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String address = "10.2.0." + (++serial);
        for (int i = 0; i < 5; i++) {
            String outsider = data.enterprise("MRN%06d".formatted(++serial), EnterpriseStatus.VERIFIED);
            bid(outsider, id, 20_000_000, address).then().statusCode(403);
        }
        String sixth = data.enterprise("MRN%06d".formatted(++serial), EnterpriseStatus.VERIFIED);
        bid(sixth, id, 20_000_000, address).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", org.hamcrest.Matchers.containsString("network address"));
        bid(sixth, id, 20_000_000, "10.3.0.1").then().statusCode(403);
        String bidder = Auctions.qualifiedBidder(data, id, "MRL%06d".formatted(++serial));
        bid(bidder, id, 20_000_000, address).then().statusCode(201);
        assertEquals(1L, bids.count(id));
    }

    /**
     * Behind the ingress every bidder arrives through one proxy and, when the proxy forwards one
     * address for all of them (a firm's NAT, a carrier-grade NAT) or none is trusted, with one client
     * address. An attacker at that address floods with tokens of enterprises that are no bidders of
     * the listing, with one bidder far beyond its own limit, and with junk; not one honest bid is
     * refused, while the flood itself is.
     */
    @Test
    void noBidderWithinItsOwnLimitIsThrottledBySomebodyElsesTrafficFromItsAddress() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String shared = "198.51.100." + (++serial % 250);
        Map<String, String> tokens = new HashMap<>();
        List<String> honest = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            honest.add(Auctions.qualifiedBidder(data, id, "MRH%06d".formatted(++serial)));
        }
        List<String> outsiders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            outsiders.add(data.enterprise("MRA%06d".formatted(++serial), EnterpriseStatus.VERIFIED));
        }
        String greedy = Auctions.qualifiedBidder(data, id, "MRG%06d".formatted(++serial));
        long[] amount = {20_000_000};
        int[] greedyAccepted = {0};
        List<Integer> attack = new ArrayList<>();
        java.util.function.Function<String, Response> send = enterprise -> given()
                .auth().oauth2(tokens.computeIfAbsent(enterprise, Tokens::enterprise))
                .header("Idempotency-Key", UUID.randomUUID().toString()).header("X-Forwarded-For", shared)
                .contentType(ContentType.JSON).body(Map.of("amount", amount[0] + ".00"))
                .when().post("/api/listings/" + id + "/bids");
        java.util.function.IntConsumer flood = n -> {
            attack.add(send.apply(outsiders.get(n % outsiders.size())).statusCode());
            Response greedyBid = send.apply(greedy);
            if (greedyBid.statusCode() == 201) {
                amount[0] += 200_000;
                greedyAccepted[0]++;
            }
            attack.add(greedyBid.statusCode());
            attack.add(given().header("X-Forwarded-For", shared).header("Idempotency-Key", UUID.randomUUID().toString())
                    .contentType(ContentType.JSON).body(Map.of("amount", "1.00")).when()
                    .post("/api/listings/" + id + "/bids").statusCode());
        };
        for (int n = 0; n < 8; n++) {
            flood.accept(n); // the address's bucket is empty before the first honest bid
        }
        List<String> throttled = new ArrayList<>();
        int n = 8;
        for (int round = 0; round < 2; round++) {
            for (String bidder : honest) {
                flood.accept(n++);
                Response answer = send.apply(bidder);
                if (answer.statusCode() == 429) {
                    throttled.add(bidder + " bid " + (round + 1) + ": " + answer.jsonPath().getString("detail"));
                } else {
                    answer.then().statusCode(201);
                    amount[0] += 200_000;
                }
            }
        }
        assertEquals(List.of(), throttled, "honest bids refused for somebody else's traffic");
        assertEquals(40L + greedyAccepted[0], bids.count(id), "every honest bid and the greedy bidder's");
        assertTrue(greedyAccepted[0] < 8, "the greedy bidder is held to its own limit: " + greedyAccepted[0]);
        assertTrue(attack.contains(429), "the flood itself is throttled: " + attack);
        assertTrue(attack.stream().allMatch(status -> status == 201 || status == 401 || status == 403 || status == 429),
                () -> "the flood gets nothing but refusals: " + attack);
    }
}
