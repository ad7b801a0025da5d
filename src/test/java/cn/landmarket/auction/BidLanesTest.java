package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** The bid batcher's per-listing state is dropped when closed or idle, never while bids wait in it. */
class BidLanesTest {

    /** A clock the test moves by hand. */
    private static final class HandClock extends Clock {
        Instant now = Instant.parse("2026-05-01T02:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static BidBatcher.Command bid(long listingId) {
        return new BidBatcher.Command(listingId, "91510700MA0000001X", 100, "k", null, new CompletableFuture<>());
    }

    @Test
    void aLaneIsDroppedOnlyWhenNothingIsQueuedAndNoWorkerDrainsIt() {
        BidLanes lanes = new BidLanes(new HandClock());
        BidLanes.Lane lane = lanes.enqueue(bid(1));
        assertFalse(lanes.drop(1), "a queued bid keeps its lane");
        assertTrue(lanes.holds(1));
        lane.queue.poll();
        lane.draining.set(true);
        assertFalse(lanes.drop(1), "a batch being decided keeps its lane");
        lane.draining.set(false);
        assertTrue(lanes.drop(1));
        assertFalse(lanes.holds(1));
        assertEquals(0, lanes.size());
        assertTrue(lanes.drop(1), "dropping an absent lane is harmless");
    }

    @Test
    void aDroppedListingStartsAgainWithAFreshLaneAndNoRememberedBidders() {
        BidLanes lanes = new BidLanes(new HandClock());
        BidLanes.Lane first = lanes.enqueue(bid(7));
        first.qualified.put("91510700MA0000001X", new BidBatcher.Bidder(1, "ABCDEFGH"));
        first.queue.clear();
        assertTrue(lanes.drop(7));
        BidLanes.Lane second = lanes.enqueue(bid(7));
        assertNotSame(first, second);
        assertTrue(second.qualified.isEmpty());
        assertSame(second, lanes.enqueue(bid(7)), "one lane per listing while it lives");
    }

    @Test
    void lanesIdleForTheSettingAreDroppedAndBusyOrRecentOnesKept() {
        HandClock clock = new HandClock();
        BidLanes lanes = new BidLanes(clock);
        lanes.enqueue(bid(1)).queue.clear();
        lanes.enqueue(bid(2));                          // still queued
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        lanes.enqueue(bid(3)).queue.clear();            // recent
        assertEquals(0, lanes.dropIdle(Duration.ofMinutes(10)));
        clock.now = clock.now.plus(Duration.ofMinutes(1));
        assertEquals(1, lanes.dropIdle(Duration.ofMinutes(10)));
        assertFalse(lanes.holds(1), "idle for 10 minutes");
        assertTrue(lanes.holds(2), "a queued bid is never dropped, however old");
        assertTrue(lanes.holds(3), "used 1 minute ago");
        clock.now = clock.now.plus(Duration.ofMinutes(9));
        assertEquals(1, lanes.dropIdle(Duration.ofMinutes(10)));
        assertEquals(1, lanes.size());
    }

    @Test
    void aListingForgottenWhileItsBatchIsDecidedIsMarkedForTheWorkerToDrop() {
        BidLanes lanes = new BidLanes(new HandClock());
        BidLanes.Lane lane = lanes.enqueue(bid(5));
        lane.queue.poll();
        lane.draining.set(true);
        assertFalse(lanes.forget(5), "a batch being decided keeps its lane");
        assertTrue(lane.forgotten, "the worker is told to drop it when done");
        lane.draining.set(false);
        assertTrue(lanes.drop(5));
        assertFalse(lanes.holds(5));
        lanes.enqueue(bid(6)).queue.clear();
        assertTrue(lanes.forget(6), "an idle lane goes at once");
    }
}
