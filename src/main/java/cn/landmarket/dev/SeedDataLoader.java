package cn.landmarket.dev;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import javax.sql.DataSource;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import cn.landmarket.common.config.MarketConfig;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;

/**
 * Dev mode only: loads seed-data/*.sql (each file idempotent, in one transaction) after Flyway has
 * migrated, then tells the developer where the API, Swagger UI and a token come from.
 */
@IfBuildProfile("dev")
@Singleton
public class SeedDataLoader {

    private static final Logger LOG = Logger.getLogger(SeedDataLoader.class);

    @Inject
    DataSource dataSource;

    @Inject
    MarketConfig config;

    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    void onStart(@Observes StartupEvent event) {
        if (config.seed().enabled()) {
            load(Path.of(config.seed().directory()));
        }
        String base = "http://127.0.0.1:" + port;
        LOG.infof("""

                Land market is running (dev profile).
                  API          %1$s/api   (public search: %1$s/api/public/listings)
                  Swagger UI   %1$s/q/swagger-ui
                  OpenAPI      %1$s/q/openapi
                  Dev token    curl -s -X POST %1$s/api/dev/tokens -H 'Content-Type: application/json' \\
                                 -d '{"role":"REGULATOR","org":"510700"}'
                  Identities   seed-data/README.md
                """, base);
    }

    void load(Path directory) {
        if (!Files.isDirectory(directory)) {
            LOG.warnf("No seed data directory at %s; nothing loaded", directory.toAbsolutePath());
            return;
        }
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".sql")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                connection.setAutoCommit(false);
                statement.execute(Files.readString(file));
                connection.commit();
                LOG.infof("Seed data loaded from %s", file);
            } catch (SQLException | IOException e) {
                throw new IllegalStateException("Seed file " + file + " failed: " + e.getMessage(), e);
            }
        }
    }
}
