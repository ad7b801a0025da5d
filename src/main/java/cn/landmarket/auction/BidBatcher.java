package cn.landmarket.auction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.listing.ListingHistory;
import cn.landmarket.listing.ListingStatus;

/**
 * Group commit of bids. Bids for one listing queue in arrival order in its lane ({@link BidLanes});
 * one worker at a time takes everything queued for that listing and, in one transaction, locks the
 * listing row, decides each bid in order ({@link BatchDecision}, by {@link AuctionRules}), inserts
 * the accepted ones and updates the listing ({@link BidStore}), appends the audit entries and
 * publishes the events, and commits; only then is any request answered. The row lock orders the
 * batches of different instances. The per-listing state ({@link BidLanes}) lives only while the
 * listing takes bids: a listing found closed is dropped after its batch, and one without bids for
 * {@code market.bidding.lane-idle-after} by {@link #dropIdle()}.
 */
@ApplicationScoped
public class BidBatcher {

    private static final Logger LOG = Logger.getLogger(BidBatcher.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final ZoneId zone;
    private final LiveChannel live;
    private final AuditLog audit;
    private final int batchMax;
    private final ExecutorService workers;
    private final BidLanes lanes;
    private final Duration laneIdleAfter;
    private final BidStore store;

    BidBatcher(DataSource dataSource, Clock clock, MarketConfig config, LiveChannel live, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.zone = config.zone();
        this.live = live;
        this.batchMax = config.bidding().batchMax();
        this.lanes = new BidLanes(clock);
        this.laneIdleAfter = config.bidding().laneIdleAfter();
        this.store = new BidStore(zone);
        this.workers = Executors.newFixedThreadPool(config.bidding().workers(), r -> {
            Thread t = new Thread(r, "bid-batcher");
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdown();
    }

    /** One bid request waiting for its batch. */
    record Command(long listingId, String enterpriseCode, long amountFen, String idempotencyKey,
            String clientAddress, CompletableFuture<BidOutcome> result) {
    }

    /**
     * Queues a bid; the future completes after the batch holding it has committed (or failed). The
     * client address is stored with the bid if it is accepted.
     */
    public CompletableFuture<BidOutcome> submit(long listingId, String enterpriseCode, long amountFen,
            String idempotencyKey, String clientAddress) {
        Command command = new Command(listingId, enterpriseCode, amountFen, idempotencyKey, clientAddress,
                new CompletableFuture<>());
        schedule(listingId, lanes.enqueue(command));
        return command.result;
    }

    /** Drops the state of a listing that no longer takes bids, unless bids are queued or being decided. */
    public void forget(long listingId) {
        lanes.drop(listingId);
    }

    /** Drops the state of every listing without bids for {@code market.bidding.lane-idle-after}; returns how many. */
    public int dropIdle() {
        return lanes.dropIdle(laneIdleAfter);
    }

    /** How many listings this instance holds state (a lane) for now. */
    public int laneCount() {
        return lanes.size();
    }

    /** Whether this instance holds state (a queue, known bidders) for the listing. */
    boolean holdsLane(long listingId) {
        return lanes.holds(listingId);
    }

    private void schedule(long listingId, BidLanes.Lane lane) {
        if (lane.draining.compareAndSet(false, true)) {
            workers.execute(() -> drain(listingId, lane));
        }
    }

    private void drain(long listingId, BidLanes.Lane lane) {
        boolean open = true;
        try {
            List<Command> batch = new ArrayList<>();
            Command next;
            while (batch.size() < batchMax && (next = lane.queue.poll()) != null) {
                batch.add(next);
            }
            if (!batch.isEmpty()) {
                open = commit(listingId, lane, batch);
            }
        } finally {
            lane.draining.set(false);
            if (!lane.queue.isEmpty()) {
                schedule(listingId, lane);
            } else if (!open) {
                lanes.drop(listingId);
            }
        }
    }

    /** Decides and commits one batch; returns whether the listing still takes bids afterwards. */
    private boolean commit(long listingId, BidLanes.Lane lane, List<Command> batch) {
        long started = System.nanoTime();
        Decided decided;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                decided = decide(connection, listingId, lane, batch);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Bid batch of %d for listing %d failed; nothing was accepted", batch.size(), listingId);
            ApiException unavailable = new ApiException(ErrorCode.SERVICE_UNAVAILABLE, MessageKey.BID_NOT_COMMITTED);
            batch.forEach(c -> c.result.complete(new BidOutcome.Refused(unavailable)));
            return true;
        }
        for (int i = 0; i < batch.size(); i++) {
            batch.get(i).result.complete(decided.outcomes().get(i));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Listing %d: batch of %d committed in %d µs", listingId, batch.size(),
                    (System.nanoTime() - started) / 1_000);
        }
        return decided.open();
    }

    /** A qualified bidder of the listing. */
    record Bidder(long registrationId, String bidderNo) {
    }

    /** The outcome of each bid of a batch, and whether the listing still takes bids after it. */
    private record Decided(List<BidOutcome> outcomes, boolean open) {
    }

    private Decided decide(Connection c, long listingId, BidLanes.Lane lane, List<Command> batch)
            throws SQLException {
        BidStore.Locked listing = store.lock(c, listingId);
        if (listing == null) {
            ApiException missing = ApiException.notFound("listing", listingId);
            return new Decided(batch.stream().<BidOutcome>map(x -> new BidOutcome.Refused(missing)).toList(), false);
        }
        Map<String, Bidder> bidders = store.bidders(c, listingId, lane.qualified,
                batch.stream().map(Command::enterpriseCode).toList());
        Map<String, BidReceipt> earlier = store.earlierReceipts(c, listingId, batch, bidders);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        BatchDecision decision = BatchDecision.decide(listingId, listing.state(), batch, bidders, earlier, now, zone);
        if (decision.accepted().isEmpty()) {
            return new Decided(decision.settle(Map.of(), now, zone).outcomes(), decision.open());
        }
        Map<Integer, Long> ids = store.insert(c, listingId, now, decision.accepted());
        BatchDecision.Settled settled = decision.settle(ids, now, zone);
        store.update(c, listingId, decision.state(), settled.capBid(), now);
        List<AuditEntry> entries = new ArrayList<>(decision.entries());
        BidReceipt capBid = settled.capBid();
        if (capBid != null) {
            entries.add(ListingHistory.transition(c, listingId, capBid.phase(), ListingStatus.SOLD, now,
                    AuctionEntries.BIDDING, "price cap reached", AuctionEntries.sold(capBid.bidId(), capBid.sequence(),
                            capBid.bidderNo(), capBid.amount().fen(), decision.state().bidCount(),
                            listing.reservePriceFen())));
        }
        audit.append(c, entries);
        live.send(c, settled.events());
        return new Decided(settled.outcomes(), decision.open());
    }

    /** Whether this instance already knows the enterprise as a qualified bidder of the listing; no database access. */
    boolean knownQualified(long listingId, String enterpriseCode) {
        BidLanes.Lane lane = lanes.lane(listingId);
        return lane != null && lane.qualified.containsKey(enterpriseCode);
    }

    /**
     * Whether the enterprise is a qualified bidder of the listing: from memory, else one lookup whose
     * positive answer is remembered. Blocking; 503 (bid.not-committed) when the database cannot answer.
     */
    boolean qualified(long listingId, String enterpriseCode) {
        if (knownQualified(listingId, enterpriseCode)) {
            return true;
        }
        try (Connection connection = dataSource.getConnection()) {
            // remembered in the listing's lane if it has one; a listing without a lane gets none from a
            // lookup, so one nobody qualified for (or that does not exist) leaves nothing behind
            BidLanes.Lane lane = lanes.lane(listingId);
            Map<String, Bidder> known = lane == null ? new HashMap<>() : lane.qualified;
            return store.bidders(connection, listingId, known, List.of(enterpriseCode)).containsKey(enterpriseCode);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Could not look up whether %s is a bidder of listing %d", enterpriseCode, listingId);
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, MessageKey.BID_NOT_COMMITTED);
        }
    }
}
