package cn.landmarket.auction;

import java.time.OffsetDateTime;

import cn.landmarket.common.Money;
import cn.landmarket.listing.ListingStatus;

/**
 * Proof that a bid was accepted: its id, amount, the server time of acceptance, its place in the
 * listing's bid sequence, and the deadline it leaves (listing end, or the restarted countdown).
 */
public record BidReceipt(long bidId, long listingId, String bidderNo, Money amount, OffsetDateTime acceptedAt,
        int sequence, ListingStatus phase, OffsetDateTime deadline) {
}
