package cn.landmarket.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Crashes lose nothing: three instances of the packaged service on one PostgreSQL, and in turn an
 * instance SIGKILLed in the middle of timed bidding, PostgreSQL crashed in the middle of bidding,
 * and an instance SIGKILLed while a payment notice is being booked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashIT {

    private static final long START_FEN = 1_000_000_00L;
    private static final long INCREMENT_FEN = 100_00L;
    private static final int BIDDERS = 12;
    /** How late a close may be after its deadline: one closer tick (1 s) plus slack for a loaded machine. */
    private static final Duration CLOSE_TOLERANCE = Duration.ofSeconds(3);

    private Cluster cluster;
    private final List<Cluster.Instance> nodes = new ArrayList<>();
    private List<String> enterprises;
    private final List<String> tokens = new ArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new Cluster("crash-it");
        nodes.addAll(cluster.startAll("a", "b", "c"));
        enterprises = cluster.enterprises(BIDDERS);
        for (int i = 0; i < BIDDERS; i++) {
            tokens.add(Cluster.token("bidder-" + i, "enterprise", enterprises.get(i)));
        }
        cluster.certificate();
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void anInstanceKilledInTimedBiddingLeavesTheOthersToCloseOnTime() throws Exception {
        long listing = 201;
        int countdown = 5;
        cluster.listing(listing, START_FEN, INCREMENT_FEN, Duration.ofSeconds(3), countdown, enterprises);
        Swarm swarm = new Swarm(cluster, START_FEN, INCREMENT_FEN);
        assertEquals(201, swarm.bid(nodes.get(0), tokens.get(0), listing));
        assertEquals(201, swarm.bid(nodes.get(1), tokens.get(1), listing));
        Cluster.awaitTrue("timed bidding", Duration.ofSeconds(30), () -> cluster.status(listing).equals("TIMED_BIDDING"));

        Cluster.Instance victim = nodes.get(0);
        swarm.start(BIDDERS, Duration.ofSeconds(60), tokens, i -> nodes.get(i % 3), i -> () -> listing);
        Cluster.awaitTrue("bids in timed bidding", Duration.ofSeconds(30),
                () -> swarm.receipts.stream().filter(r -> r.instance().equals(victim.name)).count() >= 3);
        long killedAt = System.nanoTime();
        cluster.kill(victim);
        // the survivors keep taking bids (each restarting the countdown) for a moment after the kill
        Cluster.awaitTrue("bids on the survivors after the kill", Duration.ofSeconds(30),
                () -> swarm.receipts.stream().filter(r -> r.receivedNanos() > killedAt).count() >= 3);
        swarm.stop();
        try {
            assertEquals("TIMED_BIDDING", cluster.status(listing), "still in timed bidding when the bidders stop");
            Instant deadline = countdownDeadline(listing);
            Cluster.awaitTrue("the listing closed", Duration.ofSeconds(countdown + 30),
                    () -> cluster.status(listing).equals("SOLD"));
            Instant closedAt = closedAt(listing);
            assertTrue(!closedAt.isBefore(deadline), "closed at " + closedAt + ", not before the deadline " + deadline);
            assertTrue(closedAt.isBefore(deadline.plus(CLOSE_TOLERANCE)),
                    "closed at " + closedAt + ", on time for the deadline " + deadline);
            assertEquals(1, cluster.count("select count(*) from listing_history where listing_id = ? "
                    + "and to_status in ('SOLD', 'UNSOLD')", listing), "closed once");
            assertEquals(1, cluster.count("select count(*) from listing_history where listing_id = ? "
                    + "and to_status = 'TIMED_BIDDING'", listing), "timed bidding started once");
            var stored = Invariants.storedBids(cluster);
            Invariants.checkSequences(cluster, stored);
            Invariants.checkReceipts(stored, swarm.receipts, false);
            // the winner is the last accepted bid
            var bids = stored.get(listing);
            assertEquals(bids.get(bids.size() - 1).id(), cluster.count(
                    "select winning_bid_id from listing where id = ?", listing), "the highest bid wins");
            // requests to the dead instance got no answer; every other request an answer
            for (Swarm.Failure f : swarm.failures) {
                assertTrue(f.instance().equals(victim.name) && f.status() == 0, "unexpected failure " + f);
            }
        } finally {
            nodes.set(0, cluster.replace(victim));
        }
    }

    @Test
    void postgresCrashedInBiddingLosesNoAcknowledgedBidAndBiddingResumes() throws Exception {
        List<Long> listings = List.of(301L, 302L, 303L, 304L);
        for (long id : listings) {
            cluster.listing(id, START_FEN, INCREMENT_FEN, Duration.ofDays(1), 300, enterprises);
        }
        Swarm swarm = new Swarm(cluster, START_FEN, INCREMENT_FEN);
        swarm.start(BIDDERS, Duration.ofSeconds(120), tokens, i -> nodes.get(i % 3),
                i -> () -> listings.get(ThreadLocalRandom.current().nextInt(listings.size())));
        long restartedAt;
        try {
            Cluster.awaitTrue("bids before the crash", Duration.ofSeconds(30), () -> swarm.receipts.size() >= 30);
            cluster.crashPostgres();
            Thread.sleep(2_000); // the outage: requests keep coming while the database is gone
            cluster.restartPostgres();
            restartedAt = System.nanoTime();
            Cluster.awaitTrue("bids accepted after the restart", Duration.ofSeconds(60),
                    () -> swarm.receipts.stream().filter(r -> r.receivedNanos() > restartedAt).count() >= 30);
        } finally {
            swarm.stop();
        }
        long resumed = swarm.receipts.stream().filter(r -> r.receivedNanos() > restartedAt)
                .mapToLong(Swarm.Receipt::receivedNanos).min().orElseThrow();
        System.out.printf("CrashIT: first bid accepted %d ms after PostgreSQL restarted; %d failed requests%n",
                (resumed - restartedAt) / 1_000_000, swarm.failures.size());

        var stored = Invariants.storedBids(cluster);
        Invariants.checkSequences(cluster, stored);
        // every acknowledged bid is stored as acknowledged
        Invariants.checkReceipts(stored, swarm.receipts, false);
        // any other stored bid is the offer of a request that got no answer or a server error, never
        // of one that was refused or not sent (each offer on a listing is a distinct amount)
        Set<String> acknowledged = new HashSet<>();
        swarm.receipts.forEach(r -> acknowledged.add(r.listingId() + "/" + r.amountFen()));
        Set<String> unanswered = new HashSet<>();
        for (Swarm.Failure f : swarm.failures) {
            assertTrue(f.status() == 0 || f.status() >= 500, "a failed request got a client error: " + f);
            unanswered.add(f.listingId() + "/" + f.amountFen());
        }
        for (long id : listings) {
            for (var b : stored.get(id)) {
                String offer = b.listingId() + "/" + b.amountFen();
                assertTrue(acknowledged.contains(offer) || unanswered.contains(offer),
                        "stored bid " + b + " was neither acknowledged nor left unanswered");
            }
        }
        cluster.awaitAuditCaughtUp();
        Invariants.checkAuditEntries(cluster, stored);
    }

    private Instant countdownDeadline(long listing) throws Exception {
        return instant("select countdown_deadline from listing where id = ?", listing);
    }

    private Instant closedAt(long listing) throws Exception {
        return instant("select closed_at from listing where id = ?", listing);
    }

    private Instant instant(String sql, long id) throws Exception {
        try (var c = cluster.db(); var ps = c.prepareStatement(sql)) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t.toInstant();
            }
        }
    }
}
