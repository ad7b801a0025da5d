package cn.landmarket.escrow;

/** Why money received must go back to its payer. */
public enum RefundReason {
    /** Paid into an account no registration has. */
    UNMATCHED,
    /** Paid by someone other than the registered enterprise. */
    WRONG_PAYER,
    /** Booked after the deposit deadline. */
    LATE,
    /** More than the deposit, or paid after the registration was already qualified. */
    EXCESS,
    /** The deposit of a bidder that did not win, or of a lot that did not sell. */
    NOT_WINNER,
    /** Paid above what a trade still owed. */
    OVERPAYMENT,
    /** Paid to a trade that no longer accepts payment, or received before a default. */
    PAYMENT_NOT_ACCEPTED
}
