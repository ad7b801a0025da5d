package cn.landmarket.ops;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.BidBatcher;
import cn.landmarket.audit.AuditSequencer;
import cn.landmarket.listing.ListingService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.BankFeed;
import cn.landmarket.testing.Prometheus;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The Prometheus endpoint as a scraper sees it: bids counted by outcome and reason and timed, and
 * the gauges of open listings, the audit log and overdue refunds following the database.
 */
@QuarkusTest
@StandardMarket
class MetricsTest {

    private static final String BIDS = "market_bids_total";
    /** What Prometheus 2.x sends. */
    private static final String PROMETHEUS_ACCEPT = "application/openmetrics-text;version=1.0.0,"
            + "application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";
    private static final String LATENCY_COUNT = "market_bid_latency_seconds_count";

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuditSequencer sequencer;

    @Inject
    GaugeService gauges;

    @Inject
    DataSource dataSource;

    @Inject
    BidBatcher batcher;

    private static int serial;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    private static double bids(String scrape, String outcome, String reason) {
        return Prometheus.counter(scrape, BIDS, "outcome", outcome, "reason", reason);
    }

    @Test
    void theEndpointNeedsNoTokenAndAnswersPrometheusInItsTextFormat() {
        given().accept(PROMETHEUS_ACCEPT).when().get("/q/metrics").then().statusCode(200)
                .contentType(containsString("text/plain; version=0.0.4"))
                .body(containsString("# TYPE market_listings_open gauge"))
                .body(containsString("http_server_requests_seconds"))
                .body(containsString("agroal_"));
        // accepted and replayed bids have a series before the first bid, so rate() over them is defined
        String scrape = scrape();
        assertTrue(Prometheus.sample(scrape, BIDS, "outcome", "accepted", "reason", "none").isPresent());
        assertTrue(Prometheus.sample(scrape, BIDS, "outcome", "replayed", "reason", "none").isPresent());
    }

    @Test
    void everyAnsweredBidIsCountedByOutcomeAndReasonAndTimed() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "MMT%06d".formatted(++serial));
        String outsider = data.enterprise("MMN%06d".formatted(serial), EnterpriseStatus.VERIFIED);
        String before = scrape();

        String accepted = key();
        Auctions.bid(bidder, id, "20000000.00", accepted).then().statusCode(201);
        Auctions.bid(bidder, id, "20000000.00", accepted).then().statusCode(200);
        Auctions.bid(bidder, id, "20100000.00", key()).then().statusCode(409);
        Auctions.bid(bidder, id, "20100000.00", key()).then().statusCode(409);
        Auctions.bid(outsider, id, "30000000.00", key()).then().statusCode(403);
        given().auth().oauth2(Tokens.enterprise(bidder)).contentType(ContentType.JSON)
                .body(Map.of("amount", "30000000.00")).when().post("/api/listings/" + id + "/bids")
                .then().statusCode(400);

        String after = scrape();
        assertEquals(1, bids(after, "accepted", "none") - bids(before, "accepted", "none"));
        assertEquals(1, bids(after, "replayed", "none") - bids(before, "replayed", "none"));
        assertEquals(2, bids(after, "rejected", "below-increment") - bids(before, "rejected", "below-increment"));
        assertEquals(1, bids(after, "rejected", "not-qualified") - bids(before, "rejected", "not-qualified"));
        assertEquals(1, bids(after, "rejected", "key-missing") - bids(before, "rejected", "key-missing"));
        assertEquals(4, Prometheus.counter(after, LATENCY_COUNT, "outcome", "rejected")
                - Prometheus.counter(before, LATENCY_COUNT, "outcome", "rejected"));
        assertEquals(1, Prometheus.counter(after, LATENCY_COUNT, "outcome", "accepted")
                - Prometheus.counter(before, LATENCY_COUNT, "outcome", "accepted"));
        // A histogram: every accepted bid lies in the +Inf bucket and the buckets only grow.
        double inf = Prometheus.gauge(after, "market_bid_latency_seconds_bucket", "outcome", "accepted", "le", "+Inf");
        double fiveSeconds = Prometheus.gauge(after, "market_bid_latency_seconds_bucket", "outcome", "accepted",
                "le", "5.0");
        assertEquals(Prometheus.gauge(after, LATENCY_COUNT, "outcome", "accepted"), inf);
        assertTrue(fiveSeconds <= inf);
    }

    @Test
    void theBidLanesGaugeFollowsTheListingsTheBatcherHoldsStateFor() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "MML%06d".formatted(++serial));
        Auctions.bid(bidder, id, "20000000.00", key()).then().statusCode(201);
        double withLane = stableLanes();
        assertTrue(withLane >= 1, "the listing just bid on has a lane: " + withLane);
        batcher.forget(id);
        double without = stableLanes();
        assertTrue(without < withLane, "forgetting the listing drops its lane: " + withLane + " -> " + without);
    }

    /** market_bid_lanes as scraped, checked against the batcher's own count that held still around the scrape. */
    private double stableLanes() {
        for (int attempt = 0; ; attempt++) {
            int before = batcher.laneCount();
            double scraped = Prometheus.gauge(scrape(), "market_bid_lanes");
            if (before == batcher.laneCount()) {
                assertEquals(before, scraped);
                return scraped;
            }
            assertTrue(attempt < 20, "the lane count never held still");
        }
    }

    @Test
    void openListingsFollowTheDatabase() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        // Other tests' listings may close meanwhile (the clock was moved): compare with a count that held still.
        for (int attempt = 0; ; attempt++) {
            long listing = data.count("select count(l) from Listing l where l.status = 'LISTING'");
            long timed = data.count("select count(l) from Listing l where l.status = 'TIMED_BIDDING'");
            gauges.refresh();
            String scrape = scrape();
            if (listing == data.count("select count(l) from Listing l where l.status = 'LISTING'")
                    && timed == data.count("select count(l) from Listing l where l.status = 'TIMED_BIDDING'")) {
                assertTrue(listing >= 1, "listing " + id + " is open");
                assertEquals(listing, Prometheus.gauge(scrape, "market_listings_open", "status", "LISTING"));
                assertEquals(timed, Prometheus.gauge(scrape, "market_listings_open", "status", "TIMED_BIDDING"));
                return;
            }
            assertTrue(attempt < 20, "the listing counts never held still");
        }
    }

    @Test
    void theLogSizeIsTheNewestCheckpointAndItsAgeFollowsTheClock() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "MMC%06d".formatted(++serial));
        Auctions.bid(bidder, id, "20000000.00", key()).then().statusCode(201);
        Sequencing.settle(sequencer);
        gauges.refresh();
        String scrape = scrape();
        long treeSize;
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("select max(tree_size) from checkpoint")) {
            rs.next();
            treeSize = rs.getLong(1);
        }
        assertEquals(treeSize, Prometheus.gauge(scrape, "market_audit_log_entries"));
        assertEquals(0, Prometheus.gauge(scrape, "market_audit_pending_entries"));
        // listingInBidding moved the clock 22 days past the checkpoint, which was signed in real time.
        double age = Prometheus.gauge(scrape, "market_audit_checkpoint_age_seconds");
        assertTrue(age >= Duration.ofDays(22).toSeconds() && age < Duration.ofDays(22).plusMinutes(5).toSeconds(),
                "age " + age);
        clock.reset();
        double now = Prometheus.gauge(scrape(), "market_audit_checkpoint_age_seconds");
        assertTrue(now >= 0 && now < 300, "age " + now);
    }

    @Test
    void aRefundPastItsDueDateIsOverdueUntilPaid() {
        Duration later = Duration.ofDays(30);
        String before = gaugesAt(Duration.ZERO);
        String beforeLater = gaugesAt(later);

        Map<String, Object> credit = BankFeed.credit("MT-" + key(), "62289999" + (100_000_000L + ++serial),
                "123.45", "李四", clock.instant().minusSeconds(60));
        long refundId = BankFeed.deliver(credit).statusCode(200).body("outcome", equalTo("UNMATCHED"))
                .extract().jsonPath().getLong("refundId");

        assertEquals(0, overdueChange(before, gaugesAt(Duration.ZERO), "market_refunds_overdue"), "not yet due");
        String overdue = gaugesAt(later);
        assertEquals(1, overdueChange(beforeLater, overdue, "market_refunds_overdue"));
        assertEquals(12345, overdueChange(beforeLater, overdue, "market_refunds_overdue_amount_fen"));

        clock.advance(later);
        BankFeed.deliver(BankFeed.debit("MT-" + key(), "123.45", "李四", (String) credit.get("counterpartyAccount"),
                "REFUND-" + refundId, clock.instant().minusSeconds(60))).statusCode(200)
                .body("outcome", equalTo("REFUND_CONFIRMED"));
        clock.reset();
        String paid = gaugesAt(later);
        assertEquals(0, overdueChange(beforeLater, paid, "market_refunds_overdue"));
        assertEquals(0, overdueChange(beforeLater, paid, "market_refunds_overdue_amount_fen"));
    }

    /** The scrape after the gauges were read with the clock moved this far ahead (then put back). */
    private String gaugesAt(Duration ahead) {
        clock.advance(ahead);
        try {
            gauges.refresh();
            return scrape();
        } finally {
            clock.reset();
        }
    }

    private static double overdueChange(String from, String to, String gauge) {
        return Prometheus.gauge(to, gauge) - Prometheus.gauge(from, gauge);
    }

}
