package cn.landmarket.auction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import cn.landmarket.common.Money;
import cn.landmarket.common.jdbc.SqlPipeline;
import cn.landmarket.listing.ListingStatus;

/**
 * The SQL of a bid batch, on the batch's own connection and transaction (the batcher runs outside
 * Hibernate so that one commit serves many bids, for any number of listings): lock the listings in
 * id order and read their auctions, find the qualified bidders and earlier receipts, insert the
 * accepted bids, and write the listings' new prices and deadlines, each one statement for the
 * whole batch, added to a {@link SqlPipeline} so that the batcher sends the reads together and the
 * writes together.
 */
final class BidStore {

    /**
     * The locked listing's auction, and what a bid at the price cap needs: the reserve (when the cap
     * closes the sale), and the listing number and lottery windows (when it opens a lottery round).
     */
    record Locked(AuctionState state, Long reservePriceFen, String listingNo, Integer lotteryEntryMinutes,
            Integer lotteryRevealMinutes) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ZoneId zone;

    BidStore(ZoneId zone) {
        this.zone = zone;
    }

    /**
     * Adds the statement that locks the rows of the batch's listings, in ascending id order, so that
     * batches of every instance take their locks in one order and never deadlock; it puts the
     * auctions into {@code locked} by listing id (a listing that does not exist stays absent).
     */
    void lock(SqlPipeline pipeline, Collection<Long> listingIds, Map<Long, Locked> locked) {
        pipeline.query("""
                select id, status, listing_end, countdown_deadline, countdown_seconds, start_price_fen, increment_fen,
                       price_cap_fen, highest_bid_fen, bid_count, reserve_price_fen, sale_format, cap_action,
                       listing_no, lottery_entry_minutes, lottery_reveal_minutes
                from listing where id = any(?) order by id for update""",
                p -> p.array("int8", listingIds.toArray()), rs -> {
                    while (rs.next()) {
                        AuctionState state = new AuctionState(ListingStatus.valueOf(rs.getString(2)),
                                instant(rs.getTimestamp(3)), instant(rs.getTimestamp(4)),
                                Duration.ofSeconds(rs.getInt(5)), rs.getLong(6), rs.getLong(7),
                                (Long) rs.getObject(8), (Long) rs.getObject(9), rs.getInt(10));
                        state.sealed = "SEALED_QUOTATION".equals(rs.getString(12));
                        state.lotteryAtCap = "LOTTERY".equals(rs.getString(13));
                        locked.put(rs.getLong(1), new Locked(state, (Long) rs.getObject(11), rs.getString(14),
                                (Integer) rs.getObject(15), (Integer) rs.getObject(16)));
                    }
                });
    }

    /**
     * Adds, unless every one is known, the statement that puts into each listing's map in
     * {@code known} the qualified bidders among its enterprises in {@code wanted} that the map does
     * not hold yet: one query for every listing of a batch. A qualification is never withdrawn, so
     * what is known stays true.
     */
    void bidders(SqlPipeline pipeline, Map<Long, Map<String, BidBatcher.Bidder>> known,
            Map<Long, List<String>> wanted) {
        List<Object> listings = new ArrayList<>();
        List<Object> enterprises = new ArrayList<>();
        wanted.forEach((listingId, codes) -> {
            Map<String, BidBatcher.Bidder> mine = known.get(listingId);
            codes.stream().distinct().filter(code -> !mine.containsKey(code)).forEach(code -> {
                listings.add(listingId);
                enterprises.add(code);
            });
        });
        if (listings.isEmpty()) {
            return;
        }
        pipeline.query("""
                select r.listing_id, r.enterprise_code, r.id, r.bidder_no
                from registration r join unnest(?::bigint[], ?::varchar[]) k(listing_id, enterprise_code)
                  on r.listing_id = k.listing_id and r.enterprise_code = k.enterprise_code
                where r.status = 'QUALIFIED'""",
                p -> p.array("int8", listings.toArray()).array("varchar", enterprises.toArray()), rs -> {
                    while (rs.next()) {
                        known.get(rs.getLong(1)).put(rs.getString(2),
                                new BidBatcher.Bidder(rs.getLong(3), rs.getString(4)));
                    }
                });
    }

    /**
     * The earlier receipts of a batch's commands (listing, enterprise and idempotency key arrays).
     * Each receipt is looked up in a subquery of its own that the planner cannot flatten (its
     * {@code limit}; the key is unique anyway), so that both the registration and the key are the
     * conditions of one unique-index probe. As a plain join the planner estimated a registration's
     * bids as a few dozen and probed the index by registration alone, filtering every bid of that
     * bidder by key: on a hot listing that is thousands of rows per command, growing with every bid
     * (the benchmark's {@code -Dbench.pgstats=true} saw 4, then 11, then 14 ms a batch over three
     * repeats, most of the hot listing's time, against under 0.6 ms now).
     */
    static final String RECEIPTS = """
            select b.registration_id, b.idempotency_key, b.id, b.listing_id, b.bidder_no, b.amount_fen,
                   b.accepted_at, b.seq, b.phase, b.deadline, b.audit_leaf_hash
            from unnest(?::bigint[], ?::varchar[], ?::varchar[]) k(listing_id, enterprise_code, idempotency_key)
              join registration r on r.listing_id = k.listing_id and r.enterprise_code = k.enterprise_code
              cross join lateral (select * from bid where bid.registration_id = r.id
                                    and bid.idempotency_key = k.idempotency_key limit 1) b""";

    /**
     * Adds the statement that puts into {@code receipts}, by {@link BatchDecision#receiptKey}, the
     * receipts already stored under the idempotency keys of the commands' enterprises: one query for
     * every listing of a batch, found through the registration of each listing and enterprise, so
     * that it need not wait for the bidders to be known and goes out with the lock ({@link #RECEIPTS}).
     */
    void earlierReceipts(SqlPipeline pipeline, List<BidBatcher.Command> commands, Map<String, BidReceipt> receipts) {
        if (commands.isEmpty()) {
            return;
        }
        pipeline.query(RECEIPTS,
                p -> p.array("int8", commands.stream().map(BidBatcher.Command::listingId).toArray())
                        .array("varchar", commands.stream().map(BidBatcher.Command::enterpriseCode).toArray())
                        .array("varchar", commands.stream().map(BidBatcher.Command::idempotencyKey).toArray()),
                rs -> {
                    while (rs.next()) {
                        receipts.put(BatchDecision.receiptKey(rs.getLong(1), rs.getString(2)), BidReceipt.of(
                                rs.getLong(3), rs.getLong(4), rs.getString(5), Money.ofFen(rs.getLong(6)),
                                rs.getTimestamp(7).toInstant().atZone(zone).toOffsetDateTime(), rs.getInt(8),
                                ListingStatus.valueOf(rs.getString(9)),
                                rs.getTimestamp(10).toInstant().atZone(zone).toOffsetDateTime(), rs.getBytes(11)));
                    }
                });
    }

    /**
     * Adds the statement that inserts the accepted bids of every listing of a batch; it puts each new
     * row's id into {@code ids} by listing and sequence number.
     */
    void insert(SqlPipeline pipeline, Instant now, List<BatchDecision.NewBid> bids, Map<Long, Map<Integer, Long>> ids) {
        if (bids.isEmpty()) {
            return;
        }
        int n = bids.size();
        Object[] listings = new Object[n];
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
            BatchDecision.NewBid bid = bids.get(i);
            BidReceipt r = bid.receipt();
            listings[i] = bid.command().listingId();
            seqs[i] = r.sequence();
            registrations[i] = bid.bidder().registrationId();
            numbers[i] = r.bidderNo();
            amounts[i] = r.amount().fen();
            phases[i] = r.phase().name();
            deadlines[i] = Timestamp.from(r.deadline().toInstant());
            keys[i] = bid.command().idempotencyKey();
            addresses[i] = bid.command().clientAddress();
            leafHashes[i] = HexFormat.of().parseHex(r.auditLeafHash());
        }
        pipeline.query("""
                insert into bid (id, listing_id, seq, registration_id, bidder_no, amount_fen, accepted_at, phase,
                                 deadline, idempotency_key, audit_leaf_hash, client_address)
                select nextval('bid_seq'), t.listing_id, t.seq, t.registration_id, t.bidder_no, t.amount_fen, ?,
                       t.phase, t.deadline, t.idempotency_key, t.audit_leaf_hash, t.client_address
                from unnest(?::bigint[], ?::int[], ?::bigint[], ?::varchar[], ?::bigint[], ?::varchar[],
                            ?::timestamptz[], ?::varchar[], ?::bytea[], ?::varchar[])
                     as t(listing_id, seq, registration_id, bidder_no, amount_fen, phase, deadline, idempotency_key,
                          audit_leaf_hash, client_address)
                returning listing_id, seq, id""",
                p -> p.timestamp(now).array("int8", listings).array("int4", seqs).array("int8", registrations)
                        .array("varchar", numbers).array("int8", amounts).array("varchar", phases)
                        .array("timestamptz", deadlines).array("varchar", keys).array("bytea", leafHashes)
                        .array("varchar", addresses),
                rs -> {
                    while (rs.next()) {
                        ids.computeIfAbsent(rs.getLong(1), id -> new HashMap<>()).put(rs.getInt(2), rs.getLong(3));
                    }
                });
    }

    /**
     * One listing's auction after a batch, and the sequence number of its bid that reached the price
     * cap and won the sale (null if none did, or if the cap opened a lottery round instead).
     */
    record Update(long listingId, AuctionState state, Integer winnerSequence) {
    }

    /**
     * Adds the statements that write each listing's price, bid count and deadline after the batch,
     * and its winning bid and closing time (the bid found by sequence number, so it may go out with
     * the bids' insert) when it has a winner. Never the status: a sale at the cap moves it through
     * {@code ListingHistory.transition}, its one owner.
     */
    void update(SqlPipeline pipeline, List<Update> updates, Instant now) {
        if (updates.isEmpty()) {
            return;
        }
        int n = updates.size();
        Object[] ids = new Object[n];
        Object[] highest = new Object[n];
        Object[] counts = new Object[n];
        Object[] deadlines = new Object[n];
        List<Object> sold = new ArrayList<>();
        List<Object> winners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Update u = updates.get(i);
            ids[i] = u.listingId();
            highest[i] = u.state().highestFen();
            counts[i] = u.state().bidCount();
            deadlines[i] = u.state().countdownDeadline() == null ? null : Timestamp.from(u.state().countdownDeadline());
            if (u.winnerSequence() != null) {
                sold.add(u.listingId());
                winners.add(u.winnerSequence());
            }
        }
        pipeline.add("""
                update listing l set highest_bid_fen = u.highest, bid_count = u.bid_count,
                       countdown_deadline = u.deadline, version = l.version + 1
                from unnest(?::bigint[], ?::bigint[], ?::int[], ?::timestamptz[]) as u(id, highest, bid_count, deadline)
                where l.id = u.id""",
                p -> p.array("int8", ids).array("int8", highest).array("int4", counts).array("timestamptz", deadlines));
        // A statement of its own, sent only when a bid won at the cap: inside the statement above, the
        // bid lookup would be planned once (pgjdbc prepares it on the server) while the bid table was
        // still empty, as a scan of the whole table, and run for every listing of every batch.
        if (!sold.isEmpty()) {
            pipeline.add("""
                    update listing l set winning_bid_id = b.id, closed_at = ?
                    from unnest(?::bigint[], ?::int[]) as w(id, seq) join bid b on b.listing_id = w.id and b.seq = w.seq
                    where l.id = w.id""",
                    p -> p.timestamp(now).array("int8", sold.toArray()).array("int4", winners.toArray()));
        }
    }

    /**
     * Opens the lottery round of a listing whose price cap {@code capBid} just reached (domain.md,
     * "Sale formats"): sets the round's entry deadline ({@code now} + the listing's entry minutes) and
     * reveal deadline (+ its reveal minutes), draws the platform's secret contribution and stores it
     * with its commitment ({@link LotteryCommitment}, bidder number PLATFORM); returns the facts the
     * move to LOTTERY publishes: the cap, its bid and bidder number, the deadlines and the platform's
     * commitment (never its contribution).
     */
    Map<String, Object> openLottery(Connection c, long listingId, Locked listing, BidReceipt capBid, Instant now)
            throws SQLException {
        Instant entryDeadline = now.plus(Duration.ofMinutes(listing.lotteryEntryMinutes()));
        Instant revealDeadline = entryDeadline.plus(Duration.ofMinutes(listing.lotteryRevealMinutes()));
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String contribution = HexFormat.of().formatHex(secret);
        String commitment = LotteryCommitment.of(listing.listingNo(), LotteryCommitment.PLATFORM, contribution);
        try (PreparedStatement ps = c.prepareStatement("""
                update listing set lottery_entry_deadline = ?, lottery_reveal_deadline = ?, version = version + 1
                where id = ?""")) {
            ps.setTimestamp(1, Timestamp.from(entryDeadline));
            ps.setTimestamp(2, Timestamp.from(revealDeadline));
            ps.setLong(3, listingId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into lottery_round (listing_id, cap_fen, cap_bid_id, cap_bidder_no, platform_commitment,
                                           platform_contribution, opened_at)
                values (?, ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, listingId);
            ps.setLong(2, capBid.amount().fen());
            ps.setLong(3, capBid.bidId());
            ps.setString(4, capBid.bidderNo());
            ps.setString(5, commitment);
            ps.setString(6, contribution);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.executeUpdate();
        }
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingNo", listing.listingNo());
        facts.put("capFen", capBid.amount().fen());
        facts.put("capBidId", capBid.bidId());
        facts.put("capSequence", capBid.sequence());
        facts.put("capBidderNo", capBid.bidderNo());
        facts.put("lotteryEntryDeadline", entryDeadline.toString());
        facts.put("lotteryRevealDeadline", revealDeadline.toString());
        facts.put("platformCommitment", commitment);
        facts.put("commitmentVersion", LotteryCommitment.VERSION);
        return facts;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
