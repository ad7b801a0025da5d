package cn.landmarket.cluster;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import cn.landmarket.party.CreditCode;
import cn.landmarket.testing.OutsideData;
import cn.landmarket.testing.OutsideTokens;

/**
 * A close storm against running instances of the service that share one database (used by
 * {@link CloseStormIT} and by the benchmark's {@code closestorm} part): many listings whose listing
 * periods end in the same second, on lots frozen on many certificates; some with no bid (they close
 * unsold and their lots go back to the certificate), some with one bidder (sold at once), and some
 * with two bidders who go on bidding in timed bidding, each bid pushing the countdown back, until
 * the bidding window ends and the countdowns run out. Then, from the database: how late each close
 * came after its deadline (the listing end, or the countdown deadline for timed bidding), and
 * whether each listing closed exactly once.
 *
 * <p>A close counts from the commit of the transaction that wrote it, when bidders and watchers can
 * first see it, not from the time the service recorded in the listing's history (taken when its
 * batch began, up to a batch's duration earlier): the database must run with
 * {@code track_commit_timestamp = on}, and the storm refuses to start without it.
 */
public final class CloseStorm {

    private static final long START_FEN = 10_000_00L;
    private static final long INCREMENT_FEN = 1_000_00L;

    /** What one storm is made of. */
    public record Settings(int listings, int timed, int soldAtOnce, int listingsPerCertificate, Duration endsIn,
            int countdownSeconds, Duration timedBidding, Duration bidEvery, int clients) {
    }

    /** Close lags in milliseconds (commit of the transition − deadline), sorted. */
    public record Lags(long[] millis) {
        public long percentile(double p) {
            return millis.length == 0 ? 0 : millis[Math.min(millis.length - 1, (int) (millis.length * p))];
        }

        public long min() {
            return millis.length == 0 ? 0 : millis[0];
        }

        public long max() {
            return millis.length == 0 ? 0 : millis[millis.length - 1];
        }

        public int count() {
            return millis.length;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n %4d  min %5d ms  p50 %5d ms  p99 %5d ms  max %5d ms", count(), min(),
                    percentile(0.50), percentile(0.99), max());
        }
    }

    /**
     * What a storm left in the database: the lags of the closes at the end of the listing period (the
     * storm itself) and at the end of the countdowns; how many listings did not close exactly once
     * (closing transitions other than one, or a transition out of the listing period other than
     * one, or timed bidding entered by a listing without two bidders or not entered by one with),
     * the bids placed in timed bidding, and those refused; and, for every close, how long after the
     * time recorded in the listing's history its transaction committed.
     */
    public record Outcome(Lags listingEnd, Lags countdown, long notExactlyOnce, long wrongTimedBidding,
            long timedBids, long timedListingsBidOn, long refusedBids, Duration setUp, Instant end,
            Lags recordedToCommit) {
        /** Every close, from the listing period or from timed bidding. */
        public Lags all() {
            long[] both = new long[listingEnd.count() + countdown.count()];
            System.arraycopy(listingEnd.millis(), 0, both, 0, listingEnd.count());
            System.arraycopy(countdown.millis(), 0, both, listingEnd.count(), countdown.count());
            Arrays.sort(both);
            return new Lags(both);
        }
    }

    private final String jdbc;
    private final String user;
    private final String password;
    private final List<String> instances;
    private final List<String> enterprises = new ArrayList<>();
    private final List<String> tokens = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Against the instances at these base URLs and their database; creates {@code bidders}
     * verified enterprises, the county and the township selling the lots.
     */
    public CloseStorm(String jdbc, String user, String password, List<String> instances, int bidders)
            throws SQLException {
        this.jdbc = jdbc;
        this.user = user;
        this.password = password;
        this.instances = List.copyOf(instances);
        for (int i = 0; i < bidders; i++) {
            enterprises.add(CreditCode.complete(String.format(Locale.ROOT, "91510703MA%07d", 500_000 + i)));
        }
        for (String code : enterprises) {
            tokens.add(OutsideTokens.sign("storm-" + code, "enterprise", code));
        }
        try (Connection c = db(); Statement s = c.createStatement()) {
            try (ResultSet on = s.executeQuery("show track_commit_timestamp")) {
                if (!on.next() || !on.getString(1).equals("on")) {
                    throw new IllegalStateException("the close storm measures closes by their commit: start the "
                            + "database with track_commit_timestamp = on");
                }
            }
            s.execute("insert into county (code, name) values ('510722', '三台县') on conflict do nothing");
            s.execute("insert into township (code, name, county_code) values ('510722201', '芦溪镇', '510722') "
                    + "on conflict do nothing");
            OutsideData.verifiedEnterprises(c, enterprises, "Storm");
        }
    }

    private Connection db() throws SQLException {
        return DriverManager.getConnection(jdbc, user, password);
    }

    /**
     * One storm on listings {@code first} .. {@code first + listings - 1} (and certificates numbered
     * from {@code first}): sets them up, places the bids of the listing period, lets the periods end
     * together, bids in timed bidding for the window, waits (at most {@code timeout}) until every
     * listing is sold or unsold, and reads the outcome from the database.
     */
    public Outcome run(long first, Settings s, Duration timeout) throws Exception {
        long setUpStarted = System.nanoTime();
        long last = first + s.listings() - 1;
        int certificates = (s.listings() + s.listingsPerCertificate() - 1) / s.listingsPerCertificate();
        Instant end;
        try (Connection c = db(); Statement st = c.createStatement()) {
            for (int k = 0; k < certificates; k++) {
                long id = first + k;
                int lots = (s.listings() - k + certificates - 1) / certificates;
                frozenLots(st, id, lots);
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into listing (id, listing_no, title, certificate_id, seller_code, asset_type, region_code,
                        lot_area_m2, start_price_fen, increment_fen, deposit_fen, announce_at, registration_deadline,
                        listing_start, listing_end, countdown_seconds, eligible_regions, payment_terms, status,
                        created_at, announced_at)
                    select g, 'STORM-' || g, 'storm ' || g, ? + (g - ?) % ?, '510722201', 'LINKAGE_SURPLUS',
                        '510722201', 1, ?, ?, ?, now() - interval '30 days', now() - interval '2 days',
                        now() - interval '1 day', date_trunc('second', now()) + ? * interval '1 second', ?, '[]',
                        '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30}',
                        'LISTING', now() - interval '31 days', now() - interval '30 days'
                    from generate_series(?::bigint, ?::bigint) g""")) {
                ps.setLong(1, first);
                ps.setLong(2, first);
                ps.setInt(3, certificates);
                ps.setLong(4, START_FEN);
                ps.setLong(5, INCREMENT_FEN);
                ps.setLong(6, START_FEN / 5);
                ps.setLong(7, Math.max(1, s.endsIn().toSeconds()));
                ps.setInt(8, s.countdownSeconds());
                ps.setLong(9, first);
                ps.setLong(10, last);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into registration (id, listing_id, enterprise_code, virtual_account, deposit_fen,
                        deposit_deadline, deposit_received_fen, status, bidder_no, qualified_at, registered_at)
                    select nextval('registration_seq'), l.id, ?, 'S' || l.id || '-' || ?, l.deposit_fen, now(),
                        l.deposit_fen, 'QUALIFIED', substr(md5(l.id || ?), 1, 8), now(), now()
                    from listing l where l.id = ?""")) {
                for (int i = 0; i < s.timed() + s.soldAtOnce(); i++) {
                    for (int b = 0; b < (i < s.timed() ? 2 : 1); b++) {
                        String code = bidder(i, b);
                        ps.setString(1, code);
                        ps.setString(2, String.valueOf(b));
                        ps.setString(3, code);
                        ps.setLong(4, first + i);
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
            st.execute("analyze listing");
            try (ResultSet rs = st.executeQuery("select listing_end from listing where id = " + first)) {
                rs.next();
                end = rs.getTimestamp(1).toInstant();
            }
        }

        // the listing period: two bidders on each listing that goes to timed bidding, one on each sold at once
        AtomicLong refused = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(s.clients());
        try {
            List<Future<?>> bids = new ArrayList<>();
            for (int i = 0; i < s.timed() + s.soldAtOnce(); i++) {
                int index = i;
                bids.add(pool.submit(() -> {
                    long id = first + index;
                    expectAccepted(bid(index, 0, id, START_FEN), id);
                    if (index < s.timed()) {
                        expectAccepted(bid(index, 1, id, START_FEN + INCREMENT_FEN), id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : bids) {
                f.get();
            }
            Duration setUp = Duration.ofNanos(System.nanoTime() - setUpStarted);
            if (!Instant.now().isBefore(end)) {
                throw new IllegalStateException("the set-up took " + setUp + ", past the end of the listing "
                        + "periods: give endsIn more time");
            }

            // timed bidding: each client takes turns on its listings until the window ends
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), end).toMillis()));
            Instant stopBidding = end.plus(s.timedBidding());
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < s.clients(); c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    List<Integer> mine = new ArrayList<>();
                    for (int i = client; i < s.timed(); i += s.clients()) {
                        mine.add(i);
                    }
                    long[] next = new long[mine.size()];
                    int[] turn = new int[mine.size()];
                    Arrays.fill(next, START_FEN + 2 * INCREMENT_FEN);
                    while (!mine.isEmpty() && Instant.now().isBefore(stopBidding)) {
                        long sweep = System.nanoTime();
                        for (int k = 0; k < mine.size() && Instant.now().isBefore(stopBidding); k++) {
                            int i = mine.get(k);
                            Cluster.Answer a = bid(i, turn[k] % 2, first + i, next[k]);
                            if (a.status() == 201) {
                                next[k] += INCREMENT_FEN;
                                turn[k]++;
                            } else if (a.status() == 409) {
                                refused.incrementAndGet(); // the listing period ended, timed bidding not begun yet
                            } else {
                                throw new IllegalStateException("bid on listing " + (first + i) + ": " + a);
                            }
                        }
                        long rest = s.bidEvery().toNanos() - (System.nanoTime() - sweep);
                        if (rest > 0) {
                            TimeUnit.NANOSECONDS.sleep(rest);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }

            long deadline = System.nanoTime() + timeout.toNanos();
            while (count("select count(*) from listing where id between ? and ? and status not in ('SOLD', 'UNSOLD')",
                    first, last) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(count("select count(*) from listing where id between ? and ? "
                            + "and status not in ('SOLD', 'UNSOLD')", first, last) + " listings not closed within "
                            + timeout);
                }
                Thread.sleep(200);
            }
            return outcome(first, last, s, refused.get(), setUp, end);
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome outcome(long first, long last, Settings s, long refused, Duration setUp, Instant end)
            throws SQLException {
        Lags listingEnd = lags("""
                select pg_xact_commit_timestamp(h.xmin) - l.listing_end
                from listing_history h join listing l on l.id = h.listing_id
                where l.id between ? and ? and h.from_status = 'LISTING'
                  and h.to_status in ('SOLD', 'UNSOLD', 'TIMED_BIDDING')""", first, last);
        Lags countdown = lags("""
                select pg_xact_commit_timestamp(h.xmin) - l.countdown_deadline
                from listing_history h join listing l on l.id = h.listing_id
                where l.id between ? and ? and h.from_status = 'TIMED_BIDDING'
                  and h.to_status in ('SOLD', 'UNSOLD')""", first, last);
        long notOnce = count("""
                select count(*) from listing l where l.id between ? and ? and (
                    (select count(*) from listing_history h where h.listing_id = l.id
                        and h.to_status in ('SOLD', 'UNSOLD')) <> 1
                    or (select count(*) from listing_history h where h.listing_id = l.id
                        and h.from_status = 'LISTING') <> 1
                    or (select count(*) from listing_history h where h.listing_id = l.id
                        and h.to_status = 'TIMED_BIDDING') > 1)""", first, last);
        long wrongTimed = count("""
                select count(*) from listing l where l.id between ? and ? and
                    (select count(*) from listing_history h where h.listing_id = l.id
                        and h.to_status = 'TIMED_BIDDING') <> case when l.id < ? then 1 else 0 end""", first, last,
                first + s.timed());
        long timedBids = count("select count(*) from bid where listing_id between ? and ? and phase = 'TIMED_BIDDING'",
                first, last);
        long bidOn = count("select count(distinct listing_id) from bid where listing_id between ? and ? "
                + "and phase = 'TIMED_BIDDING'", first, last);
        Lags recordedToCommit = lags("""
                select pg_xact_commit_timestamp(h.xmin) - h.at from listing_history h
                where h.listing_id between ? and ? and (h.from_status = 'LISTING'
                      and h.to_status in ('SOLD', 'UNSOLD', 'TIMED_BIDDING')
                      or h.from_status = 'TIMED_BIDDING' and h.to_status in ('SOLD', 'UNSOLD'))""", first, last);
        return new Outcome(listingEnd, countdown, notOnce, wrongTimed, timedBids, bidOn, refused, setUp, end,
                recordedToCommit);
    }

    /** Certificate {@code id} with {@code lots} lots of 1 m² frozen, booked in the ledger as the listings' approval would. */
    private static void frozenLots(Statement s, long id, int lots) throws SQLException {
        s.execute(String.format(Locale.ROOT, """
                insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code,
                    source_project, area_m2, frozen_area_m2, acceptance_doc_no, valid_until, issued_at, issued_by)
                values (%1$d, 'LS-STORM-%1$d', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510722201', '510722201', 'storm',
                    1000, %2$d, 'STORM', current_date + 3650, now(), 'storm')""", id, lots));
        s.execute(String.format(Locale.ROOT, """
                insert into ledger_account (id, ledger, normal_side, created_at) values
                    ('CERT:%1$d:AREA_M2', 'AREA_M2', 'CREDIT', now()),
                    ('CERT:%1$d:FROZEN:AREA_M2', 'AREA_M2', 'CREDIT', now())""", id));
        s.execute(String.format(Locale.ROOT, """
                insert into ledger_transfer (id, ledger, debit_account, credit_account, amount, kind, phase,
                    reference, created_at) values
                    ('cert:%1$d:issue:AREA_M2', 'AREA_M2', 'QUOTA:ISSUED:AREA_M2', 'CERT:%1$d:AREA_M2', 1000,
                        'ISSUE', 'POSTED', 'LS-STORM-%1$d', now()),
                    ('cert:%1$d:freeze:AREA_M2', 'AREA_M2', 'CERT:%1$d:AREA_M2', 'CERT:%1$d:FROZEN:AREA_M2', %2$d,
                        'FREEZE', 'POSTED', 'LS-STORM-%1$d', now())""", id, lots));
    }

    private String bidder(int listingIndex, int which) {
        return enterprises.get((2 * listingIndex + which) % enterprises.size());
    }

    private Cluster.Answer bid(int listingIndex, int which, long listingId, long amountFen) {
        String token = tokens.get((2 * listingIndex + which) % tokens.size());
        String instance = instances.get((int) ((listingId + which) % instances.size()));
        HttpRequest request = HttpRequest.newBuilder(URI.create(instance + "/api/listings/" + listingId + "/bids"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"amount\":\"" + BigDecimal.valueOf(amountFen, 2).toPlainString() + "\"}"))
                .build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Cluster.Answer(r.statusCode(), r.body());
        } catch (java.io.IOException e) {
            return new Cluster.Answer(0, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Cluster.Answer(0, String.valueOf(e));
        }
    }

    private static void expectAccepted(Cluster.Answer a, long listingId) {
        if (a.status() != 201) {
            throw new IllegalStateException("a bid of the listing period on listing " + listingId + ": " + a);
        }
    }

    private Lags lags(String sql, long first, long last) throws SQLException {
        List<Long> lags = new ArrayList<>();
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(
                "select round(extract(epoch from lag) * 1000)::bigint from (" + sql + ") as t(lag)")) {
            ps.setLong(1, first);
            ps.setLong(2, last);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long lag = rs.getLong(1);
                    if (rs.wasNull()) { // a commit from before track_commit_timestamp was on
                        throw new IllegalStateException("a close without its commit's time: " + sql);
                    }
                    lags.add(lag);
                }
            }
        }
        return new Lags(lags.stream().mapToLong(Long::longValue).sorted().toArray());
    }

    private long count(String sql, Object... args) throws SQLException {
        try (Connection c = db(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
