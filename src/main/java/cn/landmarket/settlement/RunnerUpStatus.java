package cn.landmarket.settlement;

/**
 * Where a listing's runner-up stands (domain.md, "After the sale"): its deposit HELD while the
 * winner's trade is open; RELEASED (refunded as any loser's) when the winner settles; OFFERED the lot
 * when the winner defaults, then ACCEPTED (it confirmed), DECLINED, or DEFAULTED on its own trade.
 */
public enum RunnerUpStatus {
    HELD, RELEASED, OFFERED, ACCEPTED, DECLINED, DEFAULTED
}
