package cn.landmarket.auction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
import cn.landmarket.common.Money;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.listing.ListingHistory;
import cn.landmarket.listing.ListingStatus;

/**
 * Group commit of bids. Bids for one listing queue in arrival order; one worker at a time takes
 * everything queued for that listing, locks the listing row, decides each bid in order with
 * {@link AuctionRules}, inserts the accepted ones, updates the listing, publishes the events and
 * commits, all in one transaction; only then is any request answered. The row lock orders the
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

    BidBatcher(DataSource dataSource, Clock clock, MarketConfig config, LiveChannel live, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.zone = config.zone();
        this.live = live;
        this.batchMax = config.bidding().batchMax();
        this.lanes = new BidLanes(clock);
        this.laneIdleAfter = config.bidding().laneIdleAfter();
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
            ApiException unavailable = new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "bid.not-committed");
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

    private static boolean takesBids(ListingStatus status) {
        return status == ListingStatus.LISTING || status == ListingStatus.TIMED_BIDDING;
    }

    private Decided decide(Connection c, long listingId, BidLanes.Lane lane, List<Command> batch)
            throws SQLException {
        AuctionState state;
        Long reservePriceFen;
        try (PreparedStatement ps = c.prepareStatement("""
                select status, listing_end, countdown_deadline, countdown_seconds, start_price_fen, increment_fen,
                       price_cap_fen, highest_bid_fen, bid_count, reserve_price_fen
                from listing where id = ? for update""")) {
            ps.setLong(1, listingId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    ApiException missing = ApiException.notFound("listing", listingId);
                    return new Decided(batch.stream().<BidOutcome>map(x -> new BidOutcome.Refused(missing)).toList(),
                            false);
                }
                state = new AuctionState(ListingStatus.valueOf(rs.getString(1)), instant(rs.getTimestamp(2)),
                        instant(rs.getTimestamp(3)), Duration.ofSeconds(rs.getInt(4)), rs.getLong(5), rs.getLong(6),
                        (Long) rs.getObject(7), (Long) rs.getObject(8), rs.getInt(9));
                reservePriceFen = (Long) rs.getObject(10);
            }
        }
        Map<String, Bidder> bidders = bidders(c, listingId, lane.qualified,
                batch.stream().map(Command::enterpriseCode).toList());
        Map<String, BidReceipt> receipts = earlierReceipts(c, listingId, batch, bidders);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);

        List<BidOutcome> outcomes = new ArrayList<>(batch.size());
        List<Object[]> inserts = new ArrayList<>();
        List<LiveEvent> events = new ArrayList<>();
        List<AuditEntry> auditEntries = new ArrayList<>();
        Integer capSequence = null;
        for (Command command : batch) {
            Bidder bidder = bidders.get(command.enterpriseCode);
            if (bidder == null) {
                outcomes.add(new BidOutcome.Refused(ApiException.forbidden("bid.not-qualified")));
                continue;
            }
            String receiptKey = bidder.registrationId + "\u0000" + command.idempotencyKey;
            BidReceipt earlier = receipts.get(receiptKey);
            if (earlier != null) {
                outcomes.add(earlier.amount().fen() == command.amountFen
                        ? new BidOutcome.Placed(earlier, true)
                        : new BidOutcome.Refused(new ApiException(ErrorCode.CONFLICT, "bid.key-reused")));
                continue;
            }
            BidDecision decision = AuctionRules.decide(state, command.amountFen, now);
            if (decision instanceof BidDecision.Rejected rejected) {
                outcomes.add(new BidOutcome.Refused(rejection(rejected)));
                continue;
            }
            BidDecision.Accepted accepted = (BidDecision.Accepted) decision;
            AuditEntry entry = AuctionEntries.bidAccepted(listingId, accepted.sequence(), bidder.bidderNo,
                    command.amountFen, accepted.phase(), now, accepted.deadline());
            auditEntries.add(entry);
            if (accepted.phase() == ListingStatus.TIMED_BIDDING && !accepted.capReached()) {
                auditEntries.add(AuctionEntries.countdownRestarted(listingId, accepted.sequence(), now,
                        accepted.deadline(), state.countdown.toSeconds()));
            }
            BidReceipt receipt = BidReceipt.of(0, listingId, bidder.bidderNo, Money.ofFen(command.amountFen),
                    now.atZone(zone).toOffsetDateTime(), accepted.sequence(), accepted.phase(),
                    accepted.deadline().atZone(zone).toOffsetDateTime(), entry.leafHash());
            int index = outcomes.size();
            outcomes.add(null);
            inserts.add(new Object[] {index, bidder, command, receipt});
            receipts.put(receiptKey, receipt);
            if (accepted.capReached()) {
                capSequence = accepted.sequence();
            }
        }
        if (inserts.isEmpty()) {
            return new Decided(outcomes, takesBids(state.status()));
        }
        int n = inserts.size();
        Object[] seqs = new Object[n];
        Object[] registrations = new Object[n];
        Object[] numbers = new Object[n];
        Object[] amounts = new Object[n];
        Object[] phases = new Object[n];
        Object[] deadlines = new Object[n];
        Object[] keys = new Object[n];
        Object[] addresses = new Object[n];
        byte[][] leafHashes = new byte[n][];
        for (int i = 0; i < n; i++) {
            Object[] row = inserts.get(i);
            BidReceipt r = (BidReceipt) row[3];
            seqs[i] = r.sequence();
            registrations[i] = ((Bidder) row[1]).registrationId;
            numbers[i] = r.bidderNo();
            amounts[i] = r.amount().fen();
            phases[i] = r.phase().name();
            deadlines[i] = Timestamp.from(r.deadline().toInstant());
            keys[i] = ((Command) row[2]).idempotencyKey;
            addresses[i] = ((Command) row[2]).clientAddress;
            leafHashes[i] = HexFormat.of().parseHex(r.auditLeafHash());
        }
        Map<Integer, Long> idBySequence = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                insert into bid (id, listing_id, seq, registration_id, bidder_no, amount_fen, accepted_at, phase,
                                 deadline, idempotency_key, audit_leaf_hash, client_address)
                select nextval('bid_seq'), ?, t.seq, t.registration_id, t.bidder_no, t.amount_fen, ?, t.phase,
                       t.deadline, t.idempotency_key, t.audit_leaf_hash, t.client_address
                from unnest(?::int[], ?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[], ?::timestamptz[],
                            ?::varchar[], ?::bytea[], ?::varchar[]) as t(seq, registration_id, bidder_no, amount_fen,
                                                         phase, deadline, idempotency_key, audit_leaf_hash,
                                                         client_address)
                returning seq, id""")) {
            ps.setLong(1, listingId);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setArray(3, c.createArrayOf("int4", seqs));
            ps.setArray(4, c.createArrayOf("int8", registrations));
            ps.setArray(5, c.createArrayOf("varchar", numbers));
            ps.setArray(6, c.createArrayOf("int8", amounts));
            ps.setArray(7, c.createArrayOf("varchar", phases));
            ps.setArray(8, c.createArrayOf("timestamptz", deadlines));
            ps.setArray(9, c.createArrayOf("varchar", keys));
            ps.setArray(10, c.createArrayOf("bytea", leafHashes));
            ps.setArray(11, c.createArrayOf("varchar", addresses));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    idBySequence.put(rs.getInt(1), rs.getLong(2));
                }
            }
        }
        BidReceipt capBid = null;
        Map<Integer, BidReceipt> finalBySequence = new HashMap<>();
        for (Object[] row : inserts) {
            BidReceipt receipt = ((BidReceipt) row[3]).withBidId(idBySequence.get(((BidReceipt) row[3]).sequence()));
            outcomes.set((Integer) row[0], new BidOutcome.Placed(receipt, false));
            finalBySequence.put(receipt.sequence(), receipt);
            if (capSequence != null && receipt.sequence() == capSequence) {
                capBid = receipt;
            }
            events.add(LiveEvent.bid(receipt));
        }
        // A retry that arrived in the same batch as its first attempt answers with the stored receipt.
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof BidOutcome.Placed placed && placed.receipt().bidId() == 0) {
                outcomes.set(i, new BidOutcome.Placed(finalBySequence.get(placed.receipt().sequence()), true));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                update listing set highest_bid_fen = ?, bid_count = ?, countdown_deadline = ?, status = ?,
                       winning_bid_id = coalesce(?, winning_bid_id),
                       closed_at = case when ? then ? else closed_at end, version = version + 1
                where id = ?""")) {
            ps.setLong(1, state.highestFen());
            ps.setInt(2, state.bidCount());
            ps.setTimestamp(3, state.countdownDeadline() == null ? null : Timestamp.from(state.countdownDeadline()));
            ps.setString(4, state.status().name());
            ps.setObject(5, capBid == null ? null : capBid.bidId());
            ps.setBoolean(6, capBid != null);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setLong(8, listingId);
            ps.executeUpdate();
        }
        if (capBid != null) {
            auditEntries.add(ListingHistory.transition(c, listingId, capBid.phase(), ListingStatus.SOLD, now,
                    AuctionEntries.BIDDING, "price cap reached", AuctionEntries.sold(capBid.bidId(), capBid.sequence(),
                            capBid.bidderNo(), capBid.amount().fen(), state.bidCount(), reservePriceFen)));
            events.add(LiveEvent.status(listingId, ListingStatus.SOLD.name(), Money.ofFen(state.highestFen()).toYuan(),
                    null, ApiTime.format(now, zone)));
        }
        audit.append(c, auditEntries);
        live.send(c, events);
        return new Decided(outcomes, takesBids(state.status()));
    }

    /**
     * The qualified bidders among the batch's enterprises. A qualification is never withdrawn, so a
     * bidder once found is remembered in the listing's lane (while it lives); only enterprises not
     * yet known are looked up.
     */
    private Map<String, Bidder> bidders(Connection c, long listingId, Map<String, Bidder> known,
            List<String> enterprises) throws SQLException {
        Object[] unknown = enterprises.stream().filter(code -> !known.containsKey(code)).distinct().toArray();
        if (unknown.length > 0) {
            try (PreparedStatement ps = c.prepareStatement("""
                    select enterprise_code, id, bidder_no from registration
                    where listing_id = ? and status = 'QUALIFIED' and enterprise_code = any(?)""")) {
                ps.setLong(1, listingId);
                ps.setArray(2, c.createArrayOf("varchar", unknown));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.put(rs.getString(1), new Bidder(rs.getLong(2), rs.getString(3)));
                    }
                }
            }
        }
        return known;
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
            return bidders(connection, listingId, known, List.of(enterpriseCode)).containsKey(enterpriseCode);
        } catch (SQLException | RuntimeException e) {
            LOG.errorf(e, "Could not look up whether %s is a bidder of listing %d", enterpriseCode, listingId);
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "bid.not-committed");
        }
    }

    private Map<String, BidReceipt> earlierReceipts(Connection c, long listingId, List<Command> batch,
            Map<String, Bidder> bidders) throws SQLException {
        Map<String, BidReceipt> receipts = new HashMap<>();
        if (bidders.isEmpty()) {
            return receipts;
        }
        List<Long> registrations = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (Command command : batch) {
            Bidder bidder = bidders.get(command.enterpriseCode);
            if (bidder != null) {
                registrations.add(bidder.registrationId);
                keys.add(command.idempotencyKey);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                select b.registration_id, b.idempotency_key, b.id, b.bidder_no, b.amount_fen, b.accepted_at, b.seq,
                       b.phase, b.deadline, b.audit_leaf_hash
                from bid b join unnest(?::bigint[], ?::varchar[]) k(registration_id, idempotency_key)
                  on b.registration_id = k.registration_id and b.idempotency_key = k.idempotency_key""")) {
            ps.setArray(1, c.createArrayOf("bigint", registrations.toArray()));
            ps.setArray(2, c.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    receipts.put(rs.getLong(1) + "\u0000" + rs.getString(2), BidReceipt.of(rs.getLong(3), listingId,
                            rs.getString(4), Money.ofFen(rs.getLong(5)),
                            rs.getTimestamp(6).toInstant().atZone(zone).toOffsetDateTime(), rs.getInt(7),
                            ListingStatus.valueOf(rs.getString(8)),
                            rs.getTimestamp(9).toInstant().atZone(zone).toOffsetDateTime(), rs.getBytes(10)));
                }
            }
        }
        return receipts;
    }

    private static ApiException rejection(BidDecision.Rejected rejected) {
        Map<String, Object> extensions = rejected.minimumFen() == null ? Map.of()
                : Map.of("minimumAmount", Money.ofFen(rejected.minimumFen()).toYuan());
        Object[] args = rejected.minimumFen() == null ? new Object[0]
                : new Object[] {Money.ofFen(rejected.minimumFen()).toYuan()};
        return new ApiException(ErrorCode.BID_REJECTED, Message.of(rejected.reasonKey(), args), List.of(),
                extensions);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
