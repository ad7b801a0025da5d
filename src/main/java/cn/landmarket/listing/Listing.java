package cn.landmarket.listing;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.landmarket.asset.AssetType;
import cn.landmarket.asset.LandUse;
import cn.landmarket.asset.Quantity;

/** A lot offered for sale by a township, with its sale terms and where it stands in its lifecycle. */
@Entity
@Table(name = "listing")
public class Listing {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "listing_seq")
    @SequenceGenerator(name = "listing_seq", sequenceName = "listing_seq", allocationSize = 50)
    public Long id;

    @Column(name = "listing_no")
    public String listingNo;

    public String title;

    public String description;

    @Column(name = "certificate_id")
    public long certificateId;

    @Column(name = "seller_code")
    public String sellerCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "asset_type")
    public AssetType assetType;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "lot_area_m2")
    public long lotAreaM2;

    @Column(name = "lot_paddy_area_m2")
    public Long lotPaddyAreaM2;

    @Column(name = "lot_grain_capacity_kg")
    public Long lotGrainCapacityKg;

    @Enumerated(EnumType.STRING)
    @Column(name = "land_use")
    public LandUse landUse;

    @Column(name = "term_years")
    public Short termYears;

    @Column(name = "start_price_fen")
    public long startPriceFen;

    @Column(name = "increment_fen")
    public long incrementFen;

    @Column(name = "deposit_fen")
    public long depositFen;

    @Column(name = "price_cap_fen")
    public Long priceCapFen;

    @Column(name = "reserve_price_fen")
    public Long reservePriceFen;

    @Column(name = "announce_at")
    public Instant announceAt;

    @Column(name = "registration_deadline")
    public Instant registrationDeadline;

    @Column(name = "listing_start")
    public Instant listingStart;

    @Column(name = "listing_end")
    public Instant listingEnd;

    @Column(name = "countdown_seconds")
    public int countdownSeconds;

    /** How the lot is sold (domain.md, "Sale formats"); fixed at drafting. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sale_format")
    public SaleFormat saleFormat = SaleFormat.OPEN_ASCENDING;

    /** A sealed quotation's end of the reveal window, when it is opened; null for open ascending bids. */
    @Column(name = "reveal_deadline")
    public Instant revealDeadline;

    /** What happens when an accepted bid reaches the price cap (domain.md, "Sale formats"); fixed at drafting. */
    @Enumerated(EnumType.STRING)
    @Column(name = "cap_action")
    public CapAction capAction = CapAction.END_SALE;

    /** A lottery at the cap: minutes of its entry window, fixed at drafting; null without a lottery. */
    @Column(name = "lottery_entry_minutes")
    public Integer lotteryEntryMinutes;

    /** A lottery at the cap: minutes of its reveal window after the entry window, fixed at drafting. */
    @Column(name = "lottery_reveal_minutes")
    public Integer lotteryRevealMinutes;

    /** The end of the lottery round's entry window, from the moment a bid reached the cap; else null. */
    @Column(name = "lottery_entry_deadline")
    public Instant lotteryEntryDeadline;

    /** The end of the lottery round's reveal window, when the lots are drawn; null until the round opens. */
    @Column(name = "lottery_reveal_deadline")
    public Instant lotteryRevealDeadline;

    /**
     * Whether the lot is offered to the runner-up when the winner defaults (domain.md, "After the
     * sale"); fixed at drafting.
     */
    @Column(name = "runner_up_award")
    public boolean runnerUpAward;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "eligible_regions")
    public List<String> eligibleRegions;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "payment_terms")
    public PaymentTerms paymentTerms;

    @Enumerated(EnumType.STRING)
    public ListingStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "suspended_from")
    public ListingStatus suspendedFrom;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "status_reason")
    public String statusReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "reviewed_at")
    public Instant reviewedAt;

    @Column(name = "reviewed_by")
    public String reviewedBy;

    @Column(name = "announced_at")
    public Instant announcedAt;

    /** During timed bidding: when the countdown runs out unless another bid restarts it. */
    @Column(name = "countdown_deadline")
    public Instant countdownDeadline;

    @Column(name = "highest_bid_fen")
    public Long highestBidFen;

    @Column(name = "bid_count")
    public int bidCount;

    @Column(name = "winning_bid_id")
    public Long winningBidId;

    @Column(name = "closed_at")
    public Instant closedAt;

    /** The failed listing whose lot this one relists, if any. */
    @Column(name = "relisted_from")
    public Long relistedFrom;

    /** The listing that relists this failed one's lot, if any (at most one). */
    @Column(name = "relisted_as")
    public Long relistedAs;

    @Version
    public long version;

    /** Whether the lot is sold by a sealed one-time quotation. */
    public boolean isSealed() {
        return saleFormat == SaleFormat.SEALED_QUOTATION;
    }

    /** Whether a bid at the price cap opens a lottery round instead of ending the sale. */
    public boolean drawsLotsAtCap() {
        return capAction == CapAction.LOTTERY;
    }

    /** The quantity this listing freezes on its certificate. */
    public Quantity lot() {
        return new Quantity(lotAreaM2, lotPaddyAreaM2, lotGrainCapacityKg);
    }

    /** Whether the public may see it: from its announcement on. */
    public boolean isPublic() {
        return announcedAt != null;
    }

    /**
     * The sale terms as audit facts: seller, certificate, lot, prices in fen, schedule, countdown,
     * sale format, cap action (with a lottery's window lengths), runner-up award, description, eligible regions and payment terms. The reserve price is left out: it is secret until the close, whose entry carries it.
     */
    public Map<String, Object> termsFacts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingNo", listingNo);
        facts.put("sellerCode", sellerCode);
        facts.put("certificateId", certificateId);
        facts.put("assetType", assetType.name());
        facts.put("regionCode", regionCode);
        facts.put("title", title);
        facts.put("lotAreaM2", lotAreaM2);
        facts.put("lotPaddyAreaM2", lotPaddyAreaM2);
        facts.put("lotGrainCapacityKg", lotGrainCapacityKg);
        facts.put("termYears", termYears == null ? null : termYears.intValue());
        facts.put("startPriceFen", startPriceFen);
        facts.put("incrementFen", incrementFen);
        facts.put("depositFen", depositFen);
        facts.put("priceCapFen", priceCapFen);
        facts.put("hasReservePrice", reservePriceFen != null);
        facts.put("countdownSeconds", countdownSeconds);
        facts.put("saleFormat", saleFormat.name());
        facts.put("capAction", capAction.name());
        if (drawsLotsAtCap()) {
            facts.put("lotteryEntryMinutes", lotteryEntryMinutes);
            facts.put("lotteryRevealMinutes", lotteryRevealMinutes);
        }
        facts.put("runnerUpAward", runnerUpAward);
        facts.put("description", description);
        facts.put("landUse", landUse == null ? null : landUse.name());
        facts.put("eligibleRegions", eligibleRegions == null ? List.of() : List.copyOf(eligibleRegions));
        facts.put("paymentTerms", paymentTermsFacts());
        facts.putAll(scheduleFacts());
        return facts;
    }

    private Map<String, Object> paymentTermsFacts() {
        if (paymentTerms == null) {
            return null;
        }
        Map<String, Object> facts = new HashMap<>();
        facts.put("mode", paymentTerms.mode() == null ? null : paymentTerms.mode().name());
        facts.put("confirmWithinWorkingDays", paymentTerms.confirmWithinWorkingDays());
        facts.put("firstSharePercent", paymentTerms.firstSharePercent());
        facts.put("firstDueDays", paymentTerms.firstDueDays());
        facts.put("balanceDueDays", paymentTerms.balanceDueDays());
        return facts;
    }

    /**
     * The schedule as audit facts: announcement, registration deadline, listing start and end,
     * countdown deadline, a sealed quotation's reveal deadline, and an open lottery round's deadlines.
     */
    public Map<String, Object> scheduleFacts() {
        Map<String, Object> facts = new HashMap<>();
        facts.put("announceAt", text(announceAt));
        facts.put("registrationDeadline", text(registrationDeadline));
        facts.put("listingStart", text(listingStart));
        facts.put("listingEnd", text(listingEnd));
        facts.put("countdownDeadline", text(countdownDeadline));
        if (revealDeadline != null) {
            facts.put("revealDeadline", text(revealDeadline));
        }
        if (lotteryEntryDeadline != null) {
            facts.put("lotteryEntryDeadline", text(lotteryEntryDeadline));
            facts.put("lotteryRevealDeadline", text(lotteryRevealDeadline));
        }
        return facts;
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
