package cn.landmarket.party;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Queries over enterprises. */
@ApplicationScoped
public class EnterpriseRepository implements PanacheRepositoryBase<Enterprise, String> {

    /** Enterprises, optionally in one status and only those registered in a region prefix; oldest first. */
    public PanacheQuery<Enterprise> search(EnterpriseStatus status, String regionPrefix) {
        java.util.List<String> where = new java.util.ArrayList<>();
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        if (regionPrefix != null) {
            where.add("regionCode like :region");
            params.put("region", regionPrefix + "%");
        }
        Sort oldestFirst = Sort.by("registeredAt").and("creditCode");
        return where.isEmpty() ? findAll(oldestFirst) : find(String.join(" and ", where), oldestFirst, params);
    }
}
