package cn.landmarket.auction;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.landmarket.common.Money;

/**
 * A listing's lottery at the cap as anyone who may see the listing sees it, by bidder number only
 * (domain.md, "Sale formats"): the cap and its bidder, the deadlines, the platform's commitment,
 * every entrant with its commitment and, from its reveal on, its contribution; after the draw the
 * platform's contribution, the seed, the winner's index and bidder number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LotteryView(long listingId, String listingNo, Stage stage, Money cap, String capBidderNo,
        OffsetDateTime openedAt, OffsetDateTime entryDeadline, OffsetDateTime revealDeadline,
        String platformCommitment, String platformContribution, List<Entrant> entrants, Boolean drawn, String seed,
        Integer winnerIndex, String winnerBidderNo, OffsetDateTime drawnAt) {

    /** Where the round stands. */
    public enum Stage {
        /** Qualified bidders may enter until the entry deadline. */
        ENTRY,
        /** Entrants reveal their contributions until the reveal deadline. */
        REVEAL,
        /** The windows are over; the draw comes on the next tick. */
        DRAW_DUE,
        /** Drawn: the winner bought the lot at the cap price. */
        DRAWN,
        /** Suspended by a regulator: the deadlines move later by the suspension's length when it resumes. */
        SUSPENDED,
        /** Terminated by a regulator before the draw. */
        TERMINATED
    }

    /**
     * One entrant in bidder-number order: whether it is the bidder whose bid reached the cap (an
     * entrant without entering), its entry's sequence, commitment and contribution when it sent them,
     * and {@code mine} for the bidder itself.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entrant(String bidderNo, boolean capBidder, Integer sequence, String commitment,
            OffsetDateTime enteredAt, String contribution, OffsetDateTime revealedAt, Boolean mine) {
    }
}
