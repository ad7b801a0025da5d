package cn.landmarket.listing;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** One status change of a listing as the API shows it. */
public record ListingHistoryView(ListingStatus from, ListingStatus to, OffsetDateTime at, String actor, String reason) {

    static ListingHistoryView of(ListingHistory h, ZoneId zone) {
        return new ListingHistoryView(h.fromStatus, h.toStatus, ListingView.at(h.at, zone), h.actor, h.reason);
    }
}
