package cn.landmarket.verifier;

import static cn.landmarket.verifier.LotteryRunnerUpRecomputeTest.finding;
import static cn.landmarket.verifier.LotteryRunnerUpRecomputeTest.fiveBids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.landmarket.verifier.LotteryRunnerUpRecomputeTest.Sale;

/**
 * The recomputation of runner-up awards checks what links each step to the trade entry that caused
 * it, and the eligibility each choice logs (README, "Runner-up award"): written with the service's
 * entry types (the {@link Sale} log of {@link LotteryRunnerUpRecomputeTest}), an honest award agrees;
 * one entry changed in the exported log ({@link SealedLog#tamper}) makes it disagree for that
 * listing, naming the entry: an offer without the winner's default before it, an offer after the
 * winner settled, a default with no offer after it (once the log goes on), a winner's trade of an
 * announced award opened without the choice, a skipped bidder whose logged reason is removed or
 * unknown, a lapse while a bidder was still eligible.
 */
class RunnerUpLinkRecomputeTest {

    /** C00003 (1.3e9) barred when the winner's trade opened: B00002 (1.25e9) is held. */
    private static List<Object[]> cBarred() {
        return List.<Object[]>of(new Object[] {"C00003", 3, 1_300_000_000L, false, "BARRED"},
                new Object[] {"B00002", 4, 1_250_000_000L, true});
    }

    /** An entry of another listing a while later: the log goes on. */
    private static void later(SealedLog log) {
        log.advance(60);
        log.add("bid.accepted", "bidder:Z00090", Map.of("listingId", 90L, "sequence", 1, "bidderNo", "Z00090",
                "amountFen", 1_000_000_000L));
    }

    private static Finding disagrees(SealedLog log, long listingId) throws Exception {
        Finding f = finding(log, "runner-up award", listingId);
        assertFalse(f.agrees(), f.line());
        assertTrue(f.line().startsWith("runner-up award, listing " + listingId + ": DISAGREES: "), f.line());
        return f;
    }

    @Test
    void anOfferWhoseWinnersDefaultIsChangedToAnotherTradeDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 31, null);
        Map<String, Object> choice = s.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0);
        s.held(choice);
        long defaulted = s.winnerDefaulted();
        long offered = s.offered(choice);
        assertTrue(finding(log, "runner-up award", 31).agrees());

        log.tamper(defaulted, "\"tradeId\":70", "\"tradeId\":69");
        Finding f = disagrees(log, 31);
        assertEquals(List.of("entry " + offered + " (runner_up.offered): offered without a logged trade.defaulted of "
                + "the winner's trade 70 before it"), f.disagreements());
    }

    @Test
    void anOfferAfterTheWinnersTradeSettledDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 32, null);
        Map<String, Object> choice = s.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0);
        s.held(choice);
        long defaulted = s.winnerDefaulted();
        long offered = s.offered(choice);
        log.tamper(defaulted, "\"type\":\"trade.defaulted\"", "\"type\":\"trade.settled\"");
        Finding f = disagrees(log, 32);
        assertTrue(f.disagreements().contains("entry " + offered + " (runner_up.offered): offered after the winner's "
                + "trade 70 settled (entry " + defaulted + " (trade.settled))"), f.line());
        assertTrue(f.disagreements().contains("entry " + offered + " (runner_up.offered): offered without a logged "
                + "trade.defaulted of the winner's trade 70 before it"), f.line());
    }

    @Test
    void aWinnersDefaultThatProducedNoOfferDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 33, null);
        Map<String, Object> choice = s.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0);
        s.held(choice);
        long defaulted = s.winnerDefaulted();
        long offered = s.offered(choice);
        later(log);
        log.tamper(offered, "\"type\":\"runner_up.offered\"", "\"type\":\"runner_up.withheld\"");
        Finding f = disagrees(log, 33);
        assertEquals(List.of("entry " + defaulted + " (trade.defaulted): the winner's trade 70 defaulted with runner-up "
                + "C00003 held, but no runner_up.offered or runner_up.lapsed follows"), f.disagreements());
    }

    @Test
    void aReleaseWithoutTheWinnersSettlementDisagreesAndWithItAgrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 34, null);
        Map<String, Object> choice = s.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0);
        s.held(choice);
        long settled = s.trade("settled", 70L);
        long released = s.answered(choice, "RELEASED");
        Finding f = finding(log, "runner-up award", 34);
        assertTrue(f.agrees(), f.line());
        assertTrue(f.summary().endsWith("; released"), f.line());

        log.tamper(settled, "\"tradeId\":70", "\"tradeId\":71");
        assertEquals(List.of("entry " + released + " (runner_up.released): released without a logged trade.settled "
                + "of the winner's trade 70 before it"), disagrees(log, 34).disagreements());
    }

    @Test
    void aRunnerUpThatAcceptsThenDefaultsAgreesOnlyAfterItsTradesDefault() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 35, null);
        Map<String, Object> choice = s.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0);
        s.held(choice);
        s.winnerDefaulted();
        s.offered(choice);
        s.answered(choice, "ACCEPTED");
        long offerDefaulted = s.trade("defaulted", 71L);
        long defaulted = s.answered(choice, "DEFAULTED");
        Finding f = finding(log, "runner-up award", 35);
        assertTrue(f.agrees(), f.line());

        log.tamper(offerDefaulted, "\"tradeId\":71", "\"tradeId\":72");
        assertEquals(List.of("entry " + defaulted + " (runner_up.defaulted): defaulted without a logged "
                + "trade.defaulted of the offer's trade 71 before it"), disagrees(log, 35).disagreements());
    }

    @Test
    void aBidderLoggedBarredIsSkippedAndRemovingTheReasonDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 36, null);
        long held = s.held(s.choice(cBarred(), 1));
        Finding f = finding(log, "runner-up award", 36);
        assertTrue(f.agrees(), f.line());
        assertEquals("runner-up award, listing 36: AGREES: bidder B00002 at 1250000000 fen (sequence 4) among 2 other "
                + "bidders; held", f.line());

        log.tamper(held, "\"eligible\":false,\"ineligible\":\"BARRED\"", "\"eligible\":true,\"ineligible\":null");
        Finding g = disagrees(log, 36);
        assertTrue(g.disagreements().contains("entry " + held + " (runner_up.held): runnerUpBidderNo: published "
                + "B00002, recomputed C00003"), g.line());
    }

    @Test
    void anUnknownReasonToSkipABidderDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 37, null);
        long held = s.held(s.choice(cBarred(), 1));
        log.tamper(held, "\"ineligible\":\"BARRED\"", "\"ineligible\":\"DISLIKED\"");
        Finding f = disagrees(log, 37);
        assertTrue(f.disagreements().contains("entry " + held + " (runner_up.held): candidate 1 (bidder C00003) "
                + "ineligible for an unknown reason DISLIKED"), f.line());
    }

    @Test
    void theNextEligibleBidderIsOfferedWhenTheHeldOneIsBarredAtTheDefault() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 38, null);
        Map<String, Object> hold = s.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0);
        s.held(hold);
        s.winnerDefaulted();
        Map<String, Object> again = s.choice(cBarred(), 1);
        long offered = s.offered(again, "C00003");
        s.answered(again, "ACCEPTED");
        Finding f = finding(log, "runner-up award", 38);
        assertTrue(f.agrees(), f.line());
        assertEquals("runner-up award, listing 38: AGREES: bidder B00002 at 1250000000 fen (sequence 4) among 2 other "
                + "bidders; accepted", f.line());

        log.tamper(offered, "\"heldBidderNo\":\"C00003\"", "\"heldBidderNo\":\"B00002\"");
        assertEquals(List.of("entry " + offered + " (runner_up.offered): heldBidderNo: published B00002, recomputed "
                + "C00003"), disagrees(log, 38).disagreements());
    }

    @Test
    void aLapseAgreesWhenNobodyIsEligibleAndDisagreesWhenABidderStillWas() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 39, null);
        Map<String, Object> hold = s.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0);
        s.held(hold);
        s.winnerDefaulted();
        long lapsed = s.lapsed(s.choice(List.<Object[]>of(new Object[] {"C00003", 3, 1_300_000_000L, false, "BARRED"},
                new Object[] {"B00002", 4, 1_250_000_000L, false, "DEPOSIT_NOT_HELD"}), -1), hold);
        Finding f = finding(log, "runner-up award", 39);
        assertTrue(f.agrees(), f.line());
        assertEquals("runner-up award, listing 39: AGREES: no runner-up among 2 other bidders; lapsed", f.line());

        log.tamper(lapsed, "\"eligible\":false,\"ineligible\":\"DEPOSIT_NOT_HELD\"",
                "\"eligible\":true,\"ineligible\":null");
        Finding g = disagrees(log, 39);
        assertTrue(g.disagreements().contains("entry " + lapsed + " (runner_up.lapsed): lapsed at the winner's default, "
                + "where the choice made again then is runner_up.offered"), g.line());
    }

    @Test
    void aWinnersDefaultAtTheEndOfTheLogIsNotFlaggedBeforeTheLogGoesOn() throws Exception {
        // a checkpoint may fall between the default and the offer logged in the same transaction
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 40, null);
        s.held(s.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0));
        long defaulted = s.winnerDefaulted();
        Finding f = finding(log, "runner-up award", 40);
        assertTrue(f.agrees(), f.line());
        assertTrue(f.summary().endsWith("; held"), f.line());

        later(log);
        assertEquals(List.of("entry " + defaulted + " (trade.defaulted): the winner's trade 70 defaulted with "
                + "runner-up C00003 held, but no runner_up.offered or runner_up.lapsed follows"),
                disagrees(log, 40).disagreements());
    }

    @Test
    void aWinnersTradeOpenedWithoutTheChoiceOfAnAnnouncedAwardDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        log.add("listing.announced", "township:510722001", Map.of("listingId", 41L, "runnerUpAward", true));
        Sale s = fiveBids(log, 41, null);
        long created = log.add("trade.created", "system:settlement", Map.of("listingId", 41L, "tradeId", 70L,
                "buyerCode", "91510703MA0000000A", "priceFen", 1_400_000_000L));
        long held = s.held(s.choice(LotteryRunnerUpRecomputeTest.cThenB(true), 0));
        later(log);
        assertTrue(finding(log, "runner-up award", 41).agrees());

        log.tamper(held, "\"type\":\"runner_up.held\"", "\"type\":\"runner_up.hidden\"");
        assertEquals(List.of("entry " + created + " (trade.created): the winner's trade of a listing announced with "
                + "a runner-up award opened, but no runner_up.held or runner_up.none follows"),
                disagrees(log, 41).disagreements());
    }
}
