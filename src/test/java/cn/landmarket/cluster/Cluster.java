package cn.landmarket.cluster;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.party.CreditCode;
import cn.landmarket.testing.LocalOidcProvider;
import cn.landmarket.testing.OutsideData;
import cn.landmarket.testing.OutsideTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Several instances of the packaged service ({@code target/quarkus-app/quarkus-run.jar}, as built by
 * {@code package}) as child processes on 127.0.0.1 against one embedded PostgreSQL whose data
 * directory lives under {@code target/}, so that the database can be crashed and started again on
 * the same data. Every instance shares the audit signing key and the bank secret, and signs web
 * readers in through one local OpenID Connect provider ({@link LocalOidcProvider}; the API's tokens
 * stay those of the test key); each logs to {@code target/<name>.log}. Closing the cluster ends every child process (a JVM shutdown hook does
 * it too if the test run is cut short).
 */
final class Cluster implements AutoCloseable {

    static final String BANK_SECRET = "cluster-bank-secret-of-at-least-32-bytes";
    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final List<Process> ALL = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> ALL.forEach(Process::destroyForcibly)));
    }

    private final String name;
    private final Path dataDir;
    private final int pgPort;
    private final String auditKey;
    private final List<Instance> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private EmbeddedPostgres pg;
    private final LocalOidcProvider provider = new LocalOidcProvider();
    private final Map<String, String> providerSettings;

    /** One running service process. */
    static final class Instance {
        final String name;
        final int port;
        final int managementPort;
        final Process process;

        Instance(String name, int port, int managementPort, Process process) {
            this.name = name;
            this.port = port;
            this.managementPort = managementPort;
            this.process = process;
        }

        String url() {
            return "http://127.0.0.1:" + port;
        }

        /** Where health and metrics are served: the packaged service keeps them off the public port. */
        String managementUrl() {
            return "http://127.0.0.1:" + managementPort;
        }

        @Override
        public String toString() {
            return name + "@" + port;
        }
    }

    /** An HTTP answer; status 0 with the exception's text when the request got no answer. */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    Cluster(String name) throws IOException {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("the packaged service is missing: " + JAR + " (run ./mvnw verify)");
        }
        this.name = name;
        this.dataDir = Path.of("target", name + "-pgdata").toAbsolutePath();
        deleteRecursively(dataDir);
        this.pgPort = freePort();
        this.auditKey = auditKey();
        startPostgres();
        this.providerSettings = provider.start();
    }

    /** The local OpenID Connect provider's base URL (its issuer). */
    String provider() {
        return providerSettings.get("quarkus.oidc.auth-server-url");
    }

    String jdbc() {
        return "jdbc:postgresql://127.0.0.1:" + pgPort + "/postgres";
    }

    Connection db() throws SQLException {
        return DriverManager.getConnection(jdbc(), "postgres", "postgres");
    }

    /**
     * Durable as in production: zonky's default {@code synchronous_commit=off} would acknowledge
     * commits that a crash then loses. Never "clean": zonky would delete the data directory on
     * close (initdb runs when it is empty). Commit timestamps on: the close storm measures closes by
     * their commit ({@link CloseStorm}).
     */
    private void startPostgres() throws IOException {
        pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(pgPort)
                .setServerConfig("synchronous_commit", "on").setServerConfig("fsync", "on")
                .setServerConfig("max_connections", "300").setServerConfig("track_commit_timestamp", "on").setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    /**
     * Crashes PostgreSQL: SIGKILL to the postmaster and every backend, as a power cut would leave
     * it; nothing is flushed or checkpointed on the way down.
     */
    void crashPostgres() throws Exception {
        long pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> backends = postmaster.descendants().toList();
        backends.forEach(ProcessHandle::destroyForcibly);
        postmaster.destroyForcibly();
        postmaster.onExit().get(30, TimeUnit.SECONDS);
        for (ProcessHandle b : backends) {
            b.onExit().get(30, TimeUnit.SECONDS);
        }
        try {
            pg.close(); // releases the data directory's lock; pg_ctl finds no server to stop
        } catch (IOException | RuntimeException alreadyDown) {
            // expected: the server is gone
        }
        pg = null;
    }

    /** Starts PostgreSQL again on the same data directory and port (crash recovery replays the WAL). */
    void restartPostgres() throws IOException {
        startPostgres();
    }

    /** Starts an instance; it is ready when {@link #awaitReady} returns. */
    Instance start(String instanceName) throws IOException {
        return start(instanceName, Map.of());
    }

    /** Starts an instance with more (or other) environment variables than the usual ones. */
    Instance start(String instanceName, Map<String, String> moreEnv) throws IOException {
        int port = freePort();
        int managementPort = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-XX:TieredStopAtLevel=1", "-jar",
                JAR.toString());
        var env = builder.environment();
        env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbc());
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort));
        env.put("QUARKUS_MANAGEMENT_HOST", "127.0.0.1");
        env.put("MP_JWT_VERIFY_PUBLICKEY_LOCATION",
                Path.of("src/test/resources/test-keys/publicKey.pem").toAbsolutePath().toString());
        env.put("MARKET_BANK_HMAC_SECRET", BANK_SECRET);
        // printed on documents; the packaged service refuses to start without a public one
        env.put("MARKET_DOCUMENTS_PUBLIC_URL", "https://cluster.example.org");
        env.put("MARKET_AUDIT_SIGNING_KEY", auditKey);
        // Every swarm client comes from 127.0.0.1 as fast as it can: lift the bid rate limits.
        env.put("MARKET_BIDDING_BIDS_PER_SECOND_PER_BIDDER", "1000000");
        env.put("MARKET_BIDDING_BID_BURST_PER_BIDDER", "1000000");
        env.put("MARKET_BIDDING_BIDS_PER_SECOND_PER_ADDRESS", "1000000");
        env.put("MARKET_BIDDING_BID_BURST_PER_ADDRESS", "1000000");
        env.put("QUARKUS_LOG_LEVEL", "INFO");
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", provider());
        env.put("QUARKUS_OIDC_CLIENT_ID", providerSettings.get("quarkus.oidc.client-id"));
        env.put("QUARKUS_OIDC_CREDENTIALS_SECRET", providerSettings.get("quarkus.oidc.credentials.secret"));
        env.putAll(moreEnv);
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(
                Path.of("target", name + "-" + instanceName + ".log").toFile()));
        Process process = builder.start();
        ALL.add(process);
        Instance instance = new Instance(instanceName, port, managementPort, process);
        instances.add(instance);
        return instance;
    }

    /** Starts a fresh process in place of a dead instance, under the same name, and waits until it is ready. */
    Instance replace(Instance dead) throws Exception {
        instances.remove(dead);
        Instance fresh = start(dead.name);
        awaitReady(fresh);
        return fresh;
    }

    /** Starts instances and waits until all are ready. */
    List<Instance> startAll(String... names) throws Exception {
        List<Instance> started = new ArrayList<>();
        for (String n : names) {
            started.add(start(n));
        }
        for (Instance i : started) {
            awaitReady(i);
        }
        return started;
    }

    void awaitReady(Instance instance) throws Exception {
        awaitTrue("instance " + instance + " ready (see target/" + name + "-" + instance.name + ".log)",
                Duration.ofSeconds(120), () -> {
                    if (!instance.process.isAlive()) {
                        throw new IllegalStateException("instance " + instance + " exited with "
                                + instance.process.exitValue() + "; see target/" + name + "-" + instance.name + ".log");
                    }
                    return send(HttpRequest.newBuilder(URI.create(instance.managementUrl() + "/q/health/ready"))
                            .timeout(Duration.ofSeconds(30)).GET().build()).status() == 200;
                });
    }

    /** The instance's Prometheus metrics, in the text format. */
    String metrics(Instance instance) {
        Answer answer = send(HttpRequest.newBuilder(URI.create(instance.managementUrl() + "/q/metrics"))
                .header("Accept", "text/plain").timeout(Duration.ofSeconds(30)).GET().build());
        if (answer.status() != 200) {
            throw new IllegalStateException("metrics of " + instance + ": " + answer);
        }
        return answer.body();
    }

    /** SIGKILL (on Linux {@link Process#destroyForcibly} sends SIGKILL): no shutdown hook runs. */
    void kill(Instance instance) throws InterruptedException {
        instance.process.destroyForcibly();
        if (!instance.process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("instance " + instance + " did not die");
        }
    }

    Answer get(Instance instance, String path, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(instance.url() + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b.GET().build());
    }

    Answer post(Instance instance, String path, String token, String json, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(instance.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** Posts exactly these bytes. */
    Answer postBytes(Instance instance, String path, byte[] body, String... headers) {
        return send(bytesRequest(instance, path, body, headers));
    }

    /** Posts exactly these bytes without waiting for the answer (status 0 if there is none). */
    java.util.concurrent.CompletableFuture<Answer> postAsync(Instance instance, String path, byte[] body,
            String... headers) {
        return http.sendAsync(bytesRequest(instance, path, body, headers), HttpResponse.BodyHandlers.ofString())
                .handle((r, e) -> e == null ? new Answer(r.statusCode(), r.body()) : new Answer(0, String.valueOf(e)));
    }

    private static HttpRequest bytesRequest(Instance instance, String path, byte[] body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(instance.url() + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        return b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
    }

    /** Places a bid of {@code amountFen} under a fresh idempotency key. */
    Answer bid(Instance instance, String token, long listingId, long amountFen) {
        return post(instance, "/api/listings/" + listingId + "/bids", token, "{\"amount\":\"" + yuan(amountFen) + "\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
    }

    private Answer send(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(0, String.valueOf(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, String.valueOf(e));
        }
    }

    HttpClient http() {
        return http;
    }

    static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    @Override
    public void close() {
        for (Instance i : instances) {
            i.process.destroyForcibly();
        }
        for (Instance i : instances) {
            try {
                i.process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pg != null) {
            try {
                pg.close();
            } catch (IOException e) {
                System.err.println("stopping PostgreSQL failed: " + e);
            }
        }
        provider.stop();
    }

    // ---- data

    /** {@code n} verified enterprises with distinct credit codes; returns their codes. */
    List<String> enterprises(int n) throws SQLException {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            codes.add(CreditCode.complete(String.format(Locale.ROOT, "91510703MA%07d", i)));
        }
        try (Connection c = db()) {
            OutsideData.verifiedEnterprises(c, codes, "Cluster");
        }
        return codes;
    }

    /** The township and a certificate large enough for every lot. */
    void certificate() throws SQLException {
        try (Connection c = db(); Statement s = c.createStatement()) {
            s.execute("insert into county (code, name) values ('510722', '三台县')");
            s.execute("insert into township (code, name, county_code) values ('510722201', '芦溪镇', '510722')");
            s.execute("""
                    insert into certificate (id, cert_no, asset_type, holder_kind, holder_code, region_code,
                        source_project, area_m2, acceptance_doc_no, valid_until, issued_at, issued_by)
                    values (1, 'LS-CLUSTER-1', 'LINKAGE_SURPLUS', 'TOWNSHIP', '510722201', '510722201', 'cluster',
                        100000000, 'CLUSTER', current_date + 3650, now(), 'cluster')""");
            // the lots being sold are frozen on the certificate, as the listing's approval would have done
        }
    }

    /**
     * A listing in its listing period with every given enterprise a qualified bidder: area 1 m²
     * frozen on certificate 1, ending {@code endsIn} from now, with the given countdown.
     */
    void listing(long id, long startFen, long incrementFen, Duration endsIn, int countdownSeconds, List<String> bidders)
            throws SQLException {
        listing(id, 1, startFen, incrementFen, endsIn, countdownSeconds, bidders);
    }

    /** As {@link #listing(long, long, long, Duration, int, List)}, of a lot on the given certificate. */
    void listing(long id, long certificateId, long startFen, long incrementFen, Duration endsIn, int countdownSeconds,
            List<String> bidders) throws SQLException {
        try (Connection c = db()) {
            try (var ps = c.prepareStatement("""
                    insert into listing (id, listing_no, title, certificate_id, seller_code, asset_type, region_code,
                        lot_area_m2, start_price_fen, increment_fen, deposit_fen, announce_at, registration_deadline,
                        listing_start, listing_end, countdown_seconds, eligible_regions, payment_terms, status,
                        created_at, announced_at)
                    values (?, ?, ?, ?, '510722201', 'LINKAGE_SURPLUS', '510722201', 1, ?, ?, ?,
                        now() - interval '30 days', now() - interval '2 days', now() - interval '1 day',
                        now() + ? * interval '1 millisecond', ?, '[]',
                        '{"mode":"FULL","confirmWithinWorkingDays":5,"firstSharePercent":100,"firstDueDays":30}',
                        'LISTING', now() - interval '31 days', now() - interval '30 days')""")) {
                ps.setLong(1, id);
                ps.setString(2, "CLUSTER-" + id);
                ps.setString(3, "cluster " + id);
                ps.setLong(4, certificateId);
                ps.setLong(5, startFen);
                ps.setLong(6, incrementFen);
                ps.setLong(7, startFen / 5);
                ps.setLong(8, endsIn.toMillis());
                ps.setInt(9, countdownSeconds);
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("""
                    insert into registration (id, listing_id, enterprise_code, virtual_account, deposit_fen,
                        deposit_deadline, deposit_received_fen, status, bidder_no, qualified_at, registered_at)
                    select nextval('registration_seq'), l.id, e.code, 'V' || l.id || '-' || e.code,
                        l.deposit_fen, now(), l.deposit_fen, 'QUALIFIED',
                        substr(md5(l.id || e.code), 1, 8), now(), now()
                    from listing l cross join unnest(?::varchar[]) as e(code) where l.id = ?""")) {
                ps.setArray(1, c.createArrayOf("varchar", bidders.toArray()));
                ps.setLong(2, id);
                ps.executeUpdate();
            }
        }
    }

    long count(String sql, Object... args) throws SQLException {
        try (Connection c = db(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    String status(long listingId) throws SQLException {
        try (Connection c = db(); var ps = c.prepareStatement("select status from listing where id = ?")) {
            ps.setLong(1, listingId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Waits until every pending audit entry has been sequenced into the log. */
    void awaitAuditCaughtUp() throws Exception {
        awaitTrue("the audit log caught up", Duration.ofSeconds(90),
                () -> count("select count(*) from audit_pending") == 0);
    }

    // ---- tokens

    /** An RS256 token signed with the test key, as the identity provider would issue it. */
    static String token(String subject, String role, String org) {
        return OutsideTokens.sign(subject, role, org);
    }


    // ---- utilities

    /** A condition that may throw; polled by {@link #awaitTrue}. */
    interface Check {
        boolean holds() throws Exception;
    }

    /** Polls every 100 ms until the condition holds; fails after {@code timeout}. */
    static void awaitTrue(String what, Duration timeout, Check check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for: " + what, last);
    }

    private static String auditKey() {
        try {
            return Base64.getEncoder().encodeToString(KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair().getPrivate().getEncoded());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
