package cn.landmarket.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * What another feature writes in the same transaction as an audit entry (notifications' outbox),
 * found through CDI so that the audit log depends on no feature. {@link AuditLog} calls every
 * follower for every entry it stages, on either path, whether or not the log itself is enabled.
 */
public interface AuditFollower {

    /** Called inside the caller's JTA transaction for one entry just staged through JPA. */
    void follow(AuditEntry entry);

    /**
     * Called on the JDBC connection of the bid batcher with the batch's entries, in order. At most
     * one statement: this is the hot path.
     */
    void follow(Connection c, List<AuditEntry> entries) throws SQLException;
}
