package cn.landmarket.oversight;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.landmarket.asset.AssetType;
import cn.landmarket.common.Area;
import cn.landmarket.common.Money;
import cn.landmarket.listing.ListingStatus;

/**
 * The published result of a closed listing: what was offered, by whom, the outcome and, for a sale,
 * the buyer (named once the sale is decided) and the price; where objections can be lodged, until
 * when (the end of the publication period) and how many were lodged with their outcomes (never their
 * reasons nor who lodged them); and the audit log entry that recorded the close, which anyone can
 * prove against a signed checkpoint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultView(long listingId, String listingNo, String title, AssetType assetType, String regionCode,
        String sellerCode, String sellerName, Outcome outcome, ListingStatus status, Buyer buyer, Money price,
        Long priceFen, Area area, OffsetDateTime closedAt, String objections, OffsetDateTime objectionPeriodEnds,
        ObjectionTally objectionOutcomes, LogEntry closeEntry) {

    /** How the sale ended. */
    @Schema(name = "ResultOutcome")
    public enum Outcome {
        /** Sold to the highest bidder. */
        SOLD,
        /** No valid bid, or the highest was below the reserve (流拍). */
        UNSOLD
    }

    /** The buyer: the enterprise that won. */
    @Schema(name = "ResultBuyer")
    public record Buyer(String name, String creditCode) {
    }

    /**
     * The log entry of the close: its type, its RFC 9162 leaf hash in hex, where to fetch its
     * inclusion proof, and its index once the sequencer has added it to the tree (about a second
     * after the close; until then the proof answers 404).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ResultLogEntry")
    public record LogEntry(String type, String leafHash, String proof, Long index) {
    }
}
