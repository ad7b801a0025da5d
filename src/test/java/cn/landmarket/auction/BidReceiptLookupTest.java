package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.common.jdbc.SqlPipeline;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A batch finds the receipts of retried bids ({@link BidStore#earlierReceipts}) by one probe of the
 * bid table's unique index per command, however many bids the bidder placed before: on a hot listing
 * each bidder holds thousands, and a lookup that read them all grew slower with every bid. The
 * bidder's earlier bids, and 20,000 other bidders with two bids each (with which the server's
 * statistics make the plan that read them all look cheap), are written directly, in a transaction
 * that is rolled back.
 */
@QuarkusTest
@StandardMarket
class BidReceiptLookupTest {

    private static final int EARLIER_BIDS = 4_000;
    private static final int COMMANDS = 10;
    private static final int OTHER_BIDDERS = 20_000;

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    DataSource dataSource;

    @Test
    void aRetrysReceiptIsFoundByOneIndexProbeHoweverManyBidsItsBidderPlacedBefore() throws Exception {
        clock.reset();
        long listing = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, listing, "RCP000001");
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("""
                        insert into bid (id, listing_id, seq, registration_id, bidder_no, amount_fen, accepted_at, phase,
                                         deadline, idempotency_key, audit_leaf_hash)
                        select nextval('bid_seq'), r.listing_id, g, r.id, r.bidder_no, 1000000000 + g * 10000, now(),
                               'LISTING', now() + interval '1 day', 'key-' || g, sha256(g::text::bytea)
                        from registration r, generate_series(1, ?) g
                        where r.listing_id = ? and r.enterprise_code = ?""")) {
                    ps.setInt(1, EARLIER_BIDS);
                    ps.setLong(2, listing);
                    ps.setString(3, bidder);
                    assertEquals(EARLIER_BIDS, ps.executeUpdate());
                }
                try (Statement s = c.createStatement()) {
                    // What a market's statistics say: many registrations, most holding a few bids, while a
                    // hot listing's bidders hold thousands (the plans differ only at that scale).
                    s.execute("""
                            insert into enterprise (credit_code, name, legal_representative, contact_person, contact_phone,
                                                    address, region_code, bank_name, bank_account_name, bank_account_no,
                                                    status, registered_at)
                            select 'ZZ' || lpad(g::text, 16, '0'), 'E', 'L', 'C', '1', 'A', '510703', 'B', 'E', '1',
                                   'VERIFIED', now()
                            from generate_series(1, %d) g""".formatted(OTHER_BIDDERS));
                    s.execute("""
                            insert into registration (id, listing_id, enterprise_code, virtual_account, deposit_fen,
                                                      deposit_deadline, deposit_received_fen, status, bidder_no,
                                                      qualified_at, registered_at)
                            select nextval('registration_seq'), %d, 'ZZ' || lpad(g::text, 16, '0'), 'RCP-' || g,
                                   400000000, now(), 400000000, 'QUALIFIED', 'Z' || g, now(), now()
                            from generate_series(1, %d) g""".formatted(listing, OTHER_BIDDERS));
                    s.execute("""
                            insert into bid (id, listing_id, seq, registration_id, bidder_no, amount_fen, accepted_at,
                                             phase, deadline, idempotency_key, audit_leaf_hash)
                            select nextval('bid_seq'), r.listing_id, %d + row_number() over (), r.id, r.bidder_no,
                                   2000000000, now(), 'LISTING', now() + interval '1 day', 'other-' || g,
                                   sha256(g::text::bytea)
                            from registration r, generate_series(1, 2) g
                            where r.listing_id = %d and r.enterprise_code like 'ZZ%%'""".formatted(EARLIER_BIDS, listing));
                    s.execute("analyze enterprise");
                    s.execute("analyze registration");
                    s.execute("analyze bid");
                }
                // One retry of the bidder's 1,234th bid and nine new keys, as one batch sends them.
                List<BidBatcher.Command> commands = new ArrayList<>();
                for (int i = 0; i < COMMANDS; i++) {
                    commands.add(new BidBatcher.Command(listing, bidder, 1000000000L, i == 0 ? "key-1234" : "new-" + i,
                            "127.0.0.1", null));
                }
                Map<String, BidReceipt> receipts = new HashMap<>();
                SqlPipeline pipeline = new SqlPipeline();
                new BidStore(ZoneId.of("Asia/Shanghai")).earlierReceipts(pipeline, commands, receipts);
                pipeline.run(c);
                assertEquals(1, receipts.size(), "only the retried key has a receipt");
                BidReceipt retried = receipts.values().iterator().next();
                assertEquals(1234, retried.sequence());
                assertEquals(1000000000L + 1234 * 10000L, retried.amount().fen());

                JsonNode plan = explain(c, commands);
                long blocks = plan.path("Shared Hit Blocks").asLong() + plan.path("Shared Read Blocks").asLong();
                // Each command: the registration's and the bid's index probes, a few pages each. Reading
                // the bidder's earlier bids instead would touch each of them: 10 x 4,000.
                assertTrue(blocks < 40 * COMMANDS, "the lookup read " + blocks + " blocks for " + COMMANDS
                        + " commands of a bidder with " + EARLIER_BIDS + " earlier bids: " + plan);
            } finally {
                c.rollback();
            }
        }
    }

    /** The plan of {@link BidStore#RECEIPTS} for these commands, as run (EXPLAIN ANALYZE, BUFFERS). */
    private static JsonNode explain(Connection c, List<BidBatcher.Command> commands) throws SQLException, Exception {
        try (PreparedStatement ps = c.prepareStatement("explain (analyze, buffers, format json) " + BidStore.RECEIPTS)) {
            ps.setArray(1, c.createArrayOf("int8", commands.stream().map(BidBatcher.Command::listingId).toArray()));
            ps.setArray(2, c.createArrayOf("varchar", commands.stream().map(BidBatcher.Command::enterpriseCode).toArray()));
            ps.setArray(3, c.createArrayOf("varchar", commands.stream().map(BidBatcher.Command::idempotencyKey).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
            }
        }
    }
}
