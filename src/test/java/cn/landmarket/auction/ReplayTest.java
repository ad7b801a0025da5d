package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** One shared read of a listing, split into what each watcher that asked gets first. */
class ReplayTest {

    private static LiveEvent bid(int seq) {
        return new LiveEvent(LiveEvent.BID, 7, "LISTING", "1.00", "B" + seq, null, seq, "B" + seq, "1.00", "t");
    }

    private static LiveEvent snapshot(int count) {
        return LiveEvent.snapshot(7, "LISTING", "1.00", "B" + count, null, count, "t");
    }

    /** A read of a listing with {@code count} bids for watchers that last saw {@code lastSeen}, as the service makes it. */
    private static Replay read(int count, Long... lastSeen) {
        long from = Replay.from(count, Arrays.asList(lastSeen));
        List<LiveEvent> bids = IntStream.rangeClosed((int) from + 1, count).mapToObj(ReplayTest::bid).toList();
        return new Replay(snapshot(count), bids);
    }

    private static List<Integer> sequences(AuctionService.Resumption r) {
        return r.missed().stream().map(LiveEvent::sequence).toList();
    }

    @Test
    void eachWatcherGetsExactlyTheBidsAfterTheOneItLastSawThenTheSnapshot() {
        Replay read = read(40, 10L, 35L, null, 39L);
        assertEquals(IntStream.rangeClosed(11, 40).boxed().toList(), sequences(read.forWatcher(10L)));
        assertEquals(List.of(36, 37, 38, 39, 40), sequences(read.forWatcher(35L)));
        assertEquals(List.of(40), sequences(read.forWatcher(39L)));
        for (Long seen : new Long[] {10L, 35L, 39L, null}) {
            assertEquals(40, read.forWatcher(seen).snapshot().sequence());
        }
    }

    @Test
    void aFirstConnectionAndAWatcherThatMissedNothingGetOnlyTheSnapshot() {
        Replay read = read(12, null, 12L, 20L);
        assertEquals(12, Replay.from(12, Arrays.asList(null, 12L, 20L)), "no bid to read for them");
        assertEquals(List.of(), read.bids());
        assertEquals(List.of(), sequences(read.forWatcher(null)));
        assertEquals(List.of(), sequences(read.forWatcher(12L)));
        assertEquals(List.of(), sequences(read.forWatcher(20L)), "a sequence past the listing's: nothing to replay");
    }

    @Test
    void aWatcherThatMissedMoreThanTheReplayLimitGetsOnlyTheSnapshotAndDoesNotWidenTheRead() {
        int max = AuctionService.REPLAY_MAX;
        int count = max + 100;
        assertEquals(100, Replay.from(count, List.of(100L, 0L)), "the one that missed too many does not lower the start");
        Replay read = read(count, 100L, 0L);
        assertEquals(max, read.bids().size());
        assertEquals(List.of(), sequences(read.forWatcher(0L)));
        assertEquals(IntStream.rangeClosed(101, count).boxed().toList(), sequences(read.forWatcher(100L)),
                "exactly the limit missed is still replayed");
        assertEquals(List.of(), sequences(read.forWatcher(99L)), "one past the limit is not");
    }

    @Test
    void aBidCommittedAfterTheSnapshotIsNeverSentBeforeIt() {
        List<LiveEvent> bids = new ArrayList<>(IntStream.rangeClosed(4, 6).mapToObj(ReplayTest::bid).toList());
        Replay read = new Replay(snapshot(5), bids);
        assertEquals(List.of(4, 5), sequences(read.forWatcher(3L)), "bid 6 comes live, after the snapshot");
    }
}
