package cn.landmarket.oversight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Bid prices with a regular pattern of differences (Bidding Law implementing regulation art. 40),
 * found in one listing's accepted bids in sequence order. The difference of a bid is its amount
 * minus the amount of the bid before it. Two rules, each reported for every maximal run of
 * consecutive bids that satisfies it (a run that cannot be extended at either end):
 * <ul>
 * <li>{@link Rule#CONSTANT_STEP_ALTERNATION}: at least {@code alternationMinBids} consecutive bids
 * placed alternately by the same two bidders (no bidder bids twice in a row, and every bid's
 * bidder is the one of the bid two places before), all differences in the run equal to one step;</li>
 * <li>{@link Rule#MINIMUM_INCREMENT_RUN}: at least {@code minimumIncrementMinDifferences}
 * consecutive differences exactly equal to the listing's increment, with every bid of the run
 * placed by one of the same two bidders (both of them bidding in the run).</li>
 * </ul>
 * The two rules are independent: a run alternating at exactly the increment may satisfy both.
 */
public final class BidPatterns {

    private BidPatterns() {
    }

    /** Which rule a run satisfies. */
    @Schema(name = "BidPatternRule")
    public enum Rule {
        CONSTANT_STEP_ALTERNATION, MINIMUM_INCREMENT_RUN
    }

    /** An accepted bid: its sequence number in the listing, bidder number and amount. */
    public record Bid(int seq, String bidderNo, long amountFen) {
    }

    /** How long a run must be for each rule. */
    public record Thresholds(int alternationMinBids, int minimumIncrementMinDifferences) {

        /**
         * @throws IllegalArgumentException when a run of fewer than three bids or two differences would count
         */
        public Thresholds {
            if (alternationMinBids < 3 || minimumIncrementMinDifferences < 2) {
                throw new IllegalArgumentException("Runs must be at least 3 bids and 2 differences long");
            }
        }
    }

    /** A run that satisfies a rule: the two bidders (in order of their first bid in the run), the step and the bids. */
    public record Match(Rule rule, String firstBidder, String secondBidder, long stepFen, List<Bid> bids) {
    }

    /**
     * Every maximal run of {@code bids} (in sequence order) satisfying either rule, in order of
     * the run's first bid, alternation runs before increment runs.
     */
    public static List<Match> find(List<Bid> bids, long incrementFen, Thresholds thresholds) {
        List<Match> matches = new ArrayList<>();
        matches.addAll(alternations(bids, thresholds.alternationMinBids()));
        matches.addAll(incrementRuns(bids, incrementFen, thresholds.minimumIncrementMinDifferences()));
        return matches;
    }

    private static List<Match> alternations(List<Bid> bids, int minBids) {
        List<Match> matches = new ArrayList<>();
        int lastEnd = -1;
        for (int start = 0; start + 1 < bids.size(); start++) {
            Bid a = bids.get(start);
            Bid b = bids.get(start + 1);
            if (a.bidderNo().equals(b.bidderNo())) {
                continue;
            }
            long step = b.amountFen() - a.amountFen();
            int end = start + 1;
            while (end + 1 < bids.size()) {
                Bid next = bids.get(end + 1);
                if (!next.bidderNo().equals(bids.get(end - 1).bidderNo())
                        || next.amountFen() - bids.get(end).amountFen() != step) {
                    break;
                }
                end++;
            }
            if (end > lastEnd && end - start + 1 >= minBids) {
                matches.add(new Match(Rule.CONSTANT_STEP_ALTERNATION, a.bidderNo(), b.bidderNo(), step,
                        List.copyOf(bids.subList(start, end + 1))));
                lastEnd = end;
            }
        }
        return matches;
    }

    private static List<Match> incrementRuns(List<Bid> bids, long incrementFen, int minDifferences) {
        List<Match> matches = new ArrayList<>();
        int lastEnd = -1;
        for (int start = 0; start + 1 < bids.size(); start++) {
            Set<String> bidders = new LinkedHashSet<>();
            bidders.add(bids.get(start).bidderNo());
            int end = start;
            while (end + 1 < bids.size()) {
                Bid next = bids.get(end + 1);
                if (next.amountFen() - bids.get(end).amountFen() != incrementFen
                        || !bidders.contains(next.bidderNo()) && bidders.size() == 2) {
                    break;
                }
                bidders.add(next.bidderNo());
                end++;
            }
            if (end > lastEnd && end - start >= minDifferences && bidders.size() == 2) {
                List<String> pair = List.copyOf(bidders);
                matches.add(new Match(Rule.MINIMUM_INCREMENT_RUN, pair.get(0), pair.get(1), incrementFen,
                        List.copyOf(bids.subList(start, end + 1))));
                lastEnd = end;
            }
        }
        return matches;
    }
}
