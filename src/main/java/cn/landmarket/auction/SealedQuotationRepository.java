package cn.landmarket.auction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Queries over sealed quotations, the listings due for opening, and the winning bid an opening writes. */
@ApplicationScoped
public class SealedQuotationRepository implements PanacheRepository<SealedQuotation> {

    /** The listing's quotations in commitment order. */
    public List<SealedQuotation> ofListing(long listingId) {
        return list("listingId = ?1 order by seq", listingId);
    }

    /** The registration's quotation on the listing, if it submitted one. */
    public Optional<SealedQuotation> of(long listingId, long registrationId) {
        return find("listingId = ?1 and registrationId = ?2", listingId, registrationId).firstResultOptional();
    }

    /** The sequence the listing's next commitment gets (call under the listing's row lock). */
    public int nextSeq(long listingId) {
        Number max = (Number) getEntityManager()
                .createQuery("select max(q.seq) from SealedQuotation q where q.listingId = :id")
                .setParameter("id", listingId).getSingleResult();
        return max == null ? 1 : max.intValue() + 1;
    }

    /** Ids of sealed listings still in their listing status whose reveal window has closed. */
    @SuppressWarnings("unchecked")
    public List<Long> dueForOpening(Instant now) {
        return ((List<Number>) getEntityManager().createNativeQuery("""
                select id from listing
                where status = 'LISTING' and sale_format = 'SEALED_QUOTATION' and reveal_deadline <= ?1
                order by id limit 200""").setParameter(1, now).getResultList())
                .stream().map(Number::longValue).toList();
    }

    /**
     * Writes the winning quotation as the listing's one accepted bid (sequence 1), so the trade,
     * results and oversight treat the sale as any other; returns its id.
     */
    public long insertWinningBid(SealedQuotation winner, Instant at, Instant deadline) {
        return ((Number) getEntityManager().createNativeQuery("""
                insert into bid (id, listing_id, seq, registration_id, bidder_no, amount_fen, accepted_at, phase,
                                 deadline, idempotency_key)
                values (nextval('bid_seq'), ?1, 1, ?2, ?3, ?4, ?5, 'LISTING', ?6, ?7) returning id""")
                .setParameter(1, winner.listingId).setParameter(2, winner.registrationId)
                .setParameter(3, winner.bidderNo).setParameter(4, winner.amountFen).setParameter(5, at)
                .setParameter(6, deadline).setParameter(7, "sealed:" + winner.seq).getSingleResult()).longValue();
    }
}
