package cn.landmarket.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

import cn.landmarket.dev.SeedData;
import cn.landmarket.testing.OutsideTokens;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The page benchmark: the packaged service with the dev seed data, each page of the trading hall
 * asked for one request at a time (so the time is the server's render time plus a loopback round
 * trip), after a warm-up; p50, p95 and max per page, over repeats; the enterprise pages as a seeded,
 * verified enterprise signed in with the session cookie. Then the weight of the live
 * room's JavaScript and CSS, as served and gzip-compressed. Goals (issue 14): p95 under 50 ms,
 * the room's scripts and styles under 150 KB compressed.
 * Run with {@code ./mvnw -B -DskipTests package exec:java@bench -Dexec.args=pages}.
 */
final class PageBenchmark {

    private static final int REQUESTS = Integer.getInteger("bench.pageRequests", 300);
    private static final int WARMUP = Integer.getInteger("bench.pageWarmup", 200);
    private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/(?:assets|webjars)/[^\"]+\\.(?:js|css))\"");

    /** A verified enterprise of the seed data (seed-data/01-parties.sql). */
    private static final String SEEDED_ENTERPRISE = "915107036214720006";

    private PageBenchmark() {
    }

    static void run(int repeats) throws Exception {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("Build the service first: ./mvnw -B -DskipTests package");
        }
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String jdbc = pg.getJdbcUrl("postgres", "postgres");
            int port = BidBenchmark.freePort();
            int management = BidBenchmark.freePort();
            Process service = BidBenchmark.startService(jar, jdbc, port, management, true);
            try {
                BidBenchmark.waitUntilReady(management);
                SeedData.load(pg.getPostgresDatabase(), Path.of("seed-data"));
                measure("http://127.0.0.1:" + port, repeats);
            } finally {
                service.destroy();
                service.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static void measure(String base, int repeats) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String listings = get(http, base + "/api/public/listings?size=1&status=LISTING", null).body();
        Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(listings);
        if (!id.find()) {
            throw new IllegalStateException("No listing open for bids in the seed data: " + listings);
        }
        String listing = id.group(1);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("announcements", "/");
        pages.put("announcements, filtered and sorted", "/?assetType=LINKAGE_SURPLUS&sort=PRICE_DESC&minAreaM2=1000");
        pages.put("listing", "/listings/" + listing);
        pages.put("live room", "/listings/" + listing + "/room");
        pages.put("results", "/results");
        pages.put("verify", "/verify");
        pages.put("live room, signed-in bidder", "/listings/" + listing + "/room");
        pages.put("my overview", "/my");
        pages.put("my enterprise", "/my/enterprise");
        pages.put("registration for a listing", "/my/listings/" + listing + "/registration");
        pages.put("my trades", "/my/trades");
        pages.put("my refunds", "/my/refunds");
        String session = "lm_session=" + OutsideTokens.sign("bench-page", "enterprise", SEEDED_ENTERPRISE);
        System.out.printf(Locale.ROOT, "%nPage render time: %d requests per page after %d warm-up, one at a time, %d repeats%n",
                REQUESTS, WARMUP, repeats);
        System.out.printf(Locale.ROOT, "%-36s %6s %8s %8s %8s   (ms; min-max over repeats)%n", "page", "status", "p50",
                "p95", "max");
        for (var page : pages.entrySet()) {
            String url = base + page.getValue();
            String cookie = page.getKey().startsWith("live room,") || page.getValue().startsWith("/my") ? session : null;
            int status = get(http, url, cookie).statusCode();
            if (status != 200) {
                System.out.printf(Locale.ROOT, "%-36s %6d (not measured)%n", page.getKey(), status);
                continue;
            }
            for (int i = 0; i < WARMUP; i++) {
                get(http, url, cookie);
            }
            List<double[]> runs = new ArrayList<>();
            for (int r = 0; r < repeats; r++) {
                long[] micros = new long[REQUESTS];
                for (int i = 0; i < REQUESTS; i++) {
                    long start = System.nanoTime();
                    get(http, url, cookie);
                    micros[i] = (System.nanoTime() - start) / 1_000;
                }
                Arrays.sort(micros);
                runs.add(new double[] {micros[REQUESTS / 2] / 1000.0, micros[(int) (REQUESTS * 0.95)] / 1000.0,
                        micros[REQUESTS - 1] / 1000.0});
            }
            System.out.printf(Locale.ROOT, "%-36s %6d %8s %8s %8s%n", page.getKey(), status, range(runs, 0),
                    range(runs, 1), range(runs, 2));
        }
        weight(http, base, "/listings/" + listing + "/room");
    }

    /** The scripts and styles a page loads, as served and gzip-compressed. */
    private static void weight(HttpClient http, String base, String path) throws Exception {
        HttpResponse<String> page = get(http, base + path, null);
        if (page.statusCode() != 200) {
            System.out.printf(Locale.ROOT, "%nLive room weight: page answered %d, not measured%n", page.statusCode());
            return;
        }
        Matcher m = ASSET.matcher(page.body());
        long raw = 0;
        long gzipped = 0;
        System.out.printf(Locale.ROOT, "%nWeight of the live room's scripts and styles (%s):%n", path);
        while (m.find()) {
            byte[] body = http.send(HttpRequest.newBuilder(URI.create(base + m.group(1))).build(),
                    HttpResponse.BodyHandlers.ofByteArray()).body();
            int compressed = gzip(body);
            raw += body.length;
            gzipped += compressed;
            System.out.printf(Locale.ROOT, "  %-60s %8d B, %7d B gzip%n", m.group(1), body.length, compressed);
        }
        System.out.printf(Locale.ROOT, "  %-60s %8d B, %7d B gzip (goal: under 150 KB gzip)%n", "total", raw, gzipped);
    }

    private static String range(List<double[]> runs, int column) {
        double min = runs.stream().mapToDouble(r -> r[column]).min().orElse(0);
        double max = runs.stream().mapToDouble(r -> r[column]).max().orElse(0);
        double[] sorted = runs.stream().mapToDouble(r -> r[column]).sorted().toArray();
        return String.format(Locale.ROOT, "%.1f", sorted[sorted.length / 2]) + (runs.size() > 1
                ? String.format(Locale.ROOT, " (%.1f-%.1f)", min, max) : "");
    }

    private static HttpResponse<String> get(HttpClient http, String url, String cookie)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Accept", url.contains("/api/") ? "application/json" : "text/html")
                .header("Accept-Language", "zh-CN");
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int gzip(byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(body);
        }
        return out.size();
    }
}
