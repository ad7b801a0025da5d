package cn.landmarket.ops;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import javax.sql.DataSource;

/** The one query behind the gauges; every part of it is answered from an index or a small count. */
@ApplicationScoped
public class GaugeRepository {

    private final DataSource dataSource;

    GaugeRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The state at {@code now}: refunds are overdue when their due date is before it. */
    GaugeSnapshot read(Instant now) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        select (select count(*) from listing where status = 'LISTING'),
                               (select count(*) from listing where status = 'TIMED_BIDDING'),
                               coalesce((select max(tree_size) from checkpoint), 0),
                               (select count(*) from audit_pending),
                               (select created_at from checkpoint order by tree_size desc limit 1),
                               r.overdue, r.overdue_fen
                        from (select count(*) as overdue, coalesce(sum(amount_fen), 0) as overdue_fen
                              from refund where confirmed_at is null and due_by < ?) r""")) {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp checkpoint = rs.getTimestamp(5);
                return new GaugeSnapshot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        checkpoint == null ? null : checkpoint.toInstant(), rs.getLong(6), rs.getLong(7));
            }
        }
    }
}
