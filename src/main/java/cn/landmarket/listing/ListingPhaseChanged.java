package cn.landmarket.listing;

import java.time.Instant;

/**
 * A listing's phase changed outside bidding: the timeline opened it, or a regulator suspended, resumed
 * or terminated it. Fired inside the transaction that moved it, so whoever tells the watchers (the
 * live feed) does so exactly when it commits. {@code deadline} is the moment the room counts down to
 * in the new phase (the start of the listing period, its end, the countdown's end, or a lottery
 * round's entry or reveal deadline), null when
 * nothing is counted down (suspended, terminated).
 */
public record ListingPhaseChanged(long listingId, ListingStatus status, Instant deadline, Instant at) {

    /** The change {@code listing}, as it now stands, has just made. */
    static ListingPhaseChanged of(Listing listing, Instant at) {
        Instant deadline = switch (listing.status) {
            case ANNOUNCED -> listing.listingStart;
            case LISTING -> listing.listingEnd;
            case TIMED_BIDDING -> listing.countdownDeadline;
            case LOTTERY -> at.isBefore(listing.lotteryEntryDeadline) ? listing.lotteryEntryDeadline
                    : listing.lotteryRevealDeadline;
            default -> null;
        };
        return new ListingPhaseChanged(listing.id, listing.status, deadline, at);
    }
}
