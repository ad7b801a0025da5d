package cn.landmarket.escrow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Queries over refunds. */
@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, Long> {

    /** Takes the next refund id from refund_seq (its numbers step by 50; gaps are harmless). */
    public long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('refund_seq')").getSingleResult())
                .longValue();
    }

    /** The listing a registration is for. */
    public Long listingOfRegistration(long registrationId) {
        return getEntityManager()
                .createQuery("select r.listingId from Registration r where r.id = :id", Long.class)
                .setParameter("id", registrationId).getSingleResult();
    }

    /** The listing and bidder number of each of these registrations, by registration id. */
    public Map<Long, RefundView.Bidder> bidders(java.util.Set<Long> registrationIds) {
        Map<Long, RefundView.Bidder> found = new HashMap<>();
        if (registrationIds.isEmpty()) {
            return found;
        }
        getEntityManager().createQuery("select r.id, r.listingId, r.bidderNo from Registration r where r.id in :ids",
                Object[].class).setParameter("ids", registrationIds).getResultList()
                .forEach(row -> found.put((Long) row[0], new RefundView.Bidder((Long) row[1], (String) row[2])));
        return found;
    }

    public Optional<Refund> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Refunds, optionally only open or only paid ones, optionally only those of registrations for
     * listings within a region prefix; soonest due first.
     */
    public PanacheQuery<Refund> search(Boolean open, String jurisdictionPrefix) {
        List<String> where = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (open != null) {
            where.add(open ? "confirmedAt is null" : "confirmedAt is not null");
        }
        if (jurisdictionPrefix != null) {
            where.add("registrationId in (select r.id from Registration r, Listing l"
                    + " where l.id = r.listingId and l.regionCode like :jurisdiction)");
            p.put("jurisdiction", jurisdictionPrefix + "%");
        }
        Sort soonestDue = Sort.by("dueBy").and("id");
        return where.isEmpty() ? findAll(soonestDue) : find(String.join(" and ", where), soonestDue, p);
    }

    /**
     * One refund, or, with a region prefix, only if it is owed on a registration for a listing
     * within that region (money that matched no registration lies in no region).
     */
    public Optional<Refund> visible(long id, String jurisdictionPrefix) {
        if (jurisdictionPrefix == null) {
            return findByIdOptional(id);
        }
        return find("id = :id and registrationId in (select r.id from Registration r, Listing l"
                + " where l.id = r.listingId and l.regionCode like :jurisdiction)",
                Map.of("id", id, "jurisdiction", jurisdictionPrefix + "%")).firstResultOptional();
    }

    /** The refunds of one enterprise's registrations (deposits and trade payments), soonest due first. */
    public List<Refund> ofEnterprise(String enterpriseCode) {
        return list("registrationId in (select r.id from Registration r where r.enterpriseCode = ?1)",
                Sort.by("dueBy").and("id"), enterpriseCode);
    }

    /** The refunds of one listing's registrations, optionally only if the listing lies within a region prefix. */
    public List<Refund> ofListing(long listingId, String jurisdictionPrefix) {
        Map<String, Object> p = new HashMap<>();
        p.put("listing", listingId);
        p.put("jurisdiction", (jurisdictionPrefix == null ? "" : jurisdictionPrefix) + "%");
        return list("registrationId in (select r.id from Registration r, Listing l where l.id = r.listingId"
                + " and l.id = :listing and l.regionCode like :jurisdiction)", Sort.by("dueBy").and("id"), p);
    }
}
