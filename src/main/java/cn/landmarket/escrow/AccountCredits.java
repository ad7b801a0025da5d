package cn.landmarket.escrow;

/**
 * The one hand-off from bank notice intake to the feature that owns a virtual account: the
 * registrations count deposits, the settlement counts payments. Intake picks the implementation
 * whose {@link #owns} accepts the account's {@link VirtualAccount.Owner}, inside its own
 * transaction, and records the refund of whatever did not count.
 */
public interface AccountCredits {

    /** Whether this feature counts credits to accounts of this owner. */
    boolean owns(VirtualAccount.Owner owner);

    /**
     * Counts a credit inside the caller's transaction and logs what it changed; an account with
     * no registration or trade on record is {@link CreditResult#unmatched unmatched}.
     */
    CreditResult credit(Credit credit);
}
