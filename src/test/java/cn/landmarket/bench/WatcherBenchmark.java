package cn.landmarket.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The live-feed benchmark ({@code -Dexec.args=watchers}): the packaged service against a durable
 * embedded PostgreSQL, with its watcher caps raised, and {@code bench.watchers} (15,000) watchers of
 * one listing held by this process over non-blocking sockets (a few selector threads speaking raw
 * HTTP/1.1 and reading the SSE lines, so that the client costs little next to the service). Each
 * repeat connects every watcher afresh, bids at a steady rate from a few bidders (a warm-up that is
 * not counted, then {@code bench.seconds}), and in the middle drops {@code bench.reconnects} watchers
 * and reconnects them with {@code Last-Event-ID}. Per bid (by its SSE id) it records when the first
 * and the last watcher got it live; it reports the first-to-last spread (and when the slowest bid was
 * sent, and the spread p99 of the bids sent outside the drop and reconnect), bids delivered to every
 * watcher, gaps and duplicates in each watcher's sequence, the connect time, and the service's
 * resident memory (VmRSS, VmHWM) with the watchers connected; min / median / max over the repeats.
 * Settings: {@code -Dbench.watchers=15000 -Dbench.seconds=10 -Dbench.warmup=3 -Dbench.repeats=3
 * -Dbench.bidRate=10 -Dbench.reconnects=1000 -Dbench.selectors=2}; the service runs with a deployment's JVM options
 * ({@link DeploymentJvm}; {@code -Dbench.jvm=...} replaces them), {@code -Dbench.jar=...} measures another build, {@code -Dbench.debug=true} prints each
 * gap or duplicate.
 */
final class WatcherBenchmark {

    private static final int WATCHERS = Integer.getInteger("bench.watchers", 15_000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 10);
    private static final int WARMUP = Integer.getInteger("bench.warmup", 3);
    private static final double BID_RATE = Double.parseDouble(System.getProperty("bench.bidRate", "10"));
    private static final int RECONNECTS = Integer.getInteger("bench.reconnects", 1_000);
    private static final int SELECTORS = Integer.getInteger("bench.selectors", 2);
    /** Watchers between connecting and their snapshot at once: paces the connect storm. */
    private static final int IN_FLIGHT = Integer.getInteger("bench.inFlight", 256);
    private static final long PAUSE_MILLIS = 1_000;
    private static final int BIDDERS = 4;
    private static final long LISTING = 1;
    private static final long START_FEN = 10_000_000_00L;
    private static final long INCREMENT_FEN = 1_000_00L;
    private static final int MAX_SEQ = 1 << 16;
    private static final boolean DEBUG = Boolean.getBoolean("bench.debug");
    private static final Pattern SEQUENCE = Pattern.compile("\"sequence\"\\s*:\\s*(\\d+)");

    private WatcherBenchmark() {
    }

    /** What one repeat measured. */
    record Figures(int watchers, int bids, int deliveredToAll, long gaps, long duplicates, int serverClosed,
            int refused, double connectSeconds, double connectP50Ms, double connectP99Ms, double spreadP50Ms,
            double spreadP99Ms, double spreadMaxMs, double postToLastP50Ms, double postToLastP99Ms,
            double reconnectSeconds, int reconnectedComplete, double rssMiB, double hwmMiB, int serviceFds,
            double serviceCpuMsPerBid, double clientCpuMsPerBid, double liveHeapMiB, Slowest slowest) {
    }

    static void run(int repeats) throws Exception {
        Path jar = Path.of(System.getProperty("bench.jar", "target/quarkus-app/quarkus-run.jar"));
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the service first: ./mvnw -B -DskipTests package");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB").setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on").start()) {
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            int port = BidBenchmark.freePort();
            int management = BidBenchmark.freePort();
            String cap = String.valueOf(WATCHERS + RECONNECTS + 1_000);
            Map<String, String> env = new java.util.HashMap<>(Map.of("MARKET_LIVE_MAX_PER_ADDRESS", cap,
                    "MARKET_LIVE_MAX_PER_INSTANCE", cap));
            String javaOptions = System.getProperty("bench.serviceJavaOptions");
            if (javaOptions != null && !javaOptions.isBlank()) {
                env.put("JAVA_TOOL_OPTIONS", javaOptions);
            }
            Process service = BidBenchmark.startService(jar, jdbc, port, management, true, List.of(), "bench-watchers-service.log", env);
            Client client = null;
            try {
                BidBenchmark.waitUntilReady(management);
                BidBenchmark.enterprises();
                BidBenchmark.prepare(jdbc);
                String[] tokens = BidBenchmark.tokens();
                client = new Client(port);
                measure(client, service.pid(), port, jdbc, Arrays.copyOf(tokens, BIDDERS), repeats);
            } finally {
                if (client != null) {
                    client.stop();
                }
                service.destroy();
                if (!service.waitFor(20, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            }
        }
    }

    private static void measure(Client client, long pid, int port, String jdbc, String[] tokens, int repeats)
            throws Exception {
        System.out.printf(Locale.ROOT, "%nLive-feed benchmark: %d watchers of one listing, %.0f bids/s from %d bidders "
                + "for %d s (after %d s not counted), %d dropped and reconnected with Last-Event-ID in the middle, "
                + "%d repeats, %d cores%n", WATCHERS, BID_RATE, BIDDERS, SECONDS, WARMUP, RECONNECTS, repeats,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "service resident memory before any watcher: %.0f MiB%n", memory(pid)[0]);
        Bidder bidder = new Bidder(port, tokens);
        List<Figures> all = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            System.out.printf(Locale.ROOT, "-- repeat %d%n", r);
            Figures f = repeat(client, bidder, pid, jdbc);
            all.add(f);
            System.out.printf(Locale.ROOT,
                    "   %d watchers connected in %.1f s (to snapshot p50 %.0f ms, p99 %.0f ms), %d refused%n"
                            + "   %d bids, %d delivered to every watcher; gaps %d, duplicates %d, closed by the service %d%n"
                            + "   first-to-last spread p50 %.0f ms, p99 %.0f ms, max %.0f ms; bid sent to last watcher p50 %.0f ms, p99 %.0f ms%n"
                            + "   %d watchers dropped and reconnected in %.2f s, %d of them with the full sequence%n"
                            + "   service with the watchers: VmRSS %.0f MiB (highest sample), VmHWM %.0f MiB, %d open files,"
                            + " heap in use after a full GC %.0f MiB%n"
                            + "   CPU per bid while bidding (the drop and reconnect included): service %.1f ms, this client %.1f ms%n",
                    f.watchers(), f.connectSeconds(), f.connectP50Ms(), f.connectP99Ms(), f.refused(), f.bids(),
                    f.deliveredToAll(), f.gaps(), f.duplicates(), f.serverClosed(), f.spreadP50Ms(), f.spreadP99Ms(),
                    f.spreadMaxMs(), f.postToLastP50Ms(), f.postToLastP99Ms(), RECONNECTS, f.reconnectSeconds(),
                    f.reconnectedComplete(), f.rssMiB(), f.hwmMiB(), f.serviceFds(), f.liveHeapMiB(),
                    f.serviceCpuMsPerBid(), f.clientCpuMsPerBid());
            Slowest w = f.slowest();
            System.out.printf(Locale.ROOT, "   slowest bid: spread %.0f ms, sent %.1f s into the run, %s the drop and "
                    + "reconnect (%.1f–%.1f s); spread p99 of the %d bids sent outside it %.0f ms%n", w.spreadMs(),
                    w.sentSeconds(), w.inWindow() ? "during" : "outside", w.windowFromSeconds(), w.windowToSeconds(),
                    w.outside(), w.outsideP99Ms());
        }
        System.out.println();
        summary("spread p50 (ms)                    ", all, Figures::spreadP50Ms);
        summary("spread p99 (ms)       (goal < 500) ", all, Figures::spreadP99Ms);
        summary("spread max (ms)                    ", all, Figures::spreadMaxMs);
        summary("spread p99 outside drop+reconnect  ", all, f -> f.slowest().outsideP99Ms());
        summary("bid sent to last watcher p99 (ms)  ", all, Figures::postToLastP99Ms);
        summary("bids not delivered to all (goal 0) ", all, f -> f.bids() - f.deliveredToAll());
        summary("gaps + duplicates      (goal 0)    ", all, f -> f.gaps() + f.duplicates());
        summary("closed by the service              ", all, Figures::serverClosed);
        summary("connect all watchers (s)           ", all, Figures::connectSeconds);
        summary("reconnect the dropped ones (s)     ", all, Figures::reconnectSeconds);
        summary("service VmRSS (MiB)   (goal <= 768)", all, Figures::rssMiB);
        summary("service VmHWM (MiB)                ", all, Figures::hwmMiB);
        summary("service heap after full GC (MiB)   ", all, Figures::liveHeapMiB);
        summary("service CPU per bid (ms)           ", all, Figures::serviceCpuMsPerBid);
        summary("client CPU per bid (ms)            ", all, Figures::clientCpuMsPerBid);
    }

    private static void summary(String name, List<Figures> all, ToDoubleFunction<Figures> f) {
        double[] v = all.stream().mapToDouble(f).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: median %8.1f  (min %8.1f, max %8.1f over %d repeats)%n", name,
                v[v.length / 2], v[0], v[v.length - 1], v.length);
    }

    private static Figures repeat(Client client, Bidder bidder, long pid, String jdbc) throws Exception {
        RssSampler rss = new RssSampler(pid);
        // connect every watcher
        long t0 = System.nanoTime();
        client.connectAll(WATCHERS);
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        long[] connectTimes = client.connectMillis();
        rss.start();
        // warm-up bids (not counted), then the measured bids with a drop and reconnect in the middle
        bidder.bidFor(Duration.ofSeconds(WARMUP));
        int firstSeq = bidCount(jdbc) + 1;
        long serviceCpu0 = cpuMillis(pid);
        long clientCpu0 = cpuMillis(ProcessHandle.current().pid());
        long[] reconnect = new long[1];
        // when the drop began and the reconnect ended (System.nanoTime)
        long[] window = new long[2];
        long measured = System.nanoTime();
        Thread dropper = new Thread(() -> {
            try {
                Thread.sleep(Math.max(0, SECONDS * 1000L / 2 - PAUSE_MILLIS / 2));
                window[0] = System.nanoTime();
                client.drop(RECONNECTS);
                Thread.sleep(PAUSE_MILLIS);
                long r0 = System.nanoTime();
                client.reconnectDropped();
                reconnect[0] = System.nanoTime() - r0;
                window[1] = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "drop-and-reconnect");
        dropper.start();
        bidder.bidFor(Duration.ofSeconds(SECONDS));
        dropper.join();
        int lastSeq = bidCount(jdbc);
        boolean complete = client.awaitSequence(lastSeq, Duration.ofSeconds(60));
        double bids = Math.max(1, lastSeq - firstSeq + 1);
        double serviceCpu = (cpuMillis(pid) - serviceCpu0) / bids;
        double clientCpu = (cpuMillis(ProcessHandle.current().pid()) - clientCpu0) / bids;
        double liveHeap = liveHeapMiB(pid);
        rss.stop();
        double[] mem = memory(pid);
        int fds = openFiles(pid);
        Stats stats = client.stats(firstSeq, lastSeq, bidder.sentNanos, measured, window[0], window[1]);
        int reconnectedComplete = client.droppedComplete(lastSeq);
        Figures f = new Figures(client.open(), lastSeq - firstSeq + 1, stats.deliveredToAll, client.gaps(),
                client.duplicates(), client.serverClosed(), client.refused(), connectSeconds,
                percentile(connectTimes, 0.50), percentile(connectTimes, 0.99), stats.spreadP50, stats.spreadP99,
                stats.spreadMax, stats.postToLastP50, stats.postToLastP99, reconnect[0] / 1e9, reconnectedComplete,
                Math.max(rss.highest, mem[0]), mem[1], fds, serviceCpu, clientCpu, liveHeap, stats.slowest);
        if (!complete) {
            System.out.printf(Locale.ROOT, "   not every watcher reached bid %d within 60 s%n", lastSeq);
        }
        client.closeAll();
        return f;
    }

    private static int bidCount(String jdbc) throws Exception {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select bid_count from listing where id = " + LISTING)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    /** VmRSS and VmHWM of a process in MiB. */
    static double[] memory(long pid) {
        double[] kb = new double[2];
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    kb[0] = Double.parseDouble(line.replaceAll("[^0-9]", ""));
                } else if (line.startsWith("VmHWM:")) {
                    kb[1] = Double.parseDouble(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            // the process ended
        }
        return new double[] {kb[0] / 1024, kb[1] / 1024};
    }

    /** User and system CPU time of a process so far, in ms (from /proc/<pid>/stat, 100 ticks a second). */
    static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The service's heap in use right after a full collection (jcmd), in MiB; 0 when jcmd is not at hand. */
    private static double liveHeapMiB(long pid) {
        try {
            Process gc = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.run").redirectErrorStream(true).start();
            gc.getInputStream().readAllBytes();
            gc.waitFor(60, TimeUnit.SECONDS);
            Process info = new ProcessBuilder("jcmd", String.valueOf(pid), "GC.heap_info").redirectErrorStream(true)
                    .start();
            String text = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            info.waitFor(60, TimeUnit.SECONDS);
            // One "total …K, used …K" line per generation (ParallelGC: young, then old; G1: one for
            // the heap); metaspace's line has no "total". After a full GC the young one is empty.
            Matcher m = Pattern.compile("total \\d+K, used (\\d+)K").matcher(text);
            long usedK = 0;
            while (m.find()) {
                usedK += Long.parseLong(m.group(1));
            }
            return usedK / 1024.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static int openFiles(long pid) {
        try (var files = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            return (int) files.count();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Samples the service's VmRSS twice a second and keeps the highest. */
    private static final class RssSampler {
        private final long pid;
        private volatile boolean running;
        private volatile double highest;
        private Thread thread;

        RssSampler(long pid) {
            this.pid = pid;
        }

        void start() {
            running = true;
            thread = new Thread(() -> {
                while (running) {
                    highest = Math.max(highest, memory(pid)[0]);
                    try {
                        Thread.sleep(500);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.interrupt();
            thread.join();
        }
    }

    // ---- bidding: a few bidders in turn at a steady rate, one at a time

    private static final class Bidder {
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI uri;
        private final String[] tokens;
        /** When each accepted bid (by its sequence) was sent. */
        final long[] sentNanos = new long[MAX_SEQ];
        private long next;
        private int turn;

        Bidder(int port, String[] tokens) {
            this.uri = URI.create("http://127.0.0.1:" + port + "/api/listings/" + LISTING + "/bids");
            this.tokens = tokens;
        }

        /** Bids at BID_RATE for the duration. */
        void bidFor(Duration duration) throws Exception {
            long interval = (long) (1e9 / BID_RATE);
            long started = System.nanoTime();
            long end = started + duration.toNanos();
            for (long due = started; due < end; due += interval) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                bid();
            }
        }

        private void bid() throws Exception {
            long amount = START_FEN + next++ * INCREMENT_FEN;
            String body = "{\"amount\":\"" + amount / 100 + "." + String.format(Locale.ROOT, "%02d", amount % 100)
                    + "\"}";
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + tokens[turn++ % tokens.length])
                    .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            long sent = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                Matcher m = SEQUENCE.matcher(response.body());
                if (m.find()) {
                    int seq = Integer.parseInt(m.group(1));
                    if (seq < MAX_SEQ) {
                        sentNanos[seq] = sent;
                    }
                }
            } else if (response.statusCode() != 409) {
                throw new IllegalStateException("bid answered " + response.statusCode() + ": " + response.body());
            }
        }
    }

    // ---- the watchers: non-blocking sockets on a few selector threads

    /**
     * The slowest bid's spread, when it was sent (seconds after the measured bids began) and whether
     * while 1,000 watchers were being dropped and reconnected; and the spread p99 of the bids sent
     * outside that window, to tell the reconnect's cost from the fan-out's own.
     */
    record Slowest(double spreadMs, double sentSeconds, boolean inWindow, double windowFromSeconds,
            double windowToSeconds, int outside, double outsideP99Ms) {
    }

    /** Per-bid figures of one measured phase. */
    private record Stats(int deliveredToAll, double spreadP50, double spreadP99, double spreadMax,
            double postToLastP50, double postToLastP99, Slowest slowest) {
    }

    private static final class Client {
        private final InetSocketAddress address;
        private final int port;
        private final Loop[] loops = new Loop[SELECTORS];
        private final List<Watcher> watchers = new ArrayList<>();
        private final Semaphore inFlight = new Semaphore(IN_FLIGHT);
        private final List<Watcher> dropped = new ArrayList<>();
        private final AtomicInteger refused = new AtomicInteger();

        Client(int port) throws IOException {
            this.port = port;
            this.address = new InetSocketAddress("127.0.0.1", port);
            for (int i = 0; i < SELECTORS; i++) {
                loops[i] = new Loop(this, i);
                loops[i].start();
            }
        }

        void connectAll(int n) throws InterruptedException {
            watchers.clear();
            dropped.clear();
            refused.set(0);
            for (Loop loop : loops) {
                loop.reset();
            }
            for (int i = 0; i < n; i++) {
                Watcher w = new Watcher(i, loops[i % loops.length]);
                watchers.add(w);
                inFlight.acquire();
                w.loop.submit(() -> w.loop.open(w, false));
            }
            inFlight.acquire(IN_FLIGHT);
            inFlight.release(IN_FLIGHT);
        }

        long[] connectMillis() {
            return watchers.stream().filter(w -> w.syncedAt > 0).mapToLong(w -> (w.syncedAt - w.openedAt) / 1_000_000)
                    .sorted().toArray();
        }

        void drop(int n) {
            int step = Math.max(1, watchers.size() / Math.max(1, n));
            for (int i = 0; i < watchers.size() && dropped.size() < n; i += step) {
                Watcher w = watchers.get(i);
                dropped.add(w);
                w.loop.submit(() -> w.loop.close(w, true));
            }
        }

        void reconnectDropped() {
            try {
                for (Watcher w : dropped) {
                    inFlight.acquire();
                    w.loop.submit(() -> w.loop.open(w, true));
                }
                inFlight.acquire(IN_FLIGHT);
                inFlight.release(IN_FLIGHT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        boolean awaitSequence(int lastSeq, Duration timeout) throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < end) {
                publish();
                if (watchers.stream().allMatch(w -> w.failed || w.lastBid >= lastSeq)) {
                    return true;
                }
                Thread.sleep(100);
            }
            return false;
        }

        /** Reads every loop's volatile counter, so what the loops wrote before is visible here. */
        private long publish() {
            long n = 0;
            for (Loop loop : loops) {
                n += loop.events;
            }
            return n;
        }

        int droppedComplete(int lastSeq) {
            publish();
            return (int) dropped.stream().filter(w -> w.lastBid >= lastSeq && w.gaps == 0 && w.duplicates == 0).count();
        }

        int open() {
            publish();
            return (int) watchers.stream().filter(w -> !w.failed).count();
        }

        long gaps() {
            publish();
            return watchers.stream().mapToLong(w -> w.gaps).sum();
        }

        long duplicates() {
            publish();
            return watchers.stream().mapToLong(w -> w.duplicates).sum();
        }

        int serverClosed() {
            publish();
            return watchers.stream().mapToInt(w -> w.serverClosed).sum();
        }

        int refused() {
            return refused.get();
        }

        /**
         * The figures of bids firstSeq to lastSeq; {@code measured} is when the measured bids began,
         * {@code windowFrom} and {@code windowTo} when the drop began and the reconnect ended.
         */
        Stats stats(int firstSeq, int lastSeq, long[] sentNanos, long measured, long windowFrom, long windowTo) {
            publish();
            int n = Math.max(0, lastSeq - firstSeq + 1);
            long[] spreads = new long[n];
            long[] postToLast = new long[n];
            long[] outside = new long[n];
            int outsideCount = 0;
            long worst = -1;
            long worstSent = 0;
            int all = 0;
            int expected = open();
            for (int i = 0; i < n; i++) {
                int seq = firstSeq + i;
                long first = Long.MAX_VALUE;
                long last = Long.MIN_VALUE;
                int got = 0;
                for (Loop loop : loops) {
                    first = Math.min(first, loop.first[seq]);
                    last = Math.max(last, loop.last[seq]);
                    got += loop.live[seq] + loop.replayed[seq];
                }
                if (got == expected) {
                    all++;
                }
                spreads[i] = last >= first ? last - first : 0;
                postToLast[i] = sentNanos[seq] > 0 && last > sentNanos[seq] ? last - sentNanos[seq] : 0;
                if (spreads[i] > worst) {
                    worst = spreads[i];
                    worstSent = sentNanos[seq];
                }
                if (sentNanos[seq] > 0 && (sentNanos[seq] < windowFrom || sentNanos[seq] > windowTo)) {
                    outside[outsideCount++] = spreads[i];
                }
            }
            Arrays.sort(spreads);
            Arrays.sort(postToLast);
            long[] outsideSorted = Arrays.copyOf(outside, outsideCount);
            Arrays.sort(outsideSorted);
            Slowest slowest = new Slowest(Math.max(0, worst) / 1e6, (worstSent - measured) / 1e9,
                    worstSent >= windowFrom && worstSent <= windowTo, (windowFrom - measured) / 1e9,
                    (windowTo - measured) / 1e9, outsideCount, percentile(outsideSorted, 0.99) / 1e6);
            return new Stats(all, percentile(spreads, 0.5) / 1e6, percentile(spreads, 0.99) / 1e6,
                    n == 0 ? 0 : spreads[n - 1] / 1e6, percentile(postToLast, 0.5) / 1e6,
                    percentile(postToLast, 0.99) / 1e6, slowest);
        }

        void closeAll() throws InterruptedException {
            for (Watcher w : watchers) {
                w.loop.submit(() -> w.loop.close(w, true));
            }
            AtomicLong pending = new AtomicLong(loops.length);
            for (Loop loop : loops) {
                loop.submit(pending::decrementAndGet);
            }
            while (pending.get() > 0) {
                Thread.sleep(20);
            }
        }

        void stop() {
            for (Loop loop : loops) {
                loop.running = false;
                loop.selector.wakeup();
            }
        }

        byte[] request(Watcher w, boolean resume) {
            String head = "GET /api/listings/" + LISTING + "/live HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nAccept: text/event-stream\r\n" + (resume ? "Last-Event-ID: " + w.lastBid + "\r\n" : "")
                    + "\r\n";
            return head.getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** One watcher's connection and what it has seen; touched only by its loop's thread once submitted. */
    private static final class Watcher {
        final int index;
        final Loop loop;
        SocketChannel channel;
        ByteBuffer pendingWrite;
        long openedAt;
        long syncedAt;
        boolean inHandshake;
        boolean failed;
        boolean closing;
        // what the watcher has seen
        int lastBid = -1;
        boolean synced;
        long gaps;
        long duplicates;
        int serverClosed;
        // HTTP parsing
        boolean inHead;
        final StringBuilder head = new StringBuilder();
        boolean chunked;
        int chunkState; // 0 size line, 1 data, 2 CRLF after data
        long chunkSize;
        boolean chunkExtension;
        final byte[] line = new byte[32];
        int lineLength;
        // the event being read
        char kind;
        int id = -1;

        Watcher(int index, Loop loop) {
            this.index = index;
            this.loop = loop;
        }

        void resetParser() {
            inHead = true;
            head.setLength(0);
            chunked = false;
            chunkState = 0;
            chunkSize = 0;
            chunkExtension = false;
            lineLength = 0;
            kind = 0;
            id = -1;
            synced = false;
        }
    }

    private static final class Loop extends Thread {
        private final Client client;
        final Selector selector;
        private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
        private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
        volatile boolean running = true;
        volatile long events;
        final long[] first = new long[MAX_SEQ];
        final long[] last = new long[MAX_SEQ];
        final int[] live = new int[MAX_SEQ];
        final int[] replayed = new int[MAX_SEQ];

        Loop(Client client, int index) throws IOException {
            super("watchers-" + index);
            setDaemon(true);
            this.client = client;
            this.selector = Selector.open();
            Arrays.fill(first, Long.MAX_VALUE);
            Arrays.fill(last, Long.MIN_VALUE);
        }

        void reset() {
            submit(() -> {
                Arrays.fill(first, Long.MAX_VALUE);
                Arrays.fill(last, Long.MIN_VALUE);
                Arrays.fill(live, 0);
                Arrays.fill(replayed, 0);
                events++;
            });
        }

        void submit(Runnable task) {
            tasks.add(task);
            selector.wakeup();
        }

        @Override
        public void run() {
            while (running) {
                try {
                    selector.select(100);
                    Runnable task;
                    while ((task = tasks.poll()) != null) {
                        task.run();
                    }
                    Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
                    while (keys.hasNext()) {
                        SelectionKey key = keys.next();
                        keys.remove();
                        Watcher w = (Watcher) key.attachment();
                        if (!key.isValid()) {
                            continue;
                        }
                        try {
                            if (key.isConnectable()) {
                                w.channel.finishConnect();
                                key.interestOps(SelectionKey.OP_WRITE);
                            }
                            if (key.isValid() && key.isWritable()) {
                                w.channel.write(w.pendingWrite);
                                if (!w.pendingWrite.hasRemaining()) {
                                    key.interestOps(SelectionKey.OP_READ);
                                }
                            }
                            if (key.isValid() && key.isReadable()) {
                                read(w);
                            }
                        } catch (IOException e) {
                            lost(w);
                        }
                    }
                } catch (IOException e) {
                    e.printStackTrace();
                }
            }
            try {
                selector.close();
            } catch (IOException e) {
                // ending
            }
        }

        void open(Watcher w, boolean resume) {
            try {
                w.resetParser();
                w.failed = false;
                w.closing = false;
                w.inHandshake = true;
                w.openedAt = System.nanoTime();
                w.syncedAt = 0;
                w.pendingWrite = ByteBuffer.wrap(client.request(w, resume));
                w.channel = SocketChannel.open();
                w.channel.configureBlocking(false);
                w.channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                w.channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                boolean connected = w.channel.connect(client.address);
                w.channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, w);
            } catch (IOException e) {
                System.err.println("watcher " + w.index + " could not connect: " + e);
                fail(w);
            }
        }

        /** Closes the connection on purpose (reset, leaving no TIME_WAIT behind). */
        void close(Watcher w, boolean resetOnly) {
            w.closing = true;
            if (w.inHandshake) {
                w.inHandshake = false;
                client.inFlight.release();
            }
            if (w.channel != null) {
                try {
                    w.channel.close();
                } catch (IOException e) {
                    // closing anyway
                }
            }
        }

        private void fail(Watcher w) {
            w.failed = true;
            if (w.inHandshake) {
                w.inHandshake = false;
                client.inFlight.release();
            }
            try {
                if (w.channel != null) {
                    w.channel.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            events++;
        }

        /** The service ended a stream it was not asked to end: count it, and come back as a browser would. */
        private void lost(Watcher w) {
            if (w.closing) {
                return;
            }
            if (++w.serverClosed > 5) {
                System.err.println("watcher " + w.index + " lost its stream 5 times; giving up");
                fail(w);
                return;
            }
            try {
                w.channel.close();
            } catch (IOException e) {
                // closing anyway
            }
            if (w.inHandshake) {
                w.inHandshake = false;
                client.inFlight.release();
            }
            open(w, w.lastBid >= 0);
            events++;
        }

        private void read(Watcher w) throws IOException {
            while (true) {
                buffer.clear();
                int n = w.channel.read(buffer);
                if (n < 0) {
                    lost(w);
                    return;
                }
                if (n == 0) {
                    return;
                }
                long now = System.nanoTime();
                byte[] bytes = buffer.array();
                int i = 0;
                if (w.inHead) {
                    while (i < n && w.inHead) {
                        w.head.append((char) bytes[i++]);
                        int len = w.head.length();
                        if (len >= 4 && w.head.charAt(len - 1) == '\n' && w.head.charAt(len - 2) == '\r'
                                && w.head.charAt(len - 3) == '\n' && w.head.charAt(len - 4) == '\r') {
                            w.inHead = false;
                            String head = w.head.toString();
                            if (!head.startsWith("HTTP/1.1 200")) {
                                client.refused.incrementAndGet();
                                System.err.println("watcher " + w.index + " refused: " + head.lines().findFirst().orElse(""));
                                fail(w);
                                return;
                            }
                            w.chunked = head.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked");
                        }
                    }
                }
                if (w.chunked) {
                    while (i < n) {
                        if (w.chunkState == 0) {
                            byte b = bytes[i++];
                            if (b == '\n') {
                                if (w.chunkSize == 0) {
                                    lost(w);
                                    return;
                                }
                                w.chunkState = 1;
                                w.chunkExtension = false;
                            } else if (b == ';') {
                                w.chunkExtension = true;
                            } else if (!w.chunkExtension && b != '\r') {
                                w.chunkSize = w.chunkSize * 16 + Character.digit(b, 16);
                            }
                        } else if (w.chunkState == 1) {
                            int take = (int) Math.min(w.chunkSize, n - i);
                            body(w, bytes, i, i + take, now);
                            i += take;
                            w.chunkSize -= take;
                            if (w.chunkSize == 0) {
                                w.chunkState = 2;
                            }
                        } else {
                            if (bytes[i++] == '\n') {
                                w.chunkState = 0;
                            }
                        }
                    }
                } else if (i < n) {
                    body(w, bytes, i, n, now);
                }
                events++;
            }
        }

        private void body(Watcher w, byte[] bytes, int from, int to, long now) {
            byte[] line = w.line;
            for (int i = from; i < to; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    endLine(w, now);
                } else if (b != '\r' && w.lineLength < line.length) {
                    line[w.lineLength++] = b;
                }
            }
        }

        private void endLine(Watcher w, long now) {
            byte[] l = w.line;
            int len = w.lineLength;
            w.lineLength = 0;
            if (len == 0) {
                dispatch(w, now);
                return;
            }
            if (len > 6 && l[0] == 'e' && l[1] == 'v' && l[5] == ':') {
                int at = l[6] == ' ' ? 7 : 6;
                char c = at < len ? (char) l[at] : 0;
                w.kind = c == 's' && at + 1 < len && l[at + 1] == 'n' ? 'S' : c;
            } else if (len > 3 && l[0] == 'i' && l[1] == 'd' && l[2] == ':') {
                int v = 0;
                for (int i = 3; i < len; i++) {
                    if (l[i] >= '0' && l[i] <= '9') {
                        v = v * 10 + (l[i] - '0');
                    }
                }
                w.id = v;
            }
        }

        private void dispatch(Watcher w, long now) {
            char kind = w.kind;
            int id = w.id;
            w.kind = 0;
            w.id = -1;
            if (kind == 'S') {
                if (!w.synced) {
                    if (w.lastBid >= 0 && id != w.lastBid) {
                        if (DEBUG) {
                            System.err.printf("watcher %d: snapshot %d after bid %d%n", w.index, id, w.lastBid);
                        }
                        if (id > w.lastBid) {
                            w.gaps += id - w.lastBid;
                        } else {
                            w.duplicates++;
                        }
                    }
                    w.lastBid = Math.max(w.lastBid, id);
                    w.synced = true;
                    w.syncedAt = now;
                    if (w.inHandshake) {
                        w.inHandshake = false;
                        client.inFlight.release();
                    }
                }
            } else if (kind == 'b' && id >= 0) {
                if (id == w.lastBid + 1) {
                    w.lastBid = id;
                } else if (id <= w.lastBid) {
                    if (DEBUG) {
                        System.err.printf("watcher %d: bid %d again after %d (%s)%n", w.index, id, w.lastBid,
                                w.synced ? "live" : "replayed");
                    }
                    w.duplicates++;
                } else {
                    w.gaps += id - w.lastBid - 1;
                    w.lastBid = id;
                }
                if (id < MAX_SEQ) {
                    if (w.synced) {
                        live[id]++;
                        if (now < first[id]) {
                            first[id] = now;
                        }
                        if (now > last[id]) {
                            last[id] = now;
                        }
                    } else {
                        replayed[id]++;
                    }
                }
            }
        }
    }
}
