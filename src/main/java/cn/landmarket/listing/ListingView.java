package cn.landmarket.listing;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.landmarket.asset.AssetType;
import cn.landmarket.asset.LandUse;
import cn.landmarket.common.Area;
import cn.landmarket.common.Money;

/**
 * A listing as one caller may see it. The secret reserve price is present only for the owning
 * township and regulators until the close, for everyone after it; review details only for the
 * platform's own roles and the owner. A relisted lot links both ways: {@code relistedFrom} on the
 * new listing, {@code relistedAs} on the failed one. The sale format is shown to everyone, with a
 * sealed quotation's reveal deadline, and so is the action at the price cap, with a lottery's window
 * lengths and, once its round is open, its entry and reveal deadlines (domain.md, "Sale formats"), and
 * whether a winner's default offers the lot to the runner-up ({@code runnerUpAward}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListingView(
        long id,
        String listingNo,
        String title,
        String description,
        ListingStatus status,
        ListingStatus suspendedFrom,
        String statusReason,
        long certificateId,
        String sellerCode,
        AssetType assetType,
        String regionCode,
        Area lotArea,
        Area lotPaddyArea,
        Long lotGrainCapacityKg,
        LandUse landUse,
        Integer termYears,
        Money startPrice,
        Money increment,
        Money deposit,
        Money priceCap,
        boolean hasReservePrice,
        Money reservePrice,
        OffsetDateTime announceAt,
        OffsetDateTime registrationDeadline,
        OffsetDateTime listingStart,
        OffsetDateTime listingEnd,
        int countdownSeconds,
        List<String> eligibleRegions,
        PaymentTerms paymentTerms,
        OffsetDateTime createdAt,
        OffsetDateTime submittedAt,
        OffsetDateTime reviewedAt,
        String reviewedBy,
        OffsetDateTime announcedAt,
        OffsetDateTime suspendedAt,
        Money highestBid,
        int bidCount,
        OffsetDateTime countdownDeadline,
        OffsetDateTime closedAt,
        Long relistedFrom,
        Long relistedAs,
        SaleFormat saleFormat,
        OffsetDateTime revealDeadline,
        CapAction capAction,
        Integer lotteryEntryMinutes,
        Integer lotteryRevealMinutes,
        OffsetDateTime lotteryEntryDeadline,
        OffsetDateTime lotteryRevealDeadline,
        boolean runnerUpAward) {

    /** How much of a listing a caller may see. */
    public enum Visibility {
        /** The public and enterprises: no reserve, no review details. */
        PUBLIC,
        /** Operators: review details, no reserve. */
        PLATFORM,
        /** The owning township and regulators: everything. */
        FULL
    }

    /** Statuses after the close, when the reserve price is published with the result. */
    private static final java.util.Set<ListingStatus> CLOSED = java.util.EnumSet.of(ListingStatus.SOLD,
            ListingStatus.UNSOLD, ListingStatus.AWAITING_PAYMENT, ListingStatus.SETTLED, ListingStatus.DEFAULTED);

    static ListingView of(Listing l, Visibility visibility, ZoneId zone) {
        boolean full = visibility == Visibility.FULL || CLOSED.contains(l.status);
        boolean internal = visibility != Visibility.PUBLIC;
        return new ListingView(l.id, l.listingNo, l.title, l.description, l.status, l.suspendedFrom,
                l.statusReason, l.certificateId, l.sellerCode, l.assetType, l.regionCode, Area.of(l.lotAreaM2),
                l.lotPaddyAreaM2 == null ? null : Area.of(l.lotPaddyAreaM2), l.lotGrainCapacityKg, l.landUse,
                l.termYears == null ? null : l.termYears.intValue(), Money.ofFen(l.startPriceFen),
                Money.ofFen(l.incrementFen), Money.ofFen(l.depositFen),
                l.priceCapFen == null ? null : Money.ofFen(l.priceCapFen), l.reservePriceFen != null,
                full && l.reservePriceFen != null ? Money.ofFen(l.reservePriceFen) : null,
                at(l.announceAt, zone), at(l.registrationDeadline, zone), at(l.listingStart, zone),
                at(l.listingEnd, zone), l.countdownSeconds, l.eligibleRegions, l.paymentTerms,
                internal ? at(l.createdAt, zone) : null, internal ? at(l.submittedAt, zone) : null,
                internal ? at(l.reviewedAt, zone) : null, internal ? l.reviewedBy : null, at(l.announcedAt, zone),
                at(l.suspendedAt, zone), l.highestBidFen == null ? null : Money.ofFen(l.highestBidFen), l.bidCount,
                at(l.countdownDeadline, zone), at(l.closedAt, zone), l.relistedFrom, l.relistedAs,
                l.saleFormat, at(l.revealDeadline, zone), l.capAction, l.lotteryEntryMinutes, l.lotteryRevealMinutes,
                at(l.lotteryEntryDeadline, zone), at(l.lotteryRevealDeadline, zone), l.runnerUpAward);
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
