package cn.landmarket.party;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Migration V14 on a database that already holds townships (registered by SQL, as before there was
 * an API): each county they name becomes a registered county with the name they carried, and
 * every township keeps working under it. Runs on a PostgreSQL of its own.
 */
class OrganisationMigrationTest {

    private static Flyway flyway(DataSource db, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .placeholders(Map.of("appRole", "land_market_app_migration_test"));
        return (target == null ? config : config.target(target)).load();
    }

    @Test
    void existingTownshipsGetTheirCountiesAndKeepWorking() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setServerConfig("fsync", "off").start()) {
            DataSource db = pg.getPostgresDatabase();
            flyway(db, "13").migrate();
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                s.execute("""
                        insert into township (code, name, county_code, county_name, created_at) values
                            ('510722101', '芦溪镇', '510722', '三台县', '2026-01-05T00:00:00Z'),
                            ('510722102', '刘营镇', '510722', '三台县', '2026-01-04T00:00:00Z'),
                            ('510781101', '青莲镇', '510781', '江油市', '2026-01-06T00:00:00Z')""");
                s.execute("insert into regulator (code, name, created_at) values ('510700', '绵阳市自然资源和规划局', "
                        + "'2026-01-03T00:00:00Z')");
            }

            flyway(db, null).migrate();

            assertEquals(List.of("510722|三台县|2026-01-04 00:00:00+00|true", "510781|江油市|2026-01-06 00:00:00+00|true"),
                    rows(db, "select code || '|' || name || '|' || created_at || '|' || (deactivated_at is null)"
                            + " from county order by code"));
            assertEquals(List.of("510722101|510722|true|true", "510722102|510722|true|true", "510781101|510781|true|true"),
                    rows(db, "select code || '|' || county_code || '|' || (updated_at = created_at) || '|'"
                            + " || (deactivated_at is null) from township order by code"));
            assertEquals(List.of("510700|true|true"), rows(db,
                    "select code || '|' || (updated_at = created_at) || '|' || (deactivated_at is null) from regulator"));
            assertEquals(List.of("0"), rows(db, "select count(*)::text from information_schema.columns"
                    + " where table_name = 'township' and column_name = 'county_name'"));
            try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                assertThrows(SQLException.class, () -> s.execute(
                        "insert into township (code, name, county_code) values ('510723101', '富驿镇', '510723')"),
                        "a township needs its county registered first");
            }
        }
    }

    private static List<String> rows(DataSource db, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
