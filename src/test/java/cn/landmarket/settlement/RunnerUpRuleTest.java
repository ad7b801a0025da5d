package cn.landmarket.settlement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.landmarket.settlement.RunnerUpRule.Candidate;
import cn.landmarket.settlement.RunnerUpRule.Ineligible;
import cn.landmarket.settlement.RunnerUpRule.Price;

class RunnerUpRuleTest {

    private static Price p(int seq, String bidder, long fen) {
        return new Price(seq, bidder, fen);
    }

    @Test
    void theRunnerUpIsTheBestOtherBidderAtItsOwnLastPrice() {
        List<Price> bids = List.of(p(1, "C", 2_000_000_000L), p(2, "B", 2_100_000_000L), p(3, "A", 2_120_000_000L),
                p(4, "B", 2_200_000_000L), p(5, "A", 2_220_000_000L));
        RunnerUpRule.Choice choice = RunnerUpRule.choose(bids, "A", 2_200_000_000L);
        assertEquals(p(4, "B", 2_200_000_000L), choice.runnerUp().orElseThrow());
        assertEquals(List.of(new Candidate(p(4, "B", 2_200_000_000L), null),
                new Candidate(p(1, "C", 2_000_000_000L), Ineligible.BELOW_RESERVE)), choice.candidates(),
                "every other bidder once, at its best price, best first; the winner is never a candidate");
    }

    @Test
    void aBidderBelowTheReserveIsNeverTheRunnerUp() {
        RunnerUpRule.Choice choice = RunnerUpRule.choose(List.of(p(1, "B", 2_199_999_999L), p(2, "A", 2_300_000_000L)),
                "A", 2_200_000_000L);
        assertTrue(choice.runnerUp().isEmpty());
        assertEquals(List.of(new Candidate(p(1, "B", 2_199_999_999L), Ineligible.BELOW_RESERVE)), choice.candidates());
    }

    @Test
    void withoutAReserveAnyOtherValidPriceQualifies() {
        assertEquals("B", RunnerUpRule.choose(List.of(p(1, "B", 1L), p(2, "A", 2L)), "A", null).runnerUp()
                .orElseThrow().bidderNo());
    }

    @Test
    void ofEqualPricesTheEarlierSequenceIsTheRunnerUp() {
        List<Price> sealed = List.of(p(3, "D", 2_400_000_000L), p(2, "B", 2_300_000_000L), p(1, "A", 2_500_000_000L),
                p(4, "C", 2_400_000_000L));
        assertEquals(p(3, "D", 2_400_000_000L), RunnerUpRule.choose(sealed, "A", 2_200_000_000L).runnerUp()
                .orElseThrow());
        assertEquals(List.of(3, 4, 2), RunnerUpRule.choose(sealed, "A", 2_200_000_000L).candidates().stream()
                .map(c -> c.price().sequence()).toList());
    }

    @Test
    void aSaleWithOnlyTheWinnersBidsHasNoRunnerUp() {
        RunnerUpRule.Choice choice = RunnerUpRule.choose(List.of(p(1, "A", 2_200_000_000L), p(2, "A", 2_300_000_000L)),
                "A", null);
        assertTrue(choice.runnerUp().isEmpty());
        assertTrue(choice.candidates().isEmpty());
    }

    @Test
    void anIneligibleBidderIsSkippedForTheNextEligibleAtItsOwnPrice() {
        List<Price> bids = List.of(p(1, "C", 2_250_000_000L), p(2, "B", 2_300_000_000L), p(3, "A", 2_400_000_000L));
        RunnerUpRule.Choice choice = RunnerUpRule.choose(bids, "A", 2_200_000_000L,
                java.util.Map.of("B", Ineligible.BARRED));
        assertEquals(p(1, "C", 2_250_000_000L), choice.runnerUp().orElseThrow());
        assertEquals(List.of(new Candidate(p(2, "B", 2_300_000_000L), Ineligible.BARRED),
                new Candidate(p(1, "C", 2_250_000_000L), null)), choice.candidates());
        assertTrue(RunnerUpRule.choose(bids, "A", 2_200_000_000L, java.util.Map.of("B", Ineligible.BARRED,
                "C", Ineligible.DEPOSIT_NOT_HELD)).runnerUp().isEmpty(), "nobody eligible: no runner-up");
    }

    @Test
    void belowTheReserveIsTheReasonWhateverElseIsSaid() {
        RunnerUpRule.Choice choice = RunnerUpRule.choose(List.of(p(1, "B", 2_100_000_000L), p(2, "A", 2_300_000_000L)),
                "A", 2_200_000_000L, java.util.Map.of("B", Ineligible.BARRED));
        assertEquals(Ineligible.BELOW_RESERVE, choice.candidates().get(0).ineligible());
        assertEquals(Ineligible.DEPOSIT_NOT_HELD, Ineligible.named("DEPOSIT_NOT_HELD"));
        assertEquals(null, Ineligible.named("ASKED_NICELY"));
    }
}
