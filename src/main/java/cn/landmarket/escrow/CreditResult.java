package cn.landmarket.escrow;

/**
 * What the owner of a virtual account did with a {@link Credit}: the outcome, the registration it
 * was for and its listing (null when unmatched), the trade for a payment, where the registration
 * now stands after a deposit, and how much of the credit must go back to the payer.
 */
public record CreditResult(CreditOutcome outcome, Long registrationId, Long listingId, Long tradeId,
        RegistrationStatus registrationStatus, long refundFen) {

    /** A credit nobody owns: all of it goes back. */
    public static CreditResult unmatched(long amountFen) {
        return new CreditResult(CreditOutcome.UNMATCHED, null, null, null, null, amountFen);
    }

    /** The part of the credit that counted. */
    public long countedFen(long amountFen) {
        return amountFen - refundFen;
    }
}
