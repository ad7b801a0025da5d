package cn.landmarket.auction;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.buffer.Buffer;

/**
 * The watchers of one listing whose connections run on one event loop, and the frames on their way to
 * them. The loop writes to its watchers in one pass per turn, and a pass takes every frame that
 * arrived since the last one began, joined into a single write per connection: when events come
 * faster than a pass over thousands of connections takes, they share its writes instead of queueing
 * one pass each behind it, so the loop never falls further behind than one pass. A watcher gets
 * its frames in the order sent.
 */
final class WatcherGroup {

    /** At most this many frames go out in one pass; the rest in the next. */
    static final int MAX_FRAMES_PER_PASS = 64;

    private final Executor loop;
    private final Set<WatcherBuffer> watchers = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<LiveFrame> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    WatcherGroup(Executor loop) {
        this.loop = loop;
    }

    void add(WatcherBuffer watcher) {
        watchers.add(watcher);
    }

    void remove(WatcherBuffer watcher) {
        watchers.remove(watcher);
    }

    boolean isEmpty() {
        return watchers.isEmpty();
    }

    /** Queues a frame for every watcher of the group, and a pass on the loop unless one is already due. */
    void send(LiveFrame frame) {
        pending.add(frame);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                loop.execute(this::pass);
            } catch (RejectedExecutionException stopping) {
                // the instance is shutting down: nobody is left to write to
                pending.clear();
                scheduled.set(false);
            }
        }
    }

    private void pass() {
        // Cleared before taking the frames: a frame queued after this line schedules the next pass.
        scheduled.set(false);
        List<LiveFrame> frames = new ArrayList<>();
        LiveFrame frame;
        while (frames.size() < MAX_FRAMES_PER_PASS && (frame = pending.poll()) != null) {
            frames.add(frame);
        }
        if (!pending.isEmpty()) {
            schedule();
        }
        if (frames.isEmpty()) {
            return;
        }
        Buffer joined = LiveFrame.join(frames);
        for (WatcherBuffer watcher : watchers) {
            watcher.offer(frames, joined);
        }
    }
}
