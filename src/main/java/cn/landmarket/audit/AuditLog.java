package cn.landmarket.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * Where features write audit entries: into audit_pending, inside the caller's own transaction, so
 * an entry exists exactly when the business change committed. The sequencer adds it to the tree.
 * The openings of the commitments an entry carries go into audit_commitment in the same
 * transaction. With {@code market.audit.enabled=false} (benchmarks only; production refuses it)
 * nothing is written into the log; the {@link AuditFollower}s (notifications) are called all the same.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT_COMMITMENT = """
            insert into audit_commitment (commitment, scope, subject, field, salt, value)
            values (?, ?, ?, ?, ?, ?)""";

    private final EntityManager em;
    private final boolean enabled;
    private final List<AuditFollower> followers;

    AuditLog(EntityManager em, AuditConfig config, Instance<AuditFollower> followers) {
        this.em = em;
        this.enabled = config.enabled();
        this.followers = followers.stream().toList();
    }

    /**
     * Stages the entry in the current JTA transaction; fails without one. The insert names its one
     * table as its query space, so it does not flush the caller's entities half-changed.
     */
    public void append(AuditEntry entry) {
        for (AuditFollower follower : followers) {
            follower.follow(entry);
        }
        if (!enabled) {
            return;
        }
        em.createNativeQuery("insert into audit_pending (entry, kind, listing_id) values (?1, ?2, ?3)")
                .unwrap(NativeQuery.class).addSynchronizedQuerySpace("audit_pending")
                .setParameter(1, entry.bytes()).setParameter(2, entry.type()).setParameter(3, entry.listingId(), Long.class)
                .executeUpdate();
        for (Commitment c : entry.commitments()) {
            em.createNativeQuery("insert into audit_commitment (commitment, scope, subject, field, salt, value) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6)")
                    .unwrap(NativeQuery.class).addSynchronizedQuerySpace("audit_commitment")
                    .setParameter(1, c.hash()).setParameter(2, c.scope()).setParameter(3, c.subject())
                    .setParameter(4, c.field()).setParameter(5, c.salt()).setParameter(6, c.value())
                    .executeUpdate();
        }
    }

    /** Stages the entries, in order, in the JDBC transaction of {@code c}: one statement for all. */
    public void append(Connection c, List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        for (AuditFollower follower : followers) {
            follower.follow(c, entries);
        }
        if (!enabled) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into audit_pending (entry, kind, listing_id)
                select e, k, l from unnest(?::bytea[], ?::varchar[], ?::bigint[]) with ordinality as t(e, k, l, n)
                order by n""")) {
            ps.setArray(1, c.createArrayOf("bytea", entries.stream().map(AuditEntry::bytes).toArray(byte[][]::new)));
            ps.setArray(2, c.createArrayOf("varchar", entries.stream().map(AuditEntry::type).toArray()));
            ps.setArray(3, c.createArrayOf("int8", entries.stream().map(AuditEntry::listingId).toArray()));
            ps.executeUpdate();
        }
        for (AuditEntry entry : entries) {
            for (Commitment commitment : entry.commitments()) {
                try (PreparedStatement ps = c.prepareStatement(INSERT_COMMITMENT)) {
                    ps.setString(1, commitment.hash());
                    ps.setString(2, commitment.scope());
                    ps.setString(3, commitment.subject());
                    ps.setString(4, commitment.field());
                    ps.setBytes(5, commitment.salt());
                    ps.setString(6, commitment.value());
                    ps.executeUpdate();
                }
            }
        }
    }
}
