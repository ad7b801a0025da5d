package cn.landmarket.common.security;

/**
 * The check that a caller acting as a regulator is a registered regulator, for features below the
 * party feature (the audit log's commitment openings) that must refuse an unregistered regulator
 * before looking anything up. Implemented by the party feature.
 */
public interface RegisteredRegulators {

    /** Raises 403 when {@code actor} acts as a regulator whose organisation is not registered; else nothing. */
    void requireRegisteredIfRegulator(Actor actor);
}
