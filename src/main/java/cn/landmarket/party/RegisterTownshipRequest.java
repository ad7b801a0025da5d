package cn.landmarket.party;

import jakarta.validation.constraints.NotNull;

import cn.landmarket.party.ValidDivisionCode.Kind;

/** A township to register: its 9-digit code (whose first six digits name a registered county) and its name. */
public record RegisterTownshipRequest(@NotNull @ValidDivisionCode(Kind.TOWNSHIP) String code, @NotNull String name) {
}
