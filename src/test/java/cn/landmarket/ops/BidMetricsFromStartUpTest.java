package cn.landmarket.ops;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Prometheus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The bid series exist from start-up, at zero, so that rates and quantiles over them are defined
 * before the first bid (README, "Metrics and alerts"). Its own profile gives it a freshly started
 * service that has answered no bid.
 */
@QuarkusTest
@TestProfile(BidMetricsFromStartUpTest.Fresh.class)
class BidMetricsFromStartUpTest {

    /** A profile of its own, so that the service starts afresh for this test. */
    public static class Fresh implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of();
        }
    }

    @Test
    void theBidCountersAndTheLatencyHistogramExistBeforeTheFirstBid() {
        String scrape = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String outcome : new String[] {"accepted", "replayed"}) {
            assertTrue(Prometheus.sample(scrape, "market_bids_total", "outcome", outcome, "reason", "none").isPresent(),
                    () -> "market_bids_total{outcome=\"" + outcome + "\"} is missing from a fresh service");
            assertTrue(Prometheus.sample(scrape, "market_bid_latency_seconds_count", "outcome", outcome).isPresent(),
                    () -> "market_bid_latency_seconds{outcome=\"" + outcome + "\"} is missing from a fresh service");
        }
        assertTrue(Prometheus.sample(scrape, "market_bid_latency_seconds_bucket", "outcome", "accepted", "le", "0.005")
                .isPresent(), "the histogram's buckets are there");
        assertEquals(0.0, Prometheus.gauge(scrape, "market_bid_lanes"), "no lane before the first bid");
    }
}
