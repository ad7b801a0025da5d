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
 * the buyer (named once the sale is decided) and the price of the trade that holds the award: the
 * winner's, or after the winner's default the runner-up's once the lot is offered to it
 * ({@code runnerUpAward} says so, without naming the defaulted winner); a lot released after a
 * default names no buyer and no price (outcome RELEASED); where objections can be lodged, until
 * when (the end of the publication period) and how many were lodged with their outcomes (never their
 * reasons nor who lodged them); and the audit log entry that recorded the close, which anyone can
 * prove against a signed checkpoint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResultView(long listingId, String listingNo, String title, AssetType assetType, String regionCode,
        String sellerCode, String sellerName, Outcome outcome, ListingStatus status, Buyer buyer, Money price,
        Long priceFen, RunnerUpAward runnerUpAward, Area area, OffsetDateTime closedAt, String objections, OffsetDateTime objectionPeriodEnds,
        ObjectionTally objectionOutcomes, LogEntry closeEntry) {

    /** How the sale ended. */
    @Schema(name = "ResultOutcome")
    public enum Outcome {
        /** Sold: to the highest bidder, or after its default to the runner-up ({@code runnerUpAward}). */
        SOLD,
        /** No valid bid, or the highest was below the reserve (流拍). */
        UNSOLD,
        /**
         * Sold, but the buyer defaulted (and, with a runner-up award, the runner-up declined,
         * defaulted too or was no longer eligible): the lot was released and may be relisted.
         */
        RELEASED
    }

    /** The buyer: the enterprise that holds the award (the winner, or the runner-up it passed to). */
    @Schema(name = "ResultBuyer")
    public record Buyer(String name, String creditCode) {
    }

    /**
     * The award passed to the runner-up after the winner defaulted (runner-up award, domain.md
     * "After the sale"): what became of it and when. The buyer and price are then the runner-up's
     * while it is OFFERED the lot or ACCEPTED it; DECLINED, DEFAULTED or LAPSED (nobody eligible any
     * more) leave the lot RELEASED.
     */
    @Schema(name = "ResultRunnerUpAward")
    public record RunnerUpAward(Step step, OffsetDateTime at) {

        /** Where the award to the runner-up stands. */
        @Schema(name = "ResultRunnerUpStep")
        public enum Step {
            /** The winner defaulted; the lot is offered to the runner-up at its own price. */
            OFFERED,
            /** The runner-up signed the confirmation of its offer. */
            ACCEPTED,
            /** The runner-up declined the offer; the lot was released. */
            DECLINED,
            /** The runner-up defaulted on its offer too; the lot was released. */
            DEFAULTED,
            /** The winner defaulted and nobody was eligible any more to be offered the lot; it was released. */
            LAPSED
        }

        /** Whether the runner-up holds the award (and is the result's buyer). */
        public boolean holdsTheAward() {
            return step == Step.OFFERED || step == Step.ACCEPTED;
        }
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
