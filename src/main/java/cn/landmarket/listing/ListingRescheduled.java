package cn.landmarket.listing;

import java.time.Instant;

/**
 * Fired inside the transaction that moves a listing's moments (the end of a suspension), so that
 * whatever copies them, such as registrations' deposit deadlines, follows.
 */
public record ListingRescheduled(long listingId, Instant registrationDeadline) {
}
