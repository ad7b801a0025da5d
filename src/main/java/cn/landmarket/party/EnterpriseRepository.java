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

    /**
     * Holds a transaction-scoped lock on one credit code until commit, so that concurrent first
     * registrations of one enterprise run one after the other and the later one finds the first
     * (a row lock cannot serve: before the first registration there is no row to lock).
     */
    public void lockCreditCode(String creditCode) {
        getEntityManager().createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .setParameter("key", "enterprise:" + creditCode).getSingleResult();
    }
}
