package cn.landmarket.party;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Queries over enterprises. */
@ApplicationScoped
public class EnterpriseRepository implements PanacheRepositoryBase<Enterprise, String> {

    public PanacheQuery<Enterprise> search(EnterpriseStatus status) {
        return status == null
                ? findAll(Sort.by("registeredAt").and("creditCode"))
                : find("status", Sort.by("registeredAt").and("creditCode"), status);
    }
}
