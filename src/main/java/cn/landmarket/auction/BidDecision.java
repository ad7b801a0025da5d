package cn.landmarket.auction;

import java.time.Instant;

import cn.landmarket.common.error.MessageKey;
import cn.landmarket.listing.ListingStatus;

/** What the rules say about one bid: accepted at a sequence number with a deadline, or rejected and why. */
public sealed interface BidDecision {

    /** The bid stands: its place in the listing's bid sequence and the deadline it leaves. */
    record Accepted(int sequence, ListingStatus phase, Instant deadline, boolean capReached) implements BidDecision {
    }

    /**
     * The bid is refused; {@code reasonKey} is the i18n key, {@code minimumFen} the lowest amount that
     * would have been accepted (null where no amount would help).
     */
    record Rejected(MessageKey reasonKey, Long minimumFen) implements BidDecision {
    }
}
