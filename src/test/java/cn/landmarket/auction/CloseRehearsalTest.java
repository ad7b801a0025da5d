package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The close rehearsal closes the listings it stages with the closer's code (unsold, sold at the end of
 * the listing period, through timed bidding to sold), in more than one batch, and leaves no row
 * behind in any table the close writes or the staging fills.
 */
@QuarkusTest
class CloseRehearsalTest {

    /**
     * What is counted: the tables the close writes or the staging fills; the audit log's entries
     * pending or sequenced together, since the sequencer moves earlier tests' entries from one to the
     * other meanwhile.
     */
    private static final List<String> COUNTED = List.of("county", "township", "enterprise", "certificate",
            "ledger_account", "ledger_transfer", "listing", "listing_history", "registration", "bid",
            "audit_pending, audit_entry", "audit_commitment", "notification_event");

    @Inject
    CloseRehearsal rehearsal;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void closesWhatItStagesAndCommitsNothing() throws Exception {
        Map<String, Long> before = rows();

        // two batches: 100, then 50; per 5 listings two without a bid, two with one bidder, one with two
        Map<ListingStatus, Integer> outcomes = rehearsal.rehearse(150);

        assertEquals(Map.of(ListingStatus.UNSOLD, 60, ListingStatus.SOLD, 90, ListingStatus.TIMED_BIDDING, 30),
                outcomes);
        assertEquals(before, rows());
        // a second rehearsal stages the same ids again: it could not if the first had left any
        assertEquals(outcomes, rehearsal.rehearse(150));
        assertEquals(before, rows());
    }

    /** The rows of each counted table (or group), all read in one statement, so from one snapshot. */
    private Map<String, Long> rows() throws Exception {
        String sql = "select " + String.join(", ", COUNTED.stream().map(tables -> "(" + String.join(" + ",
                List.of(tables.split(", ")).stream().map(t -> "(select count(*) from " + t + ")").toList()) + ")")
                .toList());
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            for (int i = 0; i < COUNTED.size(); i++) {
                counts.put(COUNTED.get(i), rs.getLong(i + 1));
            }
        }
        return counts;
    }
}
