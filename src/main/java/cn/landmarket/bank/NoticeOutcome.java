package cn.landmarket.bank;

import cn.landmarket.escrow.CreditOutcome;

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
    DEBIT_UNMATCHED,
    /** Credit to a trade's account counted towards the price; more is owed. */
    PAYMENT_PARTIAL,
    /** Credit that completed the price; any excess refunded. */
    PAYMENT_COMPLETE,
    /** Credit to a trade that no longer accepts payment; refunded. */
    PAYMENT_REFUSED,
    /** The same booking as a notice already counted from the other source (feed or operator); counts nothing. */
    DUPLICATE,
    /**
     * The account and booking time of a notice already counted from the other source but another
     * amount or payer account; counts nothing, held for an operator.
     */
    MISMATCH;

    /** The notice outcome of a credit, as the owner of its account reported it. */
    static NoticeOutcome of(CreditOutcome outcome) {
        return switch (outcome) {
            case UNMATCHED -> UNMATCHED;
            case WRONG_PAYER -> WRONG_PAYER;
            case LATE -> LATE;
            case EXCESS -> EXCESS;
            case PARTIAL -> PARTIAL;
            case QUALIFIED -> QUALIFIED;
            case PAYMENT_PARTIAL -> PAYMENT_PARTIAL;
            case PAYMENT_COMPLETE -> PAYMENT_COMPLETE;
            case PAYMENT_REFUSED -> PAYMENT_REFUSED;
        };
    }
}
