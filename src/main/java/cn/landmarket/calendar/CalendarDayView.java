package cn.landmarket.calendar;

import java.time.LocalDate;

/** One calendar override as the API shows it. */
public record CalendarDayView(LocalDate date, boolean working, String note) {

    static CalendarDayView of(CalendarDay d) {
        return new CalendarDayView(d.day, d.working, d.note);
    }
}
