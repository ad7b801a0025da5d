package cn.landmarket.auction;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.common.error.ApiException;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * What happened to the bid requests this instance answered, for Prometheus:
 * {@code market_bids_total{outcome, reason}} counts them (outcome {@code accepted}, {@code replayed}
 * or {@code rejected}; the reason of a rejection is its problem key without the {@code bid.} prefix,
 * such as {@code below-increment}, {@code rate-bidder} or {@code not-committed}), and
 * {@code market_bid_latency_seconds} is the histogram of the time from taking the request to
 * knowing its answer, the group commit included. {@code market_bid_lanes} is the number of listings
 * the bid batcher holds state for on this instance (its lanes): it follows the listings being bid on
 * and falls as they close or stay idle. Requests refused before they reach the auction
 * (a malformed body, a missing token) are not bids; they show in {@code http_server_requests}.
 * Created at start-up, so that the series exist before the first bid.
 */
@Startup
@ApplicationScoped
public class BidMetrics {

    static final String BIDS = "market.bids";
    static final String LATENCY = "market.bid.latency";
    static final String LANES = "market.bid.lanes";
    static final String ACCEPTED = "accepted";
    static final String REPLAYED = "replayed";
    static final String REJECTED = "rejected";
    private static final String NO_REASON = "none";
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter replayed;
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Timer acceptedLatency;
    private final Timer replayedLatency;
    private final Timer rejectedLatency;
    /** Held here: the gauge keeps only a weak reference to what it reads. */
    private final BidBatcher batcher;

    /** The accepted and replayed series exist from the start, at 0, so that rates over them are defined. */
    BidMetrics(MeterRegistry registry, BidBatcher batcher) {
        this.registry = registry;
        this.batcher = batcher;
        this.accepted = counter(ACCEPTED, NO_REASON);
        this.replayed = counter(REPLAYED, NO_REASON);
        this.acceptedLatency = timer(ACCEPTED);
        this.replayedLatency = timer(REPLAYED);
        this.rejectedLatency = timer(REJECTED);
        Gauge.builder(LANES, this.batcher, BidBatcher::laneCount)
                .description("Listings the bid batcher holds state (a lane) for on this instance").register(registry);
    }

    /** Counts and times one answered bid request that was taken at {@code startedNanos} ({@link System#nanoTime}). */
    void answered(BidOutcome outcome, long startedNanos) {
        if (outcome instanceof BidOutcome.Placed placed) {
            (placed.replayed() ? replayed : accepted).increment();
            (placed.replayed() ? replayedLatency : acceptedLatency).record(System.nanoTime() - startedNanos,
                    TimeUnit.NANOSECONDS);
        } else {
            refused(((BidOutcome.Refused) outcome).problem(), startedNanos);
        }
    }

    /** Counts and times a bid request refused with this problem. */
    void refused(ApiException problem, long startedNanos) {
        rejected.computeIfAbsent(reason(problem), reason -> counter(REJECTED, reason)).increment();
        rejectedLatency.record(System.nanoTime() - startedNanos, TimeUnit.NANOSECONDS);
    }

    /** The reason tag: the key of the problem (of its first field violation for a 400), short. */
    static String reason(ApiException problem) {
        String key = (problem.violations().isEmpty() ? problem.detail().key()
                : problem.violations().get(0).message().key()).bundleKey();
        return key.startsWith("bid.") ? key.substring(4) : key;
    }

    private Counter counter(String outcome, String reason) {
        return Counter.builder(BIDS).description("Bid requests answered, by outcome and by the reason for a rejection")
                .tag("outcome", outcome).tag("reason", reason).register(registry);
    }

    private Timer timer(String outcome) {
        return Timer.builder(LATENCY).description("Time from taking a bid request to its answer, group commit included")
                .tag("outcome", outcome).serviceLevelObjectives(BUCKETS).register(registry);
    }
}
