package cn.landmarket.ledger;

import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/** Reads and appends ledger rows; never updates or deletes (the tables refuse it). */
@ApplicationScoped
public class LedgerRepository {

    private final EntityManager em;

    LedgerRepository(EntityManager em) {
        this.em = em;
    }

    /**
     * Takes the transaction's advisory locks that serialise writers of these transfer ids and of
     * debits from these accounts (so that their balance checks hold), in one statement, in the
     * order of their keys: every writer takes its locks in that order.
     */
    public void lock(Collection<String> transferIds, Collection<String> debitedAccounts) {
        SortedSet<String> keys = new TreeSet<>();
        transferIds.forEach(id -> keys.add("ledger:" + id));
        debitedAccounts.forEach(id -> keys.add("ledger-account:" + id));
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "select count(pg_advisory_xact_lock(hashtext(k)::bigint)) from unnest(?::text[]) k")) {
                ps.setArray(1, c.createArrayOf("text", keys.toArray()));
                ps.executeQuery().close();
            }
        });
    }

    /** The stored transfers of these ids, by id (missing ids are absent). */
    public Map<String, Transfer> transfers(Collection<String> ids) {
        Map<String, Transfer> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("from Transfer t where t.id in :ids", Transfer.class).setParameter("ids", ids)
                    .getResultList().forEach(t -> found.put(t.id, t));
        }
        return found;
    }

    /** Of these pending transfers, the ids of those a posting or voiding has resolved. */
    @SuppressWarnings("unchecked")
    public Set<String> resolvedAmong(Collection<String> pendingIds) {
        if (pendingIds.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(em.createNativeQuery("select pending_id from ledger_transfer where pending_id in (:ids)")
                .setParameter("ids", pendingIds).getResultList());
    }

    /**
     * What each CREDIT-normal account holds and is free to move (posted credits minus posted debits
     * minus open pending debits), in one query; zero for an account never used.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Long> available(Collection<String> accounts) {
        Map<String, Long> available = new HashMap<>();
        if (accounts.isEmpty()) {
            return available;
        }
        accounts.forEach(a -> available.put(a, 0L));
        for (Object[] row : (List<Object[]>) em.createNativeQuery("""
                select a, coalesce(sum(case when side = 'C' then amount else -amount end)
                                   filter (where phase = 'POSTED'), 0)
                        - coalesce(sum(amount) filter (where side = 'D' and phase = 'PENDING' and not exists
                              (select 1 from ledger_transfer r where r.pending_id = x.id)), 0)
                from (select credit_account a, 'C' side, id, amount, phase from ledger_transfer
                      where credit_account in (:accounts)
                      union all
                      select debit_account, 'D', id, amount, phase from ledger_transfer
                      where debit_account in (:accounts)) x
                group by a""").setParameter("accounts", accounts).getResultList()) {
            available.put((String) row[0], ((Number) row[1]).longValue());
        }
        return available;
    }

    /** Creates the accounts not created yet, in one statement, in the order of their ids. */
    public void ensureAccounts(Collection<Account> accounts, java.time.Instant now) {
        List<Account> sorted = accounts.stream().sorted(java.util.Comparator.comparing((Account a) -> a.id)).toList();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    insert into ledger_account (id, ledger, normal_side, created_at)
                    select i, l, s, ? from unnest(?::varchar[], ?::varchar[], ?::varchar[]) as t(i, l, s)
                    on conflict (id) do nothing""")) {
                ps.setObject(1, java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC));
                ps.setArray(2, c.createArrayOf("varchar", sorted.stream().map(a -> a.id).toArray()));
                ps.setArray(3, c.createArrayOf("varchar", sorted.stream().map(a -> a.ledger.name()).toArray()));
                ps.setArray(4, c.createArrayOf("varchar", sorted.stream().map(a -> a.normalSide.name()).toArray()));
                ps.executeUpdate();
            }
        });
    }

    public Optional<Account> account(String id) {
        return Optional.ofNullable(em.find(Account.class, id));
    }

    /** Stores new transfers (they are written out at once, in order). */
    public void append(List<Transfer> transfers) {
        transfers.forEach(em::persist);
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
