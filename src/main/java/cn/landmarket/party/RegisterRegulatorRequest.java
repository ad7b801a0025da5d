package cn.landmarket.party;

import jakarta.validation.constraints.NotNull;

import cn.landmarket.party.ValidDivisionCode.Kind;

/**
 * A regulator to register: the 6-digit division code of its jurisdiction (510000 a province,
 * 510700 a prefecture, 510703 a county), which its tokens carry as {@code org}, and its name.
 */
public record RegisterRegulatorRequest(@NotNull @ValidDivisionCode(Kind.AUTHORITY) String code, @NotNull String name) {
}
