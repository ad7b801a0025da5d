package cn.landmarket.auction;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The per-listing state of the bid batcher on one instance: each listing's queue of bids waiting
 * for their batch, whether a worker has claimed it (is deciding its bids, or will), and the qualified
 * bidders already looked up.
 * A lane exists only while its listing takes bids: it is dropped when its listing is found closed
 * (or missing) and when it has been idle for a while, so the state is bounded by the listings
 * being bid on, not by every listing ever bid on. A lane is dropped only when nothing is queued on
 * it and no worker drains it; queuing and dropping are atomic per listing, so no bid is ever left
 * in a dropped lane.
 */
final class BidLanes {

    /** The queue of one listing, whether a worker is draining it, and its known qualified bidders. */
    static final class Lane {
        final long listingId;
        final ConcurrentLinkedQueue<BidBatcher.Command> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean draining = new AtomicBoolean();
        final Map<String, BidBatcher.Bidder> qualified = new ConcurrentHashMap<>();
        volatile long lastUsedMillis;
        /** Set when the listing was found closed while the lane was busy: drop it as soon as it is idle. */
        volatile boolean forgotten;

        Lane(long listingId) {
            this.listingId = listingId;
        }

        boolean idle() {
            return queue.isEmpty() && !draining.get();
        }
    }

    private final Map<Long, Lane> lanes = new ConcurrentHashMap<>();
    private final Clock clock;

    BidLanes(Clock clock) {
        this.clock = clock;
    }

    /** Queues a bid on its listing's lane, creating the lane if needed; returns the lane. */
    Lane enqueue(BidBatcher.Command command) {
        return lanes.compute(command.listingId(), (id, lane) -> {
            Lane l = lane == null ? new Lane(id) : lane;
            l.queue.add(command);
            l.lastUsedMillis = clock.millis();
            return l;
        });
    }

    /** Drops the listing's lane if it is idle; returns whether the listing holds no lane now. */
    boolean drop(long listingId) {
        return lanes.computeIfPresent(listingId, (id, lane) -> lane.idle() ? null : lane) == null;
    }

    /**
     * Drops the listing's lane if it is idle, else marks it to be dropped by the worker that finishes
     * with it ({@link Lane#forgotten}); returns whether the listing holds no lane now.
     */
    boolean forget(long listingId) {
        return lanes.computeIfPresent(listingId, (id, lane) -> {
            if (lane.idle()) {
                return null;
            }
            lane.forgotten = true;
            return lane;
        }) == null;
    }

    /**
     * Drops every idle lane whose last bid arrived {@code idleFor} or longer ago, and every idle lane of a
     * forgotten listing; returns how many.
     */
    int dropIdle(Duration idleFor) {
        long before = clock.millis() - idleFor.toMillis();
        int dropped = 0;
        for (Long id : lanes.keySet()) {
            boolean[] removed = {false};
            lanes.computeIfPresent(id, (key, lane) -> {
                removed[0] = lane.idle() && (lane.forgotten || lane.lastUsedMillis <= before);
                return removed[0] ? null : lane;
            });
            if (removed[0]) {
                dropped++;
            }
        }
        return dropped;
    }

    /** The listing's lane, or null while it has none; never creates one. */
    Lane lane(long listingId) {
        return lanes.get(listingId);
    }

    boolean holds(long listingId) {
        return lanes.containsKey(listingId);
    }

    int size() {
        return lanes.size();
    }
}
