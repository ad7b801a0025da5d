package cn.landmarket.listing;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * The dates a listing's rules derive from its schedule ({@link ListingRules#dates}): the earliest
 * start of bidding after the announcement, the earliest last day of the listing, and the latest day
 * registration may close. Each is null while the time it is counted from is not yet given.
 */
public record ListingDates(OffsetDateTime earliestStart, LocalDate earliestEnd, LocalDate latestRegistration) {
}
