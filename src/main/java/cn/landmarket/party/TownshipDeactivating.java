package cn.landmarket.party;

/**
 * An operator is about to deactivate a township: fired inside the deactivating transaction before
 * anything is written, so that a feature holding work the township must still finish (a listing under
 * review, on sale or awaiting payment) refuses it by throwing the 409 the operator then sees.
 */
public record TownshipDeactivating(String townshipCode) {
}
