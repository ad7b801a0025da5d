package cn.landmarket.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import cn.landmarket.party.CreditCode;
import cn.landmarket.testing.OutsideData;
import cn.landmarket.testing.OutsideTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The bidding benchmark: the packaged service against a real, durable PostgreSQL (fsync on), with
 * the same number of concurrent clients in every scenario, repeated and interleaved:
 * <ul>
 * <li>raw JDBC baseline: lock the listing row, insert the bid, update the listing, commit, per bid;
 * <li>HTTP, one hot listing; HTTP, bids spread over 1,000 listings;
 * <li>HTTP, one hot listing, open loop at half the measured hot rate (latency under a normal load);
 * <li>HTTP, one hot listing, on a second instance of the service with the audit log turned off
 * ({@code MARKET_AUDIT_ENABLED=false}, its own database): what the log costs. Before each
 * measurement the other service's audit sequencer must have caught up, so it cannot steal CPU.
 * <li>HTTP, one hot listing, on a third instance with the audit log on and the notification outbox
 * off ({@code MARKET_NOTIFICATION_ENABLED=false}, its own database): what writing each bid's
 * notification event into the outbox, and turning events into messages, costs the bid rate.
 * <li>HTTP, no-op ceiling: the same clients, tokens and body size against the benchmark's no-op bid
 * ({@code POST /api/listings/{id}/bids/noop}, {@link cn.landmarket.auction.NoopBidResource}, on only
 * because the benchmark sets {@code MARKET_BENCHMARK_NOOP_ENABLED}): the service's own HTTP, JSON and
 * JWT cost on this machine, the ceiling of the hot bid rate.
 * </ul>
 * The services run with the JVM options of a deployment ({@link DeploymentJvm}: the image's start
 * script defaults, its {@code JAVA_OPTS_APPEND}, the base Deployment's memory limit), and the main
 * one's resident memory ({@link ResidentMemory}: VmRSS during and after each hot run, peak VmHWM)
 * is reported in MiB. With {@code -Dbench.jfr=true} the main service runs under a flight recording
 * ({@code target/bench-service.jfr}, {@code settings=profile}) and the benchmark prints where it spent
 * its CPU during the hot runs and during the no-op runs ({@link JfrSummary}).
 * Then the audit verifier: a synthetic log of bid entries with a signed checkpoint every 2,000
 * entries, exported to a directory, verified end to end ({@link cn.landmarket.verifier.Verifier}) and, side by side, the
 * same entry bytes only hashed with SHA-256 (one digest per entry): the verifier's share of the raw
 * hashing rate.
 * Run with {@code ./mvnw -B -DskipTests package exec:java@bench} (see README); the verifier part alone
 * with {@code -Dexec.args=verifier}, the web pages with {@code pages}, and the bid lanes over 10,000
 * listings that open, take bids and close ({@link LanesBenchmark}) with {@code lanes}; with
 * {@code "workers 8,2"} hot and spread bids side by side on services that differ only in
 * {@code market.bidding.workers}, and with {@code "builds /tmp/base/target/quarkus-app,target/quarkus-app"}
 * on services that differ only in their build (the first is the baseline), with
 * {@code "jvms default -XX:TieredStopAtLevel=1"} on services that differ only in JVM options. Settings:
 * {@code -Dbench.clients=64 -Dbench.seconds=8 -Dbench.warmup=3 -Dbench.repeats=3 -Dbench.jfr=false},
 * {@code -Dbench.nmt=true} (native memory tracking: the main service's committed memory by area,
 * printed after the first hot run), {@code -Dbench.pgstats=true} (the main database's busiest
 * statements and tables after each hot run and after the rest of each repeat, in {@code builds} and
 * {@code workers} each service's after its hot and its spread run, and the plans of slow statements
 * in the server's log, {@link PgStats}), and those of {@link DeploymentJvm} ({@code -Dbench.jvm},
 * {@code -Dbench.containerMemory}).
 */
public final class BidBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 64);
    private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 8));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 3));
    private static final int REPEATS = Integer.getInteger("bench.repeats", 3);
    private static final int SPREAD = 1_000;
    private static final long START_FEN = 10_000_000_00L;
    private static final long INCREMENT_FEN = 1_000_00L;
    private static final long HOT_HTTP = 1;
    private static final long HOT_JDBC = 2;
    private static final long HALF_RATE = 3;
    /** The no-op's listing id: no such listing; its own amount counter, so the body has the hot bid's size. */
    private static final long NOOP = 4;
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");
    /** Native memory tracking: where the main service's resident memory goes, after the first hot run. */
    private static final boolean NMT = Boolean.getBoolean("bench.nmt");
    static final Path JFR_FILE = Path.of("target", "bench-service.jfr");
    private static final long SPREAD_FIRST = 1_001;

    private BidBenchmark() {
    }

    /** What one run measured. */
    record Result(String name, long accepted, long rejected, double seconds, long p50Micros, long p99Micros,
            long maxMicros) {
        double acceptedPerSecond() {
            return accepted / seconds;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%-22s accepted/s %8.0f  rejected/s %7.0f  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms",
                    name, acceptedPerSecond(), rejected / seconds, p50Micros / 1000.0, p99Micros / 1000.0,
                    maxMicros / 1000.0);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("verifier")) {
            VerifierBenchmark.run(REPEATS);
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("closestorm")) {
            CloseStormBenchmark.run(REPEATS, args.length > 1 && args[1].equals("cold"));
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("pages")) {
            PageBenchmark.run(REPEATS);
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("lanes")) {
            System.exit(LanesBenchmark.run() ? 0 : 1);
        }
        if (args.length > 0 && args[0].equals("workers")) {
            workers(args.length > 1 ? args[1] : "8,2,1");
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("jvms")) {
            jvms(Arrays.asList(args).subList(1, args.length));
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("builds")) {
            builds(args.length > 1 ? args[1] : "target/quarkus-app");
            System.exit(0);
        }
        if (args.length > 0 && args[0].equals("watchers")) {
            WatcherBenchmark.run(REPEATS);
            System.exit(0);
        }
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the service first: ./mvnw -B -DskipTests package");
        }
        // zonky turns synchronous_commit off by default; the benchmark measures durable commits.
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB").setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on");
        PgStats.configure(database);
        try (EmbeddedPostgres pg = database.start()) {
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                    Statement s = c.createStatement()) {
                s.execute("create database bench_log_off");
                s.execute("create database bench_outbox_off");
            }
            String jdbcOff = pg.getJdbcUrl("postgres", "bench_log_off");
            String jdbcQuiet = pg.getJdbcUrl("postgres", "bench_outbox_off");
            int portQuiet = freePort();
            int managementQuiet = freePort();
            int port = freePort();
            int portOff = freePort();
            int management = freePort();
            int managementOff = freePort();
            Files.deleteIfExists(JFR_FILE);
            List<String> extra = new ArrayList<>();
            if (JFR) {
                extra.add("-XX:StartFlightRecording=filename=" + JFR_FILE + ",settings=profile");
            }
            if (NMT) {
                extra.add("-XX:NativeMemoryTracking=summary");
            }
            Process service = startService(jar, jdbc, port, management, true, extra, "bench-service.log", java.util.Map.of());
            Process serviceOff = startService(jar, jdbcOff, portOff, managementOff, false);
            Process serviceQuiet = startService(jar, jdbcQuiet, portQuiet, managementQuiet, true, List.of(),
                    "bench-service-outbox-off.log", java.util.Map.of("MARKET_NOTIFICATION_ENABLED", "false"));
            Windows windows = new Windows();
            try (ResidentMemory memory = new ResidentMemory(service.pid())) {
                waitUntilReady(management);
                waitUntilReady(managementOff);
                waitUntilReady(managementQuiet);
                enterprises();
                prepare(jdbc);
                prepare(jdbcOff);
                prepare(jdbcQuiet);
                String[] tokens = tokens();
                run(new Targets(jdbc, port, portOff, jdbcQuiet, portQuiet), tokens, memory, windows);
            } finally {
                service.destroy();
                serviceOff.destroy();
                serviceQuiet.destroy();
                serviceQuiet.waitFor(20, TimeUnit.SECONDS);
                service.waitFor(JFR ? 120 : 20, TimeUnit.SECONDS);
                serviceOff.waitFor(20, TimeUnit.SECONDS);
            }
            if (JFR) {
                JfrSummary.print(JFR_FILE, "hot listing runs", windows.hot, 12);
                JfrSummary.print(JFR_FILE, "no-op ceiling runs", windows.noop, 12);
            }
        }
        VerifierBenchmark.run(REPEATS);
        System.exit(0);
    }

    /** One service of a side-by-side comparison: its label, its build, and its settings. */
    private record Variant(String label, Path jar, java.util.Map<String, String> env) {
    }

    /**
     * Hot and spread bids, side by side, on services that differ only in {@code market.bidding.workers}
     * (each on its own database): how the number of concurrent batches trades the hot listing's rate
     * against the spread rate.
     */
    private static void workers(String counts) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        sideBySide("market.bidding.workers " + counts, Arrays.stream(counts.split(","))
                .map(w -> new Variant("workers " + w, jar, java.util.Map.of("MARKET_BIDDING_WORKERS", w))).toList());
    }

    /**
     * Hot and spread bids, side by side, on services that differ only in JVM options added to the
     * deployment's (through {@code JAVA_TOOL_OPTIONS}): each argument is one service, its options
     * separated by commas, {@code default} for none; the first is the baseline. For instance
     * {@code "jvms default -XX:TieredStopAtLevel=1"}: what the C2 compiler's code is worth to the bid path.
     */
    private static void jvms(List<String> optionSets) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        List<String> sets = optionSets.isEmpty() ? List.of("default") : optionSets;
        sideBySide("JVM options " + String.join(" / ", sets), sets.stream()
                .map(o -> o.equals("default") ? new Variant("default", jar, java.util.Map.<String, String>of())
                        : new Variant(o.replace(',', ' '), jar,
                                java.util.Map.of("JAVA_TOOL_OPTIONS", o.replace(',', ' '))))
                .toList());
    }

    /**
     * Hot and spread bids, side by side, on services that differ only in their build: each argument is
     * a {@code quarkus-app} directory (such as one packaged from an earlier commit in a worktree), the
     * first being the baseline. How a change to the bid path moves its rates, measured in one run.
     */
    private static void builds(String directories) throws Exception {
        sideBySide("builds " + directories, Arrays.stream(directories.split(","))
                .map(d -> new Variant(Path.of(d).toAbsolutePath().normalize().getParent().getParent().getFileName()
                        .toString(), Path.of(d, "quarkus-run.jar"), java.util.Map.<String, String>of())).toList());
    }

    /**
     * Starts one service per variant, each on its own database, and runs hot then spread bids against
     * each in every repeat, in rotating order; prints each variant's spread ratios and its rates
     * against the first variant's, repeat by repeat.
     */
    private static void sideBySide(String title, List<Variant> variants) throws Exception {
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB").setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on");
        PgStats.configure(database);
        try (EmbeddedPostgres pg = database.start()) {
            List<Process> services = new ArrayList<>();
            int[] ports = new int[variants.size()];
            String[] jdbcs = new String[variants.size()];
            try {
                enterprises();
                for (int w = 0; w < variants.size(); w++) {
                    Variant variant = variants.get(w);
                    String db = "bench_side_" + w;
                    try (Connection c = DriverManager.getConnection(pg.getJdbcUrl("postgres", "postgres"), "postgres",
                            "postgres"); Statement s = c.createStatement()) {
                        s.execute("create database " + db);
                    }
                    String jdbc = pg.getJdbcUrl("postgres", db);
                    jdbcs[w] = jdbc;
                    ports[w] = freePort();
                    int management = freePort();
                    services.add(startService(variant.jar(), jdbc, ports[w], management, true, List.of(),
                            "bench-service-" + variant.label().replace(' ', '-') + ".log", variant.env()));
                    waitUntilReady(management);
                    prepare(jdbc);
                    PgStats.install(jdbc);
                }
                String[] tokens = tokens();
                System.out.printf(Locale.ROOT, "%nSide-by-side benchmark: %d clients, %d s runs, %d repeats, services "
                        + "with %s%n", CLIENTS, RUN.toSeconds(), REPEATS, title);
                for (int port : ports) {
                    closedLoop("warm-up", i -> httpBid(port, tokens[i], HOT_HTTP));
                    closedLoop("warm-up", i -> httpBid(port, tokens[i], SPREAD_FIRST + ThreadLocalRandom.current().nextInt(SPREAD)));
                }
                for (String jdbc : jdbcs) {
                    awaitAuditCaughtUp(jdbc);
                }
                List<List<Result[]>> byService = new ArrayList<>();
                for (int w = 0; w < variants.size(); w++) {
                    byService.add(new ArrayList<>());
                }
                for (int r = 1; r <= REPEATS; r++) {
                    System.out.printf(Locale.ROOT, "-- repeat %d%n", r);
                    for (int k = 0; k < variants.size(); k++) {
                        int w = (k + r - 1) % variants.size();
                        int port = ports[w];
                        String label = variants.get(w).label();
                        Result hot = closedLoop(label + ", hot", i -> httpBid(port, tokens[i], HOT_HTTP));
                        System.out.println(hot);
                        PgStats.print(jdbcs[w], label + ", hot run");
                        awaitAuditCaughtUp(jdbcs[w]);
                        Result spread = closedLoop(label + ", spread",
                                i -> httpBid(port, tokens[i], SPREAD_FIRST + ThreadLocalRandom.current().nextInt(SPREAD)));
                        System.out.println(spread);
                        awaitAuditCaughtUp(jdbcs[w]);
                        PgStats.print(jdbcs[w], label + ", spread run and the audit log's catching up");
                        byService.get(w).add(new Result[] {hot, spread});
                    }
                }
                System.out.println();
                String baseline = variants.get(0).label();
                for (int w = 0; w < variants.size(); w++) {
                    String label = variants.get(w).label();
                    ratio(label + ": spread / hot bids/s", byService.get(w),
                            x -> x[1].acceptedPerSecond() / x[0].acceptedPerSecond());
                    ratio(label + ": spread p99 / hot p99", byService.get(w),
                            x -> (double) x[1].p99Micros() / x[0].p99Micros());
                    if (w > 0) { // against the first variant named, run by run
                        List<Result[]> pairs = new ArrayList<>();
                        for (int r = 0; r < REPEATS; r++) {
                            pairs.add(new Result[] {byService.get(0).get(r)[0], byService.get(0).get(r)[1],
                                    byService.get(w).get(r)[0], byService.get(w).get(r)[1]});
                        }
                        ratio(label + " / " + baseline + ": hot bids/s   ", pairs,
                                x -> x[2].acceptedPerSecond() / x[0].acceptedPerSecond());
                        ratio(label + " / " + baseline + ": spread bids/s", pairs,
                                x -> x[3].acceptedPerSecond() / x[1].acceptedPerSecond());
                        ratio(label + " / " + baseline + ": hot p99      ", pairs,
                                x -> (double) x[2].p99Micros() / x[0].p99Micros());
                        ratio(label + " / " + baseline + ": spread p99   ", pairs,
                                x -> (double) x[3].p99Micros() / x[1].p99Micros());
                    }
                }
            } finally {
                services.forEach(Process::destroy);
                for (Process p : services) {
                    p.waitFor(20, TimeUnit.SECONDS);
                }
            }
        }
    }

    /** When the hot and the no-op runs took place, for the flight recording's summary. */
    private static final class Windows {
        final List<Instant[]> hot = new ArrayList<>();
        final List<Instant[]> noop = new ArrayList<>();
    }

    /** The main service (its database and port), the one with the audit log off, the one with the outbox off. */
    private record Targets(String jdbc, int port, int portOff, String jdbcQuiet, int portQuiet) {
    }

    private static void run(Targets targets, String[] tokens, ResidentMemory memory, Windows windows)
            throws Exception {
        String jdbc = targets.jdbc();
        int port = targets.port();
        int portOff = targets.portOff();
        int portQuiet = targets.portQuiet();
        System.out.printf(Locale.ROOT, "%nBidding benchmark: %d clients, %d s runs after %d s warm-up, %d repeats, "
                + "%d cores%n", CLIENTS, RUN.toSeconds(), WARMUP.toSeconds(), REPEATS,
                Runtime.getRuntime().availableProcessors());
        System.out.println("Services' JVM options: " + String.join(" ", DeploymentJvm.options()) + " "
                + DeploymentJvm.environment()
                + (JFR ? " (main service: + flight recording)" : ""));
        System.out.println("-- warm-up round (not counted): lets the services' JIT compile the bid path");
        closedLoop("warm-up", i -> httpBid(port, tokens[i], HOT_HTTP));
        closedLoop("warm-up", i -> httpNoop(port, tokens[i]));
        closedLoop("warm-up", i -> httpBid(port, tokens[i], SPREAD_FIRST + ThreadLocalRandom.current().nextInt(SPREAD)));
        closedLoop("warm-up", i -> jdbcBid(jdbc, i));
        closedLoop("warm-up", i -> httpBid(portOff, tokens[i], HOT_HTTP));
        closedLoop("warm-up", i -> httpBid(portQuiet, tokens[i], HOT_HTTP));
        awaitAuditCaughtUp(targets.jdbcQuiet());
        awaitAuditCaughtUp(jdbc);
        PgStats.install(jdbc);
        CpuSplit cpu = CpuSplit.of(memory.pid(), jdbc);
        List<CpuSplit.PerRequest[]> cpuSplits = new ArrayList<>(); // hot, no-op
        List<Result[]> rounds = new ArrayList<>();
        List<Long> catchUps = new ArrayList<>();
        List<double[]> rss = new ArrayList<>(); // MiB: max during the hot run, after it
        for (int r = 1; r <= REPEATS; r++) {
            System.out.printf(Locale.ROOT, "-- repeat %d%n", r);
            Result raw = closedLoop("raw JDBC, hot row", i -> jdbcBid(jdbc, i));
            System.out.println(raw);
            Result off = null;
            Result quiet = null;
            if (r % 2 == 0) {
                off = closedLoop("HTTP, hot, log off", i -> httpBid(portOff, tokens[i], HOT_HTTP));
                System.out.println(off);
                quiet = closedLoop("HTTP, hot, outbox off", i -> httpBid(portQuiet, tokens[i], HOT_HTTP));
                System.out.println(quiet);
                awaitAuditCaughtUp(targets.jdbcQuiet());
            }
            memory.mark();
            CpuSplit.Reading hotCpu = cpu.read();
            Instant hotStart = Instant.now();
            Result hot = closedLoop("HTTP, hot listing", i -> httpBid(port, tokens[i], HOT_HTTP));
            windows.hot.add(new Instant[] {hotStart, Instant.now()});
            double during = memory.windowMaxMiB();
            System.out.println(hot);
            PgStats.print(jdbc, "raw JDBC and hot listing runs");
            long caughtUp = awaitAuditCaughtUp(jdbc);
            CpuSplit.PerRequest hotSplit = CpuSplit.perRequest(hotCpu, cpu.read(), hot.accepted() + hot.rejected());
            catchUps.add(caughtUp);
            System.out.printf(Locale.ROOT, "   audit log caught up %d ms after the hot run ended%n", caughtUp);
            ResidentMemory.Reading after = memory.read();
            rss.add(new double[] {during, after.rssMiB()});
            System.out.printf(Locale.ROOT, "   service memory: VmRSS max %.0f MiB during the hot run, %.0f MiB after it;"
                    + " VmHWM %.0f MiB%n", during, after.rssMiB(), after.hwmMiB());
            if (NMT && r == 1) {
                nativeMemory(memory.pid());
            }
            Instant noopStart = Instant.now();
            CpuSplit.Reading noopCpu = cpu.read();
            Result noop = closedLoop("HTTP, no-op ceiling", i -> httpNoop(port, tokens[i]));
            CpuSplit.PerRequest noopSplit = CpuSplit.perRequest(noopCpu, cpu.read(), noop.accepted());
            windows.noop.add(new Instant[] {noopStart, Instant.now()});
            System.out.println(noop);
            System.out.println("   CPU per answered request, hot listing (with the log's catching up): " + hotSplit);
            System.out.println("   CPU per answered request, no-op ceiling:                           " + noopSplit);
            cpuSplits.add(new CpuSplit.PerRequest[] {hotSplit, noopSplit});
            if (off == null) {
                off = closedLoop("HTTP, hot, log off", i -> httpBid(portOff, tokens[i], HOT_HTTP));
                System.out.println(off);
                quiet = closedLoop("HTTP, hot, outbox off", i -> httpBid(portQuiet, tokens[i], HOT_HTTP));
                System.out.println(quiet);
                awaitAuditCaughtUp(targets.jdbcQuiet());
            }
            Result spread = closedLoop("HTTP, 1,000 listings",
                    i -> httpBid(port, tokens[i], SPREAD_FIRST + ThreadLocalRandom.current().nextInt(SPREAD)));
            System.out.println(spread);
            awaitAuditCaughtUp(jdbc);
            Result half = openLoop("HTTP, hot, half rate", port, tokens, hot.acceptedPerSecond() / 2);
            System.out.println(half);
            awaitAuditCaughtUp(jdbc);
            PgStats.print(jdbc, "no-op, spread and half-rate runs and the audit log's catching up");
            rounds.add(new Result[] {raw, hot, spread, half, off, noop, quiet});
        }
        System.out.println();
        ratio("hot HTTP / raw JDBC bids/s   (target >= 4)  ", rounds, r -> r[1].acceptedPerSecond() / r[0].acceptedPerSecond());
        ratio("spread / hot bids/s          (target >= 1.0)", rounds, r -> r[2].acceptedPerSecond() / r[1].acceptedPerSecond());
        ratio("spread p99 / hot p99         (target <= 1.5)", rounds, r -> (double) r[2].p99Micros() / r[1].p99Micros());
        ratio("p99 at half rate / raw p99   (target <= 3)  ", rounds, r -> (double) r[3].p99Micros() / r[0].p99Micros());
        ratio("hot log on / log off bids/s  (target >= 0.8)", rounds, r -> r[1].acceptedPerSecond() / r[4].acceptedPerSecond());
        ratio("hot bids/s / no-op ceiling   (target >= 0.6)", rounds, r -> r[1].acceptedPerSecond() / r[5].acceptedPerSecond());
        ratio("hot outbox on / off bids/s   (no target)    ", rounds, r -> r[1].acceptedPerSecond() / r[6].acceptedPerSecond());
        System.out.printf(Locale.ROOT, "audit log caught up after the hot runs in %s ms%n", catchUps);
        spread("CPU per answered request, hot: service, µs      ", cpuSplits.stream().mapToDouble(x -> x[0].service()).toArray());
        spread("CPU per answered request, hot: PostgreSQL, µs   ", cpuSplits.stream().mapToDouble(x -> x[0].postgres()).toArray());
        spread("CPU per answered request, hot: load generator, µs", cpuSplits.stream().mapToDouble(x -> x[0].generator()).toArray());
        spread("CPU per answered request, no-op: service, µs    ", cpuSplits.stream().mapToDouble(x -> x[1].service()).toArray());
        spread("CPU per answered request, no-op: load generator, µs", cpuSplits.stream().mapToDouble(x -> x[1].generator()).toArray());
        double[] cpuRatio = cpuSplits.stream().mapToDouble(x -> x[0].total() / x[1].total()).sorted().toArray();
        System.out.printf(Locale.ROOT, "CPU per answered request, hot / no-op (all processes): median %.2f  (min %.2f, max %.2f"
                + " over %d repeats)%n", cpuRatio[cpuRatio.length / 2], cpuRatio[0], cpuRatio[cpuRatio.length - 1],
                cpuRatio.length);
        spread("service VmRSS during the hot runs, MiB (goal <= 768)", rss.stream().mapToDouble(r -> r[0]).toArray());
        spread("service VmRSS after the hot runs, MiB               ", rss.stream().mapToDouble(r -> r[1]).toArray());
        ResidentMemory.Reading end = memory.read();
        System.out.printf(Locale.ROOT, "service VmHWM (peak resident) over the whole benchmark: %.0f MiB; VmRSS now %.0f MiB%n",
                end.hwmMiB(), end.rssMiB());
    }

    /** Waits until the service's sequencer has logged every pending entry; returns how long that took. */
    private static long awaitAuditCaughtUp(String jdbc) throws Exception {
        long start = System.nanoTime();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("select count(*) from audit_pending")) {
                    rs.next();
                    if (rs.getLong(1) == 0) {
                        return (System.nanoTime() - start) / 1_000_000;
                    }
                }
                if (System.nanoTime() - start > TimeUnit.MINUTES.toNanos(5)) {
                    throw new IllegalStateException("the audit log did not catch up within 5 minutes");
                }
                Thread.sleep(20);
            }
        }
    }

    /** The committed memory of each of the JVM's areas (jcmd VM.native_memory summary), in MiB. */
    private static void nativeMemory(long pid) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "VM.native_memory", "summary", "scale=MB")
                .redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        jcmd.waitFor(30, TimeUnit.SECONDS);
        System.out.println("   native memory tracking (committed MiB by area):");
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(?m)^(?:-\\s*)?([A-Za-z][A-Za-z ]*?):?\\s*\\(?reserved=(\\d+)MB, committed=(\\d+)MB").matcher(out);
        StringBuilder line = new StringBuilder("     ");
        while (m.find()) {
            if (!m.group(3).equals("0")) {
                line.append(m.group(1).trim()).append(' ').append(m.group(3)).append(";  ");
            }
        }
        System.out.println(line.length() > 5 ? line : out);
    }

    private static void spread(String name, double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: median %.0f  (min %.0f, max %.0f over %d repeats)%n", name,
                sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    private static void ratio(String name, List<Result[]> rounds, java.util.function.ToDoubleFunction<Result[]> f) {
        double[] values = rounds.stream().mapToDouble(f).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: median %.2f  (min %.2f, max %.2f over %d repeats)%n", name,
                values[values.length / 2], values[0], values[values.length - 1], values.length);
    }

    /** One client's action: true when the bid was accepted. */
    interface Action {
        boolean bid(int client) throws Exception;
    }

    private static Result closedLoop(String name, Action action) throws InterruptedException {
        Instant warmEnd = Instant.now().plus(WARMUP);
        Instant end = warmEnd.plus(RUN);
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try {
                    while (Instant.now().isBefore(end)) {
                        long t0 = System.nanoTime();
                        boolean ok = action.bid(client);
                        long micros = (System.nanoTime() - t0) / 1_000;
                        if (Instant.now().isAfter(warmEnd)) {
                            (ok ? accepted : rejected).incrementAndGet();
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = micros;
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    latencies.add(Arrays.copyOf(mine, n));
                    done.countDown();
                }
            });
            t.start();
        }
        done.await();
        return result(name, accepted.get(), rejected.get(), latencies);
    }

    /**
     * Sends bids at a fixed rate whatever the answers (open loop): a pacer queues the intended send
     * times, the clients' connections take them in turn, and each latency counts from the intended
     * time, so a slow answer cannot hide the requests that waited behind it.
     */
    private static Result openLoop(String name, int port, String[] tokens, double rate) throws InterruptedException {
        long intervalNanos = (long) (1e9 / Math.max(rate, 1));
        long start = System.nanoTime() + WARMUP.toNanos();
        long end = start + RUN.toNanos();
        java.util.concurrent.BlockingQueue<Long> due = new java.util.concurrent.LinkedBlockingQueue<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                long[] mine = new long[1 << 12];
                int n = 0;
                try {
                    while (true) {
                        Long intended = due.poll(1, TimeUnit.SECONDS);
                        if (intended == null) {
                            if (System.nanoTime() > end) {
                                break;
                            }
                            continue;
                        }
                        if (intended < 0) {
                            break;
                        }
                        boolean ok = httpBid(port, tokens[client], HALF_RATE);
                        if (intended >= start) {
                            (ok ? accepted : rejected).incrementAndGet();
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = (System.nanoTime() - intended) / 1_000;
                        }
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                } finally {
                    latencies.add(Arrays.copyOf(mine, n));
                    done.countDown();
                }
            });
            t.start();
        }
        for (long next = System.nanoTime(); next < end; next += intervalNanos) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            due.add(next);
        }
        for (int c = 0; c < CLIENTS; c++) {
            due.add(-1L);
        }
        done.await();
        return result(name, accepted.get(), rejected.get(), latencies);
    }

    private static Result result(String name, long accepted, long rejected, ConcurrentLinkedQueue<long[]> parts) {
        long[] all = parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        if (all.length == 0) {
            return new Result(name, 0, 0, RUN.toMillis() / 1000.0, 0, 0, 0);
        }
        return new Result(name, accepted, rejected, RUN.toMillis() / 1000.0, all[(int) (all.length * 0.50)],
                all[Math.min(all.length - 1, (int) (all.length * 0.99))], all[all.length - 1]);
    }

    // ---- HTTP: a minimal keep-alive HTTP/1.1 client per benchmark client, so that the load
    // generator costs little CPU next to the service on the same machine.

    private static final AtomicLongArray NEXT_AMOUNT = new AtomicLongArray(SPREAD + 10);
    private static final ThreadLocal<java.util.Map<Integer, RawHttp>> SOCKET =
            ThreadLocal.withInitial(java.util.HashMap::new);

    private static long nextAmount(long listingId) {
        int slot = listingId >= SPREAD_FIRST ? (int) (listingId - SPREAD_FIRST) + 10 : (int) listingId;
        return NEXT_AMOUNT.getAndAdd(slot, INCREMENT_FEN) + START_FEN;
    }

    private static String bidJson(long listingId) {
        long amount = nextAmount(listingId);
        return "{\"amount\":\"" + amount / 100 + "." + String.format(Locale.ROOT, "%02d", amount % 100) + "\"}";
    }

    private static boolean httpBid(int port, String token, long listingId) throws IOException {
        int status = connection(port).post("/api/listings/" + listingId + "/bids", token, bidJson(listingId));
        if (status != 201 && status != 409) {
            throw new IllegalStateException("Unexpected HTTP status " + status);
        }
        return status == 201;
    }

    /** The no-op bid: the same path shape, token, headers and body size as a hot bid; always 201. */
    private static boolean httpNoop(int port, String token) throws IOException {
        int status = connection(port).post("/api/listings/" + NOOP + "/bids/noop", token, bidJson(NOOP));
        if (status != 201) {
            throw new IllegalStateException("Unexpected HTTP status " + status + " from the no-op bid");
        }
        return true;
    }

    private static RawHttp connection(int port) throws IOException {
        RawHttp connection = SOCKET.get().get(port);
        if (connection == null) {
            connection = new RawHttp(port);
            SOCKET.get().put(port, connection);
        }
        return connection;
    }

    /** One persistent HTTP/1.1 connection that posts JSON and reads the status and body. */
    static final class RawHttp {
        private final java.net.Socket socket;
        private final java.io.OutputStream out;
        private final java.io.InputStream in;
        /** The body of the last answer. */
        byte[] lastBody = new byte[0];

        RawHttp(int port) throws IOException {
            socket = new java.net.Socket("127.0.0.1", port);
            socket.setTcpNoDelay(true);
            out = new java.io.BufferedOutputStream(socket.getOutputStream());
            in = new java.io.BufferedInputStream(socket.getInputStream());
        }

        int post(String path, String token, String json) throws IOException {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                    + "\r\nContent-Type: application/json\r\nIdempotency-Key: " + UUID.randomUUID()
                    + "\r\nContent-Length: " + body.length + "\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            int length = 0;
            String header;
            while (!(header = line()).isEmpty()) {
                if (header.regionMatches(true, 0, "content-length:", 0, 15)) {
                    length = Integer.parseInt(header.substring(15).trim());
                }
            }
            lastBody = in.readNBytes(length);
            return status;
        }

        private String line() throws IOException {
            StringBuilder b = new StringBuilder();
            int c;
            while ((c = in.read()) != '\n') {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    b.append((char) c);
                }
            }
            return b.toString();
        }
    }

    // ---- raw JDBC baseline

    private static final ThreadLocal<Connection> CONNECTION = new ThreadLocal<>();

    private static boolean jdbcBid(String jdbc, int client) throws SQLException {
        Connection c = CONNECTION.get();
        if (c == null) {
            c = DriverManager.getConnection(jdbc, "postgres", "postgres");
            c.setAutoCommit(false);
            CONNECTION.set(c);
        }
        long amount;
        int seq;
        try (PreparedStatement lock = c.prepareStatement(
                "select highest_bid_fen, bid_count from listing where id = ? for update")) {
            lock.setLong(1, HOT_JDBC);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                long highest = rs.getObject(1) == null ? START_FEN - INCREMENT_FEN : rs.getLong(1);
                amount = highest + INCREMENT_FEN;
                seq = rs.getInt(2) + 1;
            }
        }
        try (PreparedStatement insert = c.prepareStatement("""
                insert into bid (id, listing_id, seq, registration_id, bidder_no, amount_fen, accepted_at, phase,
                                 deadline, idempotency_key)
                select nextval('bid_seq'), ?, ?, r.id, r.bidder_no, ?, now(), 'LISTING', now() + interval '30 days', ?
                from registration r where r.listing_id = ? and r.enterprise_code = ?""")) {
            insert.setLong(1, HOT_JDBC);
            insert.setInt(2, seq);
            insert.setLong(3, amount);
            insert.setString(4, UUID.randomUUID().toString());
            insert.setLong(5, HOT_JDBC);
            insert.setString(6, ENTERPRISES.get(client));
            insert.executeUpdate();
        }
        try (PreparedStatement update = c.prepareStatement(
                "update listing set highest_bid_fen = ?, bid_count = ? where id = ?")) {
            update.setLong(1, amount);
            update.setInt(2, seq);
            update.setLong(3, HOT_JDBC);
            update.executeUpdate();
        }
        c.commit();
        return true;
    }

    // ---- set-up

    private static final List<String> ENTERPRISES = new ArrayList<>();

    static void enterprises() {
        for (int i = 0; i < CLIENTS; i++) {
            ENTERPRISES.add(CreditCode.complete(String.format(Locale.ROOT, "91510703MA%07d", i)));
        }
    }

    static void prepare(String jdbc) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("insert into county (code, name) values ('510722', '三台县')");
            s.execute("insert into township (code, name, county_code) values ('510722201', '芦溪镇', '510722')");
            s.execute("""
                    insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code,
                        source_project, area_m2, acceptance_doc_no, valid_until, issued_at, issued_by)
                    values (1, 'LS-BENCH-1', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510722201', '510722201', 'bench',
                        100000000, 'BENCH', current_date + 3650, now(), 'bench')""");
            OutsideData.verifiedEnterprises(c, ENTERPRISES, "Bench");
            String listings = """
                    insert into listing (id, listing_no, title, certificate_id, seller_code, asset_type, region_code,
                        lot_area_m2, start_price_fen, increment_fen, deposit_fen, announce_at, registration_deadline,
                        listing_start, listing_end, countdown_seconds, eligible_regions, payment_terms, status,
                        created_at, announced_at)
                    select g, 'BENCH-' || g, 'bench ' || g, 1, '510722201', 'LINKAGE_SURPLUS', '510722201', 1,
                        %d, %d, %d, now() - interval '30 days', now() + interval '20 days', now() - interval '1 day',
                        now() + interval '30 days', 300, '[]',
                        '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30}',
                        'LISTING', now() - interval '31 days', now() - interval '30 days'
                    from (select unnest(array[1, 2, 3]) g union all select generate_series(%d, %d)) ids""";
            s.execute(String.format(Locale.ROOT, listings, START_FEN, INCREMENT_FEN, START_FEN / 5, SPREAD_FIRST,
                    SPREAD_FIRST + SPREAD - 1));
            s.execute("""
                    insert into registration (id, listing_id, enterprise_code, virtual_account, deposit_fen,
                        deposit_deadline, deposit_received_fen, status, bidder_no, qualified_at, registered_at)
                    select nextval('registration_seq'), l.id, e.credit_code, 'V' || l.id || '-' || e.credit_code,
                        l.deposit_fen, now(), l.deposit_fen, 'QUALIFIED',
                        substr(md5(l.id || e.credit_code), 1, 8), now(), now()
                    from listing l cross join enterprise e""");
            s.execute("vacuum analyze");
        }
    }

    static String[] tokens() throws Exception {
        String[] tokens = new String[CLIENTS];
        for (int i = 0; i < CLIENTS; i++) {
            tokens[i] = OutsideTokens.sign("bench-" + i, "enterprise", ENTERPRISES.get(i));
        }
        return tokens;
    }


    static Process startService(Path jar, String jdbc, int port, int managementPort, boolean auditLog)
            throws IOException {
        return startService(jar, jdbc, port, managementPort, auditLog, List.of(),
                auditLog ? "bench-service.log" : "bench-service-log-off.log", java.util.Map.of());
    }

    /**
     * Starts the packaged service with a deployment's JVM options ({@link DeploymentJvm}) and these
     * extra ones, on 127.0.0.1, its output in {@code target/<log>}, with more environment variables
     * (the settings of one benchmark part). The benchmark's no-op bid is on.
     */
    static Process startService(Path jar, String jdbc, int port, int managementPort, boolean auditLog,
            List<String> extraJvm, String log, java.util.Map<String, String> environment) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("java");
        command.addAll(DeploymentJvm.options());
        command.addAll(extraJvm);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(DeploymentJvm.environment());
        builder.environment().put("MARKET_BENCHMARK_NOOP_ENABLED", "true");
        builder.environment().put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        builder.environment().put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        builder.environment().put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        builder.environment().put("QUARKUS_HTTP_PORT", String.valueOf(port));
        builder.environment().put("QUARKUS_HTTP_HOST", "127.0.0.1");
        builder.environment().put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        builder.environment().put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        builder.environment().put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                Path.of("src/test/resources/test-keys/publicKey.pem").toAbsolutePath().toString());
        builder.environment().put("MARKET_BANK_HMAC_SECRET", "bench-secret-of-at-least-32-bytes");
        // printed on documents; the packaged service refuses to start without a public one
        builder.environment().put("MARKET_DOCUMENTS_PUBLIC_URL", "https://bench.example.org");
        builder.environment().put("MARKET_AUDIT_SIGNING_KEY", auditKey());
        builder.environment().put("MARKET_AUDIT_ENABLED", String.valueOf(auditLog));
        // the packaged service refuses to run with the log off, unless told it is this benchmark
        builder.environment().put("MARKET_AUDIT_OFF_FOR_BENCHMARK", String.valueOf(!auditLog));
        // Every benchmark client comes from 127.0.0.1 as fast as it can: lift the bid rate limits.
        builder.environment().put("MARKET_BIDDING_BIDS_PER_SECOND_PER_BIDDER", "1000000");
        builder.environment().put("MARKET_BIDDING_BID_BURST_PER_BIDDER", "1000000");
        builder.environment().put("MARKET_BIDDING_BIDS_PER_SECOND_PER_ADDRESS", "1000000");
        builder.environment().put("MARKET_BIDDING_BID_BURST_PER_ADDRESS", "1000000");
        // No identity provider here: the web pages' sign-in (OpenID Connect) is off, as in dev and test.
        builder.environment().put("QUARKUS_OIDC_TENANT_ENABLED", "false");
        builder.environment().put("QUARKUS_LOG_LEVEL", "WARN");
        builder.environment().put("QUARKUS_LOG_CATEGORY__CN_LANDMARKET_AUCTION__LEVEL",
                System.getProperty("bench.serviceLog", "WARN"));
        builder.environment().put("QUARKUS_LOG_CATEGORY__CN_LANDMARKET_AUCTION__MIN_LEVEL", "DEBUG");
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(Path.of("target", log).toFile());
        return builder.start();
    }

    /** A throw-away Ed25519 key (base64 PKCS#8) for the service's audit checkpoints. */
    static String auditKey() {
        try {
            return Base64.getEncoder().encodeToString(java.security.KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair().getPrivate().getEncoded());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for readiness on the management port, where the packaged service serves health. */
    static void waitUntilReady(int managementPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plusSeconds(90);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("The service did not become ready; see target/bench-service.log");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
