package cn.landmarket.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's first command, {@code ./mvnw quarkus:dev}, resolves its dependencies from the Maven
 * repositories this build uses, starts the service with its embedded PostgreSQL and seed data, and
 * serves the trading hall, the development sign-in and the API. Dev mode adds dependencies of its own
 * (for a while it asked for Qute's debugger, which these repositories do not serve, and could not
 * start) that no other test resolves.
 * <p>
 * Runs on a copy of the project in {@code target/devmode-it} (its own {@code target}, so the dev build
 * cannot disturb this one), on free ports for HTTP and the dev database, with this build's local
 * repository and offline setting; the output is in {@code target/devmode-it.log}.
 */
class DevModeIT {

    private static final Path COPY = Path.of("target", "devmode-it").toAbsolutePath();
    private static final Path LOG = Path.of("target", "devmode-it.log").toAbsolutePath();
    private static final Duration START_WITHIN = Duration.ofMinutes(8);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theReadmesRunCommandStartsTheServiceWithItsSeedData() throws Exception {
        copyProject();
        int port = Cluster.freePort();
        List<String> command = new ArrayList<>(List.of(COPY.resolve("mvnw").toString(), "-B",
                "quarkus:dev", "-Ddebug=false", "-Dquarkus.console.enabled=false",
                "-Dquarkus.http.port=" + port, "-Dmarket.dev-db.port=" + Cluster.freePort()));
        String repository = System.getProperty("maven.repo.local", "");
        if (!repository.isBlank()) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        if (System.getProperty("maven.offline", "").equals("offline=true")) { // as the pom passes it
            command.add("-o");
        }
        Process maven = new ProcessBuilder(command).directory(COPY.toFile()).redirectErrorStream(true)
                .redirectOutput(LOG.toFile()).start();
        Thread stopAll = new Thread(() -> stop(maven));
        Runtime.getRuntime().addShutdownHook(stopAll);
        try {
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> hall = awaitUp(maven, base + "/");
            assertEquals(200, hall.statusCode());
            assertTrue(hall.body().contains("交易公告"), "the trading hall, in Chinese by default");

            HttpResponse<String> listings = get(base + "/api/public/listings");
            assertEquals(200, listings.statusCode());
            assertTrue(listings.body().contains("\"listingNo\":\"GT-"), "the seeded listings: " + listings.body());

            HttpResponse<String> signIn = get(base + "/signin");
            assertEquals(200, signIn.statusCode());
            assertTrue(signIn.body().contains("510703101"), "the development sign-in offers the seeded townships");
        } finally {
            stop(maven);
            Runtime.getRuntime().removeShutdownHook(stopAll);
        }
    }

    /** What {@code ./mvnw quarkus:dev} reads: the build, the wrapper, the sources and the seed data. */
    private static void copyProject() throws IOException {
        if (Files.exists(COPY)) {
            try (Stream<Path> old = Files.walk(COPY)) {
                old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path project = Path.of("").toAbsolutePath();
        for (String part : List.of("pom.xml", "mvnw", ".mvn", "src/main", "seed-data")) {
            Path from = project.resolve(part);
            try (Stream<Path> files = Files.walk(from)) {
                files.forEach(file -> {
                    Path to = COPY.resolve(project.relativize(file).toString());
                    try {
                        if (Files.isDirectory(file)) {
                            Files.createDirectories(to);
                        } else {
                            Files.createDirectories(to.getParent());
                            Files.copy(file, to, StandardCopyOption.COPY_ATTRIBUTES);
                        }
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private HttpResponse<String> awaitUp(Process maven, String url) throws Exception {
        long deadline = System.nanoTime() + START_WITHIN.toNanos();
        while (System.nanoTime() < deadline) {
            if (!maven.isAlive()) {
                fail("./mvnw quarkus:dev stopped with " + maven.exitValue() + " before serving; last lines of "
                        + LOG + ":\n" + tail());
            }
            try {
                return get(url);
            } catch (ConnectException | java.net.http.HttpConnectTimeoutException notYet) {
                Thread.sleep(1_000);
            }
        }
        fail("./mvnw quarkus:dev did not serve " + url + " within " + START_WITHIN + "; last lines of " + LOG
                + ":\n" + tail());
        return null;
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Stops the service first (the Java process with no Java process below it; its shutdown stops the
     * embedded PostgreSQL it started), then Maven; whatever is left after that is killed.
     */
    private static void stop(Process maven) {
        List<ProcessHandle> tree = maven.descendants().toList();
        for (ProcessHandle service : tree) {
            if (isJava(service) && service.descendants().noneMatch(DevModeIT::isJava)) {
                service.destroy();
                service.onExit().completeOnTimeout(service, 30, TimeUnit.SECONDS).join();
            }
        }
        maven.destroy();
        try {
            maven.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        maven.destroyForcibly();
    }

    private static boolean isJava(ProcessHandle process) {
        return process.info().command().map(command -> command.endsWith("/java")).orElse(false);
    }

    private static String tail() {
        try {
            List<String> lines = Files.readAllLines(LOG);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
