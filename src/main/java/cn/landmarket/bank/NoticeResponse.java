package cn.landmarket.bank;

import cn.landmarket.auction.RegistrationStatus;

/**
 * The platform's answer to a bank notice, stored with it and given again, unchanged, to every
 * replay. It never carries a bidder number.
 */
public record NoticeResponse(String transactionId, NoticeOutcome outcome, Long registrationId,
        RegistrationStatus registrationStatus, Long refundId) {
}
