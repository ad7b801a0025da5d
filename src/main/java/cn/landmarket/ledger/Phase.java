package cn.landmarket.ledger;

/**
 * Where a transfer stands: PENDING reserves the amount on the debit side (escrow), a POSTED
 * transfer with a pending id completes that reservation, a VOIDED one cancels it; a POSTED transfer
 * without a pending id moves money at once.
 */
public enum Phase {
    PENDING, POSTED, VOIDED
}
