package cn.landmarket.escrow;

/** What the feature owning a virtual account did with money credited to it. */
public enum CreditOutcome {
    /** No registration or trade has this account: all of it goes back to the payer. */
    UNMATCHED(RefundReason.UNMATCHED),
    /** Paid by someone other than the registered enterprise or the buyer: all of it goes back. */
    WRONG_PAYER(RefundReason.WRONG_PAYER),
    /** A deposit booked after the deposit deadline: all of it goes back. */
    LATE(RefundReason.LATE),
    /** A deposit to a registration already qualified: all of it goes back. */
    EXCESS(RefundReason.EXCESS),
    /** A deposit counted, not yet complete: the money is held, nothing goes back. */
    PARTIAL(null),
    /** A deposit completed: the registration is qualified; anything above the deposit goes back. */
    QUALIFIED(RefundReason.EXCESS),
    /** A payment counted towards a trade's price; more is owed; anything above goes back. */
    PAYMENT_PARTIAL(RefundReason.OVERPAYMENT),
    /** A payment that completed a trade's price; anything above goes back. */
    PAYMENT_COMPLETE(RefundReason.OVERPAYMENT),
    /** A payment to a trade that no longer accepts payment: all of it goes back. */
    PAYMENT_REFUSED(RefundReason.PAYMENT_NOT_ACCEPTED);

    private final RefundReason refundReason;

    CreditOutcome(RefundReason refundReason) {
        this.refundReason = refundReason;
    }

    /**
     * Why the part of the credit that did not count is owed back.
     *
     * @throws IllegalStateException for {@link #PARTIAL}, which holds all it received
     */
    public RefundReason refundReason() {
        if (refundReason == null) {
            throw new IllegalStateException("A partial deposit is held, not refunded");
        }
        return refundReason;
    }
}
