package cn.landmarket.auction;

import java.time.Duration;
import java.time.Instant;

import cn.landmarket.listing.ListingStatus;

/**
 * Where one listing's auction stands, as the bid rules need it: its phase, deadlines, price terms,
 * and the highest accepted bid so far. Mutated in arrival order as a batch of bids is decided.
 */
public final class AuctionState {

    ListingStatus status;
    final Instant listingEnd;
    Instant countdownDeadline;
    final Duration countdown;
    final long startPriceFen;
    final long incrementFen;
    final Long priceCapFen;
    Long highestFen;
    int bidCount;
    /** Whether the listing is sold by sealed quotation, so it takes no bid at all. */
    boolean sealed;
    /** Whether a bid at the cap opens a lottery round (status LOTTERY) instead of ending the sale. */
    boolean lotteryAtCap;

    public AuctionState(ListingStatus status, Instant listingEnd, Instant countdownDeadline, Duration countdown,
            long startPriceFen, long incrementFen, Long priceCapFen, Long highestFen, int bidCount) {
        this.status = status;
        this.listingEnd = listingEnd;
        this.countdownDeadline = countdownDeadline;
        this.countdown = countdown;
        this.startPriceFen = startPriceFen;
        this.incrementFen = incrementFen;
        this.priceCapFen = priceCapFen;
        this.highestFen = highestFen;
        this.bidCount = bidCount;
    }

    /** The lowest amount the next bid may offer: the start price first, then highest + increment. */
    public long minimumNextFen() {
        return highestFen == null ? startPriceFen : Math.addExact(highestFen, incrementFen);
    }

    /** The moment bidding closes unless a bid restarts the countdown. */
    public Instant deadline() {
        return status == ListingStatus.TIMED_BIDDING ? countdownDeadline : listingEnd;
    }

    public ListingStatus status() {
        return status;
    }

    public Long highestFen() {
        return highestFen;
    }

    public int bidCount() {
        return bidCount;
    }

    public Instant countdownDeadline() {
        return countdownDeadline;
    }
}
