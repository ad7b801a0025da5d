package cn.landmarket.ledger;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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
}
