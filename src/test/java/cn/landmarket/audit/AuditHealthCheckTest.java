package cn.landmarket.audit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Sequencing;
import cn.landmarket.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** The health endpoints, and readiness following the audit sequencer: stuck, lagging, quiet. */
@QuarkusTest
class AuditHealthCheckTest {

    private static final String CHECK = "checks.find { it.name == 'audit-sequencer' }";

    @Inject
    DataSource dataSource;

    @Inject
    AuditSequencer sequencer;

    @Inject
    TestClock clock;

    @BeforeEach
    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static ValidatableResponse ready() {
        return given().when().get("/q/health/ready").then();
    }


    /** Stages an entry whose pending time started {@code age} ago by the database's clock. */
    private void stage(String marker, Duration age) throws SQLException {
        AuditEntry entry = new AuditEntry("test.note", Instant.now(), "test", Map.of("marker", marker));
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "insert into audit_pending (entry, created_at) values (?, now() - make_interval(secs => ?))")) {
            ps.setBytes(1, entry.bytes());
            ps.setLong(2, age.toSeconds());
            ps.executeUpdate();
        }
    }

    /** Holds the sequencer's advisory lock in an open transaction, so no instance can sequence. */
    private static Connection holdSequencerLock(DataSource dataSource) throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(?)")) {
            ps.setLong(1, AuditSequencer.LOCK_KEY);
            ps.execute();
        }
        return c;
    }

    @Test
    void healthEndpointsArePublicAndReadinessCoversTheDatabaseAndTheAuditLog() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        ready().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.name", hasItem(AuditHealthCheck.NAME))
                .body(CHECK + ".data.maxPendingAgeSeconds", equalTo(60));
    }

    @Test
    void readinessFailsOnlyWhileAnOldEntryWaitsAndNoCheckpointComes() throws Exception {
        stage("health-fresh-checkpoint", Duration.ZERO);
        Sequencing.settle(sequencer); // a checkpoint signed just now
        try (Connection lock = holdSequencerLock(dataSource)) {
            try {
                stage("health-stuck", Duration.ofMinutes(5));
                // the entry is old, but a checkpoint came within the bound: lagging, not stuck
                ready().statusCode(200).body(CHECK + ".status", equalTo("UP"))
                        .body(CHECK + ".data.oldestPendingSeconds", greaterThanOrEqualTo(300));

                clock.advance(Duration.ofMinutes(2));
                // two minutes on, no checkpoint since and the entry still waits: stuck
                ready().statusCode(503).body("status", equalTo("DOWN"))
                        .body(CHECK + ".status", equalTo("DOWN"))
                        .body(CHECK + ".data.pendingEntries", greaterThanOrEqualTo(1))
                        .body(CHECK + ".data.checkpointAgeSeconds", greaterThanOrEqualTo(120));
            } finally {
                lock.rollback();
            }
        }
        Sequencing.settle(sequencer);
        // nothing pending: ready again, however old the last checkpoint looks by the advanced clock
        // (jobs of other tests' listings may stage an entry meanwhile; the sequencer takes it within 0.5 s)
        ValidatableResponse quiet = null;
        for (int i = 0; i < 50; i++) {
            quiet = ready();
            if (quiet.extract().statusCode() == 200) {
                break;
            }
            Thread.sleep(100);
        }
        quiet.statusCode(200).body(CHECK + ".status", equalTo("UP"))
                .body(CHECK + ".data.checkpointAgeSeconds", greaterThanOrEqualTo(120));
    }
}
