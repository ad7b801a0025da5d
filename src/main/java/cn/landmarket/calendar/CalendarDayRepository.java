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

    /**
     * Holds a transaction-scoped lock on one date until commit, so that concurrent changes of one
     * day run one after the other and the later one finds the first's override (a row lock cannot
     * serve: before the first override there is no row to lock).
     */
    public void lockDay(LocalDate day) {
        getEntityManager().createNativeQuery(
                "select count(*) from (select pg_advisory_xact_lock(hashtextextended(:key, 0))) locked")
                .setParameter("key", "calendar:" + day).getSingleResult();
    }
}
