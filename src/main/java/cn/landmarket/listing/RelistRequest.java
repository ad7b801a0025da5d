package cn.landmarket.listing;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotNull;

import cn.landmarket.common.Money;

/**
 * Relisting a lot whose sale failed: a new schedule, and optionally a lower start price (within the
 * configured reduction); every other term is copied from the failed listing.
 */
public record RelistRequest(
        Money startPrice,
        @NotNull OffsetDateTime announceAt,
        @NotNull OffsetDateTime registrationDeadline,
        @NotNull OffsetDateTime listingStart,
        @NotNull OffsetDateTime listingEnd) {
}
