package cn.landmarket.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;

import cn.landmarket.cluster.CloseStorm;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The close storm ({@code -Dexec.args=closestorm}): three instances of the packaged service on one
 * durable embedded PostgreSQL (fsync and synchronous commit on); in each repeat 1,000 listings whose
 * listing periods end in the same second, 400 without a bid (unsold, the lot released on one of 100
 * certificates), 400 with one bidder (sold), 200 with two bidders who go on bidding in timed
 * bidding (countdown 15 s, each bid pushing it back) for 20 s. Reports, from the database, the close
 * lag (the commit of the transition − its deadline: the listing end, or the final countdown deadline;
 * {@link CloseStorm} says why the commit) p50 / p99 / max
 * of the storm and of the countdowns, and whether every listing closed exactly once; then min /
 * median / max of each figure over the repeats. A storm as large first warms the instances up (not
 * counted; shorter timed bidding). With {@code -Dexec.args="closestorm cold"} each repeat runs instead
 * on three instances started for it, with no storm before it: a storm right after a deployment.
 * Settings: {@code -Dbench.repeats=3 -Dstorm.warmup=1000
 * -Dstorm.listings=1000 -Dstorm.timed=200 -Dstorm.countdown=15 -Dstorm.timedBidding=20}; the instances' JVM
 * options {@code -Dbench.jvm="-Xmx1g"} (the default) and added environment
 * {@code -Dbench.env="NAME=value NAME=value"} (for instance {@code MARKET_TIMELINE_CLOSE_REHEARSAL=0}).
 */
public final class CloseStormBenchmark {

    private static final int LISTINGS = Integer.getInteger("storm.listings", 1_000);
    private static final int TIMED = Integer.getInteger("storm.timed", 200);
    /**
     * The warm-up storm's listings (a fifth of them in timed bidding), not counted: as many as a
     * measured storm, so that the repeats compare storms on instances in the same steady state. The
     * instances' first storm after their start used to run on cold code (2.5–3.4 s to the last close
     * where the warm storms took 0.6–1.2 s); they now rehearse closes while they start, and
     * {@code closestorm cold} measures that first storm.
     */
    private static final int WARMUP = Integer.getInteger("storm.warmup", LISTINGS);
    private static final int COUNTDOWN = Integer.getInteger("storm.countdown", 15);
    private static final Duration TIMED_BIDDING = Duration.ofSeconds(Integer.getInteger("storm.timedBidding", 20));
    private static final long ON_TIME_MILLIS = 2_000;
    private static final List<Process> PROCESSES = new CopyOnWriteArrayList<>();
    /** With {@code -Dbench.jfr=true}, instance a runs under a flight recording, summarised over the storms. */
    private static final boolean JFR = Boolean.getBoolean("bench.jfr");
    private static final Path JFR_FILE = Path.of("target", "bench-closestorm-a.jfr");
    /** The storms' first seconds after the listing end, for the flight recording's summary. */
    private static final List<java.time.Instant[]> STORMS = new CopyOnWriteArrayList<>();
    /** The warm-up storm's first 3 s, on the cold instances. */
    private static final List<java.time.Instant[]> COLD_STORM = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> PROCESSES.forEach(Process::destroyForcibly)));
    }

    private CloseStormBenchmark() {
    }

    static void run(int repeats, boolean cold) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the service first: ./mvnw -B -DskipTests package");
        }
        EmbeddedPostgres.Builder server = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
                .setServerConfig("shared_buffers", "256MB").setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on").setServerConfig("track_commit_timestamp", "on");
        PgStats.configure(server);
        try (EmbeddedPostgres pg = server.start()) {
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            String auditKey = BidBenchmark.auditKey();
            List<Integer> ports = new ArrayList<>();
            List<Integer> managementPorts = new ArrayList<>();
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                ports.add(BidBenchmark.freePort());
                managementPorts.add(BidBenchmark.freePort());
                urls.add("http://127.0.0.1:" + ports.get(i));
            }
            Files.deleteIfExists(JFR_FILE);
            List<Process> instances = start(jar, jdbc, ports, managementPorts, auditKey, JFR && !cold);
            PgStats.install(jdbc);
            CloseStorm storm = new CloseStorm(jdbc, "postgres", "postgres", urls, 64);
            if (cold) {
                stop(instances);
                coldStorms(storm, jdbc, repeats, () -> start(jar, jdbc, ports, managementPorts, auditKey, false));
                return;
            }
            try {
                storms(storm, jdbc, repeats);
            } finally {
                stop(instances);
            }
            if (JFR) {
                JfrSummary.print(JFR_FILE, "instance a, the warm-up storm's first 3 s (newly started)", COLD_STORM, 25);
                JfrSummary.print(JFR_FILE, "instance a, the storms' first 3 s", STORMS, 25);
            }
        }
    }

    /** Starts the three instances on these ports and waits until each is ready. */
    private static List<Process> start(Path jar, String jdbc, List<Integer> ports, List<Integer> managementPorts,
            String auditKey, boolean jfr) throws Exception {
        List<Process> instances = new ArrayList<>();
        List<String> names = List.of("a", "b", "c");
        for (int i = 0; i < names.size(); i++) {
            instances.add(start(jar, jdbc, ports.get(i), managementPorts.get(i), auditKey, names.get(i),
                    jfr && i == 0));
        }
        for (int management : managementPorts) {
            BidBenchmark.waitUntilReady(management);
        }
        return instances;
    }

    private static void stop(List<Process> instances) throws InterruptedException {
        for (Process p : instances) {
            p.destroy();
        }
        for (Process p : instances) {
            if (!p.waitFor(JFR ? 120 : 20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            PROCESSES.remove(p);
        }
    }

    /** Instances started for one storm, and started again for the next. */
    private interface Starter {
        List<Process> start() throws Exception;
    }

    /**
     * The cold storms ({@code closestorm cold}): each repeat on three instances started for it, with
     * no storm before it, as a storm that comes right after a deployment; the instances rehearse
     * their closes while they start unless {@code -Dbench.env=MARKET_TIMELINE_CLOSE_REHEARSAL=0}.
     */
    private static void coldStorms(CloseStorm storm, String jdbc, int repeats, Starter starter) throws Exception {
        System.out.printf(Locale.ROOT, "%nClose storm on newly started instances: 3 instances started for each "
                + "repeat, %d listings ending in the same second, %d of them in timed bidding (countdown %d s, "
                + "bids for %d s), %d repeats, %d cores; instances' environment: %s%n", LISTINGS, TIMED, COUNTDOWN,
                TIMED_BIDDING.toSeconds(), repeats, Runtime.getRuntime().availableProcessors(),
                System.getProperty("bench.env", "").isBlank() ? "default" : System.getProperty("bench.env"));
        List<CloseStorm.Outcome> outcomes = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            long starting = System.nanoTime();
            List<Process> instances = starter.start();
            System.out.printf(Locale.ROOT, "-- repeat %d (instances ready %d ms after their start)%n", r,
                    (System.nanoTime() - starting) / 1_000_000);
            try {
                // as long as the warm-up storm's: cold instances set a thousand listings up more slowly
                CloseStorm.Outcome o = storm.run(3_000_000L * r, new CloseStorm.Settings(LISTINGS, TIMED,
                        (LISTINGS - TIMED) / 2, 10, Duration.ofSeconds(Math.max(15, LISTINGS * 60L / 1000)), COUNTDOWN,
                        TIMED_BIDDING, Duration.ofSeconds(2), 16), Duration.ofMinutes(3));
                System.out.println(describe(o));
                outcomes.add(o);
            } finally {
                stop(instances);
            }
        }
        summary(outcomes);
    }

    private static void storms(CloseStorm storm, String jdbc, int repeats) throws Exception {
        System.out.printf(Locale.ROOT, "%nClose storm: 3 instances, %d listings ending in the same second, %d of them "
                + "in timed bidding (countdown %d s, bids for %d s), %d repeats, %d cores%n", LISTINGS, TIMED,
                COUNTDOWN, TIMED_BIDDING.toSeconds(), repeats, Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "-- warm-up storm on the newly started instances (not counted): %d "
                + "listings, %d in timed bidding%n", WARMUP, WARMUP / 5);
        // the cold instances need about a minute to set up a thousand listings before they end
        Duration endsIn = Duration.ofSeconds(Math.max(15, WARMUP * 60L / 1000));
        CloseStorm.Outcome cold = storm.run(1_000_000, new CloseStorm.Settings(WARMUP, WARMUP / 5, WARMUP * 2 / 5,
                10, endsIn, 5, Duration.ofSeconds(5), Duration.ofSeconds(1), 16), Duration.ofMinutes(2));
        System.out.println(describe(cold));
        COLD_STORM.add(new java.time.Instant[] {cold.end(), cold.end().plusSeconds(3)});
        PgStats.print(jdbc, "the warm-up storm and its set-up");
        List<CloseStorm.Outcome> outcomes = new ArrayList<>();
        for (int r = 1; r <= repeats; r++) {
            System.out.printf(Locale.ROOT, "-- repeat %d%n", r);
            CloseStorm.Outcome o = storm.run(2_000_000L * r, new CloseStorm.Settings(LISTINGS, TIMED,
                    (LISTINGS - TIMED) / 2, 10, Duration.ofSeconds(30), COUNTDOWN, TIMED_BIDDING,
                    Duration.ofSeconds(2), 16), Duration.ofMinutes(3));
            System.out.println(describe(o));
            PgStats.print(jdbc, "repeat " + r + " and its set-up");
            outcomes.add(o);
            STORMS.add(new java.time.Instant[] {o.end(), o.end().plusSeconds(3)});
        }
        summary(outcomes);
    }

    private static void summary(List<CloseStorm.Outcome> outcomes) {
        System.out.println();
        spread("storm (listing end) close lag p50", outcomes, o -> o.listingEnd().percentile(0.50));
        spread("storm (listing end) close lag p99", outcomes, o -> o.listingEnd().percentile(0.99));
        spread("storm (listing end) close lag max", outcomes, o -> o.listingEnd().max());
        spread("countdown close lag p50          ", outcomes, o -> o.countdown().percentile(0.50));
        spread("countdown close lag p99          ", outcomes, o -> o.countdown().percentile(0.99));
        spread("countdown close lag max          ", outcomes, o -> o.countdown().max());
        spread("commit after the history's time, max", outcomes, o -> o.recordedToCommit().max());
        spread("every close, lag max (goal <= 2000 ms)", outcomes, o -> o.all().max());
        long notOnce = outcomes.stream().mapToLong(o -> o.notExactlyOnce() + o.wrongTimedBidding()).sum();
        long late = outcomes.stream().mapToLong(o -> java.util.Arrays.stream(o.all().millis())
                .filter(m -> m > ON_TIME_MILLIS || m < 0).count()).sum();
        System.out.printf(Locale.ROOT, "exactly once: %s (%d listings over all repeats closed other than once); "
                + "closes later than 2 s or early: %d%n", notOnce == 0 ? "yes" : "NO", notOnce, late);
    }

    private static String describe(CloseStorm.Outcome o) {
        return String.format(Locale.ROOT, "   listing end: %s%n   countdown:   %s%n   commit after the time in the "
                + "history: %s%n   set-up %d ms, %d bids in timed "
                + "bidding on %d listings (%d refused between the listing end and timed bidding); listings not "
                + "closed exactly once: %d, with wrong timed bidding: %d", o.listingEnd(), o.countdown(),
                o.recordedToCommit(),
                o.setUp().toMillis(), o.timedBids(), o.timedListingsBidOn(), o.refusedBids(), o.notExactlyOnce(),
                o.wrongTimedBidding());
    }

    private static void spread(String name, List<CloseStorm.Outcome> outcomes, ToLongFunction<CloseStorm.Outcome> f) {
        long[] values = outcomes.stream().mapToLong(f).sorted().toArray();
        System.out.printf(Locale.ROOT, "%s: median %5d ms  (min %5d, max %5d over %d repeats)%n", name,
                values[values.length / 2], values[0], values[values.length - 1], values.length);
    }

    private static Process start(Path jar, String jdbc, int port, int managementPort, String auditKey, String name,
            boolean jfr) throws java.io.IOException {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(List.of(System.getProperty("bench.jvm", "-Xmx1g").trim().split("\\s+")));
        if (jfr) {
            command.add("-XX:StartFlightRecording=filename=" + JFR_FILE + ",settings=profile");
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        var env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc);
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                Path.of("src/test/resources/test-keys/publicKey.pem").toAbsolutePath().toString());
        env.put("MARKET_BANK_HMAC_SECRET", "bench-secret-of-at-least-32-bytes");
        // printed on documents; the packaged service refuses to start without a public one
        env.put("MARKET_DOCUMENTS_PUBLIC_URL", "https://bench.example.org");
        // one audit log, one signing key, as the instances of one deployment
        env.put("MARKET_AUDIT_SIGNING_KEY", auditKey);
        env.put("MARKET_BIDDING_BIDS_PER_SECOND_PER_BIDDER", "1000000");
        env.put("MARKET_BIDDING_BID_BURST_PER_BIDDER", "1000000");
        env.put("MARKET_BIDDING_BIDS_PER_SECOND_PER_ADDRESS", "1000000");
        env.put("MARKET_BIDDING_BID_BURST_PER_ADDRESS", "1000000");
        env.put("QUARKUS_OIDC_TENANT_ENABLED", "false");
        env.put("QUARKUS_LOG_LEVEL", "WARN");
        env.put("QUARKUS_LOG_CATEGORY__CN_LANDMARKET_AUCTION__LEVEL", System.getProperty("bench.serviceLog", "WARN"));
        env.put("QUARKUS_LOG_CATEGORY__CN_LANDMARKET_AUCTION__MIN_LEVEL", "DEBUG");
        for (String setting : System.getProperty("bench.env", "").trim().split("\\s+")) {
            if (!setting.isEmpty()) {
                env.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        builder.redirectErrorStream(true)
                .redirectOutput(Path.of("target", "bench-closestorm-" + name + ".log").toFile());
        Process process = builder.start();
        PROCESSES.add(process);
        return process;
    }
}
