package cn.landmarket.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import cn.landmarket.common.config.MarketConfig;

/**
 * Readiness of the audit log: the sequencer is stuck when an entry has waited longer than
 * {@code market.health.audit-max-pending-age} and no checkpoint was signed within that time either. A
 * quiet log (nothing pending, however old the last checkpoint) and a busy one that is still
 * signing checkpoints are both ready.
 */
@Readiness
@ApplicationScoped
public class AuditHealthCheck implements HealthCheck {

    static final String NAME = "audit-sequencer";

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration maxPendingAge;

    AuditHealthCheck(DataSource dataSource, Clock clock, MarketConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.maxPendingAge = config.health().auditMaxPendingAge();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("maxPendingAgeSeconds", maxPendingAge.toSeconds());
        try (Connection c = dataSource.getConnection()) {
            Instant now = clock.instant();
            long pending = 0;
            Instant oldestPending = null;
            try (PreparedStatement ps = c.prepareStatement("select count(*), min(created_at) from audit_pending");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                pending = rs.getLong(1);
                oldestPending = instant(rs.getTimestamp(2));
            }
            Instant lastCheckpoint = null;
            try (PreparedStatement ps = c.prepareStatement(
                    "select tree_size, created_at from checkpoint order by tree_size desc limit 1");
                    ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    response.withData("treeSize", rs.getLong(1));
                    lastCheckpoint = instant(rs.getTimestamp(2));
                }
            }
            response.withData("pendingEntries", pending);
            if (oldestPending != null) {
                response.withData("oldestPendingSeconds", Duration.between(oldestPending, now).toSeconds());
            }
            if (lastCheckpoint != null) {
                response.withData("checkpointAgeSeconds", Duration.between(lastCheckpoint, now).toSeconds());
            }
            return response.status(!stuck(now, oldestPending, lastCheckpoint)).build();
        } catch (SQLException | RuntimeException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }

    /** Stuck: something has been pending longer than the bound, and no checkpoint came within it. */
    private boolean stuck(Instant now, Instant oldestPending, Instant lastCheckpoint) {
        Instant bound = now.minus(maxPendingAge);
        return oldestPending != null && oldestPending.isBefore(bound)
                && (lastCheckpoint == null || lastCheckpoint.isBefore(bound));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
