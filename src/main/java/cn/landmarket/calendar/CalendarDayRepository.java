package cn.landmarket.calendar;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

/** Queries over calendar overrides. */
@ApplicationScoped
public class CalendarDayRepository implements PanacheRepositoryBase<CalendarDay, LocalDate> {

    public List<CalendarDay> between(LocalDate fromInclusive, LocalDate toInclusive) {
        return list("day between ?1 and ?2", Sort.by("day"), fromInclusive, toInclusive);
    }
}
