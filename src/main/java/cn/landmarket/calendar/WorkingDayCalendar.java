package cn.landmarket.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/** Working-day arithmetic over a Chinese calendar of weekdays, public holidays and make-up working days (调休). */
public final class WorkingDayCalendar {

    /** The largest number of working days that may be added or subtracted in one call. */
    public static final int MAX_WORKING_DAYS = 10_000;

    private static final LocalDate EPOCH_MONDAY = LocalDate.of(2001, 1, 1);

    private final NavigableMap<LocalDate, Boolean> overrides;

    /**
     * Creates a calendar where Monday to Friday are working days unless an override says otherwise.
     *
     * @param overrides per-day overrides: true marks a working day (e.g. a make-up weekend day), false a holiday;
     *                  the map is copied
     * @throws NullPointerException when the map, a key or a value is null
     */
    public WorkingDayCalendar(Map<LocalDate, Boolean> overrides) {
        TreeMap<LocalDate, Boolean> copy = new TreeMap<>();
        for (Map.Entry<LocalDate, Boolean> e : Objects.requireNonNull(overrides, "overrides").entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), "override date"),
                    Objects.requireNonNull(e.getValue(), "override value for " + e.getKey()));
        }
        this.overrides = copy;
    }

    /**
     * Tells whether a day is a working day: its override if it has one, otherwise Monday to Friday.
     *
     * @return true for a working day
     */
    public boolean isWorkingDay(LocalDate day) {
        Boolean override = overrides.get(Objects.requireNonNull(day, "day"));
        return override != null ? override : isWeekday(day);
    }

    /**
     * Finds the n-th working day strictly after a date.
     *
     * @return that working day, or {@code from} itself when n is 0
     * @throws IllegalArgumentException when n is negative or above {@link #MAX_WORKING_DAYS}
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        return step(from, n, 1);
    }

    /** The last second of a day that still counts as that day for deadlines. */
    public static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    /**
     * The end (23:59:59) of the n-th working day after a date, in a zone: the deadline "within n
     * working days" of refunds, confirmations and the like.
     *
     * @throws IllegalArgumentException when n is negative or above {@link #MAX_WORKING_DAYS}
     */
    public Instant endOfWorkingDayAfter(LocalDate from, int n, ZoneId zone) {
        return addWorkingDays(from, n).atTime(END_OF_DAY).atZone(zone).toInstant();
    }

    /** {@link #endOfWorkingDayAfter(LocalDate, int, ZoneId)} from the day a moment falls on in the zone. */
    public Instant endOfWorkingDayAfter(Instant from, int n, ZoneId zone) {
        return endOfWorkingDayAfter(from.atZone(zone).toLocalDate(), n, zone);
    }

    /**
     * Finds the n-th working day strictly before a date.
     *
     * @return that working day, or {@code from} itself when n is 0
     * @throws IllegalArgumentException when n is negative or above {@link #MAX_WORKING_DAYS}
     */
    public LocalDate subtractWorkingDays(LocalDate from, int n) {
        return step(from, n, -1);
    }

    /**
     * Counts the working days d with fromExclusive &lt; d &le; toInclusive, without walking day by day.
     *
     * @return the count, or 0 when toInclusive is not after fromExclusive
     * @throws ArithmeticException when the count does not fit in an int
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        Objects.requireNonNull(fromExclusive, "fromExclusive");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (!toInclusive.isAfter(fromExclusive)) {
            return 0;
        }
        long count = weekdaysUpTo(toInclusive) - weekdaysUpTo(fromExclusive);
        for (Map.Entry<LocalDate, Boolean> e : overrides.subMap(fromExclusive, false, toInclusive, true).entrySet()) {
            boolean weekday = isWeekday(e.getKey());
            if (e.getValue() && !weekday) {
                count++;
            } else if (!e.getValue() && weekday) {
                count--;
            }
        }
        return Math.toIntExact(count);
    }

    private LocalDate step(LocalDate from, int n, int direction) {
        Objects.requireNonNull(from, "from");
        if (n < 0) {
            throw new IllegalArgumentException("Number of working days must not be negative: " + n);
        }
        if (n > MAX_WORKING_DAYS) {
            throw new IllegalArgumentException(
                    "Number of working days must be at most " + MAX_WORKING_DAYS + ": " + n);
        }
        LocalDate day = from;
        int found = 0;
        while (found < n) {
            day = day.plusDays(direction);
            if (isWorkingDay(day)) {
                found++;
            }
        }
        return day;
    }

    private static boolean isWeekday(LocalDate day) {
        DayOfWeek dow = day.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** A running count of Monday-to-Friday days; its difference between two days is the weekday count in between. */
    private static long weekdaysUpTo(LocalDate day) {
        long days = ChronoUnit.DAYS.between(EPOCH_MONDAY, day);
        long weeks = Math.floorDiv(days, 7);
        long rest = Math.floorMod(days, 7);
        return weeks * 5 + Math.min(rest + 1, 5);
    }
}
