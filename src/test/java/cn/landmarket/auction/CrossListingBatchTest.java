package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/**
 * Group commit across listings: bids for different listings that are waiting together are decided
 * and committed in one transaction, which takes its listings' row locks in ascending id order. Its
 * own profile runs one batch worker, so that the test can hold the worker on a row lock while bids
 * for other listings queue up behind it.
 */
@QuarkusTest
@StandardMarket
@TestProfile(CrossListingBatchTest.OneWorker.class)
class CrossListingBatchTest {

    /** One worker commits every batch. */
    public static class OneWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("market.bidding.workers", "1");
        }
    }

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    BidBatcher batcher;

    @Inject
    DataSource dataSource;

    private final ExecutorService clients = Executors.newFixedThreadPool(8);
    private static int serial;

    @AfterEach
    void stopClients() {
        clients.shutdownNow();
    }

    /** A listing in bidding and its one qualified bidder. */
    private record Lot(long id, String bidder) {
    }

    /** Each lot is drafted at the clock's start and opened 22 days later, so every lot of a test is open at once. */
    private Lot lot() {
        clock.reset();
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        return new Lot(id, Auctions.qualifiedBidder(data, id, "XLB%06d".formatted(++serial * 1000 + id % 1000)));
    }

    private CompletableFuture<Response> bid(Lot lot) {
        return CompletableFuture.supplyAsync(
                () -> Auctions.bid(lot.bidder(), lot.id(), "20000000.00", UUID.randomUUID().toString()), clients);
    }

    private Connection lockRow(long listingId) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("select id from listing where id = " + listingId + " for update");
        }
        return c;
    }

    /** Waits until some transaction waits for a row lock (the worker, blocked on a listing row). */
    private void awaitLockWait() throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("select count(*) from pg_locks where not granted")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("the batch worker never waited for the locked listing row");
    }

    private void awaitQueued(Lot... lots) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Lot lot : lots) {
            while (!batcher.holdsLane(lot.id())) {
                assertTrue(System.nanoTime() < deadline, "the bid for listing " + lot.id() + " never queued");
                Thread.sleep(10);
            }
        }
    }

    /** The transaction id that inserted the listing's one bid. */
    private long insertingTransaction(long listingId) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "select xmin::text::bigint from bid where listing_id = ?")) {
            ps.setLong(1, listingId);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), "listing " + listingId + " has a bid");
                long xmin = rs.getLong(1);
                assertTrue(!rs.next(), "listing " + listingId + " has one bid");
                return xmin;
            }
        }
    }

    @Test
    void bidsForDifferentListingsWaitingTogetherShareOneTransaction() throws Exception {
        Lot held = lot();
        List<Lot> others = List.of(lot(), lot(), lot());
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        try (Connection lock = lockRow(held.id())) {
            answers.add(bid(held));
            awaitLockWait();
            for (Lot lot : others) {
                answers.add(bid(lot));
            }
            awaitQueued(others.toArray(Lot[]::new));
            lock.commit();
        }
        for (CompletableFuture<Response> answer : answers) {
            Response response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.asString());
        }
        long shared = insertingTransaction(others.get(0).id());
        for (Lot lot : others) {
            assertEquals(shared, insertingTransaction(lot.id()), "listing " + lot.id() + " in the shared commit");
        }
        assertNotEquals(shared, insertingTransaction(held.id()), "the held bid was committed before the others queued");
    }

    @Test
    void aBatchLocksItsListingsInAscendingIdOrder() throws Exception {
        Lot busy = lot();
        Lot low = lot();
        Lot middle = lot();
        Lot high = lot();
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        try (Connection holdWorker = lockRow(busy.id()); Connection holdMiddle = lockRow(middle.id())) {
            answers.add(bid(busy));
            awaitLockWait();
            // queued highest first: the batch still locks low, then waits on middle, and has not touched high
            for (Lot lot : List.of(high, middle, low)) {
                answers.add(bid(lot));
            }
            awaitQueued(high, middle, low);
            holdWorker.commit();
            answers.get(0).get(30, TimeUnit.SECONDS);
            awaitLockWait();
            try (Connection probe = dataSource.getConnection(); Statement s = probe.createStatement()) {
                probe.setAutoCommit(false);
                s.execute("select id from listing where id = " + high.id() + " for update nowait");
                probe.rollback();
                assertThrows(SQLException.class,
                        () -> s.execute("select id from listing where id = " + low.id() + " for update nowait"),
                        "the lower listing is locked by the waiting batch");
                probe.rollback();
            }
            holdMiddle.commit();
        }
        for (CompletableFuture<Response> answer : answers) {
            Response response = answer.get(30, TimeUnit.SECONDS);
            assertEquals(201, response.statusCode(), response.asString());
        }
        assertEquals(insertingTransaction(low.id()), insertingTransaction(high.id()));
    }
}
