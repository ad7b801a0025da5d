package cn.landmarket.common.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.postgresql.PGStatement;

/**
 * Statements sent to PostgreSQL in one round trip. Their SQL goes out as one prepared statement of
 * several, which the PostgreSQL driver sends as one sequence of protocol messages closed by a single
 * Sync: the server runs them in order, in the connection's transaction, each seeing what the ones
 * before it wrote, and the answers come back together. Should one fail, the server skips the rest
 * and {@link #run} throws; the caller rolls back as for any failed statement.
 *
 * <p>For the bid batch, where each statement alone costs a round trip of 1.5–3 ms on a loaded
 * machine while PostgreSQL runs it in a fraction of that. Each statement is added with the
 * parameters it binds, in the order of its {@code ?} markers, and, if it returns rows, a reader for
 * them; a statement must not contain {@code ;} or a {@code ?} that is not a parameter.
 */
public final class SqlPipeline {

    /** Binds one statement's parameters, in the order of its markers. */
    @FunctionalInterface
    public interface Binder {
        void bind(Parameters parameters) throws SQLException;
    }

    /** Reads the rows a statement returned. */
    @FunctionalInterface
    public interface Reader {
        void read(ResultSet rows) throws SQLException;
    }

    /** One statement's parameters, set one after the other from its first marker. */
    public static final class Parameters {
        private final Connection connection;
        private final PreparedStatement statement;
        private int next;
        private int count;

        private Parameters(Connection connection, PreparedStatement statement, int first) {
            this.connection = connection;
            this.statement = statement;
            this.next = first;
        }

        /** An array of the SQL element type {@code type} ({@code int8}, {@code varchar}, {@code bytea}...). */
        public Parameters array(String type, Object[] values) throws SQLException {
            statement.setArray(take(), connection.createArrayOf(type, values));
            return this;
        }

        public Parameters timestamp(Instant instant) throws SQLException {
            statement.setTimestamp(take(), instant == null ? null : Timestamp.from(instant));
            return this;
        }

        public Parameters value(long value) throws SQLException {
            statement.setLong(take(), value);
            return this;
        }

        public Parameters value(String value) throws SQLException {
            statement.setString(take(), value);
            return this;
        }

        private int take() {
            count++;
            return next++;
        }
    }

    private record Part(String sql, int markers, Binder binder, Reader reader) {
    }

    private final List<Part> parts = new ArrayList<>();
    private boolean planEachRun;

    /**
     * Has the server plan these statements for their parameters on every run instead of from a plan
     * it cached. The driver has the server keep a statement run five times on a connection, and the
     * server then reuses one plan for any parameters; a plan made while a table was small (a new
     * market's first minutes, before PostgreSQL's first ANALYZE of it) reads the whole table on every
     * run as the table grows, until that ANALYZE: the bid batch's lookup of earlier receipts took
     * 5 ms a batch on average so, up to 117 ms. For reads whose best plan depends on how big their
     * tables are; planning the bid batch's writes each run as well cost bids spread over many
     * listings about 15 % of their rate.
     */
    public SqlPipeline planEachRun() {
        this.planEachRun = true;
        return this;
    }

    /** Adds a statement whose rows, if any, nobody reads. */
    public SqlPipeline add(String sql, Binder binder) {
        return query(sql, binder, null);
    }

    /** Adds a statement whose rows {@code reader} reads once the pipeline has run. */
    public SqlPipeline query(String sql, Binder binder, Reader reader) {
        if (sql.indexOf(';') >= 0) {
            throw new IllegalArgumentException("one statement per part, without ';': " + sql);
        }
        parts.add(new Part(sql, (int) sql.chars().filter(ch -> ch == '?').count(), binder, reader));
        return this;
    }

    /** Whether no statement was added. */
    public boolean isEmpty() {
        return parts.isEmpty();
    }

    /** How many statements were added. */
    public int size() {
        return parts.size();
    }

    /**
     * Sends every statement added, in order, in one round trip, then hands each reader its rows;
     * nothing when none was added. The pipeline is empty again afterwards, whether it succeeded or not.
     */
    public void run(Connection connection) throws SQLException {
        if (parts.isEmpty()) {
            return;
        }
        List<Part> sending = List.copyOf(parts);
        parts.clear();
        String sql = sending.stream().map(Part::sql).collect(Collectors.joining(";\n"));
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            if (planEachRun) {
                statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            }
            int first = 1;
            for (Part part : sending) {
                Parameters parameters = new Parameters(connection, statement, first);
                part.binder().bind(parameters);
                if (parameters.count != part.markers()) {
                    throw new IllegalStateException("statement has " + part.markers() + " parameters but "
                            + parameters.count + " were bound: " + part.sql());
                }
                first += parameters.count;
            }
            boolean rows = statement.execute();
            for (Part part : sending) {
                if (rows) {
                    try (ResultSet result = statement.getResultSet()) {
                        if (part.reader() != null) {
                            part.reader().read(result);
                        }
                    }
                } else if (statement.getUpdateCount() == -1) {
                    throw new IllegalStateException("fewer results than statements: " + part.sql());
                }
                rows = statement.getMoreResults();
            }
        }
    }
}
