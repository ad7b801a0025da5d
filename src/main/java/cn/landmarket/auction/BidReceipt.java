package cn.landmarket.auction;

import java.time.OffsetDateTime;
import java.util.HexFormat;

import cn.landmarket.common.Money;
import cn.landmarket.listing.ListingStatus;

/**
 * Proof that a bid was accepted: its id, amount, the server time of acceptance, its place in the
 * listing's bid sequence, the deadline it leaves (listing end, or the restarted countdown), and
 * the leaf hash of its {@code bid.accepted} audit entry with the address of that entry's proof.
 */
public record BidReceipt(long bidId, long listingId, String bidderNo, Money amount, OffsetDateTime acceptedAt,
        int sequence, ListingStatus phase, OffsetDateTime deadline, String auditLeafHash, String auditProof) {

    /** Where the entry and its inclusion proof are served, relative to the API's base. */
    static final String PROOF_BY_HASH = "/api/audit/proof-by-hash?hash=";

    /** A receipt whose entry has the given leaf hash (lower-case hex; none for bids older than the link). */
    static BidReceipt of(long bidId, long listingId, String bidderNo, Money amount, OffsetDateTime acceptedAt,
            int sequence, ListingStatus phase, OffsetDateTime deadline, byte[] auditLeafHash) {
        String hex = auditLeafHash == null ? null : HexFormat.of().formatHex(auditLeafHash);
        return new BidReceipt(bidId, listingId, bidderNo, amount, acceptedAt, sequence, phase, deadline, hex,
                hex == null ? null : PROOF_BY_HASH + hex);
    }

    /** The same receipt under the id the database gave the bid. */
    BidReceipt withBidId(long id) {
        return new BidReceipt(id, listingId, bidderNo, amount, acceptedAt, sequence, phase, deadline, auditLeafHash,
                auditProof);
    }
}
