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
 * bidder number and the reserve (both in {@code listing.sold}), and the bidders the service found
 * ineligible for a reason the log cannot show otherwise (barred, no longer verified, deposit no
 * longer held), which the runner-up entries log with each candidate. Each bidder counts with its own
 * best price (for open bids its last accepted bid); the runner-up is the eligible bidder other than
 * the winner with the highest such price at or above the reserve, and of equal prices the one placed
 * earlier (lower sequence). Nobody qualifies: no runner-up.
 */
public final class RunnerUpRule {

    /** The rule in words, as the log entries that publish a choice state it. */
    public static final String RULE = "the highest valid price of an eligible bidder other than the winner, at or "
            + "above the reserve; each bidder at its own best price; of equal prices the lower sequence; a bidder "
            + "barred, no longer verified or no longer holding its deposit is not eligible";

    private RunnerUpRule() {
    }

    /** One valid price of the sale: its sequence in the listing, the bidder number and the amount in fen. */
    public record Price(int sequence, String bidderNo, long amountFen) {
    }

    /**
     * Why a bidder may not be offered the lot. BELOW_RESERVE follows from the log; the others are
     * facts of the moment of the choice that the service checks and logs with the candidate.
     */
    public enum Ineligible {
        /** Its best price is below the reserve. */
        BELOW_RESERVE,
        /** Its enterprise is barred (a default elsewhere) at the moment of the choice. */
        BARRED,
        /** Its enterprise is no longer verified. */
        NOT_VERIFIED,
        /** Its registration no longer holds its full deposit (refunded as a loser's, or never qualified). */
        DEPOSIT_NOT_HELD;

        /** The reason named in a log entry, or null when the name is none of them. */
        public static Ineligible named(String name) {
            for (Ineligible i : values()) {
                if (i.name().equals(name)) {
                    return i;
                }
            }
            return null;
        }
    }

    /** A bidder's best price and why it may not be offered the lot (null: it may). */
    public record Candidate(Price price, Ineligible ineligible) {

        /** Whether it may be offered the lot. */
        public boolean eligible() {
            return ineligible == null;
        }
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
        return choose(validPrices, winnerBidderNo, reserveFen, Map.of());
    }

    /**
     * As {@link #choose(List, String, Long)}, with the bidders found ineligible when choosing, by
     * bidder number (a bidder below the reserve is BELOW_RESERVE whatever the map says).
     */
    public static Choice choose(List<Price> validPrices, String winnerBidderNo, Long reserveFen,
            Map<String, Ineligible> ineligible) {
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
                .map(p -> new Candidate(p, reserveFen != null && p.amountFen() < reserveFen ? Ineligible.BELOW_RESERVE
                        : ineligible.get(p.bidderNo()))).toList();
        Optional<Price> runnerUp = candidates.stream().filter(Candidate::eligible).map(Candidate::price).findFirst();
        return new Choice(candidates, runnerUp);
    }
}
