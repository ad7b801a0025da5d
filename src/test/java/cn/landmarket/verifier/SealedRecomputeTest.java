package cn.landmarket.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.QuotationOpener;
import cn.landmarket.auction.SealedCommitment;
import cn.landmarket.audit.AuditSequencer;
import cn.landmarket.audit.MerkleTree;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.SealedSales;
import cn.landmarket.testing.SealedSales.Bidder;
import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The recompute command against the running service (README, "Audit log"): a sealed sale with a
 * bidder who reveals right, one who reveals wrong then right and one who never reveals is
 * recomputed from the served log alone and agrees; one logged reveal changed behind the service's
 * back (entry and leaf hash rewritten in the database) makes the recomputation disagree for that
 * listing, naming the entry.
 */
@QuarkusTest
@StandardMarket
class SealedRecomputeTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    QuotationOpener opener;

    @Inject
    AuditSequencer sequencer;

    @Inject
    DataSource dataSource;

    @TestHTTPResource("/")
    URL base;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aSealedSaleRecomputesFromTheServedLogAndAChangedRevealMakesItDisagree() throws Exception {
        long id = SealedSales.listingInQuotation(clock, listings);
        String listingNo = SealedSales.listingNo(id);
        Bidder right = SealedSales.qualifiedBidder(data, clock, id);
        Bidder retry = SealedSales.qualifiedBidder(data, clock, id);
        Bidder silent = SealedSales.qualifiedBidder(data, clock, id);
        String saltRight = SealedSales.salt();
        String saltRetry = SealedSales.salt();
        SealedSales.commit(right, id, SealedCommitment.of(listingNo, right.bidderNo(), 2_300_000_000L, saltRight), "r")
                .then().statusCode(201);
        SealedSales.commit(retry, id, SealedCommitment.of(listingNo, retry.bidderNo(), 2_400_000_000L, saltRetry), "w")
                .then().statusCode(201);
        SealedSales.commit(silent, id, SealedCommitment.of(listingNo, silent.bidderNo(), 2_900_000_000L,
                SealedSales.salt()), "s").then().statusCode(201);
        SealedSales.toRevealWindow(clock, id);
        SealedSales.reveal(right, id, "23000000.00", saltRight).then().statusCode(200);
        SealedSales.reveal(retry, id, "24000000.01", saltRetry).then().statusCode(422);
        SealedSales.reveal(retry, id, "24000000.00", saltRetry).then().statusCode(200);
        SealedSales.pastRevealDeadline(clock, id);
        opener.openDue();
        Sequencing.awaitInTheLog(sequencer, dataSource, "listing.sold", id);

        Run honest = recompute();
        assertTrue(honest.out().contains("sealed opening, listing " + id + " (" + listingNo + "): AGREES: SOLD to bidder "
                + retry.bidderNo() + " at 2400000000 fen (sequence 2 of 3 quotations)"), honest.out());
        assertTrue(honest.out().startsWith("log OK: "), honest.out());

        long index = revealIndex(id, retry.bidderNo());
        byte[] original = entry(index);
        String json = new String(original, StandardCharsets.UTF_8);
        assertTrue(json.contains("\"amountFen\":2400000000"), json);
        byte[] forged = json.replace("\"amountFen\":2400000000", "\"amountFen\":2200000000")
                .getBytes(StandardCharsets.UTF_8);
        try {
            behindTheServicesBack(index, forged, MerkleTree.leafHash(forged));
            Run changed = recompute();
            assertEquals(1, changed.exit(), changed.out());
            assertTrue(changed.out().startsWith("log FAILED: "), changed.out());
            String line = changed.out().lines().filter(l -> l.startsWith("sealed opening, listing " + id + " "))
                    .findFirst().orElseThrow(() -> new AssertionError(changed.out()));
            assertTrue(line.startsWith("sealed opening, listing " + id + " (" + listingNo + "): DISAGREES: entry "
                    + index + " (quotation.revealed) (sequence 2, bidder " + retry.bidderNo() + "): amount 2200000000 "
                    + "fen and salt " + saltRetry + " do not open the commitment "), line);
            assertTrue(line.contains("winningBidderNo: published " + retry.bidderNo() + ", recomputed "
                    + right.bidderNo()), line);
        } finally {
            behindTheServicesBack(index, original, MerkleTree.leafHash(original));
        }
        Run restored = recompute();
        assertTrue(restored.out().startsWith("log OK: "), restored.out());
        assertTrue(agreesForThisListing(restored, id), restored.out());
    }

    private static boolean agreesForThisListing(Run run, long id) {
        return run.out().lines().anyMatch(l -> l.startsWith("sealed opening, listing " + id + " ")
                && l.contains(": AGREES: "));
    }

    private record Run(int exit, String out, String err) {
    }

    /** The command as a regulator runs it against the service's URL. */
    private Run recompute() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = VerifyCommand.run(new String[] {"recompute", base.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private long revealIndex(long listingId, String bidderNo) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select idx from audit_entry where cast(convert_from(entry, 'UTF8') as jsonb) ->> 'type' = "
                        + "'quotation.revealed' and cast(convert_from(entry, 'UTF8') as jsonb) #>> '{facts,listingId}' = ? "
                        + "and cast(convert_from(entry, 'UTF8') as jsonb) #>> '{facts,bidderNo}' = ?")) {
            ps.setString(1, Long.toString(listingId));
            ps.setString(2, bidderNo);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "the reveal is in the log");
                long idx = rs.getLong(1);
                assertFalse(rs.next(), "one reveal");
                return idx;
            }
        }
    }

    private byte[] entry(long index) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select entry from audit_entry where idx = ?")) {
            ps.setLong(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getBytes(1);
            }
        }
    }

    /** Changes a stored entry and its leaf hash with the append-only trigger disabled (as AuditLogTest does). */
    private void behindTheServicesBack(long index, byte[] entry, byte[] leafHash) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("alter table audit_entry disable trigger audit_entry_append_only");
            try (PreparedStatement ps = c.prepareStatement(
                    "update audit_entry set entry = ?, leaf_hash = ? where idx = ?")) {
                ps.setBytes(1, entry);
                ps.setBytes(2, leafHash);
                ps.setLong(3, index);
                assertEquals(1, ps.executeUpdate());
            } finally {
                s.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
    }
}
