package cn.landmarket.settlement;

import jakarta.enterprise.context.ApplicationScoped;

import cn.landmarket.escrow.AccountCredits;
import cn.landmarket.escrow.Credit;
import cn.landmarket.escrow.CreditResult;
import cn.landmarket.escrow.VirtualAccount;

/** Credits to a trade's virtual account count towards its price ({@link SettlementService#creditPayment}). */
@ApplicationScoped
class TradeCredits implements AccountCredits {

    private final SettlementService settlement;

    TradeCredits(SettlementService settlement) {
        this.settlement = settlement;
    }

    @Override
    public boolean owns(VirtualAccount.Owner owner) {
        return owner instanceof VirtualAccount.TradeOwner;
    }

    @Override
    public CreditResult credit(Credit credit) {
        if (!settlement.isTradeAccount(credit.account())) {
            return CreditResult.unmatched(credit.amountFen());
        }
        return settlement.creditPayment(credit.transactionId(), credit.account(), credit.amountFen(),
                credit.payerName(), credit.actor());
    }
}
