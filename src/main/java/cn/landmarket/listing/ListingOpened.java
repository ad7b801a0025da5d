package cn.landmarket.listing;

import java.time.Instant;

/**
 * A listing's bidding opened on schedule (ANNOUNCED → LISTING), fired inside the transaction that
 * moved it, so features above this one can react (the live feed tells the rooms watching it).
 */
public record ListingOpened(long listingId, Instant at) {
}
