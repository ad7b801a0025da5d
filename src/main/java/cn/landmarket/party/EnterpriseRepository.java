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
