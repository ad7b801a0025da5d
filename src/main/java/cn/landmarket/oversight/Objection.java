package cn.landmarket.oversight;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
import jakarta.persistence.Version;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Commitment;

/**
 * A bidder's objection (异议) to the published result of a listing, lodged in the publication
 * period, and the regulator's answer; an upheld one may suspend the settlement of the listing's
 * trade until the regulator lifts it. The public log carries its outcome in the clear and its
 * reasons, its answer and who lodged it only as commitments (scope {@link #SCOPE}).
 */
@Entity
@Table(name = "objection")
public class Objection {

    /** The commitment scope of objections: opened by the objector and the regulators of the listing's region. */
    public static final String SCOPE = "objection";

    private static final String ENTRY = "objection";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "objection_seq")
    @SequenceGenerator(name = "objection_seq", sequenceName = "objection_seq", allocationSize = 50)
    public Long id;

    @Column(name = "listing_id")
    public long listingId;

    @Column(name = "registration_id")
    public long registrationId;

    @Column(name = "enterprise_code")
    public String enterpriseCode;

    @Column(name = "bidder_no")
    public String bidderNo;

    public String reasons;

    @Column(name = "lodged_at")
    public Instant lodgedAt;

    /** The end of the result's publication period when the objection was lodged. */
    @Column(name = "period_ends")
    public Instant periodEnds;

    @Enumerated(EnumType.STRING)
    public ObjectionStatus status;

    /** The regulator's reasons; null until answered. */
    public String answer;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Column(name = "answered_by")
    public String answeredBy;

    /** The trade whose settlement the upholding suspended; null when it suspended none. */
    @Column(name = "suspended_trade_id")
    public Long suspendedTradeId;

    @Column(name = "lifted_at")
    public Instant liftedAt;

    @Column(name = "lifted_by")
    public String liftedBy;

    @Version
    public long version;

    /** Whether this objection suspends settlement now: upheld with a suspension not yet lifted. */
    public boolean suspendsNow() {
        return suspendedTradeId != null && liftedAt == null;
    }

    /**
     * {@code objection.lodged}: the listing, the objection and the end of the publication period;
     * who lodged it (registration and bidder number) and its reasons only as commitments, so the
     * public learns that an objection was lodged, never by whom or why. The actor is the role only.
     */
    AuditEntry lodgedEntry() {
        Map<String, Object> facts = facts();
        facts.put("lodgedAt", lodgedAt.toString());
        facts.put("periodEnds", periodEnds.toString());
        Map<String, Object> objector = new LinkedHashMap<>();
        objector.put("registrationId", registrationId);
        objector.put("bidderNo", bidderNo);
        Commitment who = Commitment.seal(SCOPE, id, "objector", Commitment.canonical(objector)).into(facts);
        Commitment why = Commitment.seal(SCOPE, id, "reasons", reasons).into(facts);
        return new AuditEntry(ENTRY + ".lodged", lodgedAt, "enterprise", facts, List.of(who, why));
    }

    /**
     * {@code objection.answered}: the outcome (UPHELD or REJECTED) and whether it suspended the
     * settlement of which trade, in the clear; the regulator's reasons as a commitment.
     */
    AuditEntry answeredEntry() {
        Map<String, Object> facts = facts();
        facts.put("answeredAt", answeredAt.toString());
        facts.put("suspendSettlement", suspendedTradeId != null);
        facts.put("tradeId", suspendedTradeId);
        Commitment why = Commitment.seal(SCOPE, id, "answer", answer).into(facts);
        return new AuditEntry(ENTRY + ".answered", answeredAt, answeredBy, facts, List.of(why));
    }

    /** {@code objection.lifted}: the suspension of settlement this objection caused is lifted. */
    AuditEntry liftedEntry() {
        Map<String, Object> facts = facts();
        facts.put("tradeId", suspendedTradeId);
        facts.put("liftedAt", liftedAt.toString());
        return new AuditEntry(ENTRY + ".lifted", liftedAt, liftedBy, facts);
    }

    private Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingId", listingId);
        facts.put("objectionId", id);
        facts.put("status", status.name());
        return facts;
    }
}
