package cn.landmarket.bank;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import cn.landmarket.calendar.WorkingDayCalendar;

/**
 * The rules of maker-checker for notices typed in by operators (README, "Deposits"): a different
 * operator approves, the booking lies within a recent window, and a notice approved after a
 * deadline cannot have met it.
 */
public final class ManualNoticeRules {

    private ManualNoticeRules() {
    }

    /**
     * The earliest booking time an operator may enter today: the start of the day that lies
     * {@code maxAgeWorkingDays} working days before today (today itself when 0), in the market zone.
     */
    public static Instant earliestBooking(LocalDate today, WorkingDayCalendar calendar, int maxAgeWorkingDays,
            ZoneId zone) {
        return calendar.subtractWorkingDays(today, maxAgeWorkingDays).atStartOfDay(zone).toInstant();
    }

    /**
     * Whether the caller may decide (approve or reject) a notice: only someone other than the
     * operator who entered it. Subjects are compared exactly; a missing subject decides nothing.
     */
    public static boolean mayDecide(String enteredSubject, String deciderSubject) {
        return enteredSubject != null && deciderSubject != null && !deciderSubject.isBlank()
                && !enteredSubject.equals(deciderSubject);
    }

    /**
     * The time a manual notice counts as booked for deadlines (the deposit deadline): its booking
     * time, but never earlier than the approval that made it effective. The platform learned of the
     * money only then, so money it learned of after a deadline did not meet it, whatever booking
     * time was typed; only the bank's signed feed can prove an earlier booking.
     */
    public static Instant countsAsBookedAt(Instant bookedAt, Instant approvedAt) {
        return bookedAt.isBefore(approvedAt) ? approvedAt : bookedAt;
    }
}
