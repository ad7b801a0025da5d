package cn.landmarket.auction;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import cn.landmarket.common.jdbc.SqlArrays;

/** Reads of accepted bids (they are written by {@link BidBatcher} only). */
@ApplicationScoped
public class BidRepository {

    private final EntityManager em;

    BidRepository(EntityManager em) {
        this.em = em;
    }

    /** One accepted bid with the enterprise behind its bidder number and the leaf hash of its audit entry. */
    public record Row(long id, int seq, String bidderNo, long amountFen, java.time.Instant acceptedAt, String phase,
            String enterpriseCode, byte[] auditLeafHash, long registrationId) {
    }

    /** The listing's accepted bids in sequence order, {@code limit} of them from the {@code offset}-th on. */
    @SuppressWarnings("unchecked")
    public List<Row> ofListing(long listingId, long offset, int limit) {
        List<Object[]> rows = em.createNativeQuery("""
                select b.id, b.seq, b.bidder_no, b.amount_fen, b.accepted_at, b.phase, r.enterprise_code,
                       b.audit_leaf_hash, b.registration_id
                from bid b join registration r on r.id = b.registration_id
                where b.listing_id = ?1 order by b.seq limit ?2 offset ?3""").setParameter(1, listingId)
                .setParameter(2, limit).setParameter(3, offset).getResultList();
        return rows.stream().map(BidRepository::row).toList();
    }

    /** How many bids the listing accepted. */
    public long count(long listingId) {
        return ((Number) em.createNativeQuery("select count(*) from bid where listing_id = ?1")
                .setParameter(1, listingId).getSingleResult()).longValue();
    }

    /** How many distinct registrations bid on each listing, in one query; listings without a bid are missing. */
    @SuppressWarnings("unchecked")
    public Map<Long, Integer> distinctBidders(Collection<Long> listingIds) {
        if (listingIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> counts = new HashMap<>();
        for (Object[] row : (List<Object[]>) em.createNativeQuery("select listing_id, count(distinct registration_id) "
                + "from bid where listing_id = any(cast(?1 as bigint[])) group by listing_id")
                .setParameter(1, SqlArrays.bigints(listingIds)).getResultList()) {
            counts.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return counts;
    }

    /**
     * The highest (and so the latest) accepted bid of the listing, if any: of two at the same amount,
     * which only a lottery at the cap writes (the cap's bid and the drawn winner's), the later.
     */
    @SuppressWarnings("unchecked")
    public java.util.Optional<Row> highest(long listingId) {
        List<Object[]> rows = em.createNativeQuery("""
                select b.id, b.seq, b.bidder_no, b.amount_fen, b.accepted_at, b.phase, r.enterprise_code,
                       b.audit_leaf_hash, b.registration_id
                from bid b join registration r on r.id = b.registration_id
                where b.listing_id = ?1 order by b.amount_fen desc, b.seq desc limit 1""").setParameter(1, listingId)
                .getResultList();
        return rows.stream().findFirst().map(BidRepository::row);
    }

    /** {@link #highest(long)} of each listing, in one query; listings without a bid are missing. */
    @SuppressWarnings("unchecked")
    public Map<Long, Row> highest(Collection<Long> listingIds) {
        Map<Long, Row> highest = new HashMap<>();
        if (listingIds.isEmpty()) {
            return highest;
        }
        List<Object[]> rows = em.createNativeQuery("""
                select distinct on (b.listing_id) b.id, b.seq, b.bidder_no, b.amount_fen, b.accepted_at, b.phase,
                       r.enterprise_code, b.audit_leaf_hash, b.registration_id, b.listing_id
                from bid b join registration r on r.id = b.registration_id
                where b.listing_id = any(cast(?1 as bigint[])) order by b.listing_id, b.amount_fen desc, b.seq desc""")
                .setParameter(1, SqlArrays.bigints(listingIds)).getResultList();
        for (Object[] r : rows) {
            highest.put(((Number) r[9]).longValue(), row(r));
        }
        return highest;
    }

    private static Row row(Object[] r) {
        return new Row(((Number) r[0]).longValue(), ((Number) r[1]).intValue(), (String) r[2],
                ((Number) r[3]).longValue(), (java.time.Instant) r[4], (String) r[5], (String) r[6], (byte[]) r[7],
                ((Number) r[8]).longValue());
    }
}
