package cn.landmarket.auction;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.common.Money;
import cn.landmarket.escrow.AccountCredits;
import cn.landmarket.escrow.Credit;
import cn.landmarket.escrow.CreditOutcome;
import cn.landmarket.escrow.CreditResult;
import cn.landmarket.escrow.VirtualAccount;

/** Credits to a registration's virtual account count towards its deposit ({@link RegistrationService#creditDeposit}). */
@ApplicationScoped
class DepositCredits implements AccountCredits {

    private final RegistrationService registrations;

    DepositCredits(RegistrationService registrations) {
        this.registrations = registrations;
    }

    @Override
    public boolean owns(VirtualAccount.Owner owner) {
        return owner instanceof VirtualAccount.RegistrationOwner;
    }

    @Override
    public CreditResult credit(Credit credit) {
        DepositCredit deposit = registrations.creditDeposit(credit.account(), Money.ofFen(credit.amountFen()),
                credit.payerName(), credit.countsAsBookedAt(), credit.transactionId(), credit.actor());
        return new CreditResult(outcome(deposit.outcome()), deposit.registrationId(), deposit.listingId(), null,
                deposit.registrationStatus(), deposit.refund().fen());
    }

    private static CreditOutcome outcome(DepositOutcome outcome) {
        return switch (outcome) {
            case UNMATCHED -> CreditOutcome.UNMATCHED;
            case WRONG_PAYER -> CreditOutcome.WRONG_PAYER;
            case LATE -> CreditOutcome.LATE;
            case EXCESS -> CreditOutcome.EXCESS;
            case PARTIAL -> CreditOutcome.PARTIAL;
            case QUALIFIED -> CreditOutcome.QUALIFIED;
        };
    }
}
