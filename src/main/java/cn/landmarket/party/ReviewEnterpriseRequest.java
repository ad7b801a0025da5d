package cn.landmarket.party;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An operator's verification of an enterprise; a rejection must say why. */
public record ReviewEnterpriseRequest(@NotNull ReviewDecision decision, @Size(max = 500) String reason) {
}
