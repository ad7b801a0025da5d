package cn.landmarket.auction;

/** What became of money credited to a virtual account. */
public enum DepositOutcome {
    /** No registration has this virtual account: all of it goes back to the payer. */
    UNMATCHED,
    /** Paid by someone other than the registered enterprise: all of it goes back. */
    WRONG_PAYER,
    /** Booked after the deposit deadline: all of it goes back. */
    LATE,
    /** The registration was already qualified: all of it goes back. */
    EXCESS,
    /** Counted, but the deposit is not yet complete: the money is held. */
    PARTIAL,
    /** Counted and the deposit is complete: the registration is qualified; anything above the deposit goes back. */
    QUALIFIED
}
