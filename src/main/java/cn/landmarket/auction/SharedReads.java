package cn.landmarket.auction;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.BiFunction;

/**
 * Reads of one key that many callers need at about the same time, shared. At most one read of a key
 * runs at a time; the callers that arrive while it runs gather for the next one, which starts once it
 * has ended and serves them all with one answer. So a caller is never answered from a read that began
 * before it asked: a live-feed watcher, admitted before it asks, finds in the read every bid committed
 * before its admission, and the thousand watchers of a listing that reconnect together after a network
 * blip cost the database a few reads instead of a thousand. The read is given every gathered request,
 * so that one answer can serve them all; a read that fails fails every caller of its round, and the
 * next round reads again.
 *
 * @param <K> what is read (a listing)
 * @param <Q> what one caller asks of it (the last bid it saw)
 * @param <R> the answer shared by a round's callers
 */
final class SharedReads<K, Q, R> {

    private final BiFunction<K, List<Q>, R> read;
    private final Object lock = new Object();
    /** By key: the round that callers join, which has not started reading yet. */
    private final Map<K, Round<Q, R>> gathering = new HashMap<>();
    /** By key: the round that is reading. */
    private final Map<K, Round<Q, R>> reading = new HashMap<>();

    SharedReads(BiFunction<K, List<Q>, R> read) {
        this.read = read;
    }

    /** The callers of one read, and its answer. */
    private static final class Round<Q, R> {
        final List<Q> requests = new ArrayList<>();
        final CompletableFuture<R> answer = new CompletableFuture<>();
        /** The round that was reading when this one began to gather; this one reads after it. */
        final CompletableFuture<R> after;

        Round(CompletableFuture<R> after) {
            this.after = after;
        }
    }

    /**
     * The answer of a read of {@code key} that began after this call did, shared with the callers that
     * asked about the same time. Blocks until it is there; throws what the read threw.
     */
    R get(K key, Q request) {
        Round<Q, R> round;
        boolean first;
        synchronized (lock) {
            round = gathering.get(key);
            first = round == null;
            if (first) {
                Round<Q, R> current = reading.get(key);
                round = new Round<>(current == null ? null : current.answer);
                gathering.put(key, round);
            }
            round.requests.add(request);
        }
        if (first) {
            lead(key, round);
        }
        try {
            return round.answer.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Run by a round's first caller: waits for the read before it, closes the round to newcomers, reads. */
    private void lead(K key, Round<Q, R> round) {
        if (round.after != null) {
            try {
                round.after.join();
            } catch (CompletionException | CancellationException previousFailed) {
                // its callers were told; this round reads for itself
            }
        }
        List<Q> requests;
        synchronized (lock) {
            gathering.remove(key, round);
            reading.put(key, round);
            requests = Collections.unmodifiableList(new ArrayList<>(round.requests));
        }
        try {
            round.answer.complete(read.apply(key, requests));
        } catch (RuntimeException | Error e) {
            round.answer.completeExceptionally(e);
        } finally {
            synchronized (lock) {
                reading.remove(key, round);
            }
        }
    }

    /** How many callers wait for the next read of {@code key}, which has not begun. */
    int gathered(K key) {
        synchronized (lock) {
            Round<Q, R> round = gathering.get(key);
            return round == null ? 0 : round.requests.size();
        }
    }

    /** How many keys have a round gathering or reading now (none once every caller has its answer). */
    int active() {
        synchronized (lock) {
            return gathering.size() + reading.size();
        }
    }
}
