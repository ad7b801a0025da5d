package cn.landmarket.party;

import java.time.Instant;

/** An enterprise as its own users, operators and regulators see it. */
public record EnterpriseView(String creditCode, String name, String legalRepresentative, String contactPerson,
        String contactPhone, String address, String regionCode, String bankName, String bankAccountName,
        String bankAccountNo, EnterpriseStatus status, String statusReason, Instant registeredAt, Instant reviewedAt,
        String reviewedBy) {

    static EnterpriseView of(Enterprise e) {
        return new EnterpriseView(e.creditCode, e.name, e.legalRepresentative, e.contactPerson, e.contactPhone,
                e.address, e.regionCode, e.bankName, e.bankAccountName, e.bankAccountNo, e.status, e.statusReason,
                e.registeredAt, e.reviewedAt, e.reviewedBy);
    }
}
