package cn.landmarket.listing;

import static cn.landmarket.listing.ListingStatus.ANNOUNCED;
import static cn.landmarket.listing.ListingStatus.APPROVED;
import static cn.landmarket.listing.ListingStatus.AWAITING_PAYMENT;
import static cn.landmarket.listing.ListingStatus.DEFAULTED;
import static cn.landmarket.listing.ListingStatus.DRAFT;
import static cn.landmarket.listing.ListingStatus.LISTING;
import static cn.landmarket.listing.ListingStatus.LOTTERY;
import static cn.landmarket.listing.ListingStatus.PENDING_REVIEW;
import static cn.landmarket.listing.ListingStatus.REJECTED;
import static cn.landmarket.listing.ListingStatus.SETTLED;
import static cn.landmarket.listing.ListingStatus.SOLD;
import static cn.landmarket.listing.ListingStatus.SUSPENDED;
import static cn.landmarket.listing.ListingStatus.TERMINATED;
import static cn.landmarket.listing.ListingStatus.TIMED_BIDDING;
import static cn.landmarket.listing.ListingStatus.UNSOLD;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The moves of a listing's lifecycle (domain.md, "Listing lifecycle"): the one table every status
 * change is checked against, whoever makes it (the township, the regulator, the clock, the bid
 * batcher, settlement). A move not in the table is a bug, never a user error.
 */
public final class ListingTransitions {

    private static final Map<ListingStatus, Set<ListingStatus>> ALLOWED = new EnumMap<>(ListingStatus.class);

    static {
        ALLOWED.put(DRAFT, EnumSet.of(PENDING_REVIEW));
        ALLOWED.put(PENDING_REVIEW, EnumSet.of(APPROVED, REJECTED));
        ALLOWED.put(APPROVED, EnumSet.of(ANNOUNCED, SUSPENDED, TERMINATED));
        ALLOWED.put(ANNOUNCED, EnumSet.of(LISTING, SUSPENDED, TERMINATED));
        ALLOWED.put(LISTING, EnumSet.of(TIMED_BIDDING, LOTTERY, SOLD, UNSOLD, SUSPENDED, TERMINATED));
        ALLOWED.put(TIMED_BIDDING, EnumSet.of(LOTTERY, SOLD, UNSOLD, SUSPENDED, TERMINATED));
        // a lottery round ends in a sale at the cap: the cap's own bidder is always in the draw
        ALLOWED.put(LOTTERY, EnumSet.of(SOLD, SUSPENDED, TERMINATED));
        // a resumed listing goes back to the stage it was suspended in
        ALLOWED.put(SUSPENDED, EnumSet.of(APPROVED, ANNOUNCED, LISTING, TIMED_BIDDING, LOTTERY, TERMINATED));
        ALLOWED.put(SOLD, EnumSet.of(AWAITING_PAYMENT, SETTLED, DEFAULTED));
        ALLOWED.put(AWAITING_PAYMENT, EnumSet.of(SETTLED, DEFAULTED));
        for (ListingStatus end : EnumSet.of(REJECTED, TERMINATED, UNSOLD, SETTLED, DEFAULTED)) {
            ALLOWED.put(end, EnumSet.noneOf(ListingStatus.class));
        }
    }

    private ListingTransitions() {
    }

    /** Whether the lifecycle allows a listing in {@code from} to move to {@code to}. */
    public static boolean allows(ListingStatus from, ListingStatus to) {
        return ALLOWED.get(from).contains(to);
    }

    /** Raises {@link IllegalStateException} (a 500: a caller broke the lifecycle) unless the move is allowed. */
    public static void requireAllowed(long listingId, ListingStatus from, ListingStatus to) {
        if (!allows(from, to)) {
            throw new IllegalStateException("listing " + listingId + " cannot move from " + from + " to " + to);
        }
    }
}
