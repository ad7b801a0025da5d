package cn.landmarket.bank;
import cn.landmarket.escrow.RegistrationStatus;


/**
 * The platform's answer to a bank notice, stored with it and given again, unchanged, to every
 * replay. It never carries a bidder number. {@code matchedTransactionId} names, for a
 * {@link NoticeOutcome#DUPLICATE} or {@link NoticeOutcome#MISMATCH}, the notice already counted.
 */
public record NoticeResponse(String transactionId, NoticeOutcome outcome, Long registrationId,
        RegistrationStatus registrationStatus, Long refundId, String matchedTransactionId) {
}
