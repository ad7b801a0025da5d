package cn.landmarket.settlement;

/**
 * Where a listing's runner-up stands (domain.md, "After the sale"): its deposit HELD while the
 * winner's trade is open; RELEASED (refunded as any loser's) when the winner settles; OFFERED the lot
 * when the winner defaults, then ACCEPTED (it confirmed), DECLINED, or DEFAULTED on its own trade;
 * LAPSED when the winner defaults and nobody is eligible any more to be offered the lot.
 */
public enum RunnerUpStatus {
    HELD, RELEASED, OFFERED, ACCEPTED, DECLINED, DEFAULTED, LAPSED
}
