package cn.landmarket.settlement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** A party's acceptance of the confirmation: the SHA-256 of the text it was shown. */
public record ConfirmRequest(@NotNull @Pattern(regexp = "^[0-9a-f]{64}$") String sha256) {
}
