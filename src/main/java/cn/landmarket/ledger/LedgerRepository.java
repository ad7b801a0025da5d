package cn.landmarket.ledger;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Reads and appends ledger rows; never updates or deletes (the tables refuse it). */
@ApplicationScoped
public class LedgerRepository {

    private final EntityManager em;

    LedgerRepository(EntityManager em) {
        this.em = em;
    }

    /** Serialises writers of one transfer id within the transaction. */
    public void lockId(String id) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1)::bigint)").setParameter(1, "ledger:" + id)
                .getSingleResult();
    }

    /** Serialises writers that debit one account, so that its balance check holds. */
    public void lockAccount(String id) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(?1)::bigint)")
                .setParameter(1, "ledger-account:" + id).getSingleResult();
    }

    public Optional<Transfer> transfer(String id) {
        return Optional.ofNullable(em.find(Transfer.class, id));
    }

    public Optional<Account> account(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    public void ensureAccount(String id, LedgerCode ledger, Account.NormalSide side, java.time.Instant now) {
        em.createNativeQuery("""
                insert into ledger_account (id, ledger, normal_side, created_at) values (?1, ?2, ?3, ?4)
                on conflict (id) do nothing""")
                .setParameter(1, id).setParameter(2, ledger.name()).setParameter(3, side.name())
                .setParameter(4, now).executeUpdate();
    }

    public boolean resolved(String pendingId) {
        return ((Number) em.createNativeQuery("select count(*) from ledger_transfer where pending_id = ?1")
                .setParameter(1, pendingId).getSingleResult()).longValue() > 0;
    }

    public void append(Transfer t) {
        em.persist(t);
        em.flush();
    }

    /** Posted credits, posted debits, open pending credits and open pending debits of an account. */
    public long[] sums(String account) {
        Object[] row = (Object[]) em.createNativeQuery("""
                select
                  coalesce(sum(amount) filter (where credit_account = ?1 and phase = 'POSTED'), 0),
                  coalesce(sum(amount) filter (where debit_account = ?1 and phase = 'POSTED'), 0),
                  coalesce(sum(amount) filter (where credit_account = ?1 and phase = 'PENDING' and not exists
                      (select 1 from ledger_transfer r where r.pending_id = t.id)), 0),
                  coalesce(sum(amount) filter (where debit_account = ?1 and phase = 'PENDING' and not exists
                      (select 1 from ledger_transfer r where r.pending_id = t.id)), 0)
                from ledger_transfer t where credit_account = ?1 or debit_account = ?1""")
                .setParameter(1, account).getSingleResult();
        return new long[] {((Number) row[0]).longValue(), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue()};
    }

    /** The transfers touching an account, oldest first: {@code limit} of them from the {@code offset}-th on. */
    public List<Transfer> statement(String account, long offset, int limit) {
        return em.createQuery("from Transfer t where t.debitAccount = :a or t.creditAccount = :a "
                + "order by t.createdAt, t.id", Transfer.class).setParameter("a", account)
                .setFirstResult(Math.toIntExact(offset)).setMaxResults(limit).getResultList();
    }

    /** How many transfers touch an account. */
    public long statementLength(String account) {
        return ((Number) em.createNativeQuery(
                "select count(*) from ledger_transfer where debit_account = ?1 or credit_account = ?1")
                .setParameter(1, account).getSingleResult()).longValue();
    }

    /**
     * The account's posted balance after its first {@code count} transfers in statement order
     * (credits positive): where a page of the statement starts its running balance.
     */
    public long postedBalanceAfter(String account, long count) {
        if (count == 0) {
            return 0;
        }
        return ((Number) em.createNativeQuery("""
                select coalesce(sum(case when credit_account = ?1 then amount else -amount end)
                                filter (where phase = 'POSTED'), 0)
                from (select credit_account, amount, phase from ledger_transfer
                      where debit_account = ?1 or credit_account = ?1
                      order by created_at, id limit ?2) first""")
                .setParameter(1, account).setParameter(2, count).getSingleResult()).longValue();
    }

    /** The region of what an account or id belongs to ({@link Owner}), or empty when there is no such thing. */
    public Optional<String> regionOf(Owner owner) {
        String sql = switch (owner.kind()) {
            case LISTING -> "select region_code from listing where id = ?1";
            case REGISTRATION -> "select l.region_code from registration r join listing l on l.id = r.listing_id"
                    + " where r.id = ?1";
            case TRADE -> "select l.region_code from trade t join listing l on l.id = t.listing_id where t.id = ?1";
            case REFUND -> "select l.region_code from refund f join registration r on r.id = f.registration_id"
                    + " join listing l on l.id = r.listing_id where f.id = ?1";
            case CERTIFICATE -> "select region_code from certificate where id = ?1";
        };
        List<?> found = em.createNativeQuery(sql).setParameter(1, owner.id()).getResultList();
        return found.isEmpty() ? Optional.empty() : Optional.ofNullable((String) found.get(0));
    }

    /** The debit and credit account of a transfer (none when there is no such transfer). */
    @SuppressWarnings("unchecked")
    public List<String> accountsOf(String transferId) {
        List<Object[]> rows = em.createNativeQuery(
                "select debit_account, credit_account from ledger_transfer where id = ?1")
                .setParameter(1, transferId).getResultList();
        return rows.isEmpty() ? List.of() : List.of((String) rows.get(0)[0], (String) rows.get(0)[1]);
    }

    /** Ids returned by a native query of one column. */
    @SuppressWarnings("unchecked")
    public List<String> ids(String sql) {
        return ((List<Object>) em.createNativeQuery(sql).getResultList()).stream().map(String::valueOf).toList();
    }

    /** Rows of a native query. */
    @SuppressWarnings("unchecked")
    public List<Object[]> rows(String sql) {
        return em.createNativeQuery(sql).getResultList();
    }
}
