package cn.landmarket.listing;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

import cn.landmarket.common.Money;

/**
 * Relisting a lot whose sale failed: a new schedule, optionally a lower start price (within the
 * configured reduction), and optionally a new deposit and price cap (else the failed listing's). The
 * failed listing's reserve, published at its close, is never carried over: the relist has the
 * reserve given here or none, and the township may set one by editing the draft before submitting.
 */
public record RelistRequest(
        Money startPrice,
        Money deposit,
        Money priceCap,
        Money reservePrice,
        @NotNull OffsetDateTime announceAt,
        @NotNull OffsetDateTime registrationDeadline,
        @NotNull OffsetDateTime listingStart,
        @NotNull OffsetDateTime listingEnd) {
}
