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

    /**
     * Booking a full payment settles the trade in the same transaction (payment, proceeds, child
     * certificate, SETTLED), so a crash can only fall before the commit (nothing happened; the bank
     * retries the same notice) or after it (done; the retry is answered from the stored notice).
     * The notice is sent to instance C and C is SIGKILLed while the request is in flight, at a
     * different moment each round; C is started again and the bank re-sends the identical notice:
     * every round ends with one payment, one settlement, one child certificate.
     */
    @Test
    void anInstanceKilledWhileBookingAPaymentTransfersTheLotOnce() throws Exception {
        long certificate = 2;
        int[] killAfterMillis = {0, 40, 100, 160, 250};
        lotsFrozenOn(certificate, killAfterMillis.length);
        String seller = Cluster.token("township-clerk", "township", "510722201");
        int committedBeforeKill = 0;
        for (int round = 0; round < killAfterMillis.length; round++) {
            long listing = 501 + round;
            String buyer = enterprises.get(round);
            cluster.listing(listing, certificate, START_FEN, INCREMENT_FEN, Duration.ofSeconds(2), 300, List.of(buyer));
            assertEquals(201, cluster.bid(nodes.get(0), tokens.get(round), listing, START_FEN).status());
            Cluster.awaitTrue("the trade of listing " + listing, Duration.ofSeconds(30),
                    () -> cluster.count("select count(*) from trade where listing_id = ?", listing) == 1);
            long trade = cluster.count("select id from trade where listing_id = ?", listing);
            String sha;
            String account;
            try (var c = cluster.db(); var ps = c.prepareStatement(
                    "select confirmation_sha256, virtual_account from trade where id = ?")) {
                ps.setLong(1, trade);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sha = rs.getString(1);
                    account = rs.getString(2);
                }
            }
            String confirm = "{\"sha256\":\"" + sha + "\"}";
            assertEquals(200, cluster.post(nodes.get(1), "/api/trades/" + trade + "/confirmations", seller, confirm)
                    .status(), "the seller confirms");
            assertEquals(200, cluster.post(nodes.get(1), "/api/trades/" + trade + "/confirmations", tokens.get(round),
                    confirm).status(), "the buyer confirms");
            assertEquals("AWAITING_PAYMENT", cluster.status(listing));

            String transactionId = "PAY-CRASH-" + round;
            byte[] notice = cn.landmarket.testing.BankFeed.bytes(cn.landmarket.testing.BankFeed.credit(transactionId,
                    account, Cluster.yuan(START_FEN), "Cluster " + buyer, Instant.now()));
            String signature = cn.landmarket.testing.BankFeed.sign(notice, Cluster.BANK_SECRET);
            Cluster.Instance victim = nodes.get(2);
            var inFlight = cluster.postAsync(victim, "/api/bank/notifications", notice, "X-Signature", signature);
            Thread.sleep(killAfterMillis[round]);
            cluster.kill(victim);
            var first = inFlight.get(30, java.util.concurrent.TimeUnit.SECONDS);
            boolean committed = cluster.count("select count(*) from bank_notice where transaction_id = ?",
                    transactionId) == 1;
            committedBeforeKill += committed ? 1 : 0;
            System.out.printf("CrashIT: payment round %d: killed after %d ms, first answer %d, committed %b%n", round,
                    killAfterMillis[round], first.status(), committed);
            Cluster.Instance restarted = cluster.replace(victim);
            nodes.set(2, restarted);
            // the bank did not get (or may not trust) an answer, so it delivers the same notice again
            var retry = cluster.postBytes(restarted, "/api/bank/notifications", notice, "X-Signature", signature);
            assertEquals(200, retry.status(), "the re-sent notice is accepted: " + retry.body());
            assertEquals("PAYMENT_COMPLETE", retry.json().get("outcome").asText(), retry.body());

            assertEquals("SETTLED", cluster.status(listing));
            assertEquals(1, cluster.count("select count(*) from bank_notice where transaction_id = ?", transactionId));
            assertEquals(1, cluster.count("select count(*) from ledger_transfer where kind = 'PAYMENT' and reference = ?",
                    transactionId), "one payment booked");
            assertEquals(START_FEN, cluster.count("select paid_fen from trade where id = ?", trade), "paid once");
            assertEquals(1, cluster.count("select count(*) from certificate where parent_id = ? and holder_code = ?",
                    certificate, buyer), "one child certificate for the buyer");
            assertEquals(cluster.count("select child_certificate_id from trade where id = ?", trade),
                    cluster.count("select id from certificate where parent_id = ? and holder_code = ?", certificate, buyer),
                    "the trade names the child");
            assertEquals(1, cluster.count("select count(*) from ledger_transfer where ledger = 'AREA_M2' "
                    + "and debit_account = ? and id like ?", "CERT:" + certificate + ":FROZEN:AREA_M2",
                    "cert:" + certificate + ":split:T" + trade + ":%"), "the lot left the frozen quantity once");
            assertEquals(1, cluster.count("select count(*) from listing_history where listing_id = ? "
                    + "and to_status = 'SETTLED'", listing), "settled once");
        }
        assertEquals((long) killAfterMillis.length, cluster.count(
                "select count(*) from trade where status = 'SETTLED' and certificate_id = ?", certificate));
        assertEquals((long) killAfterMillis.length, cluster.count(
                "select transferred_area_m2 from certificate where id = ?", certificate), "each lot transferred once");
        System.out.printf("CrashIT: %d of %d payments had committed before the kill%n", committedBeforeKill,
                killAfterMillis.length);
    }

    /** Certificate {@code id} with {@code lots} lots of 1 m² frozen, in the ledger as the listings' approval would book it. */
    private void lotsFrozenOn(long id, int lots) throws Exception {
        try (var c = cluster.db(); var s = c.createStatement()) {
            s.execute(String.format(java.util.Locale.ROOT, """
                    insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code,
                        source_project, area_m2, frozen_area_m2, acceptance_doc_no, valid_until, issued_at, issued_by)
                    values (%1$d, 'LS-CLUSTER-%1$d', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510722201', '510722201', 'cluster',
                        1000, %2$d, 'CLUSTER', current_date + 3650, now(), 'cluster')""", id, lots));
            s.execute(String.format(java.util.Locale.ROOT, """
                    insert into ledger_account (id, ledger, normal_side, created_at) values
                        ('CERT:%1$d:AREA_M2', 'AREA_M2', 'CREDIT', now()),
                        ('CERT:%1$d:FROZEN:AREA_M2', 'AREA_M2', 'CREDIT', now())""", id));
            s.execute(String.format(java.util.Locale.ROOT, """
                    insert into ledger_transfer (id, ledger, debit_account, credit_account, amount, kind, phase,
                        reference, created_at) values
                        ('cert:%1$d:issue:AREA_M2', 'AREA_M2', 'QUOTA:ISSUED:AREA_M2', 'CERT:%1$d:AREA_M2', 1000,
                            'ISSUE', 'POSTED', 'LS-CLUSTER-%1$d', now()),
                        ('cert:%1$d:freeze:AREA_M2', 'AREA_M2', 'CERT:%1$d:AREA_M2', 'CERT:%1$d:FROZEN:AREA_M2', %2$d,
                            'FREEZE', 'POSTED', 'LS-CLUSTER-%1$d', now())""", id, lots));
        }
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
