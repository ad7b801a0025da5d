package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.vertx.core.buffer.Buffer;

/** One watcher's frames: kept until its connection attaches, then written as they come, bounded. */
class WatcherBufferTest {

    /** An outlet that records what is written to it, and can be told its write queue is full. */
    private static final class Recorder implements WatcherBuffer.Outlet {
        final List<String> written = new ArrayList<>();
        final List<Throwable> failures = new ArrayList<>();
        boolean full;

        @Override
        public boolean full() {
            return full;
        }

        @Override
        public void write(Buffer frame) {
            written.add(frame.toString(StandardCharsets.UTF_8));
        }

        @Override
        public void fail(Throwable failure) {
            failures.add(failure);
        }

        List<String> ids() {
            return written.stream().map(f -> f.lines().filter(l -> l.startsWith("id:")).findFirst().orElse("-"))
                    .toList();
        }
    }

    private static LiveFrame bid(int sequence) {
        LiveEvent event = new LiveEvent(LiveEvent.BID, 7, "LISTING", "1.00", "B1", null, sequence, "B1", "1.00",
                "2027-01-07T16:44:10+08:00");
        return LiveFrame.of(event, "{\"type\":\"bid\",\"sequence\":" + sequence + "}");
    }

    private static LiveFrame heartbeat() {
        return LiveFrame.of(LiveEvent.heartbeat(7, "2027-01-07T16:44:10+08:00"), "{\"type\":\"heartbeat\"}");
    }

    @Test
    void aFrameIsTheSseTextTheRestLayerWrites() {
        assertEquals("content-type:application/json\nid:3\nevent:bid\ndata:{\"type\":\"bid\",\"sequence\":3}\n\n",
                bid(3).bytes().toString(StandardCharsets.UTF_8));
        assertEquals("content-type:application/json\nevent:heartbeat\ndata:{\"type\":\"heartbeat\"}\n\n",
                heartbeat().bytes().toString(StandardCharsets.UTF_8), "a heartbeat has no id");
    }

    @Test
    void framesKeptBeforeAttachingAreWrittenFirstLessWhatTheSnapshotCounted() {
        WatcherBuffer buffer = new WatcherBuffer(16);
        buffer.offer(bid(4));
        buffer.offer(heartbeat());
        buffer.offer(bid(5));
        buffer.offer(bid(6));
        Recorder outlet = new Recorder();
        buffer.attach(outlet, 5);
        assertEquals(List.of("id:6"), outlet.ids(), "bids 4 and 5 are in the snapshot; a heartbeat is not kept");
        buffer.offer(bid(7));
        buffer.offer(heartbeat());
        assertEquals(List.of("id:6", "id:7", "-"), outlet.ids());
        assertTrue(outlet.failures.isEmpty());
    }

    @Test
    void aBidTheSnapshotCountedIsNotWrittenWhenTheListenerHearsOfItOnlyAfterAttaching() {
        WatcherBuffer buffer = new WatcherBuffer(16);
        Recorder outlet = new Recorder();
        buffer.attach(outlet, 5);
        buffer.offer(bid(5));
        buffer.offer(bid(6));
        assertEquals(List.of("id:6"), outlet.ids());
    }

    @Test
    void aWatcherThatFellTooFarBehindBeforeAttachingFailsAndGetsNothing() {
        WatcherBuffer buffer = new WatcherBuffer(2);
        buffer.offer(bid(1));
        buffer.offer(bid(2));
        buffer.offer(bid(3));
        Recorder outlet = new Recorder();
        buffer.attach(outlet, 0);
        assertEquals(List.of(), outlet.written);
        assertEquals(1, outlet.failures.size());
        assertInstanceOf(BackPressureFailure.class, outlet.failures.get(0));
        buffer.offer(bid(4));
        assertEquals(List.of(), outlet.written, "a failed watcher gets nothing more");
    }

    @Test
    void aConnectionThatStopsTakingWritesFailsOnceAndGetsNothingMore() {
        WatcherBuffer buffer = new WatcherBuffer(16);
        Recorder outlet = new Recorder();
        buffer.attach(outlet, 0);
        buffer.offer(bid(1));
        outlet.full = true;
        buffer.offer(bid(2));
        buffer.offer(bid(3));
        outlet.full = false;
        buffer.offer(bid(4));
        assertEquals(List.of("id:1"), outlet.ids());
        assertEquals(1, outlet.failures.size(), "failed once");
    }

    @Test
    void aCancelledWatcherKeepsAndWritesNothing() {
        WatcherBuffer buffer = new WatcherBuffer(16);
        buffer.offer(bid(1));
        buffer.cancel();
        buffer.offer(bid(2));
        Recorder outlet = new Recorder();
        buffer.attach(outlet, 0);
        buffer.offer(bid(3));
        assertEquals(List.of(), outlet.written);
        assertTrue(outlet.failures.isEmpty());
        buffer.cancel();
    }
}
