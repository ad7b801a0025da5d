package cn.landmarket.settlement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Who is offered the lot when the winner defaults (domain.md, "After the sale", runner-up award),
 * from what the public log holds: the valid prices of the sale (open bids: every {@code bid.accepted};
 * a sealed quotation: the quotations its {@code listing.sold} judges {@code VALID}), the winner's
 * bidder number and the reserve (both in {@code listing.sold}). Each bidder counts with its own best
 * price (for open bids its last accepted bid); the runner-up is the bidder other than the winner
 * with the highest such price at or above the reserve, and of equal prices the one placed earlier
 * (lower sequence). Nobody qualifies: no runner-up.
 */
public final class RunnerUpRule {

    /** The rule in words, as the log entries that publish a choice state it. */
    public static final String RULE = "the highest valid price of a bidder other than the winner, at or above the "
            + "reserve; each bidder at its own best price; of equal prices the lower sequence";

    private RunnerUpRule() {
    }

    /** One valid price of the sale: its sequence in the listing, the bidder number and the amount in fen. */
    public record Price(int sequence, String bidderNo, long amountFen) {
    }

    /** A bidder's best price and whether it may be offered the lot (at or above the reserve). */
    public record Candidate(Price price, boolean eligible) {
    }

    /**
     * The choice: every bidder other than the winner at its best price, best first, and the
     * runner-up (the first eligible one), if any.
     */
    public record Choice(List<Candidate> candidates, Optional<Price> runnerUp) {
    }

    /** The order of the choice: higher amount first, then the earlier sequence. */
    private static final Comparator<Price> BEST_FIRST = Comparator.comparingLong(Price::amountFen).reversed()
            .thenComparingInt(Price::sequence);

    /**
     * Chooses the runner-up among {@code validPrices} (every valid bid or quotation of the sale),
     * leaving out every price of {@code winnerBidderNo}; {@code reserveFen} null means no reserve.
     */
    public static Choice choose(List<Price> validPrices, String winnerBidderNo, Long reserveFen) {
        Map<String, Price> best = new LinkedHashMap<>();
        for (Price p : validPrices) {
            if (p.bidderNo().equals(winnerBidderNo)) {
                continue;
            }
            best.merge(p.bidderNo(), p, (a, b) -> BEST_FIRST.compare(a, b) <= 0 ? a : b);
        }
        List<Price> ranked = new ArrayList<>(best.values());
        ranked.sort(BEST_FIRST);
        List<Candidate> candidates = ranked.stream()
                .map(p -> new Candidate(p, reserveFen == null || p.amountFen() >= reserveFen)).toList();
        Optional<Price> runnerUp = candidates.stream().filter(Candidate::eligible).map(Candidate::price).findFirst();
        return new Choice(candidates, runnerUp);
    }
}
