package cn.landmarket.auction;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.listing.ListingStatus;

/**
 * The audit entries of bidding and the facts of each close: bids by bidder number only, the
 * countdown's deadlines, and the outcome (the reserve price only once the listing has closed).
 */
final class AuctionEntries {

    /** The actor of what the bid batcher decides on its own (countdown restarts, a close at the cap). */
    static final String BIDDING = "system:bidding";

    private AuctionEntries() {
    }

    /**
     * {@code bid.accepted}: listing, sequence, bidder number (never the enterprise), amount in fen,
     * phase, time of acceptance and the deadline it leaves. The bid's database id is not in it, so
     * its leaf hash is known before the bid row is written; (listingId, sequence) names the bid.
     */
    static AuditEntry bidAccepted(long listingId, int sequence, String bidderNo, long amountFen, ListingStatus phase,
            Instant acceptedAt, Instant deadline) {
        return AuditEntry.bidAccepted(acceptedAt, "bidder:" + bidderNo, Map.of("listingId", listingId,
                "sequence", sequence, "bidderNo", bidderNo, "amountFen", amountFen, "phase", phase.name(),
                "acceptedAt", acceptedAt.toString(), "deadline", deadline.toString()));
    }

    /** {@code countdown.restarted}: the bid of {@code sequence} restarted the timed bidding's countdown. */
    static AuditEntry countdownRestarted(long listingId, int sequence, Instant at, Instant deadline,
            long countdownSeconds) {
        return new AuditEntry("countdown.restarted", at, BIDDING, Map.of("listingId", listingId,
                "bidSequence", sequence, "deadline", deadline.toString(), "countdownSeconds", countdownSeconds));
    }

    /** Facts of the move to timed bidding: when the countdown runs out and who is in it (no reserve yet). */
    static Map<String, Object> countdownStarted(Instant deadline, int countdownSeconds, int distinctBidders,
            int bidCount, Long highestFen) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("deadline", deadline.toString());
        facts.put("countdownSeconds", countdownSeconds);
        facts.put("distinctBidders", distinctBidders);
        facts.put("bidCount", bidCount);
        facts.put("highestBidFen", highestFen);
        return facts;
    }

    /** Facts of a sale: the winning bid, its bidder number and amount, how many bids there were, the reserve. */
    static Map<String, Object> sold(long winningBidId, int winningSequence, String winningBidderNo,
            long winningAmountFen, int bidCount, Long reserveFen) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("outcome", ListingStatus.SOLD.name());
        facts.put("winningBidId", winningBidId);
        facts.put("winningSequence", winningSequence);
        facts.put("winningBidderNo", winningBidderNo);
        facts.put("winningAmountFen", winningAmountFen);
        facts.put("bidCount", bidCount);
        facts.put("reservePriceFen", reserveFen);
        return facts;
    }

    /** Why a lot did not sell. */
    enum UnsoldReason {
        NO_VALID_BID, BELOW_RESERVE
    }

    /** Facts of a close without a sale: why, how many bids, the highest, the reserve. */
    static Map<String, Object> unsold(UnsoldReason reason, int bidCount, Long highestFen, Long reserveFen) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("outcome", ListingStatus.UNSOLD.name());
        facts.put("unsoldReason", reason.name());
        facts.put("bidCount", bidCount);
        facts.put("highestBidFen", highestFen);
        facts.put("reservePriceFen", reserveFen);
        return facts;
    }
}
