package cn.landmarket.settlement;

/**
 * What a credit to a trade's virtual account did: the outcome (PAYMENT_PARTIAL, PAYMENT_COMPLETE,
 * PAYMENT_REFUSED, WRONG_PAYER), the trade, its listing and winning registration, and how much
 * must go back to the payer.
 */
public record PaymentCredit(String outcome, long tradeId, long listingId, long registrationId, long refundFen) {
}
