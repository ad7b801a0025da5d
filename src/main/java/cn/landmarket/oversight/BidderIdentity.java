package cn.landmarket.oversight;

import java.util.List;
import cn.landmarket.escrow.RegistrationStatus;


/** Who is behind a registration and its bidder number: the enterprise and its key people. */
public record BidderIdentity(long registrationId, String bidderNo, RegistrationStatus status, String enterpriseCode,
        String enterpriseName, String legalRepresentative, String contactPerson, String contactPhone) {

    /** The columns of the CSV export. */
    static final List<Csv.Column<BidderIdentity>> CSV = List.of(
            Csv.column("registrationId", BidderIdentity::registrationId),
            Csv.column("bidderNo", BidderIdentity::bidderNo),
            Csv.column("status", BidderIdentity::status),
            Csv.column("enterpriseCode", BidderIdentity::enterpriseCode),
            Csv.column("enterpriseName", BidderIdentity::enterpriseName),
            Csv.column("legalRepresentative", BidderIdentity::legalRepresentative),
            Csv.column("contactPerson", BidderIdentity::contactPerson),
            Csv.column("contactPhone", BidderIdentity::contactPhone));
}
