package cn.landmarket.listing;

import java.util.EnumSet;
import java.util.Set;

/**
 * The lifecycle of a listing, from draft to sale or withdrawal (domain.md, "Listing lifecycle").
 * {@code LOTTERY}: a bid reached the price cap of a listing that draws lots at its cap; bidding has
 * stopped and the lottery round decides the buyer (domain.md, "Sale formats").
 */
public enum ListingStatus {
    DRAFT, PENDING_REVIEW, APPROVED, REJECTED, ANNOUNCED, LISTING, TIMED_BIDDING, LOTTERY, SUSPENDED, TERMINATED,
    SOLD, UNSOLD, AWAITING_PAYMENT, SETTLED, DEFAULTED;

    /** Stages a regulator may suspend or terminate: approved and not yet closed. */
    private static final Set<ListingStatus> LIVE = EnumSet.of(APPROVED, ANNOUNCED, LISTING, TIMED_BIDDING,
            LOTTERY);

    /** Stages with work still to finish: under review, announced, on sale, suspended, awaiting payment. */
    private static final Set<ListingStatus> IN_PROGRESS = EnumSet.of(PENDING_REVIEW, APPROVED, ANNOUNCED, LISTING,
            TIMED_BIDDING, LOTTERY, SUSPENDED, SOLD, AWAITING_PAYMENT);

    public boolean isLive() {
        return LIVE.contains(this);
    }

    /** Stages still in progress: {@link #IN_PROGRESS}. */
    public static Set<ListingStatus> inProgress() {
        return IN_PROGRESS;
    }
}
