package cn.landmarket.auction;

import jakarta.validation.constraints.NotNull;

import cn.landmarket.common.Money;

/**
 * The reveal of a sealed quotation: the amount in yuan as a decimal string and the salt, 64
 * lower-case hex characters, exactly as they were committed (SealedCommitment).
 */
public record RevealQuotationRequest(@NotNull Money amount, @NotNull String salt) {
}
