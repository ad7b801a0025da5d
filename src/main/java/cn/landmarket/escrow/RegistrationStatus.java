package cn.landmarket.escrow;

/** Where a registration stands: waiting for its deposit, or qualified to bid with a bidder number. */
public enum RegistrationStatus {
    AWAITING_DEPOSIT, QUALIFIED
}
