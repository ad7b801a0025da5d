package cn.landmarket.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

/**
 * Where features write audit entries: into audit_pending, inside the caller's own transaction, so
 * an entry exists exactly when the business change committed. The sequencer adds it to the tree.
 */
@ApplicationScoped
public class AuditLog {

    @Inject
    EntityManager em;

    /**
     * Stages the entry in the current JTA transaction; fails without one. The insert names its one
     * table as its query space, so it does not flush the caller's entities half-changed.
     */
    public void append(AuditEntry entry) {
        em.createNativeQuery("insert into audit_pending (entry) values (?1)").unwrap(NativeQuery.class)
                .addSynchronizedQuerySpace("audit_pending").setParameter(1, entry.bytes()).executeUpdate();
    }

    /** Stages the entries, in order, in the JDBC transaction of {@code c}. */
    public static void append(Connection c, List<AuditEntry> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "insert into audit_pending (entry) select e from unnest(?::bytea[]) with ordinality as t(e, n) order by n")) {
            ps.setArray(1, c.createArrayOf("bytea", entries.stream().map(AuditEntry::bytes).toArray(byte[][]::new)));
            ps.executeUpdate();
        }
    }
}
