package cn.landmarket.listing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Commitment;

/** One status change of a listing: from what, to what, when, by whom and why. */
@Entity
@Table(name = "listing_history")
public class ListingHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "listing_history_seq")
    @SequenceGenerator(name = "listing_history_seq", sequenceName = "listing_history_seq", allocationSize = 50)
    public Long id;

    @Column(name = "listing_id")
    public long listingId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public ListingStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status")
    public ListingStatus toStatus;

    public Instant at;

    public String actor;

    public String reason;

    /** The audit log entry of this change: type {@code listing.<to>}, facts listing id, from, to, reason. */
    public AuditEntry auditEntry() {
        return auditEntry(Map.of());
    }

    /** The audit log entry of this change with further facts of it (a deadline, the outcome of a close). */
    public AuditEntry auditEntry(Map<String, ?> more) {
        return auditEntry(listingId, fromStatus == null ? null : fromStatus.name(), toStatus.name(), at, actor, reason,
                more);
    }

    /**
     * The audit log entry of this change as the public may read it. Once the listing is announced
     * ({@code announced}) everything is in the clear. Before that the public log shows only that the
     * listing changed status (listing id, from, to, who, when): the reason goes in as
     * {@code reasonCommitment} and the further facts as {@code <field>Commitment} (their canonical
     * JSON), both openable by those who may see the unannounced listing ({@link Commitment#LISTING}).
     */
    public AuditEntry auditEntry(Map<String, ?> more, String field, boolean announced) {
        if (announced) {
            return auditEntry(more);
        }
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingId", listingId);
        facts.put("from", fromStatus == null ? null : fromStatus.name());
        facts.put("to", toStatus.name());
        facts.put("reason", null);
        List<Commitment> commitments = new ArrayList<>();
        if (reason != null) {
            commitments.add(Commitment.seal(Commitment.LISTING, listingId, "reason", reason).into(facts));
        }
        if (!more.isEmpty()) {
            commitments.add(Commitment.seal(Commitment.LISTING, listingId, field, Commitment.canonical(more))
                    .into(facts));
        }
        return AuditEntry.listingStatus(toStatus.name(), at, actor, facts, commitments);
    }

    /** The audit log entry of a status change of a listing. */
    public static AuditEntry auditEntry(long listingId, String from, String to, Instant at, String actor,
            String reason) {
        return auditEntry(listingId, from, to, at, actor, reason, Map.of());
    }

    /**
     * The audit log entry of a status change of a listing, with further facts; those cannot replace
     * listingId, from, to or reason.
     */
    public static AuditEntry auditEntry(long listingId, String from, String to, Instant at, String actor,
            String reason, Map<String, ?> more) {
        Map<String, Object> facts = new HashMap<>(more);
        facts.put("listingId", listingId);
        facts.put("from", from);
        facts.put("to", to);
        facts.put("reason", reason);
        return AuditEntry.listingStatus(to, at, actor, facts);
    }

    public static ListingHistory of(long listingId, ListingStatus from, ListingStatus to, Instant at, String actor,
            String reason) {
        ListingHistory h = new ListingHistory();
        h.listingId = listingId;
        h.fromStatus = from;
        h.toStatus = to;
        h.at = at;
        h.actor = actor;
        h.reason = reason;
        return h;
    }

    /**
     * {@link ListingRepository#transition} on the bid batcher's JDBC connection: checks the move, writes
     * the listing's status (only if it still is {@code from}), inserts the history row, and returns the
     * audit entry for the batch to append.
     */
    public static AuditEntry transition(Connection c, long listingId, ListingStatus from, ListingStatus to,
            Instant at, String actor, String reason, Map<String, ?> facts) throws SQLException {
        ListingTransitions.requireAllowed(listingId, from, to);
        try (PreparedStatement ps = c.prepareStatement("update listing set status = ? where id = ? and status = ?")) {
            ps.setString(1, to.name());
            ps.setLong(2, listingId);
            ps.setString(3, from.name());
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("listing " + listingId + " is no longer " + from);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                insert into listing_history (id, listing_id, from_status, to_status, at, actor, reason)
                values (nextval('listing_history_seq'), ?, ?, ?, ?, ?, ?)""")) {
            ps.setLong(1, listingId);
            ps.setString(2, from.name());
            ps.setString(3, to.name());
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setString(5, actor);
            ps.setString(6, reason);
            ps.executeUpdate();
        }
        return ListingHistory.of(listingId, from, to, at, actor, reason).auditEntry(facts);
    }
}
