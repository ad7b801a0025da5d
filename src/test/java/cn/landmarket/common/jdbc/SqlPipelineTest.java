package cn.landmarket.common.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * {@link SqlPipeline} on the real database: statements run in order in one transaction, each sees
 * what the ones before it wrote, each reader gets its own statement's rows, parameters land in the
 * statement that bound them, and all of it goes to the driver as one prepared statement executed once.
 */
@QuarkusTest
class SqlPipelineTest {

    @Inject
    DataSource dataSource;

    private Connection connection;
    /** How many statements the code under test prepared and executed on {@link #connection}. */
    private final AtomicInteger prepared = new AtomicInteger();

    @BeforeEach
    void open() throws SQLException {
        Connection real = dataSource.getConnection();
        try (Statement s = real.createStatement()) {
            s.execute("create temporary table pipeline_probe (id bigint primary key, label varchar(20) not null, at timestamptz)");
        }
        real.setAutoCommit(false);
        connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")) {
                        prepared.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @AfterEach
    void close() throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
        try (Statement s = connection.createStatement()) {
            s.execute("drop table if exists pipeline_probe");
        }
        connection.close();
    }

    @Test
    void statementsRunInOrderAndEachReaderGetsItsOwnRows() throws SQLException {
        Instant at = Instant.parse("2026-12-05T06:00:00.123456Z");
        List<String> inserted = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        List<Long> counted = new ArrayList<>();
        SqlPipeline pipeline = new SqlPipeline()
                .query("insert into pipeline_probe (id, label, at) select i, l, ? from unnest(?::bigint[], ?::varchar[]) t(i, l) returning label",
                        p -> p.timestamp(at).array("int8", new Object[] {1L, 2L, 3L})
                                .array("varchar", new Object[] {"one", "two", "three"}),
                        rs -> {
                            while (rs.next()) {
                                inserted.add(rs.getString(1));
                            }
                        })
                .add("update pipeline_probe set label = label || ? where id = ?", p -> p.value("!").value(2L))
                .query("select label, at from pipeline_probe where id >= ? order by id", p -> p.value(2L), rs -> {
                    while (rs.next()) {
                        seen.add(rs.getString(1) + "@" + rs.getTimestamp(2).toInstant());
                    }
                })
                .query("select count(*) from pipeline_probe where label = ?", p -> p.value("one"), rs -> {
                    rs.next();
                    counted.add(rs.getLong(1));
                });
        assertEquals(4, pipeline.size());

        pipeline.run(connection);

        assertEquals(1, prepared.get(), "the four statements go to the driver as one");
        assertEquals(List.of("one", "two", "three"), inserted);
        assertEquals(List.of("two!@" + at, "three@" + at), seen);
        assertEquals(List.of(1L), counted);
        assertTrue(pipeline.isEmpty(), "a pipeline that ran is empty again");
    }

    @Test
    void aFailingStatementFailsTheRunAndTheStatementsAfterItDoNotRun() throws SQLException {
        List<Long> after = new ArrayList<>();
        SqlPipeline pipeline = new SqlPipeline()
                .add("insert into pipeline_probe (id, label) values (?, ?)", p -> p.value(1L).value("first"))
                .add("insert into pipeline_probe (id, label) values (?, ?)", p -> p.value(1L).value("again"))
                .query("select count(*) from pipeline_probe", p -> { }, rs -> {
                    rs.next();
                    after.add(rs.getLong(1));
                });

        SQLException failed = assertThrows(SQLException.class, () -> pipeline.run(connection));

        assertEquals("23505", failed.getSQLState(), "the unique violation of the second statement");
        assertEquals(List.of(), after, "the third statement's reader is never called");
        connection.rollback();
        assertEquals(0, probeRows(), "the first insert is rolled back with the transaction");
    }

    @Test
    void aStatementWithMoreMarkersThanBoundParametersIsRefusedBeforeAnythingIsSent() throws SQLException {
        SqlPipeline pipeline = new SqlPipeline()
                .add("insert into pipeline_probe (id, label) values (?, ?)", p -> p.value(1L).value("bound"))
                .add("insert into pipeline_probe (id, label) values (?, ?)", p -> p.value(2L));

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> pipeline.run(connection));

        assertTrue(refused.getMessage().contains("has 2 parameters but 1 were bound"), refused.getMessage());
        assertEquals(0, probeRows(), "nothing was executed");
    }

    @Test
    void aPartIsOneStatementAndAnEmptyPipelineSendsNothing() throws SQLException {
        assertThrows(IllegalArgumentException.class,
                () -> new SqlPipeline().add("delete from pipeline_probe; drop table pipeline_probe", p -> { }));

        new SqlPipeline().run(connection);

        assertEquals(0, prepared.get());
    }

    @Test
    void aPipelinePlannedEachRunLeavesNoPlanCachedOnTheServer() throws SQLException {
        runTenTimes("each_run", true);
        runTenTimes("cached", false);

        // The driver names a statement run five times, and the server keeps that statement's plan; a
        // plan made while a table was small would keep scanning it whole as it grows.
        assertEquals(0, serverPrepared("each_run"), "planned on every run: nothing kept on the server");
        assertEquals(1, serverPrepared("cached"), "by default the driver's usual server-side statement");
        assertEquals(20, probeRows());
    }

    private void runTenTimes(String label, boolean planEachRun) throws SQLException {
        for (int i = 0; i < 10; i++) {
            long id = probeRows() + 1;
            SqlPipeline pipeline = new SqlPipeline();
            if (planEachRun) {
                pipeline.planEachRun();
            }
            pipeline.add("insert into pipeline_probe (id, label) values (?, ?)", p -> p.value(id).value(label))
                    .query("select label from pipeline_probe where id = ? and label <> '" + label + "'",
                            p -> p.value(id), rs -> { })
                    .run(connection);
        }
    }

    private long serverPrepared(String label) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "select count(*) from pg_prepared_statements where statement like ?")) {
            ps.setString(1, "%label <> '" + label + "'%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long probeRows() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("select count(*) from pipeline_probe");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
