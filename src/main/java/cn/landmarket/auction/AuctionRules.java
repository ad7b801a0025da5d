package cn.landmarket.auction;

import java.time.Instant;

import cn.landmarket.common.error.MessageKey;
import cn.landmarket.listing.ListingStatus;

/**
 * The bidding rules of domain.md ("Bidding"): bids only while the listing or its timed bidding is
 * open; the first at least the start price, every later one at least the highest plus the
 * increment, never above the cap; a bid in timed bidding restarts the countdown; a bid at the cap
 * ends the bidding: the sale, or, on a listing that draws lots at its cap, the bidding only, as a
 * lottery round opens (domain.md, "Sale formats").
 */
public final class AuctionRules {

    private AuctionRules() {
    }

    /** Decides one bid at {@code now} and, when it is accepted, advances {@code state}. */
    public static BidDecision decide(AuctionState state, long amountFen, Instant now) {
        if (state.sealed) {
            return new BidDecision.Rejected(MessageKey.BID_SEALED, null);
        }
        if (state.status == ListingStatus.LOTTERY) {
            return new BidDecision.Rejected(MessageKey.BID_LOTTERY, null);
        }
        boolean open = switch (state.status) {
            case LISTING -> now.isBefore(state.listingEnd);
            case TIMED_BIDDING -> now.isBefore(state.countdownDeadline);
            default -> false;
        };
        if (!open) {
            return new BidDecision.Rejected(state.status == ListingStatus.SUSPENDED ? MessageKey.BID_SUSPENDED : MessageKey.BID_CLOSED,
                    null);
        }
        long minimum = state.minimumNextFen();
        if (state.priceCapFen != null && minimum > state.priceCapFen) {
            return new BidDecision.Rejected(MessageKey.BID_CAP_REACHED, null);
        }
        if (amountFen < minimum) {
            return new BidDecision.Rejected(state.highestFen == null ? MessageKey.BID_BELOW_START : MessageKey.BID_BELOW_INCREMENT,
                    minimum);
        }
        if (state.priceCapFen != null && amountFen > state.priceCapFen) {
            return new BidDecision.Rejected(MessageKey.BID_ABOVE_CAP, state.priceCapFen);
        }
        state.highestFen = amountFen;
        state.bidCount++;
        if (state.status == ListingStatus.TIMED_BIDDING) {
            state.countdownDeadline = now.plus(state.countdown);
        }
        boolean capReached = state.priceCapFen != null && amountFen == state.priceCapFen;
        ListingStatus phase = state.status;
        if (capReached) {
            state.status = state.lotteryAtCap ? ListingStatus.LOTTERY : ListingStatus.SOLD;
        }
        return new BidDecision.Accepted(state.bidCount, phase, phase == ListingStatus.TIMED_BIDDING
                ? state.countdownDeadline : state.listingEnd, capReached);
    }

    /** How the listing period or the timed bidding ends (domain.md, "Bidding", rule 7). */
    public static ListingStatus outcome(ListingStatus phase, int distinctBidders, Long highestFen, Long reserveFen) {
        boolean meetsReserve = highestFen != null && (reserveFen == null || highestFen >= reserveFen);
        if (phase == ListingStatus.LISTING && distinctBidders >= 2) {
            return ListingStatus.TIMED_BIDDING;
        }
        return distinctBidders >= 1 && meetsReserve ? ListingStatus.SOLD : ListingStatus.UNSOLD;
    }
}
