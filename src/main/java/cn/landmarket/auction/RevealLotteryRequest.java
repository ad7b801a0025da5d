package cn.landmarket.auction;

import jakarta.validation.constraints.NotNull;

/** The reveal of an entrant's lottery contribution: the 64 lower-case hex characters it committed to. */
public record RevealLotteryRequest(@NotNull String contribution) {
}
