package cn.landmarket.party;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;
import org.hibernate.jdbc.Work;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Queries over counties, and the lock every change of the organisation registry holds. */
@ApplicationScoped
public class CountyRepository implements PanacheRepositoryBase<County, String> {

    /** Codes per query of {@link #byCodes}: well below PostgreSQL's limit of bind parameters. */
    static final int CHUNK = 1000;

    /** Counties, optionally only the active or only the deactivated ones, by code. */
    public PanacheQuery<County> search(Boolean active) {
        if (active == null) {
            return findAll(Sort.by("code"));
        }
        return find(active ? "deactivatedAt is null" : "deactivatedAt is not null", Sort.by("code"));
    }

    /** The counties registered under any of the codes. */
    public List<County> byCodes(Collection<String> codes) {
        List<County> found = new ArrayList<>();
        List<String> all = List.copyOf(codes);
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(list("code in :codes", Parameters.with("codes", all.subList(i, Math.min(all.size(), i + CHUNK)))));
        }
        return found;
    }

    /** Sends the current transaction's inserts and updates to the database in batches of {@code size}. */
    public void batchWrites(int size) {
        getEntityManager().unwrap(Session.class).setJdbcBatchSize(size);
    }

    /**
     * Runs JDBC work on the connection of the current transaction, after the pending changes are
     * flushed: the audit entries of a bulk import go in as one statement ({@code AuditLog.append}).
     */
    public void onConnection(Work work) {
        getEntityManager().flush();
        getEntityManager().unwrap(Session.class).doWork(work);
    }

    /**
     * Holds a transaction-scoped lock on the organisation registry until commit, so that changes of
     * counties, townships and regulators (one by one or by import) run one after the other: an
     * import's plan stays true while it is applied, and two registrations of one code find each other.
     */
    public void lockRegistry() {
        getEntityManager().createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .setParameter("key", "organisations").getSingleResult();
    }
}
