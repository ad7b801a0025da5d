package cn.landmarket.bank;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import cn.landmarket.common.Money;

/**
 * A notice held for an operator because a notice already counted from the other source has its
 * account and booking time but another amount or payer account: both sides, so the operator can
 * compare them with the bank statement. Neither side is counted twice.
 */
public record NoticeMismatchView(MismatchedNotice held, MismatchedNotice counted) {

    /** One notice: its source, facts and who entered and approved it (for manual notices). */
    public record MismatchedNotice(String transactionId, NoticeSource source, NoticeKind kind, String account,
            Money amount, String counterpartyAccount, OffsetDateTime bookedAt, OffsetDateTime receivedAt, NoticeOutcome outcome,
            String enteredBy, String approvedBy) {

        static MismatchedNotice of(BankNotice n, ZoneId zone) {
            return n == null ? null
                    : new MismatchedNotice(n.transactionId, n.source, n.kind, n.account, Money.ofFen(n.amountFen),
                            n.counterpartyAccount, at(n.bookedAt, zone), at(n.receivedAt, zone), n.outcome,
                            n.enteredBy, n.approvedBy);
        }
    }

    static NoticeMismatchView of(BankNotice held, BankNotice counted, ZoneId zone) {
        return new NoticeMismatchView(MismatchedNotice.of(held, zone), MismatchedNotice.of(counted, zone));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
