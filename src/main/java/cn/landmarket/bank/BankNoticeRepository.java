package cn.landmarket.bank;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Queries over bank notices. */
@ApplicationScoped
public class BankNoticeRepository implements PanacheRepositoryBase<BankNotice, String> {

    /**
     * Holds a transaction-scoped lock on one bank transaction id until commit, so that concurrent
     * deliveries of the same notice run one after the other and the later one finds the first.
     */
    public void lockTransactionId(String transactionId) {
        getEntityManager().createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:id, 0))) locked")
                .setParameter("id", transactionId).getSingleResult();
    }
}
