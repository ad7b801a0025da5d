package cn.landmarket.settlement;

import java.time.OffsetDateTime;

import cn.landmarket.common.Money;

/**
 * A listing's runner-up (domain.md, "After the sale"): its bidder number, the sequence and amount of
 * its own best valid price, where it stands, the winner's trade and the trade that offers it the lot
 * (once OFFERED), when its deposit was held and when that was decided; {@code mine} only for an
 * enterprise, true for the runner-up itself.
 */
public record RunnerUpView(long listingId, String bidderNo, int sequence, Money price, RunnerUpStatus status,
        long winnerTradeId, Long tradeId, OffsetDateTime heldAt, OffsetDateTime decidedAt, Boolean mine) {
}
