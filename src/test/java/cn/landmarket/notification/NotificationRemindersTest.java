package cn.landmarket.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.auction.AuctionCloser;
import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reminders the notification job writes every second on every instance (README,
 * "Notifications"): a countdown of timed bidding within a minute of its end is written once however
 * often the job runs, and once more when a bid restarts the countdown, since its key holds the
 * deadline.
 */
@QuarkusTest
@StandardMarket
class NotificationRemindersTest {

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    NotificationService notifications;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String serial() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000_000, 999_999_999));
    }

    /** The dedupe keys of the listing's countdown reminders, oldest first. */
    private List<String> countdownReminders(long listingId) {
        return strings("select dedupe_key from notification_event where dedupe_key like ? order by id",
                "countdown:" + listingId + ":%");
    }

    private List<String> strings(String sql, String param) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private Instant countdownDeadline(long listingId) {
        return data.value(Instant.class, "select l.countdownDeadline from Listing l where l.id = ?1", listingId);
    }

    @Test
    void aCountdownNearItsEndIsRemindedOnceHoweverOftenTheJobRunsAndAgainWhenABidRestartsIt() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String a = Auctions.qualifiedBidder(data, id, serial());
        String b = Auctions.qualifiedBidder(data, id, serial());
        Auctions.bid(a, id, "22000000.00", "a1-" + id).then().statusCode(201);
        Auctions.bid(b, id, "22200000.00", "b1-" + id).then().statusCode(201);
        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        Instant first = countdownDeadline(id);

        notifications.writeReminders();
        assertEquals(List.of(), countdownReminders(id), "300 s left: not yet");

        clock.advance(Duration.ofSeconds(250));
        assertTrue(notifications.writeReminders() >= 1, "this listing's reminder is written now");
        notifications.writeReminders();
        notifications.writeReminders();
        assertEquals(List.of("countdown:" + id + ":" + first), countdownReminders(id), "once, however often");

        Auctions.bid(a, id, "22400000.00", "a2-" + id).then().statusCode(201); // restarts the countdown
        Instant second = countdownDeadline(id);
        assertTrue(second.isAfter(first), first + " then " + second);
        notifications.writeReminders();
        assertEquals(1, countdownReminders(id).size(), "the new deadline is 300 s away");
        clock.advance(Duration.ofSeconds(250));
        notifications.writeReminders();
        notifications.writeReminders();
        assertEquals(List.of("countdown:" + id + ":" + first, "countdown:" + id + ":" + second),
                countdownReminders(id));
        String entry = strings("select cast(entry as text) from notification_event where dedupe_key = ?",
                "countdown:" + id + ":" + second).get(0);
        // jsonb's text form: a space after each colon
        assertTrue(entry.contains("\"type\": \"" + NotificationRules.COUNTDOWN_ENDING + "\""), entry);
        assertTrue(entry.contains("\"listingId\": " + id + ","), entry);
        assertTrue(entry.contains("\"deadline\": \"" + second + "\""), entry);
    }
}
