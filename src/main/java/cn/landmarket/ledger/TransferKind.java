package cn.landmarket.ledger;

/** Why an amount moved, for statements and for the invariants. */
public enum TransferKind {
    ISSUE, FREEZE, RELEASE, SPLIT,
    DEPOSIT, DEPOSIT_APPLIED, DEPOSIT_REFUND, DEPOSIT_FORFEIT,
    PAYMENT, PAYMENT_REFUND, REFUND_OWED, REFUND_PAID, UNMATCHED_DEBIT, PROCEEDS
}
