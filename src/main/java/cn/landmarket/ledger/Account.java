package cn.landmarket.ledger;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A ledger account, created on first use and never changed. A CREDIT-normal account (deposits
 * held, trade receipts, refunds owed, certificate holdings) may never go below zero; a DEBIT-normal
 * one (the bank, quota issued) is the other side of the books.
 */
@Entity
@Table(name = "ledger_account")
public class Account {

    @Id
    public String id;

    @Enumerated(EnumType.STRING)
    public LedgerCode ledger;

    @Enumerated(EnumType.STRING)
    @Column(name = "normal_side")
    public NormalSide normalSide;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Which side an account's balance grows on. */
    /** An account as {@link LedgerRepository#ensureAccounts} creates it (its time is the statement's). */
    static Account of(String id, LedgerCode ledger, NormalSide side) {
        Account a = new Account();
        a.id = id;
        a.ledger = ledger;
        a.normalSide = side;
        return a;
    }

    public enum NormalSide {
        DEBIT, CREDIT
    }
}
