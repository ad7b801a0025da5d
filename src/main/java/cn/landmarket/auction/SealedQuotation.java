package cn.landmarket.auction;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import cn.landmarket.audit.AuditEntry;

/**
 * One bidder's sealed quotation on a listing: its commitment from the quotation period on, and its
 * amount and salt only from its reveal on (domain.md, "Sale formats").
 */
@Entity
@Table(name = "sealed_quotation")
public class SealedQuotation {

    static final String ENTRY = "quotation";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sealed_quotation_seq")
    @SequenceGenerator(name = "sealed_quotation_seq", sequenceName = "sealed_quotation_seq", allocationSize = 50)
    public Long id;

    @Column(name = "listing_id")
    public long listingId;

    /** Order of the commitment among the listing's (1, 2, …), as its audit entries are ordered. */
    public int seq;

    @Column(name = "registration_id")
    public long registrationId;

    @Column(name = "bidder_no")
    public String bidderNo;

    /** Lower-case hex SHA-256 of {@link SealedCommitment#preimage}. */
    public String commitment;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "committed_at")
    public Instant committedAt;

    @Column(name = "revealed_at")
    public Instant revealedAt;

    /** Null until the reveal. */
    @Column(name = "amount_fen")
    public Long amountFen;

    /** Null until the reveal. */
    public String salt;

    /** Reveals refused because they did not open the commitment. */
    @Column(name = "failed_reveals")
    public int failedReveals;

    public boolean revealed() {
        return revealedAt != null;
    }

    /** {@code quotation.committed}: the commitment by bidder number (never the amount, never the enterprise). */
    AuditEntry committedEntry() {
        Map<String, Object> facts = facts();
        facts.put("committedAt", committedAt.toString());
        return new AuditEntry(ENTRY + ".committed", committedAt, actor(), facts);
    }

    /**
     * {@code quotation.revealed}: amount and salt that open the commitment, so anyone can recompute
     * it (SealedCommitment), and whether the quotation is valid.
     */
    AuditEntry revealedEntry(String listingNo, QuotationValidity validity) {
        Map<String, Object> facts = facts();
        facts.put("listingNo", listingNo);
        facts.put("amountFen", amountFen);
        facts.put("salt", salt);
        facts.put("validity", validity.name());
        facts.put("revealedAt", revealedAt.toString());
        return new AuditEntry(ENTRY + ".revealed", revealedAt, actor(), facts);
    }

    /**
     * {@code quotation.reveal_refused}: a reveal that did not open the commitment; neither the amount
     * nor the salt presented is logged, only why and how many attempts failed so far.
     */
    AuditEntry revealRefusedEntry(Instant at) {
        Map<String, Object> facts = facts();
        facts.put("reason", "DOES_NOT_OPEN_COMMITMENT");
        facts.put("failedReveals", failedReveals);
        return new AuditEntry(ENTRY + ".reveal_refused", at, actor(), facts);
    }

    /** {@code quotation.deposit_forfeited}: the deposit behind a quotation not revealed in time. */
    AuditEntry depositForfeitedEntry(long forfeitedFen, Instant at, String actor) {
        Map<String, Object> facts = facts();
        facts.put("registrationId", registrationId);
        facts.put("forfeitedFen", forfeitedFen);
        facts.put("reason", QuotationValidity.NOT_REVEALED.name());
        return new AuditEntry(ENTRY + ".deposit_forfeited", at, actor, facts);
    }

    private String actor() {
        return "bidder:" + bidderNo;
    }

    private Map<String, Object> facts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingId", listingId);
        facts.put("sequence", seq);
        facts.put("bidderNo", bidderNo);
        facts.put("commitment", commitment);
        return facts;
    }
}
