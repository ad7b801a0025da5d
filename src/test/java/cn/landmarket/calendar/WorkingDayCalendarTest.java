package cn.landmarket.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CHINA_2026 = new WorkingDayCalendar(china2026());

    /** The State Council's 2026 mainland China holiday schedule. */
    private static Map<LocalDate, Boolean> china2026() {
        Map<LocalDate, Boolean> days = new HashMap<>();
        holidays(days, "2026-01-01", "2026-01-03");
        holidays(days, "2026-02-15", "2026-02-23");
        holidays(days, "2026-04-04", "2026-04-06");
        holidays(days, "2026-05-01", "2026-05-05");
        holidays(days, "2026-06-19", "2026-06-21");
        holidays(days, "2026-09-25", "2026-09-27");
        holidays(days, "2026-10-01", "2026-10-07");
        for (String makeUp : new String[] {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
                "2026-10-10"}) {
            days.put(LocalDate.parse(makeUp), true);
        }
        return days;
    }

    private static void holidays(Map<LocalDate, Boolean> days, String first, String last) {
        for (LocalDate d = LocalDate.parse(first); !d.isAfter(LocalDate.parse(last)); d = d.plusDays(1)) {
            days.put(d, false);
        }
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void weekdaysWorkAndWeekendsRestWithoutOverrides() {
        WorkingDayCalendar plain = new WorkingDayCalendar(Map.of());
        assertTrue(plain.isWorkingDay(day("2026-11-20")));
        assertFalse(plain.isWorkingDay(day("2026-11-21")));
        assertFalse(plain.isWorkingDay(day("2026-11-22")));
        assertTrue(plain.isWorkingDay(day("2026-11-23")));
    }

    @Test
    void makeUpSaturdayAfterNationalDayIsAWorkingDay() {
        assertEquals(DayOfWeek.SATURDAY, day("2026-10-10").getDayOfWeek());
        assertTrue(CHINA_2026.isWorkingDay(day("2026-10-10")));
        assertFalse(CHINA_2026.isWorkingDay(day("2026-10-11")));
    }

    @Test
    void mondayInsideNationalDayHolidayIsNotAWorkingDay() {
        assertEquals(DayOfWeek.MONDAY, day("2026-10-05").getDayOfWeek());
        assertFalse(CHINA_2026.isWorkingDay(day("2026-10-05")));
    }

    @Test
    void everyListedHolidayAndMakeUpDayIsHonoured() {
        int holidays = 0;
        int makeUps = 0;
        for (Map.Entry<LocalDate, Boolean> e : china2026().entrySet()) {
            assertEquals(e.getValue(), CHINA_2026.isWorkingDay(e.getKey()), e.getKey().toString());
            if (e.getValue()) {
                makeUps++;
            } else {
                holidays++;
            }
        }
        assertEquals(3 + 9 + 3 + 5 + 3 + 3 + 7, holidays);
        assertEquals(6, makeUps);
    }

    @Test
    void calendarYear2026Has248WorkingDays() {
        assertEquals(248, CHINA_2026.workingDaysBetween(day("2025-12-31"), day("2026-12-31")));
    }

    @Test
    void addingOneWorkingDayToFridaySkipsTheWeekend() {
        assertEquals(day("2026-11-23"), CHINA_2026.addWorkingDays(day("2026-11-20"), 1));
    }

    @Test
    void addingZeroWorkingDaysReturnsTheSameDayEvenOnAHoliday() {
        assertEquals(day("2026-10-03"), CHINA_2026.addWorkingDays(day("2026-10-03"), 0));
        assertEquals(day("2026-10-03"), CHINA_2026.subtractWorkingDays(day("2026-10-03"), 0));
    }

    @Test
    void addingTenWorkingDaysSpansTheNationalDayHoliday() {
        // working days after Tue 2026-09-29: 09-30, 10-08, 10-09, 10-10 (Sat make-up), 10-12 .. 10-16, 10-19
        assertEquals(day("2026-10-19"), CHINA_2026.addWorkingDays(day("2026-09-29"), 10));
        assertEquals(day("2026-10-08"), CHINA_2026.addWorkingDays(day("2026-09-30"), 1));
        assertEquals(day("2026-10-10"), CHINA_2026.addWorkingDays(day("2026-10-09"), 1));
    }

    @Test
    void addingFromInsideAHolidayStartsAfterIt() {
        assertEquals(day("2026-10-08"), CHINA_2026.addWorkingDays(day("2026-10-01"), 1));
        assertEquals(day("2026-02-24"), CHINA_2026.addWorkingDays(day("2026-02-15"), 1));
    }

    @Test
    void springFestivalMakeUpDaysAreCountedWhenAdding() {
        // Fri 02-13, Sat 02-14 (make-up), then holiday until Mon 02-23; Tue 02-24 is the next working day
        assertEquals(day("2026-02-14"), CHINA_2026.addWorkingDays(day("2026-02-13"), 1));
        assertEquals(day("2026-02-24"), CHINA_2026.addWorkingDays(day("2026-02-13"), 2));
        assertEquals(day("2026-02-28"), CHINA_2026.addWorkingDays(day("2026-02-27"), 1));
    }

    @Test
    void newYearMakeUpSundayFollowsTheHoliday() {
        assertEquals(day("2026-01-04"), CHINA_2026.addWorkingDays(day("2025-12-31"), 1));
        assertEquals(day("2026-01-05"), CHINA_2026.addWorkingDays(day("2025-12-31"), 2));
    }

    @Test
    void subtractingWorkingDaysWalksBackOverHolidays() {
        assertEquals(day("2026-11-20"), CHINA_2026.subtractWorkingDays(day("2026-11-23"), 1));
        assertEquals(day("2026-09-30"), CHINA_2026.subtractWorkingDays(day("2026-10-08"), 1));
        assertEquals(day("2026-09-29"), CHINA_2026.subtractWorkingDays(day("2026-10-19"), 10));
        assertEquals(day("2026-02-14"), CHINA_2026.subtractWorkingDays(day("2026-02-24"), 1));
        assertEquals(day("2025-12-31"), CHINA_2026.subtractWorkingDays(day("2026-01-04"), 1));
    }

    @Test
    void negativeWorkingDayCountIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CHINA_2026.addWorkingDays(day("2026-11-20"), -1));
        assertThrows(IllegalArgumentException.class, () -> CHINA_2026.subtractWorkingDays(day("2026-11-20"), -1));
    }

    @Test
    void countsAboveTenThousandAreRefusedAndTenThousandIsAllowed() {
        assertThrows(IllegalArgumentException.class, () -> CHINA_2026.addWorkingDays(day("2026-11-20"), 10_001));
        assertThrows(IllegalArgumentException.class,
                () -> CHINA_2026.subtractWorkingDays(day("2026-11-20"), Integer.MAX_VALUE));
        LocalDate far = CHINA_2026.addWorkingDays(day("2026-11-20"), 10_000);
        assertEquals(10_000, CHINA_2026.workingDaysBetween(day("2026-11-20"), far));
        assertEquals(day("2026-11-20"), CHINA_2026.subtractWorkingDays(far, 10_000));
    }

    @Test
    void workingDaysBetweenCountsFromExclusiveToInclusive() {
        assertEquals(1, CHINA_2026.workingDaysBetween(day("2026-11-20"), day("2026-11-23")));
        assertEquals(0, CHINA_2026.workingDaysBetween(day("2026-11-20"), day("2026-11-22")));
        assertEquals(5, CHINA_2026.workingDaysBetween(day("2026-11-22"), day("2026-11-27")));
        assertEquals(4, CHINA_2026.workingDaysBetween(day("2026-11-23"), day("2026-11-27")));
    }

    @Test
    void workingDaysBetweenIsZeroWhenTheRangeIsEmptyOrReversed() {
        assertEquals(0, CHINA_2026.workingDaysBetween(day("2026-11-23"), day("2026-11-23")));
        assertEquals(0, CHINA_2026.workingDaysBetween(day("2026-11-27"), day("2026-11-23")));
    }

    @Test
    void octoberHasTheNationalDayGapAndTheMakeUpSaturday() {
        // October 2026 has 22 weekdays, 5 of them (Oct 1, 2, 5, 6, 7) are holidays, plus Sat Oct 10
        assertEquals(18, CHINA_2026.workingDaysBetween(day("2026-09-30"), day("2026-10-31")));
        assertEquals(0, CHINA_2026.workingDaysBetween(day("2026-09-30"), day("2026-10-07")));
    }

    @Test
    void workingDaysBetweenMatchesDayByDayCountingAcrossYears() {
        Random random = new Random(2026L);
        LocalDate base = day("2025-06-01");
        for (int n = 0; n < 300; n++) {
            LocalDate from = base.plusDays(random.nextInt(700));
            LocalDate to = from.plusDays(random.nextInt(200));
            int expected = 0;
            for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
                if (CHINA_2026.isWorkingDay(d)) {
                    expected++;
                }
            }
            assertEquals(expected, CHINA_2026.workingDaysBetween(from, to), from + ".." + to);
        }
    }

    @Test
    void workingDaysBetweenHandlesDatesBeforeTheInternalEpoch() {
        WorkingDayCalendar plain = new WorkingDayCalendar(Map.of());
        assertEquals(260, plain.workingDaysBetween(day("1999-12-31"), day("2000-12-31")));
        assertEquals(261, plain.workingDaysBetween(day("2000-12-31"), day("2001-12-31")));
    }

    @Test
    void addThenBetweenGivesBackTheCountForRandomDates() {
        Random random = new Random(20_261_001L);
        LocalDate base = day("2025-10-01");
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = base.plusDays(random.nextInt(500));
            int n = random.nextInt(120);
            LocalDate to = CHINA_2026.addWorkingDays(from, n);
            assertEquals(n, CHINA_2026.workingDaysBetween(from, to), from + " + " + n);
            if (n > 0) {
                assertTrue(CHINA_2026.isWorkingDay(to), to.toString());
                assertEquals(n - 1, CHINA_2026.workingDaysBetween(from, to.minusDays(1)));
            }
        }
    }

    @Test
    void subtractUndoesAddFromAWorkingDay() {
        Random random = new Random(7L);
        LocalDate base = day("2025-10-01");
        for (int i = 0; i < 2_000; i++) {
            LocalDate from = CHINA_2026.addWorkingDays(base.plusDays(random.nextInt(500)), 1);
            int n = random.nextInt(120);
            assertEquals(from, CHINA_2026.subtractWorkingDays(CHINA_2026.addWorkingDays(from, n), n));
        }
    }

    @Test
    void laterChangesToTheSourceMapDoNotAffectTheCalendar() {
        Map<LocalDate, Boolean> source = new HashMap<>();
        source.put(day("2026-11-23"), false);
        WorkingDayCalendar calendar = new WorkingDayCalendar(source);
        source.put(day("2026-11-24"), false);
        source.put(day("2026-11-23"), true);
        assertFalse(calendar.isWorkingDay(day("2026-11-23")));
        assertTrue(calendar.isWorkingDay(day("2026-11-24")));
    }

    @Test
    void workingOverrideOnAWeekdayChangesNothing() {
        WorkingDayCalendar calendar = new WorkingDayCalendar(Map.of(day("2026-11-23"), true));
        assertTrue(calendar.isWorkingDay(day("2026-11-23")));
        assertEquals(5, calendar.workingDaysBetween(day("2026-11-22"), day("2026-11-28")));
    }

    @Test
    void nullArgumentsAreRefused() {
        assertThrows(NullPointerException.class, () -> new WorkingDayCalendar(null));
        Map<LocalDate, Boolean> withNullValue = new HashMap<>();
        withNullValue.put(day("2026-11-23"), null);
        assertThrows(NullPointerException.class, () -> new WorkingDayCalendar(withNullValue));
        assertThrows(NullPointerException.class, () -> CHINA_2026.isWorkingDay(null));
        assertThrows(NullPointerException.class, () -> CHINA_2026.addWorkingDays(null, 1));
        assertThrows(NullPointerException.class, () -> CHINA_2026.workingDaysBetween(null, day("2026-11-23")));
    }

    @Test
    void theEndOfTheNthWorkingDayIsItsLastSecondInTheZone() {
        java.time.ZoneId shanghai = java.time.ZoneId.of("Asia/Shanghai");
        // Friday 2026-11-20 + 1 working day = Monday 2026-11-23, ending 23:59:59 +08:00
        assertEquals(java.time.Instant.parse("2026-11-23T15:59:59Z"),
                CHINA_2026.endOfWorkingDayAfter(day("2026-11-20"), 1, shanghai));
        // a moment late on Friday in UTC is already Saturday in Shanghai: the count starts from Saturday
        assertEquals(java.time.Instant.parse("2026-11-23T15:59:59Z"),
                CHINA_2026.endOfWorkingDayAfter(java.time.Instant.parse("2026-11-20T17:00:00Z"), 1, shanghai));
        assertEquals(java.time.Instant.parse("2026-11-20T15:59:59Z"),
                CHINA_2026.endOfWorkingDayAfter(day("2026-11-20"), 0, shanghai));
    }
}
