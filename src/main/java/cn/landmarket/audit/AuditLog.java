package cn.landmarket.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

import cn.landmarket.common.jdbc.SqlPipeline;

/**
 * Where features write audit entries: into audit_pending, inside the caller's own transaction, so
 * an entry exists exactly when the business change committed. The sequencer adds it to the tree.
 * The openings of the commitments an entry carries go into audit_commitment in the same
 * transaction. With {@code market.audit.enabled=false} (benchmarks only; production refuses it)
 * nothing is written into the log; the {@link AuditFollower}s (notifications) are called all the same.
 */
@ApplicationScoped
public class AuditLog {

    private static final String INSERT_COMMITMENTS = """
            insert into audit_commitment (commitment, scope, subject, field, salt, value)
            select * from unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bytea[], ?::text[])""";

    private final EntityManager em;
    private final boolean enabled;
    private final List<AuditFollower> followers;
    /**
     * The entries {@link #collecting} holds back on this thread until its work is done; null when
     * none is running. A transaction runs on one thread, and so does the work of one collection.
     */
    private final ThreadLocal<List<AuditEntry>> held = new ThreadLocal<>();

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
        List<AuditEntry> holding = held.get();
        if (holding != null) {
            holding.add(entry);
            return;
        }
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

    /** Stages the entries, in order, in the JDBC transaction of {@code c}: one round trip for all. */
    public void append(Connection c, List<AuditEntry> entries) throws SQLException {
        SqlPipeline pipeline = new SqlPipeline();
        stage(pipeline, entries);
        pipeline.run(c);
    }

    /**
     * Adds to {@code pipeline} the statements that stage the entries, in order, with their
     * commitments' openings and what the followers write: at most one statement each, sent with the
     * caller's other statements when it runs the pipeline (the bid batcher's hot path).
     */
    public void stage(SqlPipeline pipeline, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        for (AuditFollower follower : followers) {
            follower.follow(pipeline, entries);
        }
        if (!enabled) {
            return;
        }
        pipeline.add("""
                insert into audit_pending (entry, kind, listing_id)
                select e, k, l from unnest(?::bytea[], ?::varchar[], ?::bigint[]) with ordinality as t(e, k, l, n)
                order by n""", p -> p.array("bytea", entries.stream().map(AuditEntry::bytes).toArray(byte[][]::new))
                .array("varchar", entries.stream().map(AuditEntry::type).toArray())
                .array("int8", entries.stream().map(AuditEntry::listingId).toArray()));
        List<Commitment> commitments = entries.stream().flatMap(e -> e.commitments().stream()).toList();
        if (commitments.isEmpty()) {
            return;
        }
        pipeline.add(INSERT_COMMITMENTS, p -> p
                .array("varchar", commitments.stream().map(Commitment::hash).toArray())
                .array("varchar", commitments.stream().map(Commitment::scope).toArray())
                .array("varchar", commitments.stream().map(Commitment::subject).toArray())
                .array("varchar", commitments.stream().map(Commitment::field).toArray())
                .array("bytea", commitments.stream().map(Commitment::salt).toArray(byte[][]::new))
                .array("text", commitments.stream().map(Commitment::value).toArray()));
    }

    /**
     * Runs {@code work} in the caller's transaction with every entry it appends through
     * {@link #append(AuditEntry)} held back, then stages them all, in the order they were appended, in
     * one statement (and one for their commitments): for work that appends many entries, such as
     * closing a batch of listings. The work must not read audit_pending or audit_commitment, which do
     * not hold its entries until it returns. If the work fails, nothing it appended is staged. Inside
     * another collection it simply runs, and the outer one stages its entries.
     */
    public <T> T collecting(Supplier<T> work) {
        if (held.get() != null) {
            return work.get();
        }
        List<AuditEntry> entries = new ArrayList<>();
        held.set(entries);
        T result;
        try {
            result = work.get();
        } finally {
            held.remove();
        }
        em.unwrap(Session.class).doWork(c -> append(c, entries));
        return result;
    }
}
