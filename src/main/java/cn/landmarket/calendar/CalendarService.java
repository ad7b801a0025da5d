package cn.landmarket.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;

/** The working-day calendar the operator maintains: holidays and make-up working days per year. */
@ApplicationScoped
public class CalendarService {

    private final CalendarDayRepository days;
    private final AuditLog audit;
    private final Clock clock;

    CalendarService(CalendarDayRepository days, Clock clock, AuditLog audit) {
        this.days = days;
        this.audit = audit;
        this.clock = clock;
    }

    /** The calendar as a rule object, from all overrides on record. */
    @Transactional
    public WorkingDayCalendar calendar() {
        Map<LocalDate, Boolean> overrides = new HashMap<>();
        for (CalendarDay day : days.listAll()) {
            overrides.put(day.day, day.working);
        }
        return new WorkingDayCalendar(overrides);
    }

    @Transactional
    public CalendarYearView year(int year) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate last = LocalDate.of(year, 12, 31);
        List<CalendarDayView> overrides = days.between(first, last).stream().map(CalendarDayView::of).toList();
        int working = calendar().workingDaysBetween(first.minusDays(1), last);
        return new CalendarYearView(year, working, !overrides.isEmpty(), overrides);
    }

    /**
     * Records (or replaces) an override for one date, logged as {@code calendar.day_set}. A date
     * that needs no override is refused (400). Concurrent changes of one date are serialised by a
     * lock on the date, so each applies in turn (the later replaces the earlier) and none fails.
     */
    @Transactional
    public CalendarDayView set(Actor actor, LocalDate date, SetCalendarDayRequest request) {
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        if (request.working() != weekend) {
            throw ApiException.invalid("working", weekend ? MessageKey.CALENDAR_WEEKEND_ALREADY_REST : MessageKey.CALENDAR_WEEKDAY_ALREADY_WORKING);
        }
        days.lockDay(date);
        CalendarDay day = days.findByIdOptional(date, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        boolean isNew = day == null;
        Boolean previouslyWorking = isNew ? null : day.working;
        if (isNew) {
            day = new CalendarDay();
            day.day = date;
        }
        day.working = request.working();
        day.note = request.note().strip();
        day.updatedAt = Instant.now(clock);
        day.updatedBy = actor.toString();
        if (isNew) {
            days.persist(day);
        }
        audit.append(day.setEntry(previouslyWorking));
        return CalendarDayView.of(day);
    }

    /**
     * Removes an override so the date follows the weekday rule again (404 when there is none);
     * logged as {@code calendar.day_cleared}.
     */
    @Transactional
    public void clear(Actor actor, LocalDate date) {
        days.lockDay(date);
        CalendarDay day = days.findByIdOptional(date, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("calendar day", date));
        days.delete(day);
        audit.append(day.clearedEntry(Instant.now(clock), actor.toString()));
    }
}
