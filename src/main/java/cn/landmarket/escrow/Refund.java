package cn.landmarket.escrow;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.landmarket.audit.AuditEntry;

/**
 * Money the platform owes back to a payer, with the date it is due by; open until a debit on the
 * escrow account pays it. The id is taken from refund_seq before the row is built
 * ({@link RefundRepository#nextId()}), because the notice that causes the refund names it and is
 * written first; never add a generator here.
 */
@Entity
@Table(name = "refund")
public class Refund {

    @Id
    public Long id;

    @Column(name = "credit_transaction_id")
    public String creditTransactionId;

    @Column(name = "registration_id")
    public Long registrationId;

    @Column(name = "amount_fen")
    public long amountFen;

    @Column(name = "payee_name")
    public String payeeName;

    @Column(name = "payee_account")
    public String payeeAccount;

    @Enumerated(EnumType.STRING)
    public RefundReason reason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "due_by")
    public Instant dueBy;

    @Column(name = "debit_transaction_id")
    public String debitTransactionId;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    public boolean isOpen() {
        return confirmedAt == null;
    }

    /**
     * {@code refund.instructed}: money owed back, how much, why, by when, for which registration,
     * listing and credit. The payee's name and account are left out: they would name a bidder.
     */
    public AuditEntry instructedEntry(Long listingId, String actor) {
        Map<String, Object> facts = facts(listingId);
        facts.put("dueBy", dueBy.toString());
        return new AuditEntry("refund.instructed", createdAt, actor, facts);
    }

    /** {@code refund.paid}: the bank's debit that paid the refund. */
    public AuditEntry paidEntry(Long listingId, String actor) {
        Map<String, Object> facts = facts(listingId);
        facts.put("debitTransactionId", debitTransactionId);
        facts.put("dueBy", dueBy.toString());
        return new AuditEntry("refund.paid", confirmedAt, actor, facts);
    }

    private Map<String, Object> facts(Long listingId) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("refundId", id);
        facts.put("amountFen", amountFen);
        facts.put("reason", reason.name());
        facts.put("registrationId", registrationId);
        facts.put("listingId", listingId);
        facts.put("creditTransactionId", creditTransactionId);
        return facts;
    }
}
