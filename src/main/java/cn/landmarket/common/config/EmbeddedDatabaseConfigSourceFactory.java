package cn.landmarket.common.config;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Supplies a real embedded PostgreSQL (and, in dev, a generated JWT key pair) to the dev and test
 * profiles when no database URL is configured; the prod profile is never touched.
 */
public class EmbeddedDatabaseConfigSourceFactory implements ConfigSourceFactory {

    private static final String URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        List<String> profiles = context.getProfiles();
        boolean dev = profiles.contains("dev");
        boolean test = profiles.contains("test");
        if (!dev && !test) {
            return List.of();
        }
        if (isSet(context.getValue(URL)) || isSet(context.getValue("%" + profiles.get(0) + "." + URL))) {
            return List.of();
        }
        Map<String, String> values = dev
                ? EmbeddedDatabase.forDev(intValue(context.getValue("market.dev-db.port"), 54329))
                : EmbeddedDatabase.forTests();
        if (dev) {
            values = new java.util.HashMap<>(values);
            values.putAll(DevKeys.ensure());
        }
        // Ordinal 200: below application.properties (250), the environment (300) and system properties
        // (400), so that any URL configured anywhere takes precedence.
        return List.of(new MapBackedConfigSource("embedded-postgresql", values, 200) {
        });
    }

    private static boolean isSet(ConfigValue value) {
        return value != null && value.getValue() != null && !value.getValue().isBlank();
    }

    private static int intValue(ConfigValue value, int fallback) {
        return isSet(value) ? Integer.parseInt(value.getValue().trim()) : fallback;
    }
}
