package cn.landmarket.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.Commitment;

/** One immutable movement of an amount from a debit account to a credit account; its id is the client's idempotency key. */
@Entity
@Table(name = "ledger_transfer")
public class Transfer {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public LedgerCode ledger;

    @Column(name = "debit_account")
    public String debitAccount;

    @Column(name = "credit_account")
    public String creditAccount;

    public long amount;

    @Enumerated(EnumType.STRING)
    public TransferKind kind;

    @Enumerated(EnumType.STRING)
    public Phase phase;

    @Column(name = "pending_id")
    public String pendingId;

    public String reference;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The transfer a request records, made at {@code now}. */
    static Transfer of(TransferRequest request, Instant now) {
        Transfer t = new Transfer();
        t.id = request.id();
        t.ledger = request.ledger();
        t.debitAccount = request.debitAccount();
        t.creditAccount = request.creditAccount();
        t.amount = request.amount();
        t.kind = request.kind();
        t.phase = request.phase();
        t.pendingId = request.pendingId();
        t.reference = request.reference();
        t.createdAt = now;
        return t;
    }

    /**
     * The audit entry of this transfer: type {@code transfer.<phase>} (pending, posted, voided), the
     * id, ledger, accounts, amount in the ledger's unit (fen, m² or kg), kind, the pending transfer
     * it resolves and the reference; {@code listingId} when the movement concerns a listing.
     * A quota movement other than a sale's split (issue, freeze, release) tells a certificate's
     * quantities, a draft's lot and the certificate number, which the API shows only to those who
     * may see the certificate: its amount and reference go in as {@code detailsCommitment}
     * ({@link Commitment#CERTIFICATE}), with {@code amount} and {@code reference} null.
     */
    public AuditEntry auditEntry(Long listingId) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("transferId", id);
        facts.put("ledger", ledger.name());
        facts.put("debitAccount", debitAccount);
        facts.put("creditAccount", creditAccount);
        facts.put("amount", amount);
        facts.put("kind", kind.name());
        facts.put("phase", phase.name());
        facts.put("pendingId", pendingId);
        facts.put("reference", reference);
        if (listingId != null) {
            facts.put("listingId", listingId);
        }
        String type = "transfer." + phase.name().toLowerCase(Locale.ROOT);
        Long certificate = ledger == LedgerCode.CNY_FEN || kind == TransferKind.SPLIT ? null
                : certificateOf(debitAccount) != null ? certificateOf(debitAccount) : certificateOf(creditAccount);
        if (certificate == null) {
            return new AuditEntry(type, createdAt, "system:ledger", facts);
        }
        Map<String, Object> details = new HashMap<>();
        details.put("amount", amount);
        details.put("reference", reference);
        facts.put("amount", null);
        facts.put("reference", null);
        Commitment committed = Commitment.seal(Commitment.CERTIFICATE, certificate, "details",
                Commitment.canonical(details)).into(facts);
        return new AuditEntry(type, createdAt, "system:ledger", facts, List.of(committed));
    }

    /** The certificate of a quota account {@code CERT:<id>:...}, or null. */
    static Long certificateOf(String account) {
        if (account == null || !account.startsWith("CERT:")) {
            return null;
        }
        int end = account.indexOf(':', 5);
        try {
            return Long.parseLong(end < 0 ? account.substring(5) : account.substring(5, end));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
