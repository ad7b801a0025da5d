package cn.landmarket.auction;

import java.util.ArrayDeque;
import java.util.List;

import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.vertx.core.buffer.Buffer;

/**
 * One watcher's live events from the moment it was admitted: it keeps what arrives until its
 * connection attaches, so that nothing committed between admission and the snapshot's read is lost
 * (the bids the snapshot already counts are dropped, then and whenever the listener hears of them
 * late), and from then on writes each event's
 * frame, encoded once for all watchers ({@link LiveFrame}), straight to the connection, without a
 * stream operator, serialiser or lock of its own on the way. Bounded both before and after
 * attaching: a watcher that falls {@code capacity} events behind before attaching, or whose
 * connection stops taking writes (its write queue is full), fails, and its client reconnects with
 * {@code Last-Event-ID} instead of slowing anyone else.
 */
final class WatcherBuffer {

    /** Where an attached watcher's frames go: its connection. */
    interface Outlet {
        /** Whether the connection holds as much unsent data as it takes (the client does not keep up). */
        boolean full();

        /** Queues a frame on the connection (any thread; frames from one thread stay in order). */
        void write(Buffer frame);

        /** Ends the stream with the failure; called at most once. */
        void fail(Throwable failure);
    }

    private final int capacity;
    private ArrayDeque<LiveFrame> early = new ArrayDeque<>();
    private boolean overflowed;
    private boolean cancelled;
    /** The bids the snapshot counted; written before the outlet, read after it. */
    private int counted;
    private volatile Outlet outlet;

    WatcherBuffer(int capacity) {
        this.capacity = capacity;
    }

    /** Takes one frame, as {@link #offer(List, Buffer)} does. */
    void offer(LiveFrame frame) {
        offer(List.of(frame), frame.bytes());
    }

    /**
     * Takes frames, in order ({@code joined} is their bytes one after the other): kept while not
     * attached, written to the connection in one write once attached, less any bid the snapshot
     * counted. Called by the feed (on the connection's event loop, or the feed's own threads);
     * never blocks.
     */
    void offer(List<LiveFrame> frames, Buffer joined) {
        Outlet target = outlet;
        if (target == null) {
            synchronized (this) {
                target = outlet;
                if (target == null) {
                    if (!cancelled) {
                        frames.forEach(this::keep);
                    }
                    return;
                }
            }
        }
        deliver(target, frames, joined);
    }

    /** Keeps a frame until the connection attaches (under the lock); a heartbeat is not worth keeping. */
    private void keep(LiveFrame frame) {
        if (LiveEvent.HEARTBEAT.equals(frame.type())) {
            return;
        }
        if (early.size() < capacity) {
            early.add(frame);
        } else {
            overflowed = true;
        }
    }

    /**
     * Sends the frames kept since admission, less the bids a snapshot counting {@code counted} bids
     * includes, then each new one, to the outlet. Attach once.
     */
    void attach(Outlet target, int counted) {
        boolean failed;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            // Writing under the lock keeps the kept frames ahead of any the feed sends meanwhile.
            failed = overflowed;
            this.counted = counted;
            if (!failed) {
                for (LiveFrame frame : early) {
                    if (!frame.countedBy(counted)) {
                        target.write(frame.bytes());
                    }
                }
            }
            early = null;
            outlet = failed ? null : target;
            cancelled = failed;
        }
        if (failed) {
            target.fail(new BackPressureFailure("the watcher fell more than " + capacity + " events behind"));
        }
    }

    /** Stops sending (the watcher closed); harmless twice. */
    void cancel() {
        synchronized (this) {
            cancelled = true;
            outlet = null;
            early = null;
        }
    }

    private void deliver(Outlet target, List<LiveFrame> frames, Buffer joined) {
        Buffer bytes = joined;
        for (LiveFrame frame : frames) {
            if (frame.countedBy(counted)) {
                // committed before the snapshot was read, heard by the listener only now
                bytes = LiveFrame.join(frames.stream().filter(f -> !f.countedBy(counted)).toList());
                break;
            }
        }
        if (bytes == null) {
            return;
        }
        boolean full;
        try {
            full = target.full();
            if (!full) {
                target.write(bytes);
            }
        } catch (RuntimeException closed) {
            // the connection ended meanwhile: the stream's end closes the watcher
            cancel();
            return;
        }
        if (full) {
            synchronized (this) {
                if (outlet != target) {
                    return;
                }
                cancelled = true;
                outlet = null;
            }
            target.fail(new BackPressureFailure("the watcher's connection stopped taking events"));
        }
    }
}
