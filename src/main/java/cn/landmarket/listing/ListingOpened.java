package cn.landmarket.listing;

import java.time.Instant;

/**
 * Fired inside the transaction in which the timeline opens a listing for bidding (announced →
 * listing), so that whoever tells the watchers about it (the live feed) does so exactly when it commits.
 */
public record ListingOpened(long listingId, Instant listingEnd, Instant at) {
}
