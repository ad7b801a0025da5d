package cn.landmarket.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import cn.landmarket.asset.AssetType;
import cn.landmarket.asset.Certificate;
import cn.landmarket.asset.CollectiveVote;
import cn.landmarket.asset.LandUse;
import cn.landmarket.calendar.WorkingDayCalendar;
import cn.landmarket.common.Money;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class ListingRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final MarketConfig CONFIG = new SmallRyeConfigBuilder()
            .withMapping(MarketConfig.class)
            .withDefaultValue("market.jwt.issuer", "test")
            .withDefaultValue("market.jwt.audience", "test")
            .withDefaultValue("market.rules.max-term-years.INDUSTRIAL", "50")
            .withDefaultValue("market.rules.max-term-years.COMMERCIAL_TOURISM_ENTERTAINMENT", "40")
            .build().unwrap(SmallRyeConfig.class).getConfigMapping(MarketConfig.class);
    private static final ListingRules RULES = new ListingRules(CONFIG.rules(), ZONE);

    /** 2026 National Day: Oct 1-7 off, Sat Oct 10 a make-up working day. */
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(nationalDay());
    private static final Instant NOW = at(2026, 8, 1, 9, 0);

    private static Map<LocalDate, Boolean> nationalDay() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), false);
        }
        days.put(LocalDate.of(2026, 10, 10), true);
        return days;
    }

    private static Instant at(int y, int m, int d, int h, int min) {
        return LocalDateTime.of(y, m, d, h, min).atZone(ZONE).toInstant();
    }

    private static OffsetDateTime odt(Instant instant) {
        return instant.atZone(ZONE).toOffsetDateTime();
    }

    /** Announced 2026-09-01, bidding 2026-09-28 to 2026-10-23, registration closing 2026-10-16. */
    private static ListingRequest valid() {
        return new ListingRequest(1L, "title", null, 66_667L, null, null, null,
                Money.ofYuan("20000000.00"), Money.ofYuan("200000.00"), Money.ofYuan("4000000.00"),
                Money.ofYuan("30000000.00"), Money.ofYuan("22000000.00"),
                odt(at(2026, 9, 1, 9, 0)), odt(at(2026, 10, 16, 17, 0)), odt(at(2026, 9, 28, 9, 0)),
                odt(at(2026, 10, 23, 17, 0)), 300, List.of("51"),
                new PaymentTerms(PaymentTerms.Mode.FULL, 5, 100, 30, null));
    }

    private static ListingRequest with(UnaryOperator<Map<String, Object>> change) {
        ListingRequest v = valid();
        Map<String, Object> m = new HashMap<>();
        m.put("lotAreaM2", v.lotAreaM2());
        m.put("lotPaddyAreaM2", v.lotPaddyAreaM2());
        m.put("lotGrainCapacityKg", v.lotGrainCapacityKg());
        m.put("termYears", v.termYears());
        m.put("startPrice", v.startPrice());
        m.put("increment", v.increment());
        m.put("deposit", v.deposit());
        m.put("priceCap", v.priceCap());
        m.put("reservePrice", v.reservePrice());
        m.put("announceAt", v.announceAt());
        m.put("registrationDeadline", v.registrationDeadline());
        m.put("listingStart", v.listingStart());
        m.put("listingEnd", v.listingEnd());
        m.put("countdownSeconds", v.countdownSeconds());
        m.put("eligibleRegions", v.eligibleRegions());
        m.put("paymentTerms", v.paymentTerms());
        m = change.apply(m);
        return new ListingRequest(1L, "title", null, (Long) m.get("lotAreaM2"), (Long) m.get("lotPaddyAreaM2"),
                (Long) m.get("lotGrainCapacityKg"), (Integer) m.get("termYears"), (Money) m.get("startPrice"),
                (Money) m.get("increment"), (Money) m.get("deposit"), (Money) m.get("priceCap"),
                (Money) m.get("reservePrice"), (OffsetDateTime) m.get("announceAt"),
                (OffsetDateTime) m.get("registrationDeadline"), (OffsetDateTime) m.get("listingStart"),
                (OffsetDateTime) m.get("listingEnd"), (Integer) m.get("countdownSeconds"),
                castList(m.get("eligibleRegions")), (PaymentTerms) m.get("paymentTerms"));
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object o) {
        return (List<String>) o;
    }

    private static Certificate linkage() {
        Certificate c = new Certificate();
        c.assetType = AssetType.LINKAGE_SURPLUS;
        c.areaM2 = 100_000;
        c.validUntil = LocalDate.of(2028, 12, 31);
        return c;
    }

    private static Certificate parcel(int inFavour, int eligible, LocalDate filed) {
        Certificate c = new Certificate();
        c.assetType = AssetType.COLLECTIVE_PARCEL;
        c.areaM2 = 66_667;
        c.landUse = LandUse.INDUSTRIAL;
        c.maxTermYears = 50;
        c.collectiveVote = new CollectiveVote(CollectiveVote.Body.MEMBERS, eligible, inFavour,
                LocalDate.of(2026, 7, 1), "决议1号");
        c.countyFilingDate = filed;
        return c;
    }

    private static List<FieldViolation> check(ListingRequest r, Certificate c) {
        return RULES.check(r, c, CALENDAR, NOW, false);
    }

    private static void assertOnly(List<FieldViolation> violations, String field, MessageKey key) {
        assertEquals(1, violations.size(), () -> "expected one violation, got " + violations);
        assertEquals(field, violations.get(0).field());
        assertEquals(key, violations.get(0).message().key());
    }

    @Test
    void validTermsPassEveryRule() {
        assertEquals(List.of(), check(valid(), linkage()));
    }

    @Test
    void depositOfExactlyTwentyPercentIsEnoughAndOneFenLessIsNot() {
        assertEquals(List.of(), check(with(m -> put(m, "deposit", Money.ofYuan("4000000.00"))), linkage()));
        List<FieldViolation> v = check(with(m -> put(m, "deposit", Money.ofYuan("3999999.99"))), linkage());
        assertOnly(v, "deposit", MessageKey.LISTING_DEPOSIT_TOO_LOW);
        assertEquals(List.of(20, "4000000.00"), v.get(0).message().args());
    }

    @Test
    void depositAboveTheStartPriceIsRejected() {
        assertOnly(check(with(m -> put(m, "deposit", Money.ofYuan("20000000.01"))), linkage()), "deposit",
                MessageKey.LISTING_DEPOSIT_TOO_HIGH);
    }

    @Test
    void capBelowStartPlusIncrementIsRejected() {
        assertOnly(check(with(m -> {
            put(m, "priceCap", Money.ofYuan("20199999.99"));
            return put(m, "reservePrice", null);
        }), linkage()), "priceCap", MessageKey.LISTING_CAP_TOO_LOW);
        List<FieldViolation> atMinimum = check(with(m -> {
            put(m, "priceCap", Money.ofYuan("20200000.00"));
            return put(m, "reservePrice", null);
        }), linkage());
        assertEquals(List.of(), atMinimum);
    }

    @Test
    void capAboveTheConfiguredMaximumIsRejected() {
        assertOnly(check(with(m -> put(m, "priceCap", Money.ofYuan("60000000.01"))), linkage()), "priceCap",
                MessageKey.LISTING_CAP_TOO_HIGH);
    }

    @Test
    void reserveMustLieBetweenStartAndCap() {
        assertOnly(check(with(m -> put(m, "reservePrice", Money.ofYuan("19999999.99"))), linkage()), "reservePrice",
                MessageKey.LISTING_RESERVE_BELOW_START);
        assertOnly(check(with(m -> put(m, "reservePrice", Money.ofYuan("30000000.01"))), linkage()), "reservePrice",
                MessageKey.LISTING_RESERVE_ABOVE_CAP);
    }

    @Test
    void zeroStartPriceIsRejected() {
        assertOnly(check(with(m -> put(m, "startPrice", Money.ZERO)), linkage()), "startPrice",
                MessageKey.LISTING_PRICE_POSITIVE);
    }

    @Test
    void announcementPeriodOfTwentyDaysIsEnoughAndOneMinuteLessIsNot() {
        Instant announce = at(2026, 9, 1, 9, 0);
        assertEquals(List.of(), check(with(m -> put(m, "listingStart", odt(announce.plus(Duration.ofDays(20))))),
                linkage()));
        assertOnly(check(with(m -> put(m, "listingStart",
                odt(announce.plus(Duration.ofDays(20)).minus(Duration.ofMinutes(1))))), linkage()),
                "listingStart", MessageKey.LISTING_ANNOUNCEMENT_TOO_SHORT);
    }

    @Test
    void announcementInThePastIsRejectedAtDraftingButCountsFromNowAtApproval() {
        ListingRequest past = with(m -> put(m, "announceAt", odt(NOW.minus(Duration.ofHours(1)))));
        assertOnly(check(past, linkage()), "announceAt", MessageKey.LISTING_ANNOUNCE_IN_PAST);
        assertEquals(List.of(), RULES.check(past, linkage(), CALENDAR, NOW, true));
        Instant lateApproval = at(2026, 9, 10, 9, 0);
        List<FieldViolation> v = RULES.check(valid(), linkage(), CALENDAR, lateApproval, true);
        assertOnly(v, "listingStart", MessageKey.LISTING_ANNOUNCEMENT_TOO_SHORT);
    }

    @Test
    void listingPeriodCountsWorkingDaysAcrossTheNationalDayHoliday() {
        // From Mon 28 Sep: 29, 30 Sep, 8, 9, 10 (make-up Sat), 12, 13, 14, 15, 16 Oct are working days 1-10.
        ListingRequest tenth = with(m -> {
            put(m, "listingEnd", odt(at(2026, 10, 16, 17, 0)));
            return put(m, "registrationDeadline", odt(at(2026, 10, 13, 17, 0)));
        });
        assertEquals(List.of(), check(tenth, linkage()));
        ListingRequest ninth = with(m -> {
            put(m, "listingEnd", odt(at(2026, 10, 15, 17, 0)));
            return put(m, "registrationDeadline", odt(at(2026, 10, 12, 17, 0)));
        });
        List<FieldViolation> v = check(ninth, linkage());
        assertOnly(v, "listingEnd", MessageKey.LISTING_LISTING_TOO_SHORT);
        assertEquals("2026-10-16", v.get(0).message().args().get(1));
    }

    @Test
    void registrationMustCloseThreeWorkingDaysBeforeTheEnd() {
        // Listing ends Fri 23 Oct: 3 working days earlier is Tue 20 Oct.
        assertEquals(List.of(), check(with(m -> put(m, "registrationDeadline", odt(at(2026, 10, 20, 17, 0)))),
                linkage()));
        List<FieldViolation> v = check(with(m -> put(m, "registrationDeadline", odt(at(2026, 10, 21, 9, 0)))),
                linkage());
        assertOnly(v, "registrationDeadline", MessageKey.LISTING_REGISTRATION_TOO_LATE);
        assertEquals("2026-10-20", v.get(0).message().args().get(1));
    }

    @Test
    void registrationBeforeTheAnnouncementIsRejected() {
        assertOnly(check(with(m -> put(m, "registrationDeadline", odt(at(2026, 8, 30, 9, 0)))), linkage()),
                "registrationDeadline", MessageKey.LISTING_REGISTRATION_BEFORE_ANNOUNCEMENT);
    }

    @Test
    void endBeforeStartIsRejected() {
        List<FieldViolation> v = check(with(m -> put(m, "listingEnd", odt(at(2026, 9, 28, 8, 0)))), linkage());
        assertTrue(v.stream().anyMatch(x -> x.message().key() == MessageKey.LISTING_END_BEFORE_START), v::toString);
    }

    @Test
    void countdownOutsideTheConfiguredRangeIsRejected() {
        assertOnly(check(with(m -> put(m, "countdownSeconds", 59)), linkage()), "countdownSeconds",
                MessageKey.LISTING_COUNTDOWN_RANGE);
        assertOnly(check(with(m -> put(m, "countdownSeconds", 901)), linkage()), "countdownSeconds",
                MessageKey.LISTING_COUNTDOWN_RANGE);
        assertEquals(List.of(), check(with(m -> put(m, "countdownSeconds", 240)), linkage()));
    }

    @Test
    void indicatorThatExpiresBeforeTheEndCannotBeListed() {
        Certificate c = linkage();
        c.validUntil = LocalDate.of(2026, 10, 22);
        assertOnly(check(valid(), c), "listingEnd", MessageKey.LISTING_INDICATOR_EXPIRES);
    }

    @Test
    void farmlandLotsNeedPaddyAreaAndGrainCapacityOthersMustNotHaveThem() {
        Certificate farmland = linkage();
        farmland.assetType = AssetType.FARMLAND_COMPENSATION;
        List<FieldViolation> missing = check(valid(), farmland);
        assertEquals(List.of("lotPaddyAreaM2", "lotGrainCapacityKg"), missing.stream().map(FieldViolation::field).toList());
        assertOnly(check(with(m -> put(m, "lotPaddyAreaM2", 100L)), linkage()), "lotPaddyAreaM2",
                MessageKey.CERTIFICATE_FIELD_NOT_APPLICABLE);
        ListingRequest tooMuchPaddy = with(m -> {
            put(m, "lotPaddyAreaM2", 66_668L);
            return put(m, "lotGrainCapacityKg", 5_000L);
        });
        assertOnly(check(tooMuchPaddy, farmland), "lotPaddyAreaM2", MessageKey.LISTING_PADDY_EXCEEDS_LOT);
    }

    @Test
    void collectiveParcelNeedsTwoThirdsOfTheVote() {
        LocalDate filed = LocalDate.of(2026, 9, 1);
        ListingRequest r = with(m -> put(m, "termYears", 50));
        assertEquals(List.of(), check(r, parcel(200, 300, filed)));
        assertOnly(check(r, parcel(199, 300, filed)), "certificateId", MessageKey.LISTING_VOTE_INSUFFICIENT);
    }

    @Test
    void collectiveParcelIsListedWholeWithinItsTerm() {
        LocalDate filed = LocalDate.of(2026, 9, 1);
        assertOnly(check(with(m -> {
            put(m, "termYears", 50);
            return put(m, "lotAreaM2", 66_666L);
        }), parcel(250, 300, filed)), "lotAreaM2", MessageKey.LISTING_PARCEL_WHOLE);
        assertOnly(check(with(m -> put(m, "termYears", 51)), parcel(250, 300, filed)), "termYears",
                MessageKey.LISTING_TERM_TOO_LONG);
        assertOnly(check(valid(), parcel(250, 300, filed)), "termYears", MessageKey.CERTIFICATE_FIELD_REQUIRED);
    }

    @Test
    void collectiveTransferPlanIsFiledTenWorkingDaysBeforeBidding() {
        // Bidding opens Mon 28 Sep; 10 working days earlier is Mon 14 Sep.
        ListingRequest r = with(m -> put(m, "termYears", 50));
        assertEquals(List.of(), check(r, parcel(250, 300, LocalDate.of(2026, 9, 14))));
        assertOnly(check(r, parcel(250, 300, LocalDate.of(2026, 9, 15))), "listingStart", MessageKey.LISTING_FILING_TOO_LATE);
    }

    @Test
    void paymentTermsMustBeConsistent() {
        assertOnly(check(with(m -> put(m, "paymentTerms", new PaymentTerms(PaymentTerms.Mode.FULL, 5, 50, 30, null))),
                linkage()), "paymentTerms.firstSharePercent", MessageKey.LISTING_FULL_PAYMENT_SHARE);
        assertOnly(check(with(m -> put(m, "paymentTerms",
                new PaymentTerms(PaymentTerms.Mode.INSTALMENTS, 5, 40, 30, 180))), linkage()),
                "paymentTerms.firstSharePercent", MessageKey.LISTING_FIRST_SHARE_RANGE);
        assertOnly(check(with(m -> put(m, "paymentTerms",
                new PaymentTerms(PaymentTerms.Mode.INSTALMENTS, 5, 50, 30, 30))), linkage()),
                "paymentTerms.balanceDueDays", MessageKey.LISTING_BALANCE_AFTER_FIRST);
        assertOnly(check(with(m -> put(m, "paymentTerms", new PaymentTerms(PaymentTerms.Mode.FULL, 1, 100, 30, null))),
                linkage()), "paymentTerms.confirmWithinWorkingDays", MessageKey.LISTING_CONFIRMATION_RANGE);
        assertEquals(List.of(), check(with(m -> put(m, "paymentTerms",
                new PaymentTerms(PaymentTerms.Mode.INSTALMENTS, 3, 50, 30, 180))), linkage()));
    }

    @Test
    void aRegionListedTwiceIsRejected() {
        assertOnly(check(with(m -> put(m, "eligibleRegions", List.of("51", "51"))), linkage()), "eligibleRegions",
                MessageKey.LISTING_REGIONS_REPEATED);
    }

    private static Map<String, Object> put(Map<String, Object> m, String key, Object value) {
        m.put(key, value);
        return m;
    }

    /** A failed listing with the valid terms, whose reserve of 22,000,000.00 was published at its close. */
    private static Listing failed() {
        ListingRequest v = valid();
        Listing l = new Listing();
        l.id = 1000L;
        l.status = ListingStatus.UNSOLD;
        l.certificateId = v.certificateId();
        l.title = v.title();
        l.lotAreaM2 = v.lotAreaM2();
        l.startPriceFen = v.startPrice().fen();
        l.incrementFen = v.increment().fen();
        l.depositFen = v.deposit().fen();
        l.priceCapFen = v.priceCap().fen();
        l.reservePriceFen = v.reservePrice().fen();
        l.countdownSeconds = v.countdownSeconds();
        l.eligibleRegions = v.eligibleRegions();
        l.paymentTerms = v.paymentTerms();
        return l;
    }

    private static RelistRequest relist(Money start, Money deposit, Money cap, Money reserve) {
        ListingRequest v = valid();
        return new RelistRequest(start, deposit, cap, reserve, v.announceAt(), v.registrationDeadline(),
                v.listingStart(), v.listingEnd());
    }

    private static List<FieldViolation> checkRelist(Listing failed, RelistRequest r) {
        return RULES.checkRelist(failed.startPriceFen, ListingRules.relistTerms(failed, r), linkage(), CALENDAR, NOW);
    }

    @Test
    void aRelistNeverCarriesOverTheFailedListingsReserve() {
        ListingRequest terms = ListingRules.relistTerms(failed(), relist(null, null, null, null));
        assertEquals(null, terms.reservePrice());
        assertEquals(Money.ofYuan("20000000.00"), terms.startPrice());
        assertEquals(Money.ofYuan("4000000.00"), terms.deposit());
        assertEquals(Money.ofYuan("30000000.00"), terms.priceCap());
        assertEquals(List.of(), checkRelist(failed(), relist(null, null, null, null)));
        Money fresh = Money.ofYuan("23000000.00");
        assertEquals(fresh, ListingRules.relistTerms(failed(), relist(null, null, null, fresh)).reservePrice());
    }

    @Test
    void aRelistsStartPriceMayBeAtMostTheConfiguredPercentageLower() {
        assertEquals(List.of(), checkRelist(failed(), relist(Money.ofYuan("16000000.00"), null, null, null)));
        assertOnly(checkRelist(failed(), relist(Money.ofYuan("15999999.99"), null, null, null)), "startPrice",
                MessageKey.LISTING_RELIST_PRICE_TOO_LOW);
    }

    @Test
    void aRelistsCarriedOverDepositAndCapAreMeasuredAgainstTheNewStartPrice() {
        Listing failed = failed();
        failed.priceCapFen = Money.ofYuan("60000000.00").fen();
        failed.reservePriceFen = null;
        assertEquals(List.of(), checkRelist(failed, relist(null, null, null, null)));
        assertOnly(checkRelist(failed, relist(Money.ofYuan("16000000.00"), null, null, null)), "priceCap",
                MessageKey.LISTING_CAP_TOO_HIGH);
        assertOnly(checkRelist(failed, relist(Money.ofYuan("16000000.00"), Money.ofYuan("3000000.00"),
                Money.ofYuan("30000000.00"), null)), "deposit", MessageKey.LISTING_DEPOSIT_TOO_LOW);
    }

    private static ListingRequest sealed(ListingRequest v, Money cap) {
        return new ListingRequest(v.certificateId(), v.title(), v.description(), v.lotAreaM2(), v.lotPaddyAreaM2(),
                v.lotGrainCapacityKg(), v.termYears(), v.startPrice(), v.increment(), v.deposit(), cap,
                v.reservePrice(), v.announceAt(), v.registrationDeadline(), v.listingStart(), v.listingEnd(),
                v.countdownSeconds(), v.eligibleRegions(), v.paymentTerms(), SaleFormat.SEALED_QUOTATION);
    }

    @Test
    void aRequestWithoutASaleFormatIsSoldByOpenAscendingBids() {
        assertEquals(SaleFormat.OPEN_ASCENDING, valid().format());
        assertEquals(null, valid().saleFormat());
    }

    @Test
    void aSealedQuotationTakesNoPriceCap() {
        assertOnly(check(sealed(valid(), Money.ofYuan("30000000.00")), linkage()), "priceCap",
                MessageKey.LISTING_SEALED_NO_CAP);
        assertEquals(List.of(), check(sealed(valid(), null), linkage()));
        assertEquals(SaleFormat.SEALED_QUOTATION, sealed(valid(), null).format());
    }

    private static ListingRequest lottery(ListingRequest v, Money cap, SaleFormat format) {
        return new ListingRequest(v.certificateId(), v.title(), v.description(), v.lotAreaM2(), v.lotPaddyAreaM2(),
                v.lotGrainCapacityKg(), v.termYears(), v.startPrice(), v.increment(), v.deposit(), cap,
                v.reservePrice(), v.announceAt(), v.registrationDeadline(), v.listingStart(), v.listingEnd(),
                v.countdownSeconds(), v.eligibleRegions(), v.paymentTerms(), format, CapAction.LOTTERY, null);
    }

    @Test
    void aLotteryAtTheCapNeedsAPriceCapAndOpenAscendingBids() {
        assertEquals(List.of(), check(lottery(valid(), Money.ofYuan("30000000.00"), null), linkage()));
        assertOnly(check(lottery(valid(), null, null), linkage()), "capAction", MessageKey.LISTING_LOTTERY_NEEDS_CAP);
        assertOnly(check(lottery(valid(), null, SaleFormat.SEALED_QUOTATION), linkage()), "capAction",
                MessageKey.LISTING_LOTTERY_NEEDS_OPEN);
        assertEquals(CapAction.END_SALE, valid().capActionOrDefault(), "without a choice a bid at the cap ends the sale");
    }
}
