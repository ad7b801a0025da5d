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
 * One qualified bidder's entry to a lottery at the cap: its commitment to a random contribution from
 * the entry window on, the contribution itself only from its reveal on (domain.md, "Sale formats").
 */
@Entity
@Table(name = "lottery_entry")
public class LotteryEntry {

    static final String ENTRY = "lottery";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "lottery_entry_seq")
    @SequenceGenerator(name = "lottery_entry_seq", sequenceName = "lottery_entry_seq", allocationSize = 50)
    public Long id;

    @Column(name = "listing_id")
    public long listingId;

    /** Order of the entry among the round's (1, 2, …), as its audit entries are ordered. */
    public int seq;

    @Column(name = "registration_id")
    public long registrationId;

    @Column(name = "bidder_no")
    public String bidderNo;

    /** Lower-case hex SHA-256 of {@link LotteryCommitment#preimage}. */
    public String commitment;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "entered_at")
    public Instant enteredAt;

    @Column(name = "revealed_at")
    public Instant revealedAt;

    /** Null until the reveal. */
    public String contribution;

    /** Reveals refused because they did not open the commitment. */
    @Column(name = "failed_reveals")
    public int failedReveals;

    public boolean revealed() {
        return revealedAt != null;
    }

    /** {@code lottery.entered}: the entrant's bidder number and commitment (never the enterprise). */
    AuditEntry enteredEntry(String listingNo) {
        Map<String, Object> facts = facts();
        facts.put("listingNo", listingNo);
        facts.put("enteredAt", enteredAt.toString());
        return new AuditEntry(ENTRY + ".entered", enteredAt, actor(), facts);
    }

    /** {@code lottery.revealed}: the contribution that opens the commitment, so anyone can check it. */
    AuditEntry revealedEntry(String listingNo) {
        Map<String, Object> facts = facts();
        facts.put("listingNo", listingNo);
        facts.put("contribution", contribution);
        facts.put("revealedAt", revealedAt.toString());
        return new AuditEntry(ENTRY + ".revealed", revealedAt, actor(), facts);
    }

    /** {@code lottery.reveal_refused}: a reveal that did not open the commitment; what was sent is not logged. */
    AuditEntry revealRefusedEntry(Instant at) {
        Map<String, Object> facts = facts();
        facts.put("reason", "DOES_NOT_OPEN_COMMITMENT");
        facts.put("failedReveals", failedReveals);
        return new AuditEntry(ENTRY + ".reveal_refused", at, actor(), facts);
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
