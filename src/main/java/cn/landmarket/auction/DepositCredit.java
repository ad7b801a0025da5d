package cn.landmarket.auction;

import cn.landmarket.common.Money;
import cn.landmarket.escrow.RegistrationStatus;

/**
 * What a credit did to the registrations: the outcome, the registration it was for and its listing
 * (null when unmatched), where that registration now stands, and how much must go back to the payer.
 */
public record DepositCredit(DepositOutcome outcome, Long registrationId, Long listingId,
        RegistrationStatus registrationStatus, Money refund) {

    static DepositCredit unmatched(Money amount) {
        return new DepositCredit(DepositOutcome.UNMATCHED, null, null, null, amount);
    }
}
