package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads shared by the callers that ask together, never answered from a read that began before they asked. */
class SharedReadsTest {

    private final ExecutorService pool = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** A read whose first call waits for the test's go, recording what each read was asked. */
    private static final class Reads {
        final List<List<Integer>> asked = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger count = new AtomicInteger();
        final CountDownLatch firstStarted = new CountDownLatch(1);
        final CountDownLatch releaseFirst = new CountDownLatch(1);

        String read(String key, List<Integer> requests) {
            int n = count.incrementAndGet();
            asked.add(List.copyOf(requests));
            if (n == 1) {
                firstStarted.countDown();
                try {
                    assertTrue(releaseFirst.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return key + "#" + n;
        }
    }

    /** Waits until {@code n} callers are gathered for the read of {@code key} after the running one. */
    private static void awaitGathered(SharedReads<String, Integer, String> shared, String key, int n)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (shared.gathered(key) < n && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(n, shared.gathered(key), "callers gathered for the next read");
    }

    /** Starts a read of {@code key} that holds until {@code reads.releaseFirst}; returns its caller's answer. */
    private Future<String> startHeldRead(Reads reads, SharedReads<String, Integer, String> shared, String key)
            throws InterruptedException {
        Future<String> first = pool.submit(() -> shared.get(key, 0));
        assertTrue(reads.firstStarted.await(10, TimeUnit.SECONDS));
        return first;
    }

    @Test
    void callersThatAskWhileAReadRunsShareTheNextReadWhichBeginsAfterTheyAsked() throws Exception {
        Reads reads = new Reads();
        SharedReads<String, Integer, String> shared = new SharedReads<>(reads::read);
        Future<String> first = startHeldRead(reads, shared, "listing-1");

        List<Future<String>> later = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            int request = i;
            later.add(pool.submit(() -> shared.get("listing-1", request)));
        }
        awaitGathered(shared, "listing-1", 20);
        assertEquals(1, reads.count.get(), "nobody joins a read that began before it asked");
        reads.releaseFirst.countDown();

        assertEquals("listing-1#1", first.get(10, TimeUnit.SECONDS));
        for (Future<String> f : later) {
            assertEquals("listing-1#2", f.get(10, TimeUnit.SECONDS), "the twenty share the second read");
        }
        assertEquals(2, reads.count.get());
        assertEquals(List.of(0), reads.asked.get(0));
        List<Integer> second = new ArrayList<>(reads.asked.get(1));
        Collections.sort(second);
        assertEquals(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList(), second,
                "the second read is given every request of its round");
        assertEquals(0, shared.active(), "nothing is kept once every caller has its answer");
    }

    @Test
    void differentKeysDoNotWaitForEachOther() throws Exception {
        Reads reads = new Reads();
        SharedReads<String, Integer, String> shared = new SharedReads<>(reads::read);
        Future<String> blocked = startHeldRead(reads, shared, "listing-1");

        assertEquals("listing-2#2", pool.submit(() -> shared.get("listing-2", 7)).get(10, TimeUnit.SECONDS));
        reads.releaseFirst.countDown();
        assertEquals("listing-1#1", blocked.get(10, TimeUnit.SECONDS));
    }

    @Test
    void aCallerAloneGetsAReadOfItsOwnEachTime() {
        AtomicInteger count = new AtomicInteger();
        SharedReads<String, Integer, Integer> shared = new SharedReads<>((key, requests) -> count.incrementAndGet());
        assertEquals(1, shared.get("listing-1", 1));
        assertEquals(2, shared.get("listing-1", 1), "an answer is never kept for a later caller");
        assertEquals(0, shared.active());
    }

    @Test
    void aFailedReadFailsEveryCallerOfItsRoundAndTheNextRoundReadsAgain() throws Exception {
        Reads reads = new Reads();
        IllegalStateException broken = new IllegalStateException("database gone");
        SharedReads<String, Integer, String> shared = new SharedReads<>((key, requests) -> {
            String answer = reads.read(key, requests);
            if (reads.count.get() == 2) {
                throw broken;
            }
            return answer;
        });
        Future<String> first = startHeldRead(reads, shared, "listing-1");
        List<Future<String>> failing = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            failing.add(pool.submit(() -> shared.get("listing-1", 1)));
        }
        awaitGathered(shared, "listing-1", 3);
        reads.releaseFirst.countDown();

        assertEquals("listing-1#1", first.get(10, TimeUnit.SECONDS));
        for (Future<String> f : failing) {
            java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                    () -> f.get(10, TimeUnit.SECONDS));
            assertSame(broken, e.getCause(), "the read's own exception reaches each caller");
        }
        assertEquals("listing-1#3", shared.get("listing-1", 2), "the next round reads again");
        assertEquals(0, shared.active());
    }

    @Test
    void aFirstConnectionAsksWithNull() {
        SharedReads<String, Long, List<Long>> shared = new SharedReads<>((key, requests) -> requests);
        List<Long> asked = new ArrayList<>();
        asked.add(null);
        assertEquals(asked, shared.get("listing-1", null));
    }
}
