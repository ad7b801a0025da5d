package cn.landmarket.oversight;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.landmarket.common.Money;

/**
 * A run of bids on one listing whose differences follow a regular pattern, as defined by
 * {@link BidPatterns}: the rule, the two bidder numbers, the step, the listing's increment and the bids.
 */
public record BidPatternFinding(long listingId, BidPatterns.Rule rule, String firstBidder, String secondBidder,
        Money step, Money increment, int firstSequence, int lastSequence, List<PatternBid> bids) {

    /** One page of findings. */
    @Schema(name = "BidPatternFindingPage")
    public record Page(List<BidPatternFinding> items, int page, int size, long total) {
    }

    /** One bid of the run. */
    @Schema(name = "PatternBid")
    public record PatternBid(int sequence, String bidderNo, Money amount) {
    }

    /** The columns of the CSV export: one row per bid of each run. */
    static final List<Csv.Column<EvidenceRow<BidPatternFinding, PatternBid>>> CSV = List.of(
            Csv.column("listingId", r -> r.finding().listingId()),
            Csv.column("rule", r -> r.finding().rule()),
            Csv.column("firstBidder", r -> r.finding().firstBidder()),
            Csv.column("secondBidder", r -> r.finding().secondBidder()),
            Csv.column("step", r -> r.finding().step()),
            Csv.column("increment", r -> r.finding().increment()),
            Csv.column("firstSequence", r -> r.finding().firstSequence()),
            Csv.column("lastSequence", r -> r.finding().lastSequence()),
            Csv.column("sequence", r -> r.item().sequence()),
            Csv.column("bidderNo", r -> r.item().bidderNo()),
            Csv.column("amount", r -> r.item().amount()));
}
