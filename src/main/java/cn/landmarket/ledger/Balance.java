package cn.landmarket.ledger;

/** The sums of an account: posted and still-pending credits and debits. */
public record Balance(String account, LedgerCode ledger, Account.NormalSide normalSide, long creditsPosted,
        long debitsPosted, long creditsPending, long debitsPending) {

    /** Credits minus debits posted: what a CREDIT-normal account holds. */
    public long posted() {
        return creditsPosted - debitsPosted;
    }

    /** What is held and not reserved by a pending debit. */
    public long available() {
        return posted() - debitsPending;
    }
}
