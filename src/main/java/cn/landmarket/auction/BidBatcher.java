package cn.landmarket.auction;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

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
import cn.landmarket.common.jdbc.SqlPipeline;
import cn.landmarket.listing.ListingHistory;
import cn.landmarket.listing.ListingStatus;

/**
 * Group commit of bids, across listings. Bids queue in arrival order in their listing's lane
 * ({@link BidLanes}); a worker takes the first ready lane and every other lane ready at that moment
 * (up to {@code market.bidding.batch-max} bids in all) and, in one transaction, locks those listings'
 * rows in ascending id order, decides each listing's bids in arrival order ({@link BatchDecision},
 * by {@link AuctionRules}), inserts the accepted bids and updates the listings ({@link BidStore}),
 * appends the audit entries and publishes the events, and commits; only then is any request
 * answered. So bids that arrive together share one commit whichever listing they are for. A lane
 * belongs to one worker from the moment it is taken until its bids are answered, which keeps each
 * listing's bids in order on this instance; the row locks order the batches of different instances,
 * and as every batch takes them in the same order, instances never deadlock. The per-listing state
 * lives only while the listing takes bids: a listing found closed is dropped after its batch, and one
 * without bids for {@code market.bidding.lane-idle-after} by {@link #dropIdle()}.
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
    private final BidLanes lanes;
    private final Duration laneIdleAfter;
    private final BidStore store;
    /** Lanes with queued bids that a worker has yet to take, in the order they became ready. */
    private final BlockingQueue<BidLanes.Lane> ready = new LinkedBlockingQueue<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean stopping;

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
        for (int i = 0; i < config.bidding().workers(); i++) {
            Thread worker = new Thread(this::work, "bid-batcher-" + i);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
    }

    /** Lets the workers finish the batches already claimed and what is queued, for a few seconds at most. */
    @PreDestroy
    void stop() {
        stopping = true;
        for (Thread worker : workers) {
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
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
        schedule(lanes.enqueue(command));
        return command.result;
    }

    /**
     * Drops the state of a listing that no longer takes bids; if bids are queued or being decided, the
     * worker drops it once they are answered and nothing else is queued.
     */
    public void forget(long listingId) {
        lanes.forget(listingId);
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

    /** Makes the lane ready for a worker unless a worker has claimed it already (and will look again). */
    private void schedule(BidLanes.Lane lane) {
        if (lane.draining.compareAndSet(false, true)) {
            ready.add(lane);
        }
    }

    /** The bids of one listing that a worker took for its batch. */
    private record Claim(BidLanes.Lane lane, List<Command> commands) {
    }

    /**
     * A worker: takes the first ready lane (waiting for one), then every other ready lane, up to
     * {@code market.bidding.batch-max} bids in all, and commits them in one transaction. A claimed
     * lane is left to no other worker until its batch is answered, so each listing's bids are decided
     * in arrival order.
     */
    private void work() {
        while (true) {
            BidLanes.Lane first;
            try {
                first = ready.poll(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return;
            }
            if (first == null) {
                if (stopping) {
                    return;
                }
                continue;
            }
            List<Claim> claims = new ArrayList<>();
            int room = batchMax;
            for (BidLanes.Lane lane = first; lane != null; lane = room > 0 ? ready.poll() : null) {
                List<Command> taken = new ArrayList<>();
                Command next;
                while (taken.size() < room && (next = lane.queue.poll()) != null) {
                    taken.add(next);
                }
                room -= taken.size();
                claims.add(new Claim(lane, taken));
            }
            Map<Long, Boolean> open = Map.of();
            try {
                open = commit(claims);
            } catch (RuntimeException e) {
                LOG.errorf(e, "A bid batch failed unexpectedly");
                answerUnavailable(claims);
            } finally {
                for (Claim claim : claims) {
                    BidLanes.Lane lane = claim.lane();
                    lane.draining.set(false);
                    if (!lane.queue.isEmpty()) {
                        schedule(lane);
                    } else if (!open.getOrDefault(lane.listingId, true) || lane.forgotten) {
                        lanes.drop(lane.listingId);
                    }
                }
            }
        }
    }

    /**
     * Decides and commits the claimed bids of every listing in one transaction, then answers them;
     * returns by listing whether it still takes bids afterwards. Should that transaction fail while
     * it holds several listings, each listing is tried again alone, so that one listing's trouble
     * costs the others nothing; a listing that fails alone is answered 503 (nothing was accepted).
     */
    private Map<Long, Boolean> commit(List<Claim> claims) {
        List<Claim> sorted = claims.stream().filter(c -> !c.commands().isEmpty())
                .sorted(Comparator.comparingLong(c -> c.lane().listingId)).toList();
        if (sorted.isEmpty()) {
            return Map.of();
        }
        long started = System.nanoTime();
        Decided decided;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                decided = decide(connection, sorted);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            if (sorted.size() > 1) {
                LOG.warnf(e, "Bid batch over %d listings failed; trying each listing alone", sorted.size());
                Map<Long, Boolean> open = new HashMap<>();
                for (Claim claim : sorted) {
                    open.putAll(commit(List.of(claim)));
                }
                return open;
            }
            LOG.errorf(e, "Bid batch of %d for listing %d failed; nothing was accepted",
                    sorted.get(0).commands().size(), sorted.get(0).lane().listingId);
            answerUnavailable(sorted);
            return Map.of();
        }
        decided.outcomes().forEach((command, outcome) -> command.result.complete(outcome));
        if (LOG.isDebugEnabled()) {
            LOG.debugf("Batch of %d bids over %d listings committed in %d µs", decided.outcomes().size(),
                    sorted.size(), (System.nanoTime() - started) / 1_000);
        }
        return decided.open();
    }

    private static void answerUnavailable(List<Claim> claims) {
        ApiException unavailable = new ApiException(ErrorCode.SERVICE_UNAVAILABLE, MessageKey.BID_NOT_COMMITTED);
        claims.forEach(claim -> claim.commands().forEach(c -> c.result.complete(new BidOutcome.Refused(unavailable))));
    }

    /** A qualified bidder of the listing. */
    record Bidder(long registrationId, String bidderNo) {
    }

    /** The outcome of each bid of a batch, and by listing whether it still takes bids after it. */
    private record Decided(Map<Command, BidOutcome> outcomes, Map<Long, Boolean> open) {
    }

    /**
     * Decides the claims, which are in ascending listing order, in two round trips before the commit:
     * the reads (lock the listings in that order, look up bidders not known yet and earlier receipts)
     * go out together, each listing's bids are decided in arrival order ({@link BatchDecision}), then
     * the writes (every listing's accepted bids, prices, audit entries and live events) go out
     * together. A batch in which a bid reaches a price cap takes a few more: the sale's or lottery
     * round's entry names the bid's row id, so the bids are inserted and the listings updated first.
     */
    private Decided decide(Connection c, List<Claim> claims) throws SQLException {
        Map<Long, BidStore.Locked> locked = new HashMap<>();
        Map<Long, Map<String, Bidder>> known = new HashMap<>();
        Map<Long, List<String>> wanted = new HashMap<>();
        List<Command> all = new ArrayList<>();
        for (Claim claim : claims) {
            long id = claim.lane().listingId;
            all.addAll(claim.commands());
            known.put(id, claim.lane().qualified);
            wanted.put(id, claim.commands().stream().map(Command::enterpriseCode).toList());
        }
        Map<String, BidReceipt> earlier = new HashMap<>();
        // planned for the tables as they are now: a plan cached in a new market's first seconds would
        // read every bid for every earlier receipt looked up until the first ANALYZE
        SqlPipeline reads = new SqlPipeline().planEachRun();
        store.lock(reads, claims.stream().map(x -> x.lane().listingId).toList(), locked);
        store.bidders(reads, known, wanted);
        store.earlierReceipts(reads, all, earlier);
        reads.run(c);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<Command, BidOutcome> outcomes = new IdentityHashMap<>();
        Map<Long, Boolean> open = new HashMap<>();
        List<Map.Entry<Claim, BatchDecision>> decisions = new ArrayList<>();
        List<BatchDecision.NewBid> accepted = new ArrayList<>();
        boolean capReached = false;
        for (Claim claim : claims) {
            long id = claim.lane().listingId;
            BidStore.Locked listing = locked.get(id);
            if (listing == null) {
                ApiException missing = ApiException.notFound("listing", id);
                claim.commands().forEach(x -> outcomes.put(x, new BidOutcome.Refused(missing)));
                open.put(id, false);
                continue;
            }
            BatchDecision decision = BatchDecision.decide(id, listing.state(), claim.commands(), known.get(id),
                    earlier, now, zone);
            decisions.add(Map.entry(claim, decision));
            accepted.addAll(decision.accepted());
            open.put(id, decision.open());
            capReached |= decision.capSequence() != null;
        }
        Map<Long, Map<Integer, Long>> ids = new HashMap<>();
        List<BidStore.Update> updates = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        List<LiveEvent> events = new ArrayList<>();
        for (Map.Entry<Claim, BatchDecision> decided : decisions) {
            BatchDecision decision = decided.getValue();
            if (decision.accepted().isEmpty()) {
                continue;
            }
            boolean lottery = decision.capSequence() != null && decision.state().status() == ListingStatus.LOTTERY;
            updates.add(new BidStore.Update(decision.listingId(), decision.state(),
                    lottery ? null : decision.capSequence()));
            entries.addAll(decision.entries());
            events.addAll(decision.events(now, zone));
        }
        SqlPipeline writes = new SqlPipeline();
        store.insert(writes, now, accepted, ids);
        store.update(writes, updates, now);
        if (capReached) {
            // the sale's or lottery round's entry names the bid's row id: the bids go in first
            writes.run(c);
            entries.addAll(capReached(c, settle(decisions, ids, outcomes), locked, now));
        }
        audit.stage(writes, entries);
        live.stage(writes, events);
        writes.run(c);
        if (!capReached) {
            settle(decisions, ids, outcomes);
        }
        return new Decided(outcomes, open);
    }

    /**
     * Puts each decided request's answer into {@code outcomes}, now that the accepted bids have row
     * ids; returns, in listing order, the bids that reached a price cap, by their listing's decision.
     */
    private static Map<BatchDecision, BidReceipt> settle(List<Map.Entry<Claim, BatchDecision>> decisions,
            Map<Long, Map<Integer, Long>> ids, Map<Command, BidOutcome> outcomes) {
        Map<BatchDecision, BidReceipt> capBids = new LinkedHashMap<>();
        for (Map.Entry<Claim, BatchDecision> decided : decisions) {
            BatchDecision decision = decided.getValue();
            BatchDecision.Settled settled = decision.settle(ids.getOrDefault(decision.listingId(), Map.of()));
            List<Command> commands = decided.getKey().commands();
            for (int i = 0; i < commands.size(); i++) {
                outcomes.put(commands.get(i), settled.outcomes().get(i));
            }
            if (settled.capBid() != null) {
                capBids.put(decision, settled.capBid());
            }
        }
        return capBids;
    }

    /**
     * Moves each listing whose price cap a bid reached to SOLD, or opens its lottery round, through
     * {@link ListingHistory#transition}; returns the audit entries of those moves, the sales first.
     */
    private List<AuditEntry> capReached(Connection c, Map<BatchDecision, BidReceipt> capBids,
            Map<Long, BidStore.Locked> locked, Instant now) throws SQLException {
        List<AuditEntry> entries = new ArrayList<>();
        Map<Long, BidReceipt> lotteries = new TreeMap<>();
        for (Map.Entry<BatchDecision, BidReceipt> reached : capBids.entrySet()) {
            BatchDecision decision = reached.getKey();
            BidReceipt capBid = reached.getValue();
            long id = decision.listingId();
            if (decision.state().status() == ListingStatus.LOTTERY) {
                lotteries.put(id, capBid);
                continue;
            }
            entries.add(ListingHistory.transition(c, id, capBid.phase(), ListingStatus.SOLD, now,
                    AuctionEntries.BIDDING, "price cap reached", AuctionEntries.sold(capBid.bidId(),
                            capBid.sequence(), capBid.bidderNo(), capBid.amount().fen(), decision.state().bidCount(),
                            locked.get(id).reservePriceFen())));
        }
        for (Map.Entry<Long, BidReceipt> opened : lotteries.entrySet()) {
            BidReceipt capBid = opened.getValue();
            Map<String, Object> round = store.openLottery(c, opened.getKey(), locked.get(opened.getKey()), capBid, now);
            entries.add(ListingHistory.transition(c, opened.getKey(), capBid.phase(), ListingStatus.LOTTERY, now,
                    AuctionEntries.BIDDING, "price cap reached: lottery round open", round));
        }
        return entries;
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
            SqlPipeline lookup = new SqlPipeline();
            store.bidders(lookup, Map.of(listingId, known), Map.of(listingId, List.of(enterpriseCode)));
            lookup.run(connection);
            return known.containsKey(enterpriseCode);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Could not look up whether %s is a bidder of listing %d", enterpriseCode, listingId);
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, MessageKey.BID_NOT_COMMITTED);
        }
    }
}
