package cn.landmarket.dev;

import java.nio.file.Path;
import java.util.List;

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
 * Dev mode only: loads seed-data/ through {@link SeedData} after Flyway has migrated, then tells the
 * developer where the API, Swagger UI and a token come from.
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

    private void load(Path directory) {
        List<Path> files = SeedData.load(dataSource, directory);
        if (files.isEmpty()) {
            LOG.warnf("No seed data found in %s", directory.toAbsolutePath());
        }
        files.forEach(file -> LOG.infof("Seed data loaded from %s", file));
    }
}
