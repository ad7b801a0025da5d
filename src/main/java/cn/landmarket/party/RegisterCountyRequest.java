package cn.landmarket.party;

import jakarta.validation.constraints.NotNull;

import cn.landmarket.party.ValidDivisionCode.Kind;

/** A county to register: its 6-digit county-level division code and its name. */
public record RegisterCountyRequest(@NotNull @ValidDivisionCode(Kind.COUNTY) String code, @NotNull String name) {
}
