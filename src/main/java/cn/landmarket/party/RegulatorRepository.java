package cn.landmarket.party;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Queries over regulators. */
@ApplicationScoped
public class RegulatorRepository implements PanacheRepositoryBase<Regulator, String> {

    /** Regulators, optionally only the active or only the deactivated ones, by code. */
    public PanacheQuery<Regulator> search(Boolean active) {
        if (active == null) {
            return findAll(Sort.by("code"));
        }
        return find(active ? "deactivatedAt is null" : "deactivatedAt is not null", Sort.by("code"));
    }
}
