package cn.landmarket.cluster;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.function.LongSupplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Concurrent bidders, each with its own enterprise token and instance, bidding for a while and
 * remembering every answer: the 201 receipts, the 409 refusals, and the requests that failed
 * (no answer or any other status) with the amount they offered.
 */
final class Swarm {

    /** A 201 receipt as the client got it, with the instance that answered. */
    record Receipt(long listingId, long bidId, int sequence, long amountFen, String bidderNo, String instance,
            long receivedNanos) {
    }

    /** A bid whose request got neither a 201 nor a 409. */
    record Failure(long listingId, long amountFen, int status, String body, String instance) {
    }

    final Queue<Receipt> receipts = new ConcurrentLinkedQueue<>();
    final Queue<Failure> failures = new ConcurrentLinkedQueue<>();
    final AtomicLong refused = new AtomicLong();
    private final Map<String, AtomicLong> refusedBy = new ConcurrentHashMap<>();
    private final Map<Long, AtomicLong> nextAmount = new ConcurrentHashMap<>();
    private final Cluster cluster;
    private final long startFen;
    private final long incrementFen;

    Swarm(Cluster cluster, long startFen, long incrementFen) {
        this.cluster = cluster;
        this.startFen = startFen;
        this.incrementFen = incrementFen;
    }

    /**
     * The next amount to offer on a listing: each call a step higher than the last one offered by
     * any client, so most bids are valid and concurrent ones race for the same step.
     */
    long nextAmount(long listingId) {
        return startFen + nextAmount.computeIfAbsent(listingId, id -> new AtomicLong()).getAndAdd(incrementFen);
    }

    /** How many bids this instance refused with 409. */
    long refusedBy(String instance) {
        AtomicLong n = refusedBy.get(instance);
        return n == null ? 0 : n.get();
    }

    /** Places one bid and records the answer; returns the status (0 for no answer). */
    int bid(Cluster.Instance instance, String token, long listingId) {
        long amount = nextAmount(listingId);
        Cluster.Answer answer = cluster.bid(instance, token, listingId, amount);
        if (answer.status() == 201) {
            JsonNode r = answer.json();
            receipts.add(new Receipt(r.get("listingId").asLong(), r.get("bidId").asLong(), r.get("sequence").asInt(),
                    Cluster.fen(r.get("amount").asText()), r.get("bidderNo").asText(), instance.name, System.nanoTime()));
        } else if (answer.status() == 409) {
            refused.incrementAndGet();
            refusedBy.computeIfAbsent(instance.name, n -> new AtomicLong()).incrementAndGet();
        } else {
            failures.add(new Failure(listingId, amount, answer.status(), answer.body(), instance.name));
        }
        return answer.status();
    }

    /**
     * Runs {@code clients} bidder threads for {@code duration}: client {@code i} uses token
     * {@code tokens.get(i)}, instance {@code instanceOf.apply(i)} and bids on {@code listingOf}'s
     * listing each time. Returns when every thread has stopped.
     */
    void run(int clients, Duration duration, List<String> tokens, IntFunction<Cluster.Instance> instanceOf,
            IntFunction<LongSupplier> listingOf) throws InterruptedException {
        start(clients, duration, tokens, instanceOf, listingOf);
        join();
    }

    private volatile Thread[] threads = new Thread[0];
    private volatile boolean stopped;

    /** As {@link #run} without waiting: the clients bid until {@code duration} is over or {@link #stop}. */
    void start(int clients, Duration duration, List<String> tokens, IntFunction<Cluster.Instance> instanceOf,
            IntFunction<LongSupplier> listingOf) {
        long end = System.nanoTime() + duration.toNanos();
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            int client = c;
            threads[c] = new Thread(() -> {
                LongSupplier listing = listingOf.apply(client);
                while (!stopped && System.nanoTime() < end) {
                    int status = bid(instanceOf.apply(client), tokens.get(client), listing.getAsLong());
                    if (status == 0) {
                        sleepQuietly(50 + ThreadLocalRandom.current().nextInt(50)); // no answer: back off a little
                    }
                }
            }, "bidder-" + c);
            threads[c].start();
        }
        this.threads = threads;
    }

    /** Stops the clients after their current bid and waits for them. */
    void stop() throws InterruptedException {
        stopped = true;
        join();
    }

    void join() throws InterruptedException {
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
