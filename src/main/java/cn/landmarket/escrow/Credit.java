package cn.landmarket.escrow;

import java.time.Instant;

/**
 * Money the bank booked on a virtual account, handed by notice intake to the feature that owns
 * the account ({@link AccountCredits}).
 *
 * @param countsAsBookedAt the booking time a deposit deadline is checked against
 * @param actor who the counting is logged as
 */
public record Credit(String transactionId, String account, long amountFen, String payerName,
        Instant countsAsBookedAt, String actor) {
}
