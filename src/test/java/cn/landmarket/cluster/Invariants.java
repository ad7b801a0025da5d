package cn.landmarket.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The bidding invariants, checked in the database against what the clients were told. */
final class Invariants {

    /** One stored bid. */
    record StoredBid(long id, long listingId, int sequence, long amountFen, String bidderNo) {
    }

    private Invariants() {
    }

    static Map<Long, List<StoredBid>> storedBids(Cluster cluster) throws SQLException {
        Map<Long, List<StoredBid>> byListing = new TreeMap<>();
        try (Connection c = cluster.db(); var s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select id, listing_id, seq, amount_fen, bidder_no from bid order by listing_id, seq")) {
            while (rs.next()) {
                StoredBid b = new StoredBid(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getLong(4), rs.getString(5));
                byListing.computeIfAbsent(b.listingId(), id -> new ArrayList<>()).add(b);
            }
        }
        return byListing;
    }

    /**
     * Per listing: sequences 1..n without gap or duplicate, amounts strictly increasing with the
     * sequence, the listing's highest bid the last amount and its bid count n.
     */
    static void checkSequences(Cluster cluster, Map<Long, List<StoredBid>> stored) throws SQLException {
        Map<Long, long[]> listings = new HashMap<>();
        try (Connection c = cluster.db(); var s = c.createStatement();
                ResultSet rs = s.executeQuery("select id, coalesce(highest_bid_fen, -1), bid_count from listing")) {
            while (rs.next()) {
                listings.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
            }
        }
        for (var e : stored.entrySet()) {
            List<StoredBid> bids = e.getValue();
            for (int i = 0; i < bids.size(); i++) {
                assertEquals(i + 1, bids.get(i).sequence(), "listing " + e.getKey() + ": sequence gap or duplicate");
                if (i > 0) {
                    assertTrue(bids.get(i).amountFen() > bids.get(i - 1).amountFen(),
                            "listing " + e.getKey() + ": amount not increasing at sequence " + (i + 1));
                }
            }
            long[] listing = listings.get(e.getKey());
            assertEquals(bids.get(bids.size() - 1).amountFen(), listing[0], "listing " + e.getKey() + " highest bid");
            assertEquals(bids.size(), listing[1], "listing " + e.getKey() + " bid count");
        }
    }

    /** Every receipt is stored as it was told, and (when {@code exact}) nothing else is stored. */
    static void checkReceipts(Map<Long, List<StoredBid>> stored, Iterable<Swarm.Receipt> receipts, boolean exact) {
        Map<Long, StoredBid> byId = new HashMap<>();
        stored.values().forEach(list -> list.forEach(b -> byId.put(b.id(), b)));
        Map<Long, Swarm.Receipt> receiptById = new HashMap<>();
        for (Swarm.Receipt r : receipts) {
            assertTrue(receiptById.put(r.bidId(), r) == null, "two receipts for bid " + r.bidId());
            StoredBid b = byId.get(r.bidId());
            assertTrue(b != null, "acknowledged bid " + r + " is not in the database");
            assertEquals(new StoredBid(r.bidId(), r.listingId(), r.sequence(), r.amountFen(), r.bidderNo()), b,
                    "stored bid differs from its receipt");
        }
        if (exact) {
            for (StoredBid b : byId.values()) {
                assertTrue(receiptById.containsKey(b.id()), "stored bid " + b + " was never acknowledged to a client");
            }
        }
    }

    /**
     * After the sequencer caught up: every stored bid has exactly one {@code bid.accepted} entry
     * (by listing and sequence), and there is no such entry without a bid.
     */
    static void checkAuditEntries(Cluster cluster, Map<Long, List<StoredBid>> stored) throws SQLException {
        Map<String, Long> entries = new HashMap<>();
        try (Connection c = cluster.db(); var ps = c.prepareStatement("""
                select listing_id, (convert_from(entry, 'UTF8')::jsonb #>> '{facts,sequence}')::int, count(*)
                from audit_entry where kind = ? group by 1, 2""")) {
            ps.setString(1, String.join(".", "bid", "accepted"));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    entries.put(rs.getLong(1) + "/" + rs.getInt(2), rs.getLong(3));
                }
            }
        }
        int bids = 0;
        for (List<StoredBid> list : stored.values()) {
            for (StoredBid b : list) {
                bids++;
                assertEquals(1L, entries.getOrDefault(b.listingId() + "/" + b.sequence(), 0L),
                        "audit entries for bid " + b);
            }
        }
        assertEquals(bids, entries.size(), "audit entries of accepted bids without a bid");
    }
}
