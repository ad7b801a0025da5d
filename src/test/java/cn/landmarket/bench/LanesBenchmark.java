package cn.landmarket.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.landmarket.party.CreditCode;
import cn.landmarket.testing.OutsideData;
import cn.landmarket.testing.OutsideTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Lanes that do not grow: the bid batcher's per-listing state over 10,000 distinct listings that
 * open, take a few bids and close by their listing period ending, one instance of the packaged
 * service, about two minutes ({@code -Dexec.args=lanes}).
 * <p>
 * Every second a wave of 100 listings opens (status LISTING, each of the 8 bidders qualified on it),
 * its listing period ending {@value #OPEN_SECONDS} s later with a countdown of
 * {@value #COUNTDOWN_SECONDS} s. Each listing first gets one bid as soon as a bidder is free, then
 * the bidders bid on the listings of the waves that are open, and
 * until {@value #AFTER_END_MILLIS} ms after their end (so bids also land in timed bidding, and after
 * the close); one bid in twenty goes to a listing of an earlier wave that has most likely closed
 * (refused, its lane must go again). The service's closer moves each listing to timed bidding and
 * then to SOLD.
 * <p>
 * Every {@value #SAMPLE_MILLIS} ms a sampler reads the number of open listings (status LISTING or
 * TIMED_BIDDING) from the database, then {@code market_bid_lanes} from the instance's
 * {@code /q/metrics} (management port), then the open listings again, and checks
 * <pre>lanes &lt;= max(open before, open after) + listings with a bid in flight + 1</pre>
 * where a listing has a bid in flight when one of its bids was sent and not yet answered, or answered
 * less than {@value #GRACE_MILLIS} ms before the sample began (the batcher answers a batch before it
 * drops the lane of a listing it found closed), and the 1 is the listing the closer may have closed
 * and not yet dropped (it closes one listing at a time, then drops its lane). At the end, with every
 * listing closed and no bid in flight, no lane may be left. It prints the highest lane count, the
 * highest open count, the final lane count and every violation; it fails (exit status 1) on any.
 */
final class LanesBenchmark {

    private static final int WAVES = Integer.getInteger("bench.lanes.waves", 100);
    private static final int WAVE_SIZE = Integer.getInteger("bench.lanes.waveSize", 100);
    private static final int BIDDERS = 8;
    private static final long WAVE_EVERY_MILLIS = 1_000;
    private static final int OPEN_SECONDS = 5;
    private static final int COUNTDOWN_SECONDS = 2;
    private static final long AFTER_END_MILLIS = 2_500;
    private static final long SAMPLE_MILLIS = 250;
    private static final long GRACE_MILLIS = 200;
    private static final long THINK_MILLIS = 4;
    private static final long START_FEN = 1_000_000_00L;
    private static final long INCREMENT_FEN = 1_000_00L;
    private static final Pattern LANES = Pattern.compile("(?m)^market_bid_lanes(?:\\{[^}]*})?\\s+(\\S+)");

    private final String jdbc;
    private final int port;
    private final int management;
    private final int listings = WAVES * WAVE_SIZE;
    /** When each wave's listing period ends, System.nanoTime(); 0 before it opens. */
    private final AtomicLongArray waveEnd = new AtomicLongArray(WAVES);
    private final AtomicLongArray nextAmount;
    private final AtomicIntegerArray inFlight;
    private final AtomicLongArray answeredAt;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final ConcurrentHashMap<Integer, AtomicLong> others = new ConcurrentHashMap<>();
    /** Listings of the open waves without a first bid yet: the bidders take these first. */
    private final java.util.Queue<Integer> unbid = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile int opened;
    private volatile boolean bidding = true;
    private final List<String> enterprises = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final java.util.Queue<String> refusals = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private int samples;
    private long maxLanes;
    private long maxOpen;

    private LanesBenchmark(String jdbc, int port, int management) {
        this.jdbc = jdbc;
        this.port = port;
        this.management = management;
        this.nextAmount = new AtomicLongArray(listings + 1);
        this.inFlight = new AtomicIntegerArray(listings + 1);
        this.answeredAt = new AtomicLongArray(listings + 1);
        for (int i = 0; i <= listings; i++) {
            answeredAt.set(i, Long.MIN_VALUE);
        }
    }

    /** Runs the part; true when the lanes never exceeded their bound and none was left. */
    static boolean run() throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the service first: ./mvnw -B -DskipTests package");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("max_connections", "100").start()) {
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            int port = BidBenchmark.freePort();
            int management = BidBenchmark.freePort();
            Process service = BidBenchmark.startService(jar, jdbc, port, management, true, List.of(),
                    "bench-lanes-service.log", java.util.Map.of());
            try {
                BidBenchmark.waitUntilReady(management);
                LanesBenchmark bench = new LanesBenchmark(jdbc, port, management);
                bench.prepare();
                return bench.measure();
            } finally {
                service.destroy();
                service.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private void prepare() throws Exception {
        for (int i = 0; i < BIDDERS; i++) {
            enterprises.add(CreditCode.complete(String.format(Locale.ROOT, "91510703MB%07d", i)));
            tokens.add(OutsideTokens.sign("lanes-" + i, "enterprise", enterprises.get(i)));
        }
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("insert into county (code, name) values ('510722', '三台县')");
            s.execute("insert into township (code, name, county_code) values ('510722201', '芦溪镇', '510722')");
            // every listing's lot (1 m²) is frozen on the certificate, as listing it would have done
            s.execute("""
                    insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code,
                        source_project, area_m2, frozen_area_m2, acceptance_doc_no, valid_until, issued_at, issued_by)
                    values (1, 'LS-LANES-1', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510722201', '510722201', 'bench',
                        100000000, %d, 'BENCH', current_date + 3650, now(), 'bench')""".formatted(listings));
            // and in the quota ledger, as the opening balances of V4__settlement.sql book it, so that an
            // UNSOLD close can release its lot
            s.execute("""
                    insert into ledger_account (id, ledger, normal_side, created_at) values
                        ('CERT:1:AREA_M2', 'AREA_M2', 'CREDIT', now()), ('CERT:1:FROZEN:AREA_M2', 'AREA_M2', 'CREDIT', now())
                    on conflict do nothing""");
            s.execute("""
                    insert into ledger_transfer (id, ledger, debit_account, credit_account, amount, kind, phase,
                        reference, created_at)
                    select 'cert:1:issue:AREA_M2', 'AREA_M2', 'QUOTA:ISSUED:AREA_M2', 'CERT:1:AREA_M2', area_m2, 'ISSUE',
                        'POSTED', cert_no, now() from certificate where id = 1
                    union all
                    select 'cert:1:opening-freeze:AREA_M2', 'AREA_M2', 'CERT:1:AREA_M2', 'CERT:1:FROZEN:AREA_M2',
                        frozen_area_m2, 'FREEZE', 'POSTED', cert_no, now() from certificate where id = 1""");
            OutsideData.verifiedEnterprises(c, enterprises, "Lanes");
        }
    }

    /** Opens wave {@code w}: its listings (ids w*WAVE_SIZE+1 ...) in LISTING, every bidder qualified. */
    private void open(Connection c, int w) throws SQLException {
        int first = w * WAVE_SIZE + 1;
        int last = first + WAVE_SIZE - 1;
        try (Statement s = c.createStatement()) {
            s.execute(String.format(Locale.ROOT, """
                    insert into listing (id, listing_no, title, certificate_id, seller_code, asset_type, region_code,
                        lot_area_m2, start_price_fen, increment_fen, deposit_fen, announce_at, registration_deadline,
                        listing_start, listing_end, countdown_seconds, eligible_regions, payment_terms, status,
                        created_at, announced_at)
                    select g, 'LANES-' || g, 'lanes ' || g, 1, '510722201', 'LINKAGE_SURPLUS', '510722201', 1,
                        %d, %d, %d, now() - interval '30 days', now(), now() - interval '1 day',
                        now() + interval '%d seconds', %d, '[]',
                        '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30}',
                        'LISTING', now() - interval '31 days', now() - interval '30 days'
                    from generate_series(%d, %d) g""", START_FEN, INCREMENT_FEN, START_FEN / 5, OPEN_SECONDS,
                    COUNTDOWN_SECONDS, first, last));
            s.execute(String.format(Locale.ROOT, """
                    insert into registration (id, listing_id, enterprise_code, virtual_account, deposit_fen,
                        deposit_deadline, deposit_received_fen, status, bidder_no, qualified_at, registered_at)
                    select nextval('registration_seq'), l.id, e.credit_code, 'L' || l.id || '-' || substr(e.credit_code, 11),
                        l.deposit_fen, now(), l.deposit_fen, 'QUALIFIED',
                        substr(md5(l.id || e.credit_code), 1, 8), now(), now()
                    from listing l cross join enterprise e where l.id between %d and %d""", first, last));
        }
        waveEnd.set(w, System.nanoTime() + TimeUnit.SECONDS.toNanos(OPEN_SECONDS));
        for (int id = first; id <= last; id++) {
            unbid.add(id);
        }
        opened = w + 1;
    }

    private boolean measure() throws Exception {
        System.out.printf(Locale.ROOT, "%nBid lanes: %d listings in %d waves of %d, one wave a second, each open %d s"
                + " with a %d s countdown, %d bidders; JVM: %s%n", listings, WAVES, WAVE_SIZE, OPEN_SECONDS,
                COUNTDOWN_SECONDS, BIDDERS, String.join(" ", DeploymentJvm.options()));
        long started = System.nanoTime();
        List<Thread> clients = new ArrayList<>();
        for (int b = 0; b < BIDDERS; b++) {
            int bidder = b;
            Thread t = new Thread(() -> bid(bidder), "lanes-bidder-" + b);
            t.start();
            clients.add(t);
        }
        Thread sampler = new Thread(this::sampleUntilInterrupted, "lanes-sampler");
        sampler.start();
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            long next = System.nanoTime();
            for (int w = 0; w < WAVES; w++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                open(c, w);
                next += TimeUnit.MILLISECONDS.toNanos(WAVE_EVERY_MILLIS);
            }
            // the bidders stop once no wave takes bids any more
            TimeUnit.MILLISECONDS.sleep(TimeUnit.SECONDS.toMillis(OPEN_SECONDS) + AFTER_END_MILLIS);
            bidding = false;
            for (Thread t : clients) {
                t.join();
            }
            // every listing closes (countdown, closer) and the lanes go
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(45);
            long open;
            long lanes;
            do {
                TimeUnit.MILLISECONDS.sleep(500);
                open = openListings(c);
                lanes = lanes();
            } while ((open > 0 || lanes > 0) && System.nanoTime() < deadline);
            sampler.interrupt();
            sampler.join();
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "ran %.0f s: %d listings opened, %d bids sent (%d accepted, %d refused as"
                    + " the rules say, others %s)%n", seconds, (long) opened * WAVE_SIZE, sent.get(), accepted.get(),
                    refused.get(), others);
            System.out.printf(Locale.ROOT, "lanes: max %d, final %d; open listings: max %d, final %d (%d of %d closed:"
                    + " the closer's pace); %d samples, %d violations of lanes <= open + in flight + 1%n", maxLanes,
                    lanes, maxOpen, open, listings - open, listings, samples, violations.size());
            refusals.stream().collect(java.util.stream.Collectors.groupingBy(r -> r, java.util.stream.Collectors.counting()))
                    .forEach((r, n) -> System.out.println("  refused (of the first 200): " + n + " x " + r));
            violations.stream().limit(20).forEach(v -> System.out.println("  VIOLATION " + v));
            boolean ok = violations.isEmpty() && lanes <= open;
            if (lanes > open) {
                System.out.printf(Locale.ROOT, "  FINAL: %d lanes left with %d listings open and no bid in flight%n",
                        lanes, open);
            }
            System.out.println(ok ? "lanes never exceeded open listings + listings with bids in flight (+1): OK"
                    : "lanes exceeded their bound: FAILED");
            return ok;
        }
    }

    /** One bidder: bids on listings of the open waves until told to stop. */
    private void bid(int bidder) {
        BidBenchmark.RawHttp http = null;
        try {
            http = new BidBenchmark.RawHttp(port);
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (bidding) {
                int listing = pick(random);
                if (listing == 0) {
                    TimeUnit.MILLISECONDS.sleep(20);
                    continue;
                }
                long amount = START_FEN + nextAmount.getAndAdd(listing, INCREMENT_FEN);
                String json = "{\"amount\":\"" + amount / 100 + "." + String.format(Locale.ROOT, "%02d", amount % 100)
                        + "\"}";
                inFlight.incrementAndGet(listing);
                int status;
                try {
                    sent.incrementAndGet();
                    status = http.post("/api/listings/" + listing + "/bids", tokens.get(bidder), json);
                } finally {
                    answeredAt.set(listing, System.nanoTime());
                    inFlight.decrementAndGet(listing);
                }
                if (status == 201) {
                    accepted.incrementAndGet();
                } else if (status == 409) {
                    refused.incrementAndGet();
                    if (refusals.size() < 200) {
                        refusals.add(new String(http.lastBody, java.nio.charset.StandardCharsets.UTF_8)
                                .replaceAll(".*\"detail\":\"([^\"]*)\".*", "$1").replaceAll("[0-9.]+", "#"));
                    }
                } else {
                    others.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
                }
                TimeUnit.MILLISECONDS.sleep(THINK_MILLIS);
            }
        } catch (IOException | InterruptedException e) {
            e.printStackTrace();
        }
    }

    /**
     * A listing of a wave that takes bids now (open, or ended less than AFTER_END_MILLIS ago), or one bid
     * in twenty of an earlier wave, most likely closed; 0 when there is none.
     */
    private int pick(ThreadLocalRandom random) {
        Integer first = unbid.poll();
        if (first != null) {
            return first;
        }
        int waves = opened;
        long now = System.nanoTime();
        long cutoff = now - TimeUnit.MILLISECONDS.toNanos(AFTER_END_MILLIS);
        int firstActive = waves;
        while (firstActive > 0 && waveEnd.get(firstActive - 1) > cutoff) {
            firstActive--;
        }
        if (random.nextInt(20) == 0 && firstActive > 0) {
            int w = random.nextInt(Math.max(0, firstActive - 10), firstActive);
            return w * WAVE_SIZE + 1 + random.nextInt(WAVE_SIZE);
        }
        if (firstActive == waves) {
            return 0;
        }
        int w = random.nextInt(firstActive, waves);
        return w * WAVE_SIZE + 1 + random.nextInt(WAVE_SIZE);
    }

    private void sampleUntilInterrupted() {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres")) {
            while (!Thread.currentThread().isInterrupted()) {
                long begin = System.nanoTime();
                long openBefore = openListings(c);
                long lanes = lanes();
                long openAfter = openListings(c);
                long graceFrom = begin - TimeUnit.MILLISECONDS.toNanos(GRACE_MILLIS);
                int busy = 0;
                for (int i = 1; i <= listings; i++) {
                    if (inFlight.get(i) > 0 || answeredAt.get(i) >= graceFrom) {
                        busy++;
                    }
                }
                long open = Math.max(openBefore, openAfter);
                samples++;
                maxLanes = Math.max(maxLanes, lanes);
                maxOpen = Math.max(maxOpen, open);
                if (lanes > open + busy + 1) {
                    violations.add(String.format(Locale.ROOT, "after %d waves: %d lanes > %d open + %d with bids in"
                            + " flight + 1", opened, lanes, open, busy));
                }
                long wait = SAMPLE_MILLIS - (System.nanoTime() - begin) / 1_000_000;
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            }
        } catch (InterruptedException stop) {
            // done
        } catch (Exception e) {
            e.printStackTrace();
        }
    }

    private static long openListings(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select count(*) from listing where status in ('LISTING', 'TIMED_BIDDING')")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private final HttpClient metrics = HttpClient.newHttpClient();

    private long lanes() throws IOException, InterruptedException {
        String scrape = metrics.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + management + "/q/metrics"))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = LANES.matcher(scrape);
        if (!m.find()) {
            throw new IllegalStateException("market_bid_lanes is not in /q/metrics");
        }
        return (long) Double.parseDouble(m.group(1));
    }
}
