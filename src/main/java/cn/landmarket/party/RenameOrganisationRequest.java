package cn.landmarket.party;

import jakarta.validation.constraints.NotNull;

/** A county's, township's or regulator's new name. */
public record RenameOrganisationRequest(@NotNull String name) {
}
