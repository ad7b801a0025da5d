package cn.landmarket.oversight;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The read-only queries of the regulator audit API and of the published results, in SQL over the
 * tables of the other features. Oversight queries are limited to listings whose region starts
 * with the caller's jurisdiction prefix and to the {@link Scope} given.
 */
@ApplicationScoped
public class OversightRepository {

    /** Listing statuses after a sale was decided, whatever happened to it afterwards. */
    static final String SOLD = "('SOLD', 'AWAITING_PAYMENT', 'SETTLED', 'DEFAULTED')";

    /** Sales that stand: decided and not defaulted. */
    static final String SOLD_NOT_DEFAULTED = "('SOLD', 'AWAITING_PAYMENT', 'SETTLED')";

    private final EntityManager em;

    OversightRepository(EntityManager em) {
        this.em = em;
    }

    /** Where-clauses over listing {@code l} and their parameters. */
    static final class Where {
        private final List<String> clauses = new ArrayList<>();
        private final Map<String, Object> params = new HashMap<>();

        /** Listings within the jurisdiction prefix and the scope. */
        static Where of(String jurisdictionPrefix, Scope scope, ZoneId zone) {
            Where w = new Where();
            w.add("l.region_code like :jurisdiction", "jurisdiction", jurisdictionPrefix + "%");
            if (scope.assetType != null) {
                w.add("l.asset_type = :assetType", "assetType", scope.assetType.name());
            }
            if (scope.region != null) {
                w.add("l.region_code like :region", "region", scope.region + "%");
            }
            if (scope.township != null) {
                w.add("l.seller_code = :township", "township", scope.township);
            }
            Instant from = scope.closedFromInstant(zone);
            if (from != null) {
                w.add("l.closed_at >= :closedFrom", "closedFrom", from);
            }
            Instant before = scope.closedBeforeInstant(zone);
            if (before != null) {
                w.add("l.closed_at < :closedBefore", "closedBefore", before);
            }
            return w;
        }

        Where add(String clause, String name, Object value) {
            clauses.add(clause);
            params.put(name, value);
            return this;
        }

        Where add(String clause) {
            clauses.add(clause);
            return this;
        }

        /** A parameter the query uses outside the where-clauses. */
        Where param(String name, Object value) {
            params.put(name, value);
            return this;
        }

        String sql() {
            return clauses.isEmpty() ? "true" : String.join(" and ", clauses);
        }

        Query bind(Query query) {
            params.forEach(query::setParameter);
            return query;
        }
    }

    /**
     * Runs {@code sql} with every {@code {where}} replaced by the where-clauses and every
     * {@code {bidders}} by the count of a listing's bidders.
     */
    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Where where) {
        return where.bind(em.createNativeQuery(sql.replace("{where}", where.sql()).replace("{bidders}", BIDDERS)))
                .getResultList();
    }

    private long count(String sql, Where where) {
        return ((Number) where.bind(em.createNativeQuery(sql.replace("{where}", where.sql()))).getSingleResult())
                .longValue();
    }

    /**
     * How many different bidders took part in listing {@code l}: those who placed an open bid or
     * committed a sealed quotation (a sealed sale has one accepted bid, the winner's, whatever the
     * number of quotations).
     */
    private static final String BIDDERS = """
            (select count(*) from (select b.registration_id from bid b where b.listing_id = l.id
                                   union select q.registration_id from sealed_quotation q where q.listing_id = l.id) p)""";

    // ---- searches ------------------------------------------------------------------------------

    /** Listings in scope, newest first, from {@code offset}, at most {@code limit}. */
    public List<Object[]> listings(Where where, int offset, int limit) {
        return rows("""
                select l.id, l.listing_no, l.title, l.status, l.asset_type, l.region_code, l.seller_code,
                       l.lot_area_m2, l.start_price_fen, l.highest_bid_fen, l.bid_count, l.announced_at, l.closed_at,
                       (select count(*) from registration r where r.listing_id = l.id),
                       {bidders},
                       t.buyer_code, t.status
                from listing l left join trade t
                  on t.id = (select max(x.id) from trade x where x.listing_id = l.id)
                where {where}
                order by l.created_at desc, l.id desc""" + " offset " + offset + " limit " + limit, where);
    }

    public long countListings(Where where) {
        return count("select count(*) from listing l where {where}", where);
    }

    /**
     * The registrations of the enterprise a listing search is narrowed to ({@code :enterprise}) in
     * the listings it matches: listing, registration and bidder number, by listing and registration.
     */
    public List<Object[]> registrationsOf(Where where) {
        return rows("""
                select l.id, re.id, re.bidder_no
                from listing l join registration re on re.listing_id = l.id and re.enterprise_code = :enterprise
                where {where}
                order by l.id, re.id""", where);
    }

    /** Trades of listings in scope, latest close first, from {@code offset}, at most {@code limit}. */
    public List<Object[]> trades(Where where, int offset, int limit) {
        return rows("""
                select t.id, t.listing_id, l.listing_no, l.title, l.asset_type, l.region_code, t.seller_code,
                       t.buyer_code, e.name, t.lot_area_m2, t.price_fen, t.deposit_fen, t.paid_fen, t.status,
                       l.closed_at, t.created_at, t.settled_at, t.defaulted_at
                from trade t join listing l on l.id = t.listing_id join enterprise e on e.credit_code = t.buyer_code
                where {where}
                order by l.closed_at desc nulls last, t.id desc""" + " offset " + offset + " limit " + limit, where);
    }

    public long countTrades(Where where) {
        return count("select count(*) from trade t join listing l on l.id = t.listing_id where {where}", where);
    }

    // ---- one listing ---------------------------------------------------------------------------

    /** The region of a listing, or null when there is no such listing. */
    public String regionOf(long listingId) {
        List<?> found = em.createNativeQuery("select region_code from listing where id = :id")
                .setParameter("id", listingId).getResultList();
        return found.isEmpty() ? null : (String) found.get(0);
    }

    /** Every registration of a listing with the enterprise behind it, in the order they came. */
    public List<Object[]> identities(long listingId) {
        return rows("""
                select r.id, r.bidder_no, r.status, e.credit_code, e.name, e.legal_representative, e.contact_person,
                       e.contact_phone
                from registration r join enterprise e on e.credit_code = r.enterprise_code
                where r.listing_id = :listing order by r.registered_at, r.id""",
                new Where().param("listing", listingId));
    }

    /** How many of a listing's audit entries are staged but not yet in the tree. */
    public long pendingAuditEntries(long listingId) {
        return ((Number) em.createNativeQuery("select count(*) from audit_pending where listing_id = :listing")
                .setParameter("listing", listingId).getSingleResult()).longValue();
    }

    // ---- collusion signals ---------------------------------------------------------------------

    /** The secret key of the signals' value tokens (made by migration V11). */
    public byte[] signalKey() {
        return (byte[]) em.createNativeQuery("select secret from oversight_signal_key where id = 1").getSingleResult();
    }

    /** Deposits credited to the virtual accounts of registrations for listings in scope, by listing and booking time. */
    public List<Object[]> deposits(Where where) {
        return rows("""
                select l.id, r.id, r.bidder_no, r.enterprise_code, n.counterparty_account, n.transaction_id,
                       n.amount_fen, n.booked_at, n.outcome
                from bank_notice n join registration r on r.id = n.registration_id
                join listing l on l.id = r.listing_id
                where n.kind = 'CREDIT' and n.account = r.virtual_account and {where}
                order by l.id, n.booked_at, n.transaction_id""", where);
    }

    /** Registrations for listings in scope with their enterprise's key people, by listing and registration. */
    public List<Object[]> contacts(Where where) {
        return rows("""
                select l.id, r.id, r.bidder_no, r.enterprise_code, e.contact_person, e.contact_phone,
                       e.legal_representative
                from registration r join listing l on l.id = r.listing_id
                join enterprise e on e.credit_code = r.enterprise_code
                where {where}
                order by l.id, r.id""", where);
    }

    /** Registrations and bids for listings in scope that recorded a client address, by listing and time. */
    public List<Object[]> clientAddresses(Where where) {
        return rows("""
                select * from (
                    select l.id as listing_id, r.id as registration_id, r.bidder_no, r.enterprise_code,
                           'REGISTRATION' as kind, r.client_address, r.registered_at as at, cast(null as integer) as seq
                    from registration r join listing l on l.id = r.listing_id
                    where r.client_address is not null and {where}
                    union all
                    select l.id, r.id, b.bidder_no, r.enterprise_code, 'BID', b.client_address, b.accepted_at, b.seq
                    from bid b join registration r on r.id = b.registration_id join listing l on l.id = b.listing_id
                    where b.client_address is not null and {where}
                ) x order by listing_id, at, registration_id, seq""", where);
    }

    /** Accepted bids of listings in scope with their listing's increment, by listing and sequence. */
    public List<Object[]> bids(Where where) {
        return rows("""
                select l.id, b.seq, b.bidder_no, b.amount_fen, l.increment_fen
                from bid b join listing l on l.id = b.listing_id
                where {where}
                order by l.id, b.seq""", where);
    }

    /** Decided sales in scope: seller, its name, the listing and how many different bidders took part. */
    public List<Object[]> sales(Where where) {
        return rows("""
                select l.seller_code, tw.name, l.id,
                       {bidders}
                from listing l join township tw on tw.code = l.seller_code
                where l.winning_bid_id is not null and l.status in """ + SOLD + """
                 and {where}
                order by l.seller_code, l.id""", where);
    }

    // ---- statistics ----------------------------------------------------------------------------

    /**
     * Sales that stand (decided, not defaulted) in scope, grouped by asset type, region prefix of
     * {@code regionDigits} digits and month of the close in {@code zone}: count, area and price.
     */
    public List<Object[]> volumes(Where where, int regionDigits, ZoneId zone) {
        return rows("""
                select l.asset_type, substr(l.region_code, 1, :digits),
                       to_char(l.closed_at at time zone :zone, 'YYYY-MM'),
                       count(*), sum(l.lot_area_m2), sum(l.highest_bid_fen)
                from listing l
                where l.winning_bid_id is not null and l.status in """ + SOLD_NOT_DEFAULTED + """
                 and {where}
                group by 1, 2, 3 order by 3, 1, 2""", where.param("digits", regionDigits).param("zone", zone.getId()));
    }

    // ---- published results ---------------------------------------------------------------------

    private static final String RESULT_COLUMNS = """
            l.id, l.listing_no, l.title, l.asset_type, l.region_code, l.seller_code, tw.name, l.status,
            l.lot_area_m2, l.highest_bid_fen, l.closed_at, e.credit_code, e.name,
            u.status, u.price_fen, ue.credit_code, ue.name, u.decided_at
            from listing l join township tw on tw.code = l.seller_code
            left join bid b on b.id = l.winning_bid_id
            left join registration r on r.id = b.registration_id
            left join enterprise e on e.credit_code = r.enterprise_code
            left join runner_up u on u.listing_id = l.id and u.status not in ('HELD', 'RELEASED')
            left join registration ur on ur.id = u.registration_id
            left join enterprise ue on ue.credit_code = ur.enterprise_code
            where l.closed_at is not null and l.announced_at is not null""";

    /** Closed listings (sold or unsold), latest close first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> results(int offset, int limit) {
        return em.createNativeQuery("select " + RESULT_COLUMNS
                + " order by l.closed_at desc, l.id desc offset " + offset + " limit " + limit).getResultList();
    }

    public long countResults() {
        return ((Number) em.createNativeQuery(
                "select count(*) from listing l where l.closed_at is not null and l.announced_at is not null")
                .getSingleResult()).longValue();
    }

    /** One closed listing's result, or empty. */
    @SuppressWarnings("unchecked")
    public List<Object[]> result(long listingId) {
        return em.createNativeQuery("select " + RESULT_COLUMNS + " and l.id = :id").setParameter("id", listingId)
                .getResultList();
    }

    /** The close entry of each listing: its type, leaf hash and log index (null while staged). */
    public record CloseEntry(long listingId, String type, byte[] leafHash, Long index) {
    }

    /**
     * The audit entries that recorded the close of these listings ({@code listing.sold} or
     * {@code listing.unsold}), from the tree or, while not yet sequenced, from the staging table.
     */
    @SuppressWarnings("unchecked")
    public Map<Long, CloseEntry> closeEntries(Collection<Long> listingIds) {
        Map<Long, CloseEntry> found = new HashMap<>();
        if (listingIds.isEmpty()) {
            return found;
        }
        List<Object[]> sequenced = em.createNativeQuery("""
                select distinct on (listing_id) listing_id, kind, leaf_hash, idx from audit_entry
                where listing_id in (:ids) and kind in ('listing.sold', 'listing.unsold')
                order by listing_id, idx""").setParameter("ids", listingIds).getResultList();
        for (Object[] row : sequenced) {
            found.put(((Number) row[0]).longValue(), new CloseEntry(((Number) row[0]).longValue(), (String) row[1],
                    (byte[]) row[2], ((Number) row[3]).longValue()));
        }
        List<Long> missing = listingIds.stream().filter(id -> !found.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            List<Object[]> staged = em.createNativeQuery("""
                    select distinct on (listing_id) listing_id, kind, entry from audit_pending
                    where listing_id in (:ids) and kind in ('listing.sold', 'listing.unsold')
                    order by listing_id, id""").setParameter("ids", missing).getResultList();
            for (Object[] row : staged) {
                found.put(((Number) row[0]).longValue(), new CloseEntry(((Number) row[0]).longValue(),
                        (String) row[1], cn.landmarket.audit.MerkleTree.leafHash((byte[]) row[2]), null));
            }
        }
        return found;
    }

    // ---- column readers ------------------------------------------------------------------------

    static long lng(Object value) {
        if (value instanceof BigDecimal d) {
            return d.longValueExact();
        }
        if (value instanceof BigInteger i) {
            return i.longValueExact();
        }
        return ((Number) value).longValue();
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
