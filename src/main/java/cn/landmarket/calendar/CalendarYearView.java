package cn.landmarket.calendar;

import java.util.List;

/** A year of the working-day calendar: its overrides and how many working days it has. */
public record CalendarYearView(int year, int workingDays, boolean maintained, List<CalendarDayView> overrides) {
}
