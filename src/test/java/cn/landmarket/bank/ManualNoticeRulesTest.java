package cn.landmarket.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landmarket.calendar.WorkingDayCalendar;

/** Maker-checker for notices typed in by operators: who may decide, how far back, and deadlines. */
class ManualNoticeRulesTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** 2026: 1-5 October are holidays around National Day (Thursday 1 to Monday 5, with the weekend). */
    private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(Map.of(
            LocalDate.of(2026, 10, 1), false, LocalDate.of(2026, 10, 2), false, LocalDate.of(2026, 10, 5), false));

    @Test
    void theOperatorWhoEnteredANoticeMayNotDecideIt() {
        assertFalse(ManualNoticeRules.mayDecide("operator-a", "operator-a"));
        assertTrue(ManualNoticeRules.mayDecide("operator-a", "operator-b"));
        assertFalse(ManualNoticeRules.mayDecide("operator-a", null));
        assertFalse(ManualNoticeRules.mayDecide("operator-a", " "));
    }

    @Test
    void theEarliestBookingIsTheStartOfTheDaySoManyWorkingDaysBack() {
        // Wednesday 13 May 2026, 3 working days back: Friday 8 May, from midnight in Shanghai
        assertEquals(Instant.parse("2026-05-07T16:00:00Z"),
                ManualNoticeRules.earliestBooking(LocalDate.of(2026, 5, 13), CALENDAR, 3, ZONE));
        // Tuesday 6 October, 2 working days back skip the holidays and the weekend: Tuesday 29 September
        assertEquals(Instant.parse("2026-09-28T16:00:00Z"),
                ManualNoticeRules.earliestBooking(LocalDate.of(2026, 10, 6), CALENDAR, 2, ZONE));
        assertEquals(Instant.parse("2026-05-12T16:00:00Z"),
                ManualNoticeRules.earliestBooking(LocalDate.of(2026, 5, 13), CALENDAR, 0, ZONE));
    }

    @Test
    void aManualNoticeApprovedAfterADeadlineCountsAsBookedWhenApprovedWhateverTimeWasTyped() {
        Instant typed = Instant.parse("2026-05-11T06:00:00Z");
        Instant approved = Instant.parse("2026-05-11T08:00:00Z");
        assertEquals(approved, ManualNoticeRules.countsAsBookedAt(typed, approved));
        assertEquals(approved, ManualNoticeRules.countsAsBookedAt(approved, approved));
        Instant ahead = approved.plusSeconds(120);
        assertEquals(ahead, ManualNoticeRules.countsAsBookedAt(ahead, approved));
    }
}
