package cn.landmarket.settlement;

import java.time.OffsetDateTime;
import java.time.ZoneId;

import cn.landmarket.common.Area;
import cn.landmarket.common.Money;

/**
 * A trade as its parties, regulators and operators see it; a runner-up's trade names the defaulted
 * winner's trade it replaces ({@code runnerUpOf}); {@code suspendedAt} while an upheld objection
 * suspends it.
 */
public record TradeView(long id, long listingId, String sellerCode, String buyerCode, long certificateId,
        Area lotArea, Money price, Money depositCredited, Money paid, Money outstanding, Money firstDue,
        String paymentAccount, TradeStatus status, String statusReason, String confirmationText,
        String confirmationSha256, OffsetDateTime confirmDeadline, OffsetDateTime sellerConfirmedAt,
        OffsetDateTime buyerConfirmedAt, OffsetDateTime firstDueAt, OffsetDateTime balanceDueAt,
        Long childCertificateId, OffsetDateTime settledAt, OffsetDateTime defaultedAt, Long runnerUpOf,
        OffsetDateTime declinedAt, OffsetDateTime suspendedAt) {

    static TradeView of(Trade t, ZoneId zone) {
        return new TradeView(t.id, t.listingId, t.sellerCode, t.buyerCode, t.certificateId, Area.of(t.lotAreaM2),
                Money.ofFen(t.priceFen), Money.ofFen(t.depositFen), Money.ofFen(t.paidFen),
                Money.ofFen(t.outstandingFen()), t.firstDueFen == null ? null : Money.ofFen(t.firstDueFen),
                t.virtualAccount, t.status, t.statusReason, t.confirmationText, t.confirmationSha256,
                at(t.confirmDeadline, zone), at(t.sellerConfirmedAt, zone), at(t.buyerConfirmedAt, zone),
                at(t.firstDueAt, zone), at(t.balanceDueAt, zone), t.childCertificateId, at(t.settledAt, zone),
                at(t.defaultedAt, zone), t.runnerUpOf, at(t.declinedAt, zone), at(t.suspendedAt, zone));
    }

    private static OffsetDateTime at(java.time.Instant i, ZoneId zone) {
        return i == null ? null : i.atZone(zone).toOffsetDateTime();
    }
}
