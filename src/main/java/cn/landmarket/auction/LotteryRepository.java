package cn.landmarket.auction;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Queries over lottery rounds and entries, the listings due for a draw, and the bid a draw writes. */
@ApplicationScoped
public class LotteryRepository {

    private final EntityManager em;

    LotteryRepository(EntityManager em) {
        this.em = em;
    }

    /** The listing's lottery round, if a bid reached its cap. */
    public Optional<LotteryRound> round(long listingId) {
        return Optional.ofNullable(em.find(LotteryRound.class, listingId));
    }

    /** The round's entries in entry order. */
    public List<LotteryEntry> entries(long listingId) {
        return em.createQuery("from LotteryEntry e where e.listingId = :id order by e.seq", LotteryEntry.class)
                .setParameter("id", listingId).getResultList();
    }

    /** The registration's entry to the listing's round, if it entered. */
    public Optional<LotteryEntry> entry(long listingId, long registrationId) {
        return em.createQuery("from LotteryEntry e where e.listingId = :id and e.registrationId = :r",
                LotteryEntry.class).setParameter("id", listingId).setParameter("r", registrationId)
                .getResultStream().findFirst();
    }

    /** The sequence the round's next entry gets (call under the listing's row lock). */
    public int nextSeq(long listingId) {
        Number max = (Number) em.createQuery("select max(e.seq) from LotteryEntry e where e.listingId = :id")
                .setParameter("id", listingId).getSingleResult();
        return max == null ? 1 : max.intValue() + 1;
    }

    public void persist(LotteryEntry entry) {
        em.persist(entry);
    }

    /** The registration behind a bid. */
    public long registrationOfBid(long bidId) {
        return ((Number) em.createNativeQuery("select registration_id from bid where id = ?1").setParameter(1, bidId)
                .getSingleResult()).longValue();
    }

    /**
     * Ids of listings whose lottery is due: the reveal window has closed, or the entry window has
     * closed and nobody but the cap's bidder entered (it wins without a draw).
     */
    @SuppressWarnings("unchecked")
    public List<Long> dueForDraw(Instant now) {
        return ((List<Number>) em.createNativeQuery("""
                select l.id from listing l join lottery_round r on r.listing_id = l.id join bid b on b.id = r.cap_bid_id
                where l.status = 'LOTTERY' and l.lottery_entry_deadline <= ?1
                  and (l.lottery_reveal_deadline <= ?1 or not exists (select 1 from lottery_entry e
                       where e.listing_id = l.id and e.registration_id <> b.registration_id))
                order by l.id limit 200""").setParameter(1, now).getResultList())
                .stream().map(Number::longValue).toList();
    }

    /**
     * Writes the drawn winner's acceptance of the cap price as the listing's accepted bid of
     * {@code seq} (a winner other than the cap's bidder), so the trade, results and oversight treat
     * the sale as any other; returns its id.
     */
    public long insertWinningBid(long listingId, int seq, long registrationId, String bidderNo, long capFen,
            Instant at, String phase) {
        return ((Number) em.createNativeQuery("""
                insert into bid (id, listing_id, seq, registration_id, bidder_no, amount_fen, accepted_at, phase,
                                 deadline, idempotency_key)
                values (nextval('bid_seq'), ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, 'lottery:won') returning id""")
                .setParameter(1, listingId).setParameter(2, seq).setParameter(3, registrationId)
                .setParameter(4, bidderNo).setParameter(5, capFen).setParameter(6, at).setParameter(7, phase)
                .getSingleResult()).longValue();
    }

    /** The phase (LISTING or TIMED_BIDDING) of a bid. */
    public String phaseOfBid(long bidId) {
        return (String) em.createNativeQuery("select phase from bid where id = ?1").setParameter(1, bidId)
                .getSingleResult();
    }
}
