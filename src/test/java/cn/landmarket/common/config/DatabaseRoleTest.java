package cn.landmarket.common.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The production login role, as afterMigrate.sql grants it: it can run the service, but holds no
 * privilege to rewrite the append-only tables, and cannot switch their triggers off.
 */
@QuarkusTest
class DatabaseRoleTest {

    private static final String ROLE = "land_market_app_test";
    private static final List<String> APPEND_ONLY = List.of("audit_entry", "audit_node", "audit_commitment",
            "checkpoint", "ledger_account", "ledger_transfer", "bid");

    @Inject
    DataSource dataSource;

    @Inject
    Flyway flyway;

    @Test
    void theAppRoleCannotUpdateDeleteOrTruncateTheAppendOnlyTables() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("do $$ begin if not exists (select 1 from pg_roles where rolname = '" + ROLE + "') then "
                    + "create role " + ROLE + " nologin; end if; end $$");
        }
        flyway.migrate(); // nothing to migrate; the afterMigrate callback grants the role its privileges

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("set local role " + ROLE);
                for (String table : APPEND_ONLY) {
                    try (ResultSet rs = s.executeQuery("select count(*) from " + table)) {
                        assertTrue(rs.next(), table + " is readable");
                    }
                    for (String sql : List.of("update " + table + " set " + firstColumn(table) + " = "
                            + firstColumn(table), "delete from " + table, "truncate " + table,
                            "alter table " + table + " disable trigger all")) {
                        s.execute("savepoint probe");
                        SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                        assertEquals("42501", refused.getSQLState(), sql + ": " + refused.getMessage());
                        assertTrue(refused.getMessage().contains("permission denied")
                                || refused.getMessage().contains("must be owner"), refused.getMessage());
                        s.execute("rollback to savepoint probe");
                    }
                }
                // What the service needs still works: staging an entry, moving it, updating a listing.
                s.execute("insert into audit_pending (entry) values ('\\x7b7d'::bytea)");
                s.execute("delete from audit_pending where entry = '\\x7b7d'::bytea");
                s.execute("insert into audit_commitment (commitment, scope, subject, field, salt, value) values "
                        + "(repeat('0', 64), 'listing', '1', 'reason', decode(repeat('00', 16), 'hex'), 'x')");
                s.execute("update listing set version = version where false");
                s.execute("select nextval('listing_history_seq')");
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        }
    }

    private static String firstColumn(String table) {
        return switch (table) {
            case "audit_entry", "audit_node" -> "idx";
            case "checkpoint" -> "tree_size";
            case "audit_commitment" -> "commitment";
            default -> "id";
        };
    }
}
