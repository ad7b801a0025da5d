package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingStatus;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The close rehearsal closes the listings it stages with the closer's code (unsold, sold at the end of
 * the listing period, through timed bidding to sold), in more than one batch, and leaves none of its
 * rows behind in any table the close writes or the staging fills.
 */
@QuarkusTest
class CloseRehearsalTest {

    /**
     * Rows a rehearsal would leave if it committed, by what marks them as its own (negative ids, its
     * codes): the whole tables cannot be counted, since the service's scheduled jobs go on writing
     * earlier tests' entries meanwhile. Audit entries count pending or sequenced.
     */
    private static final Map<String, String> LEFT = new LinkedHashMap<>();

    static {
        LEFT.put("county", "select count(*) from county where code = '" + CloseRehearsalRepository.COUNTY + "'");
        LEFT.put("township", "select count(*) from township where code = '" + CloseRehearsalRepository.TOWNSHIP + "'");
        LEFT.put("enterprise", "select count(*) from enterprise where credit_code in ('"
                + String.join("', '", CloseRehearsalRepository.BIDDERS) + "')");
        LEFT.put("certificate", "select count(*) from certificate where id < 0");
        LEFT.put("ledger_account", "select count(*) from ledger_account where id like 'CERT:-%'");
        LEFT.put("ledger_transfer", "select count(*) from ledger_transfer where debit_account like 'CERT:-%' "
                + "or credit_account like 'CERT:-%'");
        LEFT.put("listing", "select count(*) from listing where id < 0");
        LEFT.put("listing_history", "select count(*) from listing_history where listing_id < 0");
        LEFT.put("registration", "select count(*) from registration where id < 0 or listing_id < 0");
        LEFT.put("bid", "select count(*) from bid where id < 0 or listing_id < 0");
        LEFT.put("audit entries", "select (select count(*) from audit_pending where listing_id < 0) "
                + "+ (select count(*) from audit_entry where listing_id < 0)");
        LEFT.put("audit_commitment", "select count(*) from audit_commitment where subject like '-%'");
        LEFT.put("notification_event", "select count(*) from notification_event "
                + "where (entry -> 'facts' ->> 'listingId')::bigint < 0");
    }

    @Inject
    CloseRehearsal rehearsal;

    @Inject
    javax.sql.DataSource dataSource;

    @Test
    void closesWhatItStagesAndCommitsNothing() throws Exception {
        Map<String, Long> none = new LinkedHashMap<>();
        LEFT.keySet().forEach(kind -> none.put(kind, 0L));
        assertEquals(none, left());

        // two batches: 100, then 50; per 5 listings two without a bid, two with one bidder, one with two
        Map<ListingStatus, Integer> outcomes = rehearsal.rehearse(150);

        assertEquals(Map.of(ListingStatus.UNSOLD, 60, ListingStatus.SOLD, 90, ListingStatus.TIMED_BIDDING, 30),
                outcomes);
        assertEquals(none, left());
        // a second rehearsal stages the same ids again: it could not if the first had left any
        assertEquals(outcomes, rehearsal.rehearse(150));
        assertEquals(none, left());
    }

    /** How many rows of each kind a rehearsal left. */
    private Map<String, Long> left() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (Map.Entry<String, String> query : LEFT.entrySet()) {
                try (ResultSet rs = s.executeQuery(query.getValue())) {
                    rs.next();
                    counts.put(query.getKey(), rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
