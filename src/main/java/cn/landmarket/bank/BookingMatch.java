package cn.landmarket.bank;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Tells whether a notice reports a booking the platform has already counted from the other
 * source (README, "Deposits"). A booking is known by its kind, account, amount, payer account and
 * booking time (to the second, as statements show it), whatever transaction id was typed for it.
 * Only a pair in which at least one notice was typed in by an operator is compared: the bank's own
 * feed names every booking by its own transaction id, and two feed notices alike in every fact are
 * two bookings.
 */
public final class BookingMatch {

    private BookingMatch() {
    }

    /** The facts of one notice that identify its booking. */
    public record Booking(String transactionId, NoticeSource source, NoticeKind kind, String account, long amountFen,
            String counterpartyAccount, Instant bookedAt) {
    }

    /** What the incoming notice is. */
    public enum Verdict {
        /** No counted notice reports this booking: count it. */
        NEW,
        /** A counted notice reports the same booking: record, count nothing. */
        DUPLICATE,
        /** A counted notice has this account and booking time but another amount or payer: hold for an operator. */
        MISMATCH
    }

    /** The verdict and the counted notice it refers to (none for {@link Verdict#NEW}). */
    public record Match(Verdict verdict, String transactionId) {

        static final Match NEW = new Match(Verdict.NEW, null);
    }

    /** The second a booking time falls in: the precision at which two sources are compared. */
    public static Instant second(Instant bookedAt) {
        return bookedAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /**
     * Compares an incoming notice with notices already counted (in the order they were counted).
     * A duplicate wins over a mismatch; among several, the first counted is named.
     *
     * @param counted notices that took effect (neither duplicates nor held mismatches themselves)
     */
    public static Match decide(Booking incoming, List<Booking> counted) {
        Booking near = null;
        for (Booking c : counted) {
            if (!comparable(incoming, c)) {
                continue;
            }
            if (c.amountFen() == incoming.amountFen()
                    && c.counterpartyAccount().strip().equals(incoming.counterpartyAccount().strip())) {
                return new Match(Verdict.DUPLICATE, c.transactionId());
            }
            if (near == null) {
                near = c;
            }
        }
        return near == null ? Match.NEW : new Match(Verdict.MISMATCH, near.transactionId());
    }

    private static boolean comparable(Booking incoming, Booking c) {
        return (incoming.source() == NoticeSource.MANUAL || c.source() == NoticeSource.MANUAL)
                && !c.transactionId().equals(incoming.transactionId())
                && c.kind() == incoming.kind()
                && c.account().strip().equals(incoming.account().strip())
                && second(c.bookedAt()).equals(second(incoming.bookedAt()));
    }
}
