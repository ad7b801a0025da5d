package cn.landmarket.auction;

import java.util.ArrayDeque;
import java.util.concurrent.Flow;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * One watcher's events from the moment it was admitted: it subscribes to its listing's channel at
 * once and keeps what arrives until the response stream attaches, so that nothing committed between
 * admission and the snapshot's read is lost (the resource drops what the snapshot already counts).
 * Bounded both before and after attaching: a watcher that falls {@code capacity} events behind
 * fails, and its client reconnects with {@code Last-Event-ID} instead of slowing anyone else.
 */
final class WatcherBuffer implements Flow.Subscriber<LiveEvent> {

    private final int capacity;
    private final ArrayDeque<LiveEvent> early = new ArrayDeque<>();
    private Flow.Subscription upstream;
    private MultiEmitter<? super LiveEvent> emitter;
    private boolean overflowed;
    private boolean cancelled;

    WatcherBuffer(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
        synchronized (this) {
            if (!cancelled) {
                upstream = subscription;
            }
        }
        if (upstream == subscription) {
            subscription.request(Long.MAX_VALUE);
        } else {
            subscription.cancel();
        }
    }

    /** Called by the channel's single listener thread, one event at a time. */
    @Override
    public void onNext(LiveEvent event) {
        MultiEmitter<? super LiveEvent> target;
        synchronized (this) {
            if (emitter == null) {
                if (early.size() < capacity) {
                    early.add(event);
                } else {
                    overflowed = true;
                }
                return;
            }
            target = emitter;
        }
        target.emit(event);
    }

    @Override
    public void onError(Throwable failure) {
        MultiEmitter<? super LiveEvent> target = attached();
        if (target != null) {
            target.fail(failure);
        }
    }

    @Override
    public void onComplete() {
        MultiEmitter<? super LiveEvent> target = attached();
        if (target != null) {
            target.complete();
        }
    }

    /** The events kept since admission, then each new one; subscribe once. */
    Multi<LiveEvent> events() {
        return Multi.createFrom().<LiveEvent>emitter(this::attach).onOverflow().buffer(capacity);
    }

    /** Stops receiving the channel's events (the watcher closed); harmless twice. */
    void cancel() {
        Flow.Subscription subscription;
        synchronized (this) {
            cancelled = true;
            subscription = upstream;
            upstream = null;
            early.clear();
        }
        if (subscription != null) {
            subscription.cancel();
        }
    }

    private void attach(MultiEmitter<? super LiveEvent> target) {
        target.onTermination(this::cancel);
        boolean failed;
        synchronized (this) {
            // Emitting under the lock keeps the kept events ahead of any the listener sends meanwhile.
            for (LiveEvent event : early) {
                target.emit(event);
            }
            early.clear();
            failed = overflowed;
            emitter = target;
        }
        if (failed) {
            target.fail(new BackPressureFailure("the watcher fell more than " + capacity + " events behind"));
        }
    }

    private synchronized MultiEmitter<? super LiveEvent> attached() {
        return emitter;
    }
}
