package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The closer's tick closes every listing whose deadline comes before the next tick as that deadline
 * comes, not only the first: two listing periods ending half a second apart both close within one
 * tick, and one ending after the next tick is left to it.
 */
@QuarkusTest
@StandardMarket
class AuctionCloserTest {

    private static final long LOT_M2 = 100;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    javax.sql.DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void oneTickClosesEachDeadlineBeforeTheNextTickAsItComes() throws Exception {
        long certificate = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, LOT_M2 * 3));
        Instant drafted = clock.instant();
        Map<String, Object> body = Fixtures.listing(certificate, LOT_M2, drafted);
        Instant end = Instant.from(java.time.OffsetDateTime.parse((String) body.get("listingEnd")));
        long first = listing(body, end);
        long second = listing(body, end.plusMillis(500));
        long later = listing(body, end.plusSeconds(3));
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        for (long id : new long[] {first, second, later}) {
            assertEquals("LISTING", text("select status from listing where id = ?", id), "listing " + id);
        }

        clock.advance(Duration.between(clock.instant(), end.minusMillis(300)));
        closer.tick();

        for (long id : new long[] {first, second}) {
            assertEquals("UNSOLD", text("select status from listing where id = ?", id),
                    "listing " + id + ", whose period ended before the next tick, closed in this one");
            Instant closedAt = instant("select closed_at from listing where id = ?", id);
            Instant listingEnd = instant("select listing_end from listing where id = ?", id);
            assertFalse(closedAt.isBefore(listingEnd), "listing " + id + " closed at " + closedAt
                    + ", before its end " + listingEnd);
        }
        assertEquals("LISTING", text("select status from listing where id = ?", later),
                "the listing ending after the next tick is left to that tick");
    }

    private static long listing(Map<String, Object> template, Instant end) {
        Map<String, Object> body = new java.util.HashMap<>(template);
        body.put("listingEnd", Fixtures.at(end));
        long id = Fixtures.draft(TestData.TOWNSHIP_A, body);
        Fixtures.act(Tokens.township(TestData.TOWNSHIP_A), id, "submit", 200);
        Fixtures.act(Tokens.regulator(TestData.CITY_REGULATOR), id, "approve", 200);
        return id;
    }

    private String text(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private Instant instant(String sql, long id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1).toInstant();
            }
        }
    }
}
