package cn.landmarket.settlement;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Queries over runner-ups, and the best open bid of each bidder that the choice of one reads. */
@ApplicationScoped
public class RunnerUpRepository implements PanacheRepositoryBase<RunnerUp, Long> {

    /** A bidder's best accepted bid on a listing, with its registration. */
    public record BestBid(int seq, String bidderNo, long amountFen, long registrationId) {
    }

    public Optional<RunnerUp> lock(long listingId) {
        return findByIdOptional(listingId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The runner-up whose offer is this trade, if it is one. */
    public Optional<RunnerUp> ofTrade(long tradeId) {
        return find("tradeId", tradeId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** Each bidder's highest accepted bid on the listing (of equal amounts the earlier), by bidder number. */
    @SuppressWarnings("unchecked")
    public List<BestBid> bestBids(long listingId) {
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                select distinct on (bidder_no) seq, bidder_no, amount_fen, registration_id from bid
                where listing_id = :id order by bidder_no, amount_fen desc, seq""")
                .setParameter("id", listingId).getResultList();
        return rows.stream().map(r -> new BestBid(((Number) r[0]).intValue(), (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue())).toList();
    }
}
