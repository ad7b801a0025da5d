package cn.landmarket.auction;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.landmarket.common.Money;
import cn.landmarket.listing.ListingStatus;

/**
 * An accepted bid as a caller may see it: bidder numbers for everyone, {@code mine} for the
 * bidder itself, the enterprise behind the number for regulators only, and the leaf hash of the
 * bid's audit entry (lower-case hex) for everyone.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BidView(long bidId, int sequence, String bidderNo, Money amount, OffsetDateTime acceptedAt,
        ListingStatus phase, Boolean mine, String enterpriseCode, String auditLeafHash) {
}
