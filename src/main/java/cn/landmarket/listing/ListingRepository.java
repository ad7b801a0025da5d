package cn.landmarket.listing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;

import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.jdbc.SqlArrays;

/** Queries over listings and their history. */
@ApplicationScoped
public class ListingRepository implements PanacheRepository<Listing> {

    /** The field under which facts of a change of an unannounced listing are committed in the log. */
    static final String DETAILS = "details";


    @Inject
    AuditLog audit;

    /** Locks the listing row: every status change of one listing goes through this lock. */
    public Optional<Listing> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Listings matching the filters, optionally only one seller's, only within a region prefix, or
     * only public ones (announced), newest first.
     */
    public PanacheQuery<Listing> search(ListingSearch s, String sellerCode, String jurisdictionPrefix,
            boolean publicOnly) {
        List<String> where = new ArrayList<>();
        Map<String, Object> p = new HashMap<>();
        if (sellerCode != null) {
            where.add("sellerCode = :seller");
            p.put("seller", sellerCode);
        }
        if (jurisdictionPrefix != null) {
            where.add("regionCode like :jurisdiction");
            p.put("jurisdiction", jurisdictionPrefix + "%");
        }
        if (publicOnly) {
            where.add("announcedAt is not null");
        }
        if (s.assetType != null) {
            where.add("assetType = :type");
            p.put("type", s.assetType);
        }
        if (s.region != null) {
            where.add("regionCode like :region");
            p.put("region", s.region + "%");
        }
        if (s.status != null) {
            where.add("status = :status");
            p.put("status", s.status);
        }
        if (s.text != null && !s.text.isBlank()) {
            where.add("lower(title) like :text escape '!'");
            p.put("text", "%" + s.text.strip().toLowerCase().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (s.minAreaM2 != null) {
            where.add("lotAreaM2 >= :minArea");
            p.put("minArea", s.minAreaM2);
        }
        if (s.maxAreaM2 != null) {
            where.add("lotAreaM2 <= :maxArea");
            p.put("maxArea", s.maxAreaM2);
        }
        if (s.minStartPriceYuan != null) {
            where.add("startPriceFen >= :minPrice");
            p.put("minPrice", s.minStartPriceYuan * 100);
        }
        if (s.maxStartPriceYuan != null) {
            where.add("startPriceFen <= :maxPrice");
            p.put("maxPrice", s.maxStartPriceYuan * 100);
        }
        Sort order = (s.sort == null ? ListingOrder.NEWEST : s.sort).sort();
        return where.isEmpty() ? findAll(order) : find(String.join(" and ", where), order, p);
    }

    /** How many listings of this seller are still in progress ({@link ListingStatus#inProgress()}). */
    public long countInProgress(String sellerCode) {
        return count("sellerCode = ?1 and status in ?2", sellerCode, ListingStatus.inProgress());
    }

    /** Ids of open-format listings whose listing period or timed-bidding countdown has run out. */
    @SuppressWarnings("unchecked")
    public List<Long> dueForClosing(Instant now) {
        return ((List<Number>) getEntityManager().createNativeQuery("select id from (" + DUE_FOR_CLOSING + """
                ) due order by id limit 200""").setParameter(1, now).getResultList())
                .stream().map(Number::longValue).toList();
    }

    /**
     * The ids of the listings whose listing period or countdown has run out, each found through its
     * status's partial index (V3: {@code listing_end_due_idx}, {@code listing_countdown_due_idx}),
     * which hold the open listings only. Written as two branches so that no plan reads the table in
     * id or certificate order, filtering every listing there has ever been: the close storm benchmark
     * found the claim doing that, 3,300 buffer reads a call after three storms and growing. Callers
     * re-check the condition on the rows they lock.
     */
    private static final String DUE_FOR_CLOSING = """
            select id from listing where status = 'LISTING' and listing_end <= ?1 and sale_format = 'OPEN_ASCENDING'
            union all
            select id from listing where status = 'TIMED_BIDDING' and countdown_deadline <= ?1""";

    /**
     * Claims up to {@code max} listings whose listing period or countdown has run out, leaving out
     * {@code except}: each claimed row is locked ({@code for update}) until the caller's transaction
     * ends, and rows another transaction holds are skipped ({@code skip locked}), so that closers on
     * several instances share the due listings instead of queueing behind each other's locks.
     * Claimed in the order of their certificates, so that batches claimed at the same time mostly
     * hold lots of different certificates and do not wait for each other's certificate locks when
     * they release unsold lots.
     * The condition is checked again on each row as locked (the row may have moved on since the
     * due ids were read); the order is {@code certificate_id + 0}, by certificate all the same but not
     * an order listing_certificate_idx can give, which would tempt the planner, with a limit, into
     * reading that index from its start and filtering every listing there has ever been.
     */
    @SuppressWarnings("unchecked")
    public List<Listing> claimDueForClosing(Instant now, int max, java.util.Collection<Long> except) {
        // two statements only: the usual one, and the one leaving out listings whose close failed
        var claim = getEntityManager().createNativeQuery("select * from listing where id in (" + DUE_FOR_CLOSING + """
                ) and ((status = 'LISTING' and listing_end <= ?1 and sale_format = 'OPEN_ASCENDING')
                   or (status = 'TIMED_BIDDING' and countdown_deadline <= ?1))""" + (except.isEmpty() ? "" : """

                and id <> all(cast(?3 as bigint[]))""") + """

                order by certificate_id + 0, id limit ?2 for update skip locked""", Listing.class)
                .setParameter(1, now).setParameter(2, max);
        if (!except.isEmpty()) {
            claim.setParameter(3, SqlArrays.bigints(except));
        }
        return claim.getResultList();
    }

    /**
     * Locks these listings, in the order the closer claims them, and returns them as
     * {@link #claimDueForClosing} does: for the closer's rehearsal, which closes listings it staged.
     */
    @SuppressWarnings("unchecked")
    public List<Listing> lockForClosing(java.util.Collection<Long> ids) {
        return getEntityManager().createNativeQuery("""
                select * from listing where id = any(cast(?1 as bigint[])) order by certificate_id + 0, id for update""",
                Listing.class).setParameter(1, SqlArrays.bigints(ids)).getResultList();
    }

    /** The earliest listing end or countdown deadline of an open listing after {@code after}, up to {@code until}. */
    public Optional<Instant> nextClosing(Instant after, Instant until) {
        Object next = getEntityManager().createNativeQuery("""
                select least(
                    (select min(listing_end) from listing
                     where status = 'LISTING' and listing_end > ?1 and listing_end <= ?2
                       and sale_format = 'OPEN_ASCENDING'),
                    (select min(countdown_deadline) from listing
                     where status = 'TIMED_BIDDING' and countdown_deadline > ?1 and countdown_deadline <= ?2))""")
                .setParameter(1, after).setParameter(2, until).getSingleResult();
        return Optional.ofNullable(next).map(ListingRepository::instant);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("not a moment: " + value.getClass());
    }

    public List<ListingHistory> history(long listingId) {
        return getEntityManager()
                .createQuery("from ListingHistory where listingId = :id order by at, id", ListingHistory.class)
                .setParameter("id", listingId).getResultList();
    }

    /** Records a status change in the listing's history and, in the same transaction, in the audit log. */
    public void record(ListingHistory entry) {
        record(entry, Map.of());
    }

    /** Records a status change as {@link #record(ListingHistory)} does, with further facts in its audit entry. */
    public void record(ListingHistory entry, Map<String, ?> facts) {
        getEntityManager().persist(entry);
        audit.append(entry.auditEntry(facts));
    }

    /**
     * Moves a listing to {@code to}: the one way its status changes in a JPA transaction. Checks the
     * move against {@link ListingTransitions}, records it in the history and the audit log
     * ({@link #record(Listing, ListingHistory, String, Map)}, so facts of an unannounced listing are
     * committed under {@code field}), then sets the status.
     */
    public void transition(Listing listing, ListingStatus to, Instant at, String actor, String reason, String field,
            Map<String, ?> facts) {
        ListingTransitions.requireAllowed(listing.id, listing.status, to);
        record(listing, ListingHistory.of(listing.id, listing.status, to, at, actor, reason), field, facts);
        listing.status = to;
    }

    /**
     * {@link #transition} with the usual facts: the move to ANNOUNCED carries the terms in the clear,
     * as the public then sees them (never the reserve price); other moves carry none.
     */
    public void move(Listing listing, ListingStatus to, Instant at, String actor, String reason) {
        transition(listing, to, at, actor, reason, DETAILS,
                to == ListingStatus.ANNOUNCED ? listing.termsFacts() : Map.of());
    }

    /**
     * Records a status change of a listing that may not be announced yet: until it is, the reason
     * and the further facts go into the public log only as commitments
     * ({@link ListingHistory#auditEntry(Map, String, boolean)}), the facts under {@code field}.
     */
    public void record(Listing listing, ListingHistory entry, String field, Map<String, ?> facts) {
        getEntityManager().persist(entry);
        audit.append(entry.auditEntry(facts, field, listing.isPublic()));
    }

    /**
     * Deletes a draft and its history; the audit log keeps its entries and gains a
     * {@code listing.deleted} one.
     */
    public void deleteDraft(Listing listing, Instant at, String actor) {
        getEntityManager().createQuery("delete from ListingHistory where listingId = :id")
                .setParameter("id", listing.id).executeUpdate();
        delete(listing);
        audit.append(ListingHistory.auditEntry(listing.id, ListingStatus.DRAFT.name(), "DELETED", at, actor, null));
    }

    /**
     * Moves every listing whose scheduled moment has come from {@code from} to {@code to} in one
     * conditional UPDATE, so concurrent instances never move one twice; returns the ids moved.
     */
    @SuppressWarnings("unchecked")
    public List<Long> advance(ListingStatus from, ListingStatus to, String dueColumn, Instant now) {
        ListingTransitions.requireAllowed(0, from, to);
        String announced = to == ListingStatus.ANNOUNCED ? ", announced_at = announce_at" : "";
        List<Number> ids = getEntityManager().createNativeQuery(
                "update listing set status = :to, version = version + 1" + announced
                        + " where status = :from and " + dueColumn + " <= :now returning id")
                .setParameter("to", to.name()).setParameter("from", from.name()).setParameter("now", now)
                .getResultList();
        return ids.stream().map(Number::longValue).toList();
    }
}
