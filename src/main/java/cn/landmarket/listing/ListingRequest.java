package cn.landmarket.listing;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import cn.landmarket.common.Money;
import cn.landmarket.party.ValidDivisionCode;
import cn.landmarket.party.ValidDivisionCode.Kind;

/**
 * A township's draft of a listing: which certificate and how much of it, and the sale terms. Money
 * is yuan as a decimal string ("1200000.00"); times are ISO-8601 with an offset. Without a
 * {@code saleFormat} the lot is sold by open ascending bids; without a {@code capAction} a bid at the
 * price cap ends the sale; without {@code runnerUpAward} (or with false) a winner's default releases the
 * lot instead of offering it to the runner-up.
 */
public record ListingRequest(
        @NotNull @Positive Long certificateId,
        @NotBlank @Size(max = 200) String title,
        @Size(max = 4000) String description,
        @NotNull @Positive @Max(10_000_000_000L) Long lotAreaM2,
        @PositiveOrZero @Max(10_000_000_000L) Long lotPaddyAreaM2,
        @PositiveOrZero @Max(100_000_000_000L) Long lotGrainCapacityKg,
        @Min(1) @Max(70) Integer termYears,
        @NotNull Money startPrice,
        @NotNull Money increment,
        @NotNull Money deposit,
        Money priceCap,
        Money reservePrice,
        @NotNull OffsetDateTime announceAt,
        @NotNull OffsetDateTime registrationDeadline,
        @NotNull OffsetDateTime listingStart,
        @NotNull OffsetDateTime listingEnd,
        @NotNull @Min(1) @Max(86_400) Integer countdownSeconds,
        @Size(max = 50) List<@NotNull @ValidDivisionCode(Kind.REGION_PREFIX) String> eligibleRegions,
        @NotNull @Valid PaymentTerms paymentTerms,
        SaleFormat saleFormat,
        CapAction capAction,
        Boolean runnerUpAward) {

    /** Terms without a sale format: sold by open ascending bids, as every listing was before formats existed. */
    public ListingRequest(Long certificateId, String title, String description, Long lotAreaM2, Long lotPaddyAreaM2,
            Long lotGrainCapacityKg, Integer termYears, Money startPrice, Money increment, Money deposit,
            Money priceCap, Money reservePrice, OffsetDateTime announceAt, OffsetDateTime registrationDeadline,
            OffsetDateTime listingStart, OffsetDateTime listingEnd, Integer countdownSeconds,
            List<String> eligibleRegions, PaymentTerms paymentTerms) {
        this(certificateId, title, description, lotAreaM2, lotPaddyAreaM2, lotGrainCapacityKg, termYears, startPrice,
                increment, deposit, priceCap, reservePrice, announceAt, registrationDeadline, listingStart, listingEnd,
                countdownSeconds, eligibleRegions, paymentTerms, null, null, null);
    }

    /** Terms with a sale format, no cap action and no runner-up award. */
    public ListingRequest(Long certificateId, String title, String description, Long lotAreaM2, Long lotPaddyAreaM2,
            Long lotGrainCapacityKg, Integer termYears, Money startPrice, Money increment, Money deposit,
            Money priceCap, Money reservePrice, OffsetDateTime announceAt, OffsetDateTime registrationDeadline,
            OffsetDateTime listingStart, OffsetDateTime listingEnd, Integer countdownSeconds,
            List<String> eligibleRegions, PaymentTerms paymentTerms, SaleFormat saleFormat) {
        this(certificateId, title, description, lotAreaM2, lotPaddyAreaM2, lotGrainCapacityKg, termYears, startPrice,
                increment, deposit, priceCap, reservePrice, announceAt, registrationDeadline, listingStart, listingEnd,
                countdownSeconds, eligibleRegions, paymentTerms, saleFormat, null, null);
    }

    /** Whether the lot is offered to the runner-up when the winner defaults; false when not named. */
    public boolean awardsRunnerUp() {
        return Boolean.TRUE.equals(runnerUpAward);
    }

    /** The sale format named, {@link SaleFormat#OPEN_ASCENDING} when none is. */
    public SaleFormat format() {
        return SaleFormat.orDefault(saleFormat);
    }

    /** The cap action named, {@link CapAction#END_SALE} when none is. */
    public CapAction capActionOrDefault() {
        return CapAction.orDefault(capAction);
    }

    /** The terms of a listing as its township would send them, to check them again (at submission, at approval). */
    static ListingRequest of(Listing l, java.time.ZoneId zone) {
        ListingView v = ListingView.of(l, ListingView.Visibility.FULL, zone);
        return new ListingRequest(l.certificateId, l.title, l.description, l.lotAreaM2, l.lotPaddyAreaM2,
                l.lotGrainCapacityKg, v.termYears(), v.startPrice(), v.increment(), v.deposit(), v.priceCap(),
                v.reservePrice(), v.announceAt(), v.registrationDeadline(), v.listingStart(), v.listingEnd(),
                l.countdownSeconds, l.eligibleRegions, l.paymentTerms, l.saleFormat, l.capAction, l.runnerUpAward);
    }
}
