package cn.landmarket.oversight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.landmarket.oversight.BidPatterns.Bid;
import cn.landmarket.oversight.BidPatterns.Match;
import cn.landmarket.oversight.BidPatterns.Rule;

class BidPatternsTest {

    private static final long INCREMENT = 100;
    private static final BidPatterns.Thresholds THRESHOLDS = new BidPatterns.Thresholds(6, 10);

    /** Bids from "bidder:amount" pairs, numbered from 1. */
    private static List<Bid> bids(String... bids) {
        List<Bid> out = new ArrayList<>();
        for (String b : bids) {
            String[] parts = b.split(":");
            out.add(new Bid(out.size() + 1, parts[0], Long.parseLong(parts[1])));
        }
        return out;
    }

    private static List<Match> find(List<Bid> bids) {
        return BidPatterns.find(bids, INCREMENT, THRESHOLDS);
    }

    private static List<Integer> seqs(Match m) {
        return m.bids().stream().map(Bid::seq).toList();
    }

    @Test
    void twoBiddersAlternatingWithAConstantStepAreFound() {
        List<Match> matches = find(bids("A:1000", "B:1500", "A:2000", "B:2500", "A:3000", "B:3500"));
        assertEquals(1, matches.size());
        Match m = matches.get(0);
        assertEquals(Rule.CONSTANT_STEP_ALTERNATION, m.rule());
        assertEquals("A", m.firstBidder());
        assertEquals("B", m.secondBidder());
        assertEquals(500, m.stepFen());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), seqs(m));
    }

    @Test
    void anAlternationOneBidShortOfTheThresholdIsNotReported() {
        assertEquals(List.of(), find(bids("A:1000", "B:1500", "A:2000", "B:2500", "A:3000")));
    }

    @Test
    void irregularStepsAreNotAPattern() {
        assertEquals(List.of(), find(bids("A:1000", "B:1300", "A:2100", "B:2400", "A:3600", "B:4000", "A:4100")));
    }

    @Test
    void theSameStepWithoutAlternationIsNotAnAlternation() {
        // A, B, C in turn with a constant step: three bidders
        assertEquals(List.of(), find(bids("A:1000", "B:1500", "C:2000", "A:2500", "B:3000", "C:3500", "A:4000")));
        // one bidder twice in a row breaks the alternation
        assertEquals(List.of(), find(bids("A:1000", "B:1500", "B:2000", "A:2500", "B:3000", "A:3500")));
    }

    @Test
    void onlyTheMaximalRunIsReportedNotItsSubRuns() {
        List<Match> matches = find(bids("C:500", "A:1000", "B:1500", "A:2000", "B:2500", "A:3000", "B:3500",
                "A:4000", "C:4700"));
        assertEquals(1, matches.size());
        assertEquals(List.of(2, 3, 4, 5, 6, 7, 8), seqs(matches.get(0)));
    }

    @Test
    void aRunWithAnotherStepAfterwardsIsReportedSeparately() {
        List<Match> matches = find(bids("A:1000", "B:1500", "A:2000", "B:2500", "A:3000", "B:3500",
                "A:3800", "B:4100", "A:4400", "B:4700", "A:5000"));
        assertEquals(2, matches.size());
        assertEquals(List.of(1, 2, 3, 4, 5, 6), seqs(matches.get(0)));
        assertEquals(500, matches.get(0).stepFen());
        assertEquals(List.of(6, 7, 8, 9, 10, 11), seqs(matches.get(1)));
        assertEquals(300, matches.get(1).stepFen());
        assertEquals("B", matches.get(1).firstBidder());
    }

    @Test
    void tenDifferencesOfExactlyTheIncrementBetweenTwoBiddersAreFound() {
        // A and B each bid twice in a row: no alternation of six, but only A and B, always at the increment
        List<Match> matches = find(bids("A:1000", "B:1100", "A:1200", "A:1300", "B:1400", "A:1500", "B:1600",
                "B:1700", "A:1800", "B:1900", "A:2000"));
        assertEquals(1, matches.size());
        Match m = matches.get(0);
        assertEquals(Rule.MINIMUM_INCREMENT_RUN, m.rule());
        assertEquals(INCREMENT, m.stepFen());
        assertEquals(11, m.bids().size());
        assertEquals("A", m.firstBidder());
        assertEquals("B", m.secondBidder());
    }

    @Test
    void nineDifferencesAtTheIncrementAreNotEnough() {
        assertEquals(List.of(), find(bids("A:1000", "B:1100", "A:1200", "A:1300", "B:1400", "A:1500", "B:1600",
                "B:1700", "A:1800", "B:1900")));
    }

    @Test
    void aThirdBidderBreaksTheIncrementRun() {
        assertEquals(List.of(), find(bids("A:1000", "B:1100", "A:1200", "B:1300", "A:1400", "C:1500", "B:1600",
                "A:1700", "B:1800", "A:1900", "B:2000")));
    }

    @Test
    void oneBidderRaisingItselfIsNotARunBetweenTwoBidders() {
        assertEquals(List.of(), find(bids("A:1000", "A:1100", "A:1200", "A:1300", "A:1400", "A:1500", "A:1600",
                "A:1700", "A:1800", "A:1900", "A:2000")));
    }

    @Test
    void anAlternationAtExactlyTheIncrementSatisfiesBothRules() {
        List<Bid> bids = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            bids.add(new Bid(i + 1, i % 2 == 0 ? "A" : "B", 1000 + i * INCREMENT));
        }
        List<Match> matches = find(bids);
        assertEquals(List.of(Rule.CONSTANT_STEP_ALTERNATION, Rule.MINIMUM_INCREMENT_RUN),
                matches.stream().map(Match::rule).toList());
        matches.forEach(m -> assertEquals(11, m.bids().size()));
    }

    @Test
    void noBidsOrOneBidHaveNoPattern() {
        assertEquals(List.of(), find(List.of()));
        assertEquals(List.of(), find(bids("A:1000")));
    }

    @Test
    void thresholdsTooShortToMeanAnythingAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BidPatterns.Thresholds(2, 10));
        assertThrows(IllegalArgumentException.class, () -> new BidPatterns.Thresholds(6, 1));
    }
}
