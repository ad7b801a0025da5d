package cn.landmarket.oversight;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An objection as its reader may see it. The objector and the regulators of the listing's region
 * see it whole: bidder number, reasons and answer ({@code mine} tells the objector its own). The
 * seller township sees the outcome only: no bidder number, no reasons, no answer.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ObjectionView(long id, long listingId, String listingNo, ObjectionStatus status,
        OffsetDateTime lodgedAt, OffsetDateTime periodEnds, String bidderNo, String reasons,
        OffsetDateTime answeredAt, String answer, boolean settlementSuspended, Long suspendedTradeId,
        OffsetDateTime liftedAt, Boolean mine) {

    /** How much of an objection a reader sees. */
    enum Visibility {
        /** The objector and regulators of the region. */
        FULL,
        /** The seller township: the outcome only. */
        OUTCOME
    }

    static ObjectionView of(Objection o, String listingNo, Visibility visibility, Boolean mine, ZoneId zone) {
        boolean full = visibility == Visibility.FULL;
        return new ObjectionView(o.id, o.listingId, listingNo, o.status, at(o.lodgedAt, zone), at(o.periodEnds, zone),
                full ? o.bidderNo : null, full ? o.reasons : null, at(o.answeredAt, zone), full ? o.answer : null,
                o.suspendsNow(), o.suspendedTradeId, at(o.liftedAt, zone), mine);
    }

    private static OffsetDateTime at(java.time.Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
