package cn.landmarket.auction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import cn.landmarket.common.Money;
import cn.landmarket.listing.ListingStatus;

/**
 * The SQL of a bid batch, on the batch's own connection and transaction (the batcher runs outside
 * Hibernate so that one commit serves many bids): lock the listing and read its auction, find the
 * qualified bidders and earlier receipts, insert the accepted bids in one statement, and write the
 * listing's new price and deadline.
 */
final class BidStore {

    /** The locked listing's auction, and its reserve (needed only when the price cap closes the sale). */
    record Locked(AuctionState state, Long reservePriceFen) {
    }

    private final ZoneId zone;

    BidStore(ZoneId zone) {
        this.zone = zone;
    }

    /** Locks the listing row for the batch; null when there is no such listing. */
    Locked lock(Connection c, long listingId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                select status, listing_end, countdown_deadline, countdown_seconds, start_price_fen, increment_fen,
                       price_cap_fen, highest_bid_fen, bid_count, reserve_price_fen
                from listing where id = ? for update""")) {
            ps.setLong(1, listingId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                AuctionState state = new AuctionState(ListingStatus.valueOf(rs.getString(1)),
                        instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)), Duration.ofSeconds(rs.getInt(4)),
                        rs.getLong(5), rs.getLong(6), (Long) rs.getObject(7), (Long) rs.getObject(8), rs.getInt(9));
                return new Locked(state, (Long) rs.getObject(10));
            }
        }
    }

    /**
     * Adds to {@code known} the qualified bidders among {@code enterprises} it does not hold yet, and
     * returns it. A qualification is never withdrawn, so what is known stays true.
     */
    Map<String, BidBatcher.Bidder> bidders(Connection c, long listingId, Map<String, BidBatcher.Bidder> known,
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
                        known.put(rs.getString(1), new BidBatcher.Bidder(rs.getLong(2), rs.getString(3)));
                    }
                }
            }
        }
        return known;
    }

    /** The receipts already stored under the batch's idempotency keys, by {@link BatchDecision#receiptKey}. */
    Map<String, BidReceipt> earlierReceipts(Connection c, long listingId, List<BidBatcher.Command> batch,
            Map<String, BidBatcher.Bidder> bidders) throws SQLException {
        Map<String, BidReceipt> receipts = new HashMap<>();
        List<Long> registrations = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (BidBatcher.Command command : batch) {
            BidBatcher.Bidder bidder = bidders.get(command.enterpriseCode());
            if (bidder != null) {
                registrations.add(bidder.registrationId());
                keys.add(command.idempotencyKey());
            }
        }
        if (registrations.isEmpty()) {
            return receipts;
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
                    receipts.put(BatchDecision.receiptKey(rs.getLong(1), rs.getString(2)), BidReceipt.of(rs.getLong(3),
                            listingId, rs.getString(4), Money.ofFen(rs.getLong(5)),
                            rs.getTimestamp(6).toInstant().atZone(zone).toOffsetDateTime(), rs.getInt(7),
                            ListingStatus.valueOf(rs.getString(8)),
                            rs.getTimestamp(9).toInstant().atZone(zone).toOffsetDateTime(), rs.getBytes(10)));
                }
            }
        }
        return receipts;
    }

    /** Inserts the accepted bids in one statement; returns each new row's id by its sequence number. */
    Map<Integer, Long> insert(Connection c, long listingId, Instant now, List<BatchDecision.NewBid> bids)
            throws SQLException {
        int n = bids.size();
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
        return idBySequence;
    }

    /**
     * Writes the auction's price, bid count and deadline after the batch, and the winning bid when
     * {@code capBid} reached the price cap. Never the status: a sale at the cap moves it through
     * {@code ListingHistory.transition}, its one owner.
     */
    void update(Connection c, long listingId, AuctionState state, BidReceipt capBid, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                update listing set highest_bid_fen = ?, bid_count = ?, countdown_deadline = ?,
                       winning_bid_id = coalesce(?, winning_bid_id),
                       closed_at = case when ? then ? else closed_at end, version = version + 1
                where id = ?""")) {
            ps.setLong(1, state.highestFen());
            ps.setInt(2, state.bidCount());
            ps.setTimestamp(3, state.countdownDeadline() == null ? null : Timestamp.from(state.countdownDeadline()));
            ps.setObject(4, capBid == null ? null : capBid.bidId());
            ps.setBoolean(5, capBid != null);
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setLong(7, listingId);
            ps.executeUpdate();
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
