package cn.landmarket.bank;

import cn.landmarket.auction.DepositOutcome;

/** What the platform did with a bank notice. */
public enum NoticeOutcome {
    /** Credit to no registration's account; refunded. */
    UNMATCHED,
    /** Credit from someone other than the registered enterprise; refunded. */
    WRONG_PAYER,
    /** Credit booked after the deposit deadline; refunded. */
    LATE,
    /** Credit to a registration already qualified; refunded. */
    EXCESS,
    /** Credit counted; the deposit is not complete yet. */
    PARTIAL,
    /** Credit completed the deposit; any excess refunded. */
    QUALIFIED,
    /** Debit that paid an open refund. */
    REFUND_CONFIRMED,
    /** Debit the platform cannot attribute; recorded for the operator. */
    DEBIT_UNMATCHED;

    static NoticeOutcome of(DepositOutcome outcome) {
        return switch (outcome) {
            case UNMATCHED -> UNMATCHED;
            case WRONG_PAYER -> WRONG_PAYER;
            case LATE -> LATE;
            case EXCESS -> EXCESS;
            case PARTIAL -> PARTIAL;
            case QUALIFIED -> QUALIFIED;
        };
    }
}
