package cn.landmarket.bank;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import cn.landmarket.common.Money;

/**
 * A notice typed in by an operator, for the operators who check it against the statement: what
 * was typed, who entered it and when, and, once decided, who decided, when, why a rejection, and
 * what the approved notice did ({@code outcome}).
 */
public record ManualNoticeView(long id, String transactionId, ManualNoticeStatus status, NoticeKind kind,
        String account, Money amount, String counterpartyName, String counterpartyAccount, OffsetDateTime bookedAt,
        String reference, String enteredBy, OffsetDateTime enteredAt, String decidedBy, OffsetDateTime decidedAt,
        String rejectionReason, NoticeOutcome outcome) {

    static ManualNoticeView of(ManualNotice m, ZoneId zone) {
        return new ManualNoticeView(m.id, m.transactionId, m.status, m.kind, m.account, Money.ofFen(m.amountFen),
                m.counterpartyName, m.counterpartyAccount, at(m.bookedAt, zone), m.reference, m.enteredBy,
                at(m.enteredAt, zone), m.decidedBy, at(m.decidedAt, zone), m.rejectionReason, m.outcome);
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
