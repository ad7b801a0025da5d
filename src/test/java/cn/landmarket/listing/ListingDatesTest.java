package cn.landmarket.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landmarket.calendar.WorkingDayCalendar;
import cn.landmarket.common.config.MarketConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * The dates the listing rules derive from a schedule, which the township's form shows as it is typed:
 * counted as {@link ListingRules#check} counts them, over working days with the holidays.
 */
class ListingDatesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final MarketConfig CONFIG = new SmallRyeConfigBuilder()
            .withMapping(MarketConfig.class)
            .withDefaultValue("market.jwt.issuer", "test")
            .withDefaultValue("market.jwt.audience", "test")
            .build().unwrap(SmallRyeConfig.class).getConfigMapping(MarketConfig.class);
    private static final ListingRules RULES = new ListingRules(CONFIG.rules(), ZONE);

    /** 2026 National Day: Oct 1-7 off, Sat Oct 10 a make-up working day. */
    private static WorkingDayCalendar calendar() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        for (int d = 1; d <= 7; d++) {
            days.put(LocalDate.of(2026, 10, d), false);
        }
        days.put(LocalDate.of(2026, 10, 10), true);
        return new WorkingDayCalendar(days);
    }

    private static OffsetDateTime at(int m, int d, int h) {
        return LocalDateTime.of(2026, m, d, h, 0).atZone(ZONE).toOffsetDateTime();
    }

    private static ListingRequest schedule(OffsetDateTime announce, OffsetDateTime start, OffsetDateTime end) {
        return new ListingRequest(null, null, null, null, null, null, null, null, null, null, null, null, announce,
                null, start, end, null, null, null);
    }

    @Test
    void theDatesFollowTheRuleNumbersAndTheHolidays() {
        ListingDates d = RULES.dates(schedule(at(9, 1, 9), at(9, 28, 9), at(10, 23, 17)), calendar());
        // 20 calendar days after the announcement.
        assertEquals(at(9, 21, 9).toInstant(), d.earliestStart().toInstant());
        // 10 working days after Mon Sep 28: Sep 29, 30, (Oct 1-7 off), Oct 8, 9, 10 (make-up), 12, 13, 14, 15, 16.
        assertEquals(LocalDate.of(2026, 10, 16), d.earliestEnd());
        // 3 working days before Fri Oct 23: Oct 20.
        assertEquals(LocalDate.of(2026, 10, 20), d.latestRegistration());
    }

    @Test
    void aDateWhoseStartingPointIsMissingIsNull() {
        ListingDates d = RULES.dates(schedule(null, null, at(10, 23, 17)), calendar());
        assertNull(d.earliestStart());
        assertNull(d.earliestEnd());
        assertEquals(LocalDate.of(2026, 10, 20), d.latestRegistration());
    }
}
