package cn.landmarket.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What the database did during one run ({@code -Dbench.pgstats=true}): the statements that took the
 * most of its time (PostgreSQL's {@code pg_stat_statements}, loaded into the benchmark's embedded
 * server) and the bid path's tables (scans, updates, dead rows, vacuums), printed and then reset, so
 * that the repeats of a run can be compared statement by statement.
 */
final class PgStats {

    static final boolean ENABLED = Boolean.getBoolean("bench.pgstats");

    private PgStats() {
    }

    /** Where the server logs the plans of slow statements. */
    static final Path PLANS = Path.of("target", "bench-postgres-log").toAbsolutePath();

    /**
     * Loads {@code pg_stat_statements} and {@code auto_explain} into the server: the plan of every
     * statement that takes 30 ms or more goes to its log in {@link #PLANS} (as the server planned it,
     * without timings, which would slow every statement down).
     */
    static void configure(EmbeddedPostgres.Builder server) throws IOException {
        if (!ENABLED) {
            return;
        }
        Files.createDirectories(PLANS);
        server.setServerConfig("shared_preload_libraries", "pg_stat_statements,auto_explain")
                .setServerConfig("auto_explain.log_min_duration", "30ms")
                .setServerConfig("logging_collector", "on")
                .setServerConfig("log_directory", PLANS.toString());
        System.out.println("Plans of statements that took 30 ms or more: " + PLANS);
    }

    /** Creates the extension in the database of {@code jdbc} and clears what set-up left in it. */
    static void install(String jdbc) throws SQLException {
        if (!ENABLED) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("create extension if not exists pg_stat_statements");
            s.execute("select pg_stat_statements_reset()");
            s.execute("select pg_stat_reset()");
        }
    }

    /** Prints the top statements and the bid path's tables since the last call, then resets both. */
    static void print(String jdbc, String label) throws SQLException {
        if (!ENABLED) {
            return;
        }
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement()) {
            System.out.println("   database, " + label + ":");
            try (ResultSet rs = s.executeQuery("""
                    select calls, total_exec_time, mean_exec_time, max_exec_time, rows, shared_blks_hit + shared_blks_read,
                           regexp_replace(query, '\\s+', ' ', 'g')
                    from pg_stat_statements
                    where dbid = (select oid from pg_database where datname = current_database())
                    order by total_exec_time desc limit 10""")) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "     %8d calls %9.0f ms  mean %7.3f ms  max %7.1f ms  rows %8d  blocks/call %8.1f  %.90s%n",
                            rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getLong(5),
                            rs.getLong(6) / (double) Math.max(1, rs.getLong(1)), rs.getString(7));
                }
            }
            try (ResultSet rs = s.executeQuery("""
                    select relname, n_live_tup, n_dead_tup, seq_scan, seq_tup_read, idx_scan, n_tup_ins, n_tup_upd,
                           n_tup_hot_upd, autovacuum_count, autoanalyze_count, pg_total_relation_size(relid)
                    from pg_stat_user_tables
                    where relname in ('listing', 'bid', 'registration', 'audit_entry', 'outbox', 'notification')
                       or n_tup_ins + n_tup_upd > 1000
                    order by relname""")) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT,
                            "     %-22s live %9d dead %8d  seq scans %6d (rows %10d)  idx scans %9d  ins %8d upd %8d (hot %8d)"
                                    + "  autovacuum %d analyze %d  %6.1f MiB%n",
                            rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11),
                            rs.getLong(12) / 1048576.0);
                }
            }
            s.execute("select pg_stat_statements_reset()");
            s.execute("select pg_stat_reset()");
        }
    }
}
