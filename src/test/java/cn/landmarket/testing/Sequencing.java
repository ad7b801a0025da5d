package cn.landmarket.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import cn.landmarket.audit.AuditSequencer;

/** Drives the audit sequencer from tests. */
public final class Sequencing {

    private Sequencing() {
    }

    /**
     * Sequences until nothing is pending, so that every committed entry is in the tree and signed;
     * retries while the scheduled sequencer (or another instance) holds the lock.
     */
    public static void settle(AuditSequencer sequencer) throws Exception {
        for (int i = 0; i < 500; i++) {
            int moved = sequencer.sequence();
            if (moved == 0) {
                return;
            }
            if (moved < 0) {
                Thread.sleep(10);
            }
        }
        throw new AssertionError("the audit log did not settle");
    }

    /**
     * Sequences until an entry of the type about the listing is in the log. The timeline's own jobs
     * (drawing lotteries, opening quotations, the settlement sweep) run every second too, so the entry
     * a test waits for may be theirs, committed a moment after the test's own call returned; waiting
     * for the entry, not for the call, keeps the test about what it checks. Fails after ten seconds
     * saying whether the entry is still pending or nowhere.
     */
    public static void awaitInTheLog(AuditSequencer sequencer, DataSource dataSource, String type, long listingId)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            settle(sequencer);
            if (count(dataSource, "audit_entry", type, listingId) > 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(type + " of listing " + listingId + " is not in the log after 10 s; pending: "
                        + count(dataSource, "audit_pending", type, listingId));
            }
            Thread.sleep(50);
        }
    }

    private static long count(DataSource dataSource, String table, String type, long listingId) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select count(*) from " + table + " where kind = ? and listing_id = ?")) {
            ps.setString(1, type);
            ps.setLong(2, listingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
