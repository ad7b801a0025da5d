package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A close storm in one JVM: {@value #LISTINGS} listings on {@value #CERTIFICATES} certificates whose listing periods
 * end in the same second, closed by {@value #CLOSERS} closers ticking at once (standing for
 * instances): some with no bid (unsold, the lot released), some with one bidder over the reserve
 * (sold), {@value #TIMED} with two bidders who go on bidding in timed bidding. Every listing closes
 * exactly once (history and audit log), each close at most 2 s after its deadline.
 */
@QuarkusTest
@StandardMarket
class CloseStormTest {

    private static final int LISTINGS = 120;
    private static final int TIMED = 30;
    private static final int SOLD_AT_ONCE = 30;
    private static final int CLOSERS = 3;
    private static final int CERTIFICATES = 12;
    private static final int WARM_UP = 12;
    private static final long LOT_M2 = 100;
    private static final Duration ON_TIME = Duration.ofSeconds(2);

    @Inject
    TestData data;

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
    void listingsEndingInTheSameSecondCloseOnceAndOnTime() throws Exception {
        String township = Tokens.township(TestData.TOWNSHIP_A);
        String regulator = Tokens.regulator(TestData.CITY_REGULATOR);
        List<Long> certificates = new ArrayList<>();
        for (int c = 0; c < CERTIFICATES; c++) {
            certificates.add(Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, LOT_M2 * LISTINGS)));
        }
        Instant drafted = clock.instant();
        // a few listings end a minute earlier: their closes warm the instance up, as a running one would be
        List<Long> warmUp = new ArrayList<>();
        for (int i = 0; i < WARM_UP; i++) {
            warmUp.add(listing(township, regulator, certificates.get(i % CERTIFICATES), drafted.minusSeconds(60)));
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < LISTINGS; i++) {
            ids.add(listing(township, regulator, certificates.get(i % CERTIFICATES), drafted));
        }
        clock.advance(Duration.ofDays(22));
        listings.advanceTimeline();
        Instant listingEnd = instant("select listing_end from listing where id = ?", ids.get(0));
        Auctions.bid(Auctions.qualifiedBidder(data, warmUp.get(0), "MCT999999"), warmUp.get(0), "22000000.00",
                UUID.randomUUID().toString()).then().statusCode(201);
        clock.advance(Duration.between(clock.instant(), listingEnd.minusSeconds(60)));
        runClosersUntil(() -> count("select count(*) from listing where id = any(?) and status = 'LISTING'",
                warmUp) == 0);
        Map<Long, Long> frozenBefore = frozen(certificates);
        for (long id : ids) {
            assertEquals(listingEnd, instant("select listing_end from listing where id = ?", id));
            assertEquals("LISTING", text("select status from listing where id = ?", id));
        }

        // the first TIMED listings get two bidders, the next SOLD_AT_ONCE one bidder over the reserve
        Map<Long, List<String>> bidders = new HashMap<>();
        int serial = 0;
        for (int i = 0; i < TIMED + SOLD_AT_ONCE; i++) {
            long id = ids.get(i);
            List<String> mine = new ArrayList<>();
            for (int b = 0; b < (i < TIMED ? 2 : 1); b++) {
                mine.add(Auctions.qualifiedBidder(data, id, "MCT%06d".formatted(++serial)));
            }
            bidders.put(id, mine);
            if (i < TIMED) {
                bid(mine.get(0), id, "20000000.00");
                bid(mine.get(1), id, "20200000.00");
            } else {
                bid(mine.get(0), id, "22000000.00");
            }
        }

        // the listing periods end: the closers close all of them at once
        clock.advance(Duration.between(clock.instant(), listingEnd));
        runClosersUntil(() -> count("select count(*) from listing where id = any(?) and status = 'LISTING'", ids) == 0);
        List<Long> timed = ids.subList(0, TIMED);
        for (long id : timed) {
            assertEquals("TIMED_BIDDING", text("select status from listing where id = ?", id), "listing " + id);
        }

        // the two bidders of each timed listing take turns; every bid pushes its countdown back
        for (int round = 0; round < 4; round++) {
            for (long id : timed) {
                long amount = 20_400_000_00L + round * 20_000_000L;
                bid(bidders.get(id).get(round % 2), id, yuan(amount));
            }
        }
        for (int i = 0; i < TIMED; i += 2) {
            bid(bidders.get(timed.get(i)).get(0), timed.get(i), "22000000.00"); // meets the reserve: sold
        }
        Instant firstDeadline = instant("select min(countdown_deadline) from listing where id = any(?)", timed);
        clock.advance(Duration.between(clock.instant(), firstDeadline));
        runClosersUntil(() -> count("select count(*) from listing where id = any(?) and status in ('LISTING', "
                + "'TIMED_BIDDING')", ids) == 0);

        System.out.println("close lag after the listing end (ms): " + lags("""
                select at - l.listing_end from listing_history h join listing l on l.id = h.listing_id
                where h.listing_id = any(?) and h.from_status = 'LISTING'""", ids));
        System.out.println("close lag after the countdown (ms): " + lags("""
                select at - l.countdown_deadline from listing_history h join listing l on l.id = h.listing_id
                where h.listing_id = any(?) and h.from_status = 'TIMED_BIDDING'""", ids));
        int unsold = 0;
        for (long id : ids) {
            String status = text("select status from listing where id = ?", id);
            assertTrue(status.equals("SOLD") || status.equals("UNSOLD"), "listing " + id + " is " + status);
            unsold += status.equals("UNSOLD") ? 1 : 0;
            boolean wasTimed = timed.contains(id);
            assertEquals(1, count("select count(*) from listing_history where listing_id = ? "
                    + "and to_status in ('SOLD', 'UNSOLD')", id), "listing " + id + " closed once");
            assertEquals(wasTimed ? 1 : 0, count("select count(*) from listing_history where listing_id = ? "
                    + "and to_status = 'TIMED_BIDDING'", id), "listing " + id + " went to timed bidding once or not");
            assertEquals(1, data.auditEntries("listing." + status.toLowerCase(java.util.Locale.ROOT), id).size(),
                    "listing " + id + ": one close in the audit log");
            assertEquals(wasTimed ? 1 : 0, data.auditEntries("listing.timed_bidding", id).size(),
                    "listing " + id + ": timed bidding in the audit log once or not");
            // the end of the listing period
            Instant endedAt = instant("select at from listing_history where listing_id = ? and from_status = 'LISTING' "
                    + "and to_status in ('SOLD', 'UNSOLD', 'TIMED_BIDDING')", id);
            onTime(id, "listing period", listingEnd, endedAt);
            if (wasTimed) {
                onTime(id, "countdown", instant("select countdown_deadline from listing where id = ?", id),
                        instant("select at from listing_history where listing_id = ? and from_status = 'TIMED_BIDDING' "
                                + "and to_status in ('SOLD', 'UNSOLD')", id));
            }
            assertEquals(instant("select at from listing_history where listing_id = ? "
                    + "and to_status in ('SOLD', 'UNSOLD')", id), instant("select closed_at from listing where id = ?", id));
        }
        assertTrue(unsold >= LISTINGS - TIMED - SOLD_AT_ONCE, "every listing without a bid is unsold");
        // each unsold lot was released once on its certificate
        Map<Long, Long> frozenAfter = frozen(certificates);
        long released = 0;
        for (long c : certificates) {
            released += frozenBefore.get(c) - frozenAfter.get(c);
        }
        assertEquals(unsold * LOT_M2, released, "the unsold lots released once each");
        // and the ledger, which the releases of a batch write together, agrees with every certificate
        for (long c : certificates) {
            assertEquals(count("select frozen_area_m2 from certificate where id = ?", c),
                    held("CERT:" + c + ":FROZEN:AREA_M2"), "certificate " + c + ": frozen in the ledger");
            assertEquals(count("select area_m2 - frozen_area_m2 - transferred_area_m2 from certificate where id = ?", c),
                    held("CERT:" + c + ":AREA_M2"), "certificate " + c + ": free in the ledger");
        }
    }

    private static long listing(String township, String regulator, long certificate, Instant drafted) {
        long id = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(certificate, LOT_M2, drafted));
        Fixtures.act(township, id, "submit", 200);
        Fixtures.act(regulator, id, "approve", 200);
        return id;
    }

    private static String yuan(long fen) {
        return java.math.BigDecimal.valueOf(fen, 2).toPlainString();
    }

    private static void onTime(long id, String what, Instant deadline, Instant at) {
        assertTrue(!at.isBefore(deadline), "listing " + id + ": " + what + " closed at " + at + ", before " + deadline);
        assertTrue(Duration.between(deadline, at).compareTo(ON_TIME) <= 0,
                "listing " + id + ": " + what + " closed at " + at + ", more than 2 s after " + deadline);
    }

    private static void bid(String enterprise, long id, String amount) {
        Auctions.bid(enterprise, id, amount, UUID.randomUUID().toString()).then().statusCode(201);
    }

    /** A condition polled between ticks. */
    interface Done {
        boolean now() throws Exception;
    }

    /** {@value #CLOSERS} closers tick every 100 ms at once, as instances would, until the condition holds. */
    private void runClosersUntil(Done done) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(CLOSERS);
        try {
            List<Future<?>> ticking = new ArrayList<>();
            for (int i = 0; i < CLOSERS; i++) {
                ticking.add(pool.submit(() -> {
                    while (!stop.get()) {
                        closer.closeDue();
                        Thread.sleep(100);
                    }
                    return null;
                }));
            }
            long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!done.now()) {
                assertTrue(System.nanoTime() < giveUp, "the closers did not finish within 60 s");
                Thread.sleep(50);
            }
            stop.set(true);
            for (Future<?> f : ticking) {
                f.get();
            }
        } finally {
            stop.set(true);
            pool.shutdownNow();
        }
    }

    private Map<Long, Long> frozen(List<Long> certificates) throws SQLException {
        Map<Long, Long> frozen = new HashMap<>();
        for (long c : certificates) {
            frozen.put(c, count("select frozen_area_m2 from certificate where id = ?", c));
        }
        return frozen;
    }

    /** What the ledger account holds: its posted credits less its posted debits. */
    private long held(String account) throws SQLException {
        return count("""
                with a as (select cast(? as text) as id)
                select coalesce(sum(case when t.credit_account = a.id then t.amount else -t.amount end), 0)
                from ledger_transfer t, a where t.phase = 'POSTED' and (t.credit_account = a.id or t.debit_account = a.id)""",
                account);
    }

    private long count(String sql, Object arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, arg);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The millisecond lags the query selects (as intervals), sorted: min, p50, p99, max. */
    private String lags(String sql, List<Long> ids) throws SQLException {
        List<Long> lags = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, "select (extract(epoch from lag) * 1000)::bigint from (" + sql
                        + ") as t(lag)", ids);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                lags.add(rs.getLong(1));
            }
        }
        lags.sort(null);
        return lags.isEmpty() ? "none" : "n " + lags.size() + ", min " + lags.get(0) + ", p50 "
                + lags.get(lags.size() / 2) + ", p99 " + lags.get((int) Math.min(lags.size() - 1, lags.size() * 0.99))
                + ", max " + lags.get(lags.size() - 1);
    }

    private String text(String sql, Object arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, arg);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private Instant instant(String sql, Object arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, arg);
                ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next(), "no row: " + sql + " " + arg);
            Instant at = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            assertTrue(!rs.next(), "more than one row: " + sql + " " + arg);
            return at;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object arg) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        if (arg instanceof List<?> list) {
            ps.setArray(1, c.createArrayOf("bigint", list.toArray()));
        } else {
            ps.setObject(1, arg);
        }
        return ps;
    }
}
