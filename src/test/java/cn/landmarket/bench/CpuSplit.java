package cn.landmarket.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Where the machine's CPU went during a run, by process: the service, PostgreSQL (the postmaster and
 * every process under it: the backends of all databases, the WAL writer, autovacuum) and this
 * program, the load generator. Read from each process's total CPU time before and after the run,
 * process by process: one that started within the run counts from zero, and one that ended within
 * it takes its time within the run with it (the services' connections live through the runs).
 */
final class CpuSplit {

    /** CPU time used so far, in nanoseconds: the service's, each PostgreSQL process's by pid, the generator's. */
    record Reading(long service, Map<Long, Long> postgres, long generator) {
    }

    /** CPU per answered request over a run, in microseconds, by process group. */
    record PerRequest(double service, double postgres, double generator) {

        double total() {
            return service + postgres + generator;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "service %5.0f µs  PostgreSQL %5.0f µs  load generator %4.0f µs  (all %5.0f µs)",
                    service, postgres, generator, total());
        }
    }

    private final ProcessHandle service;
    private final ProcessHandle postmaster;

    private CpuSplit(ProcessHandle service, ProcessHandle postmaster) {
        this.service = service;
        this.postmaster = postmaster;
    }

    /** For the service of {@code servicePid} and the PostgreSQL server behind {@code jdbc}. */
    static CpuSplit of(long servicePid, String jdbc) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbc, "postgres", "postgres");
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            long backend = rs.getLong(1);
            // while the connection is open: its backend process ends with it
            ProcessHandle postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent)
                    .orElseThrow(() -> new IllegalStateException("no postmaster above backend " + backend));
            return new CpuSplit(ProcessHandle.of(servicePid).orElseThrow(), postmaster);
        }
    }

    Reading read() {
        Map<Long, Long> postgres = new HashMap<>();
        postgres.put(postmaster.pid(), cpu(postmaster));
        postmaster.descendants().forEach(p -> postgres.put(p.pid(), cpu(p)));
        return new Reading(cpu(service), postgres, cpu(ProcessHandle.current()));
    }

    /** The CPU between two readings, per request answered between them. */
    static PerRequest perRequest(Reading before, Reading after, long requests) {
        double n = Math.max(1, requests) * 1_000.0;
        long postgres = after.postgres().entrySet().stream()
                .mapToLong(e -> e.getValue() - Math.min(e.getValue(), before.postgres().getOrDefault(e.getKey(), 0L)))
                .sum();
        return new PerRequest((after.service() - before.service()) / n, postgres / n,
                (after.generator() - before.generator()) / n);
    }

    private static long cpu(ProcessHandle process) {
        return process.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }
}
