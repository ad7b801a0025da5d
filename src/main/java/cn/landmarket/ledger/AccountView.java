package cn.landmarket.ledger;

import cn.landmarket.common.Money;

/** An account's balance; money ledgers in yuan strings, quantity ledgers as whole units. */
public record AccountView(String id, LedgerCode ledger, Account.NormalSide normalSide, String postedBalance,
        String pendingCredits, String pendingDebits, String available) {

    static AccountView of(Balance b) {
        return new AccountView(b.account(), b.ledger(), b.normalSide(), amount(b.ledger(), b.posted()),
                amount(b.ledger(), b.creditsPending()), amount(b.ledger(), b.debitsPending()),
                amount(b.ledger(), b.available()));
    }

    static String amount(LedgerCode ledger, long value) {
        if (ledger != LedgerCode.CNY_FEN) {
            return Long.toString(value);
        }
        return value < 0 ? "-" + Money.ofFen(-value).toYuan() : Money.ofFen(value).toYuan();
    }
}
