package cn.landmarket.web;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.calendar.CalendarDayView;
import cn.landmarket.calendar.CalendarService;
import cn.landmarket.calendar.SetCalendarDayRequest;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 工作日历: one month of the working-day calendar as a grid of weeks, each day a working day, a
 * rest day, a holiday or a make-up working day (调休); an operator sets or clears a day's override
 * as {@code PUT} and {@code DELETE /api/calendar/days/{date}} do.
 */
@Path("/centre/calendar")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CentreCalendarPage {

    /** The years the API's calendar covers. */
    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance calendar(Page page, Month month, Refusal refusal, String refusedDay,
                String changed);
    }

    /** What a day is: the weekday rule, or an override. */
    public enum DayKind { WORKING, REST, HOLIDAY, MAKEUP }

    /** One day of the grid; {@code inMonth} false for the days of the neighbouring months that fill its weeks. */
    public record Day(LocalDate date, boolean inMonth, DayKind kind, String note) {

        public String iso() {
            return date.toString();
        }

        public int number() {
            return date.getDayOfMonth();
        }

        public boolean weekend() {
            return date.getDayOfWeek().getValue() >= 6;
        }

        public boolean overridden() {
            return kind == DayKind.HOLIDAY || kind == DayKind.MAKEUP;
        }
    }

    /** A month: its weeks (Monday first) and its own days, with the months either side. */
    public record Month(String id, int year, int month, List<List<Day>> weeks, List<Day> days, String previous,
            String next) {
    }

    @Inject
    Pages pages;

    @Inject
    CalendarService calendar;

    @Inject
    MarketConfig config;

    @Inject
    java.time.Clock clock;

    @GET
    @Operation(hidden = true)
    public TemplateInstance month(@QueryParam("month") String month, @QueryParam("changed") String changed) {
        pages.requireViewer(Role.OPERATOR);
        Page p = pages.page();
        YearMonth shown = parse(month);
        String done = changed == null ? null : parseDay(changed) == null ? null : changed;
        return Templates.calendar(p, month(shown), null, null, done).setLocale(p.locale());
    }

    @POST
    @Path("days/{date}")
    @Operation(hidden = true)
    public Response set(@PathParam("date") String date, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("working") String working, @FormParam("note") String note) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        LocalDate day = requireDay(date);
        Page p = pages.page();
        var request = new SetCalendarDayRequest(working == null ? null : Boolean.valueOf(working), note);
        try {
            Refusal invalid = pages.validate(request, p.locale()).orElse(null);
            if (invalid != null) {
                return refused(p, day, invalid);
            }
            calendar.set(actor, day, request);
        } catch (ApiException e) {
            return refused(p, day, Refusal.of(e, p.locale()));
        }
        return back(day);
    }

    @POST
    @Path("days/{date}/clear")
    @Operation(hidden = true)
    public Response clear(@PathParam("date") String date, @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        LocalDate day = requireDay(date);
        Page p = pages.page();
        try {
            calendar.clear(actor, day);
        } catch (ApiException e) {
            return refused(p, day, Refusal.of(e, p.locale()));
        }
        return back(day);
    }

    private Response back(LocalDate day) {
        return Response.seeOther(URI.create("/centre/calendar?month=" + YearMonth.from(day) + "&changed=" + day))
                .build();
    }

    private Response refused(Page p, LocalDate day, Refusal refusal) {
        return Response.status(refusal.status()).entity(Templates.calendar(p, month(YearMonth.from(day)), refusal,
                day.toString(), null).setLocale(p.locale())).build();
    }

    private YearMonth parse(String month) {
        if (month != null) {
            try {
                YearMonth m = YearMonth.parse(month);
                if (m.getYear() >= FIRST_YEAR && m.getYear() <= LAST_YEAR) {
                    return m;
                }
            } catch (DateTimeParseException ignored) {
                // the current month instead
            }
        }
        return YearMonth.now(clock.withZone(config.zone()));
    }

    private static LocalDate parseDay(String date) {
        try {
            LocalDate day = LocalDate.parse(date);
            return day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR ? day : null;
        } catch (DateTimeParseException | NullPointerException notADate) {
            return null;
        }
    }

    private static LocalDate requireDay(String date) {
        LocalDate day = parseDay(date);
        if (day == null) {
            throw ApiException.notFound("calendar day", date);
        }
        return day;
    }

    /** The month's grid, from the overrides of the years it touches (as {@code GET /api/calendar/{year}}). */
    Month month(YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate start = first.minusDays(first.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
        LocalDate last = month.atEndOfMonth();
        LocalDate end = last.plusDays(DayOfWeek.SUNDAY.getValue() - last.getDayOfWeek().getValue());
        Map<LocalDate, CalendarDayView> overrides = new java.util.HashMap<>();
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            if (year >= FIRST_YEAR && year <= LAST_YEAR) {
                overrides.putAll(calendar.year(year).overrides().stream()
                        .collect(Collectors.toMap(CalendarDayView::date, Function.identity())));
            }
        }
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> days = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            CalendarDayView o = overrides.get(d);
            boolean weekend = d.getDayOfWeek().getValue() >= 6;
            DayKind kind = o == null ? (weekend ? DayKind.REST : DayKind.WORKING)
                    : o.working() ? DayKind.MAKEUP : DayKind.HOLIDAY;
            Day day = new Day(d, YearMonth.from(d).equals(month), kind, o == null ? null : o.note());
            week.add(day);
            if (day.inMonth()) {
                days.add(day);
            }
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        YearMonth previous = month.minusMonths(1);
        YearMonth next = month.plusMonths(1);
        return new Month(month.toString(), month.getYear(), month.getMonthValue(), weeks, days,
                previous.getYear() < FIRST_YEAR ? null : previous.toString(),
                next.getYear() > LAST_YEAR ? null : next.toString());
    }
}
