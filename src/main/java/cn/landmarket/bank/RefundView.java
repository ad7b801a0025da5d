package cn.landmarket.bank;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import cn.landmarket.common.Money;

/** A refund owed or paid, and whether it is overdue (still open after its due time). */
public record RefundView(long id, Money amount, String payeeName, String payeeAccount, RefundReason reason,
        String creditTransactionId, Long registrationId, OffsetDateTime createdAt, OffsetDateTime dueBy, boolean open,
        boolean overdue, String debitTransactionId, OffsetDateTime confirmedAt) {

    static RefundView of(Refund r, Instant now, ZoneId zone) {
        return new RefundView(r.id, Money.ofFen(r.amountFen), r.payeeName, r.payeeAccount, r.reason,
                r.creditTransactionId, r.registrationId, at(r.createdAt, zone), at(r.dueBy, zone), r.isOpen(),
                r.isOpen() && r.dueBy.isBefore(now), r.debitTransactionId, at(r.confirmedAt, zone));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
