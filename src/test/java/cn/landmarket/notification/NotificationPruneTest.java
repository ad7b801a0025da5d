package cn.landmarket.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox stops growing: delivered messages and the events left without messages are deleted
 * after {@code market.notification.retention} (30 days), in bounded batches; undelivered and dead
 * messages, their events and events not expanded yet are kept. Rows are written directly, at times
 * relative to the test clock, each test under recipients of its own.
 */
@QuarkusTest
@StandardMarket
class NotificationPruneTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final int BATCH = 1000;

    @Inject
    TestClock clock;

    @Inject
    NotificationService service;

    @Inject
    NotificationWorker worker;

    @Inject
    DataSource dataSource;

    /** This test's rows, removed after each test: the worker of later tests must not meet them. */
    private final java.util.List<Long> events = new java.util.ArrayList<>();
    private final java.util.List<String> orgs = new java.util.ArrayList<>();

    @org.junit.jupiter.api.AfterEach
    void removeRows() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String org : orgs) {
                try (PreparedStatement ps = c.prepareStatement("delete from notification_message where recipient_org = ?")) {
                    ps.setString(1, org);
                    ps.executeUpdate();
                }
            }
            for (long id : events) {
                try (PreparedStatement ps = c.prepareStatement("delete from notification_event where id = ?")) {
                    ps.setLong(1, id);
                    ps.executeUpdate();
                }
            }
        }
        clock.reset();
    }

    @Test
    void deliveredMessagesGoAfterTheRetentionWhileUndeliveredAndDeadOnesStay() throws SQLException {
        String org = org();
        Instant t0 = clock.instant();
        Instant dayBefore = t0.minus(Duration.ofDays(1));
        long keptEvent = event(dayBefore, dayBefore);
        long undelivered = message(keptEvent, org, null, null, t0.plus(Duration.ofDays(400)), 3);
        long dead = message(keptEvent, org, null, dayBefore, dayBefore, 8);
        long deliveredEvent = event(dayBefore, dayBefore);
        long delivered = message(deliveredEvent, org, dayBefore, null, dayBefore, 1);
        // a dead letter an operator replayed, delivered on its second round of attempts
        long replayed = message(deliveredEvent, org, t0, null, t0, 9);
        long unwantedEvent = event(dayBefore, dayBefore); // expanded: nobody wanted it, so no message
        long unexpandedEvent = event(t0.minus(Duration.ofDays(400)), null);

        // a minute before the first delivery is 30 days old: nothing of this test goes
        clock.advance(RETENTION.minus(Duration.ofDays(1)).minus(Duration.ofMinutes(1)));
        pruneAll();
        assertEquals(4, messages(org), "every message is kept within the retention");
        for (long e : new long[] {keptEvent, deliveredEvent, unwantedEvent, unexpandedEvent}) {
            assertTrue(eventExists(e), "event " + e + " is kept within the retention");
        }

        // two minutes later the first delivery is past it, the replayed one (a day younger) not yet
        clock.advance(Duration.ofMinutes(2));
        pruneAll();
        assertTrue(!messageExists(delivered), "a message delivered 30 days ago is pruned");
        assertTrue(messageExists(replayed) && messageExists(undelivered) && messageExists(dead));
        assertTrue(eventExists(deliveredEvent), "an event is kept while a message names it");
        assertTrue(!eventExists(unwantedEvent), "an event expanded 30 days ago into no message is pruned");

        // a year on: every delivered message is gone, and its event; undelivered, dead, unexpanded stay
        clock.advance(Duration.ofDays(365));
        pruneAll();
        assertTrue(!messageExists(replayed), "a replayed dead letter, once delivered, is pruned like any other");
        assertTrue(!eventExists(deliveredEvent), "the event of pruned messages is pruned");
        assertTrue(messageExists(undelivered), "an undelivered message is never pruned");
        assertTrue(messageExists(dead), "a dead letter is never pruned");
        assertTrue(eventExists(keptEvent), "the event of an undelivered or dead message is kept");
        assertTrue(eventExists(unexpandedEvent), "an event not expanded yet is never pruned");
    }

    @Test
    void theWorkerPrunesInBoundedBatches() throws SQLException {
        String org = org();
        Instant longAgo = clock.instant().minus(Duration.ofDays(400));
        long event = event(longAgo, longAgo);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into notification_message (id, event_id, event_type, recipient_org, channel, subject, body,
                    payload, created_at, next_attempt_at, attempts, delivered_at)
                select gen_random_uuid(), ?, 'OUTBID', ?, 'WEBHOOK', 's', 'b', '{}', ?, ?, 1,
                    cast(? as timestamptz) + n * interval '1 ms'
                from generate_series(1, ?) as n""")) {
            ps.setLong(1, event);
            ps.setString(2, org);
            ps.setTimestamp(3, Timestamp.from(longAgo));
            ps.setTimestamp(4, Timestamp.from(longAgo));
            ps.setTimestamp(5, Timestamp.from(longAgo));
            ps.setInt(6, BATCH + 500);
            ps.executeUpdate();
        }

        NotificationService.Pruned first = worker.prune();
        assertEquals(BATCH, first.messages(), "one batch of the oldest deliveries");
        assertEquals(500, messages(org));
        assertTrue(eventExists(event), "the event stays while messages name it");

        worker.runOnce();
        assertEquals(0, messages(org), "the next pass prunes the rest");
        assertTrue(!eventExists(event), "and then the event");
    }

    @Test
    void anEventIsKeptAtLeastAsLongAsAReminderCouldStillBeDue() {
        assertEquals(Duration.ofDays(30), NotificationRules.eventRetention(Duration.ofDays(30), Duration.ofSeconds(60),
                Duration.ofHours(24)));
        assertEquals(Duration.ofHours(24), NotificationRules.eventRetention(Duration.ofHours(1), Duration.ofSeconds(60),
                Duration.ofHours(24)), "a short retention does not let a default warning be written twice");
    }

    @Test
    void anEventWithoutTheFactsItsTypeNeedsGivesNoNoticeAndHoldsUpNoOther() throws SQLException {
        Instant longAgo = clock.instant().minus(Duration.ofDays(2));
        long malformed = event(longAgo, null); // a bid.accepted entry without listing or sequence
        // a well-formed event after it (for a listing that does not exist: it names nobody)
        long after = event("listing.pending_review", "{\"type\":\"listing.pending_review\",\"facts\":{\"listingId\":-1}}",
                longAgo.plusSeconds(1), null);
        for (int pass = 0; pass < 100 && (!expanded(malformed) || !expanded(after)); pass++) {
            service.expand();
        }
        assertTrue(expanded(malformed), "the malformed event is marked expanded instead of failing every pass");
        assertTrue(expanded(after), "the event after it is expanded");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select count(*) from notification_message where event_id in (?, ?)")) {
            ps.setLong(1, malformed);
            ps.setLong(2, after);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(0, rs.getLong(1), "no notice for either: they name nobody");
            }
        }
    }

    private boolean expanded(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("select expanded_at is not null from notification_event where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * Prunes until a pass prunes nothing: the suite's other tests leave older rows in the same
     * database, and one pass takes only the oldest batch of them.
     */
    private void pruneAll() {
        for (int pass = 0; pass < 1000; pass++) {
            NotificationService.Pruned pruned = service.prune();
            if (pruned.messages() == 0 && pruned.events() == 0) {
                return;
            }
        }
        throw new AssertionError("pruning did not come to an end");
    }

    // ---- rows

    private String org() {
        String org = "PRUNE" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
        orgs.add(org);
        return org;
    }

    private long event(Instant createdAt, Instant expandedAt) throws SQLException {
        return event("bid.accepted", "{\"type\":\"bid.accepted\",\"facts\":{}}", createdAt, expandedAt);
    }

    private long event(String kind, String entry, Instant createdAt, Instant expandedAt) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into notification_event (kind, entry, created_at, expanded_at)
                values (?, cast(? as jsonb), ?, ?) returning id""")) {
            ps.setString(1, kind);
            ps.setString(2, entry);
            ps.setTimestamp(3, Timestamp.from(createdAt));
            ps.setTimestamp(4, expandedAt == null ? null : Timestamp.from(expandedAt));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                events.add(rs.getLong(1));
                return rs.getLong(1);
            }
        }
    }

    private long message(long event, String org, Instant deliveredAt, Instant deadAt, Instant nextAttemptAt,
            int attempts) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                insert into notification_message (id, event_id, event_type, recipient_org, channel, subject, body,
                    payload, created_at, next_attempt_at, attempts, delivered_at, dead_at)
                values (gen_random_uuid(), ?, 'OUTBID', ?, 'WEBHOOK', 's', 'b', '{}', ?, ?, ?, ?, ?) returning seq""")) {
            ps.setLong(1, event);
            ps.setString(2, org);
            ps.setTimestamp(3, Timestamp.from(nextAttemptAt.minus(Duration.ofDays(1))));
            ps.setTimestamp(4, Timestamp.from(nextAttemptAt));
            ps.setInt(5, attempts);
            ps.setTimestamp(6, deliveredAt == null ? null : Timestamp.from(deliveredAt));
            ps.setTimestamp(7, deadAt == null ? null : Timestamp.from(deadAt));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long messages(String org) throws SQLException {
        return count("select count(*) from notification_message where recipient_org = ?", org);
    }

    private boolean messageExists(long seq) throws SQLException {
        return count("select count(*) from notification_message where seq = ?", seq) == 1;
    }

    private boolean eventExists(long id) throws SQLException {
        return count("select count(*) from notification_event where id = ?", id) == 1;
    }

    private long count(String sql, Object arg) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
