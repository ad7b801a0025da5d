package cn.landmarket.auction;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The lottery round a bid at the price cap opened on a listing that draws lots at its cap
 * (domain.md, "Sale formats"): the cap, the bid that reached it, and the platform's own commitment.
 * The platform's contribution is kept here, never served or logged before the draw.
 */
@Entity
@Table(name = "lottery_round")
public class LotteryRound {

    @Id
    @Column(name = "listing_id")
    public long listingId;

    @Column(name = "cap_fen")
    public long capFen;

    /** The accepted bid that reached the cap; its bidder is an entrant without having to enter. */
    @Column(name = "cap_bid_id")
    public long capBidId;

    @Column(name = "cap_bidder_no")
    public String capBidderNo;

    /** {@link LotteryCommitment} of the platform's contribution under the bidder number PLATFORM. */
    @Column(name = "platform_commitment")
    public String platformCommitment;

    /** The platform's secret contribution, 64 lower-case hex; published only with the draw. */
    @Column(name = "platform_contribution")
    public String platformContribution;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "drawn_at")
    public Instant drawnAt;
}
