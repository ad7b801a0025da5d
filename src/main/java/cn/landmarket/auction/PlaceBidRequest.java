package cn.landmarket.auction;

import jakarta.validation.constraints.NotNull;

import cn.landmarket.common.Money;

/** A bid: the amount offered, in yuan as a decimal string. */
public record PlaceBidRequest(@NotNull Money amount) {
}
