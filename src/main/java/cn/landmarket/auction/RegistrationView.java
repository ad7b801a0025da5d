package cn.landmarket.auction;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.landmarket.common.Money;
import cn.landmarket.escrow.RegistrationStatus;

/**
 * A registration and where to pay its deposit. The enterprise's code and name are left out of the
 * operator's view and of a regulator's view without a stated reason: the platform shows bidders by
 * number only.
 */
public record RegistrationView(
        long id,
        long listingId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String enterpriseCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) String enterpriseName,
        RegistrationStatus status,
        String bidderNo,
        Money deposit,
        Money depositReceived,
        OffsetDateTime depositDeadline,
        PayTo payTo,
        OffsetDateTime registeredAt,
        OffsetDateTime qualifiedAt) {

    /** The account a deposit must be paid into: the escrow account's name, its bank, and the registration's own number. */
    public record PayTo(String accountName, String bankName, String virtualAccount) {
    }

    /** Whose identity a view carries. */
    enum Identity {
        /** The enterprise itself, and regulators that stated a reason: code and name. */
        SHOWN,
        /** Operators, and regulators without a reason: numbers only. */
        HIDDEN
    }

    static RegistrationView of(Registration r, String enterpriseName, Identity identity, String escrowAccountName,
            String bankName, ZoneId zone) {
        boolean shown = identity == Identity.SHOWN;
        return new RegistrationView(r.id, r.listingId, shown ? r.enterpriseCode : null, shown ? enterpriseName : null,
                r.status, r.bidderNo, Money.ofFen(r.depositFen), Money.ofFen(r.depositReceivedFen),
                at(r.depositDeadline, zone), new PayTo(escrowAccountName, bankName, r.virtualAccount),
                at(r.registeredAt, zone), at(r.qualifiedAt, zone));
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
