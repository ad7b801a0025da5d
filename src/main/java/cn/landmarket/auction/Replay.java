package cn.landmarket.auction;

import java.util.List;
import java.util.Objects;

/**
 * One read of a listing for the watchers that (re)connected together ({@link SharedReads}): the
 * listing's snapshot and, in sequence order, the accepted bids after the earliest bid one of them last
 * saw that it may be sent again. Each watcher takes from it what it missed: nothing on a first
 * connection, nothing when it missed nothing or more than {@link AuctionService#REPLAY_MAX} bids (then
 * the snapshot alone, and it reads the history from the public bids), else exactly the bids after the
 * one it last saw, up to the snapshot's.
 */
record Replay(LiveEvent snapshot, List<LiveEvent> bids) {

    /**
     * After which sequence the bids of a read for these watchers start, for a listing with
     * {@code count} bids (its snapshot's sequence): the earliest last-seen sequence a watcher will be
     * sent bids after; {@code count} (no bid to read) when none will. Null stands for a first
     * connection.
     */
    static long from(long count, List<Long> lastSeen) {
        return lastSeen.stream().filter(Objects::nonNull).filter(seen -> replays(count, seen))
                .mapToLong(Long::longValue).min().orElse(count);
    }

    /** Whether a watcher that last saw bid {@code seen} of a listing with {@code count} bids is sent bids again. */
    private static boolean replays(long count, long seen) {
        long missed = count - seen;
        return missed > 0 && missed <= AuctionService.REPLAY_MAX;
    }

    /** What the watcher that last saw {@code lastSeen} (null: a first connection) is sent first. */
    AuctionService.Resumption forWatcher(Long lastSeen) {
        int count = snapshot.sequence();
        if (lastSeen == null || !replays(count, lastSeen)) {
            return new AuctionService.Resumption(List.of(), snapshot);
        }
        return new AuctionService.Resumption(
                bids.stream().filter(bid -> bid.sequence() > lastSeen && bid.sequence() <= count).toList(), snapshot);
    }
}
