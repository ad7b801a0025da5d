package cn.landmarket.party;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Queries over townships. */
@ApplicationScoped
public class TownshipRepository implements PanacheRepositoryBase<Township, String> {

    public PanacheQuery<Township> search(String countyCode) {
        return countyCode == null
                ? findAll(Sort.by("code"))
                : find("countyCode", Sort.by("code"), countyCode);
    }
}
