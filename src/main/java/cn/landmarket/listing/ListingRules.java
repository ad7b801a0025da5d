package cn.landmarket.listing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import cn.landmarket.asset.AssetType;
import cn.landmarket.asset.Certificate;
import cn.landmarket.asset.CertificateRules;
import cn.landmarket.calendar.WorkingDayCalendar;
import cn.landmarket.common.Money;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.time.ApiTime;

/**
 * The rules a listing's terms must meet before it may be drafted, submitted or approved
 * (domain.md, "Listing lifecycle" and "Bidding"), with the numbers of the deployment's configuration.
 */
public final class ListingRules {

    private final MarketConfig.Rules rules;
    private final ZoneId zone;

    public ListingRules(MarketConfig.Rules rules, ZoneId zone) {
        this.rules = rules;
        this.zone = zone;
    }

    /**
     * Every rule the terms break, as field violations; empty when they may stand.
     *
     * @param announceMayBePast true at approval, when a scheduled announcement time already passed
     *        means "announce now" and the announcement period is counted from {@code now}
     */
    public List<FieldViolation> check(ListingRequest r, Certificate c, WorkingDayCalendar calendar, Instant now,
            boolean announceMayBePast) {
        List<FieldViolation> v = new ArrayList<>();
        checkLot(r, c, v);
        checkMoney(r, v);
        checkTimes(r, c, calendar, now, announceMayBePast, v);
        checkPaymentTerms(r.paymentTerms(), v);
        checkFormat(r, v);
        if (r.eligibleRegions() != null && new HashSet<>(r.eligibleRegions()).size() != r.eligibleRegions().size()) {
            v.add(FieldViolation.of("eligibleRegions", MessageKey.LISTING_REGIONS_REPEATED));
        }
        return v;
    }

    /** {@link #check}, raising every failure as one 400. */
    public void require(ListingRequest r, Certificate c, WorkingDayCalendar calendar, Instant now, boolean atApproval) {
        List<FieldViolation> violations = check(r, c, calendar, now, atApproval);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }

    /**
     * The terms a relist of a failed listing is drafted with: the failed listing's lot, title,
     * increment, countdown, regions, payment terms, sale format and runner-up award, the new schedule,
     * the start price, deposit and price cap given (else the failed listing's), and the reserve given
     * or none. The failed listing's reserve was published at its close, so it is never carried over.
     */
    public static ListingRequest relistTerms(Listing failed, RelistRequest r) {
        Money start = r.startPrice() != null ? r.startPrice() : Money.ofFen(failed.startPriceFen);
        Money deposit = r.deposit() != null ? r.deposit() : Money.ofFen(failed.depositFen);
        Money cap = r.priceCap() != null ? r.priceCap()
                : failed.priceCapFen == null ? null : Money.ofFen(failed.priceCapFen);
        return new ListingRequest(failed.certificateId, failed.title, failed.description, failed.lotAreaM2,
                failed.lotPaddyAreaM2, failed.lotGrainCapacityKg,
                failed.termYears == null ? null : failed.termYears.intValue(), start, Money.ofFen(failed.incrementFen),
                deposit, cap, r.reservePrice(), r.announceAt(), r.registrationDeadline(), r.listingStart(),
                r.listingEnd(), failed.countdownSeconds, failed.eligibleRegions, failed.paymentTerms,
                failed.saleFormat, failed.capAction, failed.runnerUpAward);
    }

    /**
     * Every rule a relist's terms break: the start price may be at most the configured percentage
     * below the failed listing's, and the terms must meet {@link #check} like any draft (so the
     * deposit and price cap are measured against the new start price).
     */
    public List<FieldViolation> checkRelist(long failedStartPriceFen, ListingRequest r, Certificate c,
            WorkingDayCalendar calendar, Instant now) {
        List<FieldViolation> v = new ArrayList<>();
        int reduction = rules.relistMaxReductionPercent();
        if (r.startPrice() != null
                && !r.startPrice().isAtLeastPercentOf(Money.ofFen(failedStartPriceFen), 100 - reduction)) {
            v.add(FieldViolation.of("startPrice", MessageKey.LISTING_RELIST_PRICE_TOO_LOW, reduction));
        }
        v.addAll(check(r, c, calendar, now, false));
        return v;
    }

    /**
     * A sealed quotation (domain.md, "Sale formats") has one round and no bid that can reach a cap,
     * so it takes no price cap. Its increment and countdown are still required and checked as for
     * any listing, and play no part. A lottery at the cap needs a cap to reach and open bids to
     * reach it: only an open ascending listing with a price cap may choose {@link CapAction#LOTTERY}.
     */
    private static void checkFormat(ListingRequest r, List<FieldViolation> v) {
        if (r.format() == SaleFormat.SEALED_QUOTATION && r.priceCap() != null) {
            v.add(FieldViolation.of("priceCap", MessageKey.LISTING_SEALED_NO_CAP));
        }
        if (r.capActionOrDefault() == CapAction.LOTTERY) {
            if (r.format() != SaleFormat.OPEN_ASCENDING) {
                v.add(FieldViolation.of("capAction", MessageKey.LISTING_LOTTERY_NEEDS_OPEN));
            } else if (r.priceCap() == null) {
                v.add(FieldViolation.of("capAction", MessageKey.LISTING_LOTTERY_NEEDS_CAP));
            }
        }
    }

    private void checkLot(ListingRequest r, Certificate c, List<FieldViolation> v) {
        boolean farmland = c.assetType == AssetType.FARMLAND_COMPENSATION;
        boolean parcel = c.assetType == AssetType.COLLECTIVE_PARCEL;
        CertificateRules.applies(v, "lotPaddyAreaM2", r.lotPaddyAreaM2(), farmland, c.assetType);
        CertificateRules.applies(v, "lotGrainCapacityKg", r.lotGrainCapacityKg(), farmland, c.assetType);
        CertificateRules.applies(v, "termYears", r.termYears(), parcel, c.assetType);
        if (farmland && r.lotPaddyAreaM2() != null && r.lotPaddyAreaM2() > r.lotAreaM2()) {
            v.add(FieldViolation.of("lotPaddyAreaM2", MessageKey.LISTING_PADDY_EXCEEDS_LOT));
        }
        if (parcel) {
            if (r.lotAreaM2() != c.areaM2) {
                v.add(FieldViolation.of("lotAreaM2", MessageKey.LISTING_PARCEL_WHOLE, c.areaM2));
            }
            Integer legal = c.landUse == null ? null : rules.maxTermYears().get(c.landUse.name());
            int allowed = Math.min(c.maxTermYears == null ? Integer.MAX_VALUE : c.maxTermYears,
                    legal == null ? Integer.MAX_VALUE : legal);
            if (r.termYears() != null && r.termYears() > allowed) {
                v.add(FieldViolation.of("termYears", MessageKey.LISTING_TERM_TOO_LONG, allowed, c.landUse));
            }
            if (c.collectiveVote == null
                    || !c.collectiveVote.approvedBy(rules.collectiveVoteNumerator(), rules.collectiveVoteDenominator())) {
                v.add(FieldViolation.of("certificateId", MessageKey.LISTING_VOTE_INSUFFICIENT,
                        rules.collectiveVoteNumerator(), rules.collectiveVoteDenominator()));
            }
        }
    }

    private void checkMoney(ListingRequest r, List<FieldViolation> v) {
        Money start = r.startPrice();
        Money increment = r.increment();
        Money deposit = r.deposit();
        if (start == null || increment == null || deposit == null) {
            return;
        }
        if (start.fen() == 0) {
            v.add(FieldViolation.of("startPrice", MessageKey.LISTING_PRICE_POSITIVE));
            return;
        }
        if (increment.fen() == 0) {
            v.add(FieldViolation.of("increment", MessageKey.LISTING_PRICE_POSITIVE));
        }
        if (!deposit.isAtLeastPercentOf(start, rules.depositMinPercent())) {
            v.add(FieldViolation.of("deposit", MessageKey.LISTING_DEPOSIT_TOO_LOW, rules.depositMinPercent(),
                    start.percent(rules.depositMinPercent()).toYuan()));
        } else if (deposit.compareTo(start.percent(rules.depositMaxPercent())) > 0) {
            v.add(FieldViolation.of("deposit", MessageKey.LISTING_DEPOSIT_TOO_HIGH, rules.depositMaxPercent(),
                    start.percent(rules.depositMaxPercent()).toYuan()));
        }
        Money cap = r.priceCap();
        if (cap != null) {
            if (cap.compareTo(start.plus(increment)) < 0) {
                v.add(FieldViolation.of("priceCap", MessageKey.LISTING_CAP_TOO_LOW, start.plus(increment).toYuan()));
            } else if (cap.compareTo(start.percent(rules.priceCapMaxPercent())) > 0) {
                v.add(FieldViolation.of("priceCap", MessageKey.LISTING_CAP_TOO_HIGH, rules.priceCapMaxPercent(),
                        start.percent(rules.priceCapMaxPercent()).toYuan()));
            }
        }
        Money reserve = r.reservePrice();
        if (reserve != null) {
            if (reserve.compareTo(start) < 0) {
                v.add(FieldViolation.of("reservePrice", MessageKey.LISTING_RESERVE_BELOW_START));
            } else if (cap != null && reserve.compareTo(cap) > 0) {
                v.add(FieldViolation.of("reservePrice", MessageKey.LISTING_RESERVE_ABOVE_CAP));
            }
        }
    }

    private void checkTimes(ListingRequest r, Certificate c, WorkingDayCalendar calendar, Instant now,
            boolean announceMayBePast, List<FieldViolation> v) {
        if (r.announceAt() == null || r.listingStart() == null || r.listingEnd() == null
                || r.registrationDeadline() == null) {
            return;
        }
        Instant announce = r.announceAt().toInstant();
        Instant start = r.listingStart().toInstant();
        Instant end = r.listingEnd().toInstant();
        Instant registration = r.registrationDeadline().toInstant();
        if (announce.isBefore(now)) {
            if (!announceMayBePast) {
                v.add(FieldViolation.of("announceAt", MessageKey.LISTING_ANNOUNCE_IN_PAST));
            }
            announce = now;
        }
        Instant earliestStart = earliestStart(announce);
        if (start.isBefore(earliestStart)) {
            v.add(FieldViolation.of("listingStart", MessageKey.LISTING_ANNOUNCEMENT_TOO_SHORT, rules.announcementMinDays(),
                    ApiTime.format(earliestStart, zone)));
        }
        if (!end.isAfter(start)) {
            v.add(FieldViolation.of("listingEnd", MessageKey.LISTING_END_BEFORE_START));
            return;
        }
        LocalDate startDay = day(start);
        LocalDate endDay = day(end);
        if (calendar.workingDaysBetween(startDay, endDay) < rules.listingMinWorkingDays()) {
            v.add(FieldViolation.of("listingEnd", MessageKey.LISTING_LISTING_TOO_SHORT, rules.listingMinWorkingDays(),
                    earliestEnd(startDay, calendar).toString()));
        }
        if (!registration.isAfter(announce)) {
            v.add(FieldViolation.of("registrationDeadline", MessageKey.LISTING_REGISTRATION_BEFORE_ANNOUNCEMENT));
        } else {
            LocalDate latest = latestRegistration(endDay, calendar);
            if (day(registration).isAfter(latest)) {
                v.add(FieldViolation.of("registrationDeadline", MessageKey.LISTING_REGISTRATION_TOO_LATE,
                        rules.registrationMinWorkingDaysBeforeEnd(), latest.toString()));
            }
        }
        if (r.countdownSeconds() != null && (r.countdownSeconds() < rules.countdownMinSeconds()
                || r.countdownSeconds() > rules.countdownMaxSeconds())) {
            v.add(FieldViolation.of("countdownSeconds", MessageKey.LISTING_COUNTDOWN_RANGE, rules.countdownMinSeconds(),
                    rules.countdownMaxSeconds()));
        }
        if (c.assetType == AssetType.LINKAGE_SURPLUS && c.validUntil != null && c.validUntil.isBefore(endDay)) {
            v.add(FieldViolation.of("listingEnd", MessageKey.LISTING_INDICATOR_EXPIRES, c.validUntil.toString()));
        }
        if (c.assetType == AssetType.COLLECTIVE_PARCEL) {
            LocalDate latestFiling = calendar.subtractWorkingDays(startDay, rules.collectiveFilingMinWorkingDays());
            if (c.countyFilingDate == null || c.countyFilingDate.isAfter(latestFiling)) {
                v.add(FieldViolation.of("listingStart", MessageKey.LISTING_FILING_TOO_LATE,
                        rules.collectiveFilingMinWorkingDays(), String.valueOf(c.countyFilingDate)));
            }
        }
    }

    /**
     * The dates the rules derive from the terms' schedule, as {@link #check} measures a draft (each
     * null while the time it is counted from is missing): the earliest start of bidding after the
     * announcement, the earliest last day of the listing after its start (in working days), and the
     * latest day registration may close before its end (in working days).
     */
    public ListingDates dates(ListingRequest r, WorkingDayCalendar calendar) {
        OffsetDateTime earliestStart = r.announceAt() == null ? null
                : earliestStart(r.announceAt().toInstant()).atZone(zone).toOffsetDateTime();
        LocalDate earliestEnd = r.listingStart() == null ? null : earliestEnd(day(r.listingStart().toInstant()), calendar);
        LocalDate latestRegistration = r.listingEnd() == null ? null
                : latestRegistration(day(r.listingEnd().toInstant()), calendar);
        return new ListingDates(earliestStart, earliestEnd, latestRegistration);
    }

    private Instant earliestStart(Instant announce) {
        return announce.plus(Duration.ofDays(rules.announcementMinDays()));
    }

    private LocalDate earliestEnd(LocalDate startDay, WorkingDayCalendar calendar) {
        return calendar.addWorkingDays(startDay, rules.listingMinWorkingDays());
    }

    private LocalDate latestRegistration(LocalDate endDay, WorkingDayCalendar calendar) {
        return calendar.subtractWorkingDays(endDay, rules.registrationMinWorkingDaysBeforeEnd());
    }

    private void checkPaymentTerms(PaymentTerms p, List<FieldViolation> v) {
        if (p == null || p.mode() == null || p.confirmWithinWorkingDays() == null || p.firstSharePercent() == null
                || p.firstDueDays() == null) {
            return;
        }
        if (p.confirmWithinWorkingDays() < rules.confirmationMinWorkingDays()
                || p.confirmWithinWorkingDays() > rules.confirmationMaxWorkingDays()) {
            v.add(FieldViolation.of("paymentTerms.confirmWithinWorkingDays", MessageKey.LISTING_CONFIRMATION_RANGE,
                    rules.confirmationMinWorkingDays(), rules.confirmationMaxWorkingDays()));
        }
        if (p.firstDueDays() > rules.paymentMaxDays()) {
            v.add(FieldViolation.of("paymentTerms.firstDueDays", MessageKey.LISTING_PAYMENT_TOO_LATE, rules.paymentMaxDays()));
        }
        if (p.mode() == PaymentTerms.Mode.FULL) {
            if (p.firstSharePercent() != 100) {
                v.add(FieldViolation.of("paymentTerms.firstSharePercent", MessageKey.LISTING_FULL_PAYMENT_SHARE));
            }
            if (p.balanceDueDays() != null) {
                v.add(FieldViolation.of("paymentTerms.balanceDueDays", MessageKey.LISTING_FULL_PAYMENT_BALANCE));
            }
            return;
        }
        if (p.firstSharePercent() < rules.instalmentFirstShareMinPercent() || p.firstSharePercent() > 99) {
            v.add(FieldViolation.of("paymentTerms.firstSharePercent", MessageKey.LISTING_FIRST_SHARE_RANGE,
                    rules.instalmentFirstShareMinPercent()));
        }
        if (p.balanceDueDays() == null || p.balanceDueDays() <= p.firstDueDays()) {
            v.add(FieldViolation.of("paymentTerms.balanceDueDays", MessageKey.LISTING_BALANCE_AFTER_FIRST));
        } else if (p.balanceDueDays() > rules.paymentMaxDays()) {
            v.add(FieldViolation.of("paymentTerms.balanceDueDays", MessageKey.LISTING_PAYMENT_TOO_LATE, rules.paymentMaxDays()));
        }
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(zone).toLocalDate();
    }
}
