package cn.landmarket.oversight;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Queries over objections to published results. */
@ApplicationScoped
public class ObjectionRepository implements PanacheRepositoryBase<Objection, Long> {

    public Optional<Objection> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The objection one registration lodged to its listing's result, if any. */
    public Optional<Objection> ofRegistration(long listingId, long registrationId) {
        return find("listingId = ?1 and registrationId = ?2", listingId, registrationId).firstResultOptional();
    }

    /** A listing's objections in the order they were lodged. */
    public List<Objection> ofListing(long listingId) {
        return list("listingId", Sort.by("id"), listingId);
    }

    /** The objection that suspends the settlement of the listing's trade now, if any. */
    public Optional<Objection> suspending(long listingId) {
        return find("listingId = ?1 and suspendedTradeId is not null and liftedAt is null", listingId)
                .firstResultOptional();
    }

    /** The enterprise's objections, newest first, optionally in one status. */
    public PanacheQuery<Objection> ofEnterprise(String enterpriseCode, ObjectionStatus status) {
        return status == null ? find("enterpriseCode", Sort.by("id").descending(), enterpriseCode)
                : find("enterpriseCode = ?1 and status = ?2", Sort.by("id").descending(), enterpriseCode, status);
    }

    /** Objections to listings whose region starts with the prefix, newest first, optionally in one status. */
    public PanacheQuery<Objection> inJurisdiction(String prefix, ObjectionStatus status) {
        String where = "listingId in (select l.id from Listing l where l.regionCode like :prefix)";
        Parameters params = Parameters.with("prefix", prefix + "%");
        if (status != null) {
            where += " and status = :status";
            params = params.and("status", status);
        }
        return find(where, Sort.by("id").descending(), params);
    }

    /** The public tally of the objections to each of these listings; listings without any are absent. */
    @SuppressWarnings("unchecked")
    public Map<Long, ObjectionTally> tallies(Collection<Long> listingIds) {
        Map<Long, ObjectionTally> found = new HashMap<>();
        if (listingIds.isEmpty()) {
            return found;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select listing_id, count(*), count(*) filter (where status = 'LODGED'),
                       count(*) filter (where status = 'UPHELD'), count(*) filter (where status = 'REJECTED'),
                       bool_or(suspended_trade_id is not null and lifted_at is null)
                from objection where listing_id in (:ids) group by listing_id""")
                .setParameter("ids", listingIds).getResultList();
        for (Object[] r : rows) {
            found.put(((Number) r[0]).longValue(), new ObjectionTally(((Number) r[1]).longValue(),
                    ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), ((Number) r[4]).longValue(),
                    Boolean.TRUE.equals(r[5])));
        }
        return found;
    }
}
