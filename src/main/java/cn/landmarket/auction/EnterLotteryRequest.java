package cn.landmarket.auction;

import jakarta.validation.constraints.NotNull;

/**
 * An entry to a lottery at the cap: the bidder accepts the cap price and commits to a random
 * contribution it keeps until the reveal, 64 lower-case hex characters (LotteryCommitment).
 */
public record EnterLotteryRequest(@NotNull String commitment) {
}
