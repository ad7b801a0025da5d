package cn.landmarket.audit;

import java.util.List;

import cn.landmarket.common.jdbc.SqlPipeline;

/**
 * What another feature writes in the same transaction as an audit entry (notifications' outbox),
 * found through CDI so that the audit log depends on no feature. {@link AuditLog} calls every
 * follower for every entry it stages, on either path, whether or not the log itself is enabled.
 */
public interface AuditFollower {

    /** Called inside the caller's JTA transaction for one entry just staged through JPA. */
    void follow(AuditEntry entry);

    /**
     * Called with the entries of a JDBC transaction (the bid batcher's), in order: adds at most one
     * statement to the pipeline that stages them, which the caller sends with its own in one round
     * trip. This is the hot path.
     */
    void follow(SqlPipeline pipeline, List<AuditEntry> entries);
}
