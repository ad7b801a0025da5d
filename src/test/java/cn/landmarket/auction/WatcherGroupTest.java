package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;

/** One event loop's watchers of a listing: frames that arrive while a pass is due share its writes. */
class WatcherGroupTest {

    /** An event loop that runs its tasks only when told to. */
    private static final class Loop implements Executor {
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        int executed;

        @Override
        public void execute(Runnable task) {
            tasks.add(task);
        }

        void runAll() {
            Runnable task;
            while ((task = tasks.poll()) != null) {
                task.run();
                executed++;
            }
        }
    }

    /** A connection that records each write as the ids of the events in it. */
    private static final class Connection implements WatcherBuffer.Outlet {
        final List<List<String>> writes = new ArrayList<>();

        @Override
        public boolean full() {
            return false;
        }

        @Override
        public void write(Buffer frame) {
            writes.add(Arrays.stream(frame.toString(StandardCharsets.UTF_8).split("\n\n"))
                    .map(e -> e.lines().filter(l -> l.startsWith("id:")).findFirst().orElse("-")).toList());
        }

        @Override
        public void fail(Throwable failure) {
            throw new AssertionError("not expected", failure);
        }
    }

    private static LiveFrame bid(int sequence) {
        LiveEvent event = new LiveEvent(LiveEvent.BID, 7, "LISTING", "1.00", "B1", null, sequence, "B1", "1.00",
                "2027-01-07T16:44:10+08:00");
        return LiveFrame.of(event, "{\"type\":\"bid\",\"sequence\":" + sequence + "}");
    }

    private static Connection attached(WatcherGroup group, int counted) {
        WatcherBuffer watcher = new WatcherBuffer(16);
        Connection connection = new Connection();
        watcher.attach(connection, counted);
        group.add(watcher);
        return connection;
    }

    @Test
    void framesSentBeforeTheLoopGetsToThePassGoToEachConnectionInOneWriteInOrder() {
        Loop loop = new Loop();
        WatcherGroup group = new WatcherGroup(loop);
        Connection a = attached(group, 0);
        Connection b = attached(group, 0);
        group.send(bid(1));
        group.send(bid(2));
        group.send(bid(3));
        assertEquals(1, loop.tasks.size(), "one pass is queued, not one per frame");
        loop.runAll();
        assertEquals(List.of(List.of("id:1", "id:2", "id:3")), a.writes);
        assertEquals(a.writes, b.writes);
    }

    @Test
    void aFrameSentAfterAPassTookItsFramesGetsThePassAfter() {
        Loop loop = new Loop();
        WatcherGroup group = new WatcherGroup(loop);
        Connection a = attached(group, 0);
        group.send(bid(1));
        loop.runAll();
        group.send(bid(2));
        loop.runAll();
        assertEquals(List.of(List.of("id:1"), List.of("id:2")), a.writes);
        assertEquals(2, loop.executed);
    }

    @Test
    void aPassTakesAtMostItsShareOfFramesAndLeavesTheRestToTheNext() {
        Loop loop = new Loop();
        WatcherGroup group = new WatcherGroup(loop);
        Connection a = attached(group, 0);
        int n = WatcherGroup.MAX_FRAMES_PER_PASS + 6;
        IntStream.rangeClosed(1, n).forEach(i -> group.send(bid(i)));
        loop.runAll();
        assertEquals(2, a.writes.size());
        assertEquals(WatcherGroup.MAX_FRAMES_PER_PASS, a.writes.get(0).size());
        assertEquals(6, a.writes.get(1).size());
        List<String> all = a.writes.stream().flatMap(List::stream).toList();
        assertEquals(IntStream.rangeClosed(1, n).mapToObj(i -> "id:" + i).toList(), all, "every frame once, in order");
    }

    @Test
    void aJoinedWriteLeavesOutTheBidsAWatchersSnapshotCounted() {
        Loop loop = new Loop();
        WatcherGroup group = new WatcherGroup(loop);
        Connection old = attached(group, 0);
        Connection fresh = attached(group, 5);
        group.send(bid(5));
        group.send(bid(6));
        loop.runAll();
        assertEquals(List.of(List.of("id:5", "id:6")), old.writes);
        assertEquals(List.of(List.of("id:6")), fresh.writes, "bid 5 is in its snapshot");
    }

    @Test
    void framesForAWatcherNotYetAttachedAreKeptForItsAttachment() {
        Loop loop = new Loop();
        WatcherGroup group = new WatcherGroup(loop);
        WatcherBuffer watcher = new WatcherBuffer(16);
        group.add(watcher);
        group.send(bid(1));
        group.send(bid(2));
        loop.runAll();
        Connection connection = new Connection();
        watcher.attach(connection, 1);
        assertEquals(List.of(List.of("id:2")), connection.writes);
    }

    @Test
    void aLoopThatNoLongerTakesTasksLosesTheFramesQuietly() {
        WatcherGroup group = new WatcherGroup(task -> {
            throw new RejectedExecutionException("shutting down");
        });
        Connection a = attached(group, 0);
        assertDoesNotThrow(() -> group.send(bid(1)));
        assertTrue(a.writes.isEmpty());
    }
}
