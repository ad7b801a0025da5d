package cn.landmarket.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import cn.landmarket.auction.LotteryCommitment;
import cn.landmarket.auction.LotteryDraw;

/**
 * The verifier's recomputation of lotteries at the cap and runner-up awards from a log alone (README,
 * "Audit log"): logs written with the service's entry types and facts agree; a changed reveal, a
 * reveal outside its window, a platform contribution that does not open its commitment, an entry
 * after the deadline, a runner-up offered at another price or to another bidder, and steps out of
 * order each disagree for that listing, naming the entry.
 */
class LotteryRunnerUpRecomputeTest {

    private static final long CAP = 3_000_000_000L;
    private final Random random = new Random(21);

    static Recomputer.Report recompute(SealedLog log) throws Exception {
        return Recomputer.recompute(new RecomputeTest.ListSource(log.entries), log.entries.size(),
                Recomputation.all());
    }

    static Finding finding(SealedLog log, String recomputation, long listingId) throws Exception {
        Recomputer.Report report = recompute(log);
        return report.about(recomputation, listingId).orElseThrow(() -> new AssertionError(report.findings()));
    }

    private String random32() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** One listing's lottery round written as the service writes it (BidStore, LotteryEntry, LotteryService). */
    final class Lottery {
        final SealedLog log;
        final long listingId;
        final String listingNo;
        final String capBidderNo;
        final String platformContribution = random32();
        final Map<String, String> contributions = new HashMap<>();
        final Map<String, String> commitments = new HashMap<>();
        final List<String> order = new ArrayList<>();
        final Map<String, String> revealed = new HashMap<>();
        Instant entryDeadline;
        Instant revealDeadline;

        Lottery(SealedLog log, long listingId, String capBidderNo) {
            this.log = log;
            this.listingId = listingId;
            this.listingNo = "GT-510722-2026-" + String.format("%06d", listingId);
            this.capBidderNo = capBidderNo;
            Instant opened = log.now().plusSeconds(1);
            entryDeadline = opened.plusSeconds(1800);
            revealDeadline = entryDeadline.plusSeconds(1800);
            Map<String, Object> facts = base();
            facts.put("from", "COUNTDOWN");
            facts.put("to", "LOTTERY");
            facts.put("reason", "price cap reached: lottery round open");
            facts.put("listingNo", listingNo);
            facts.put("capFen", CAP);
            facts.put("capBidId", 9000L + listingId);
            facts.put("capSequence", 2);
            facts.put("capBidderNo", capBidderNo);
            facts.put("lotteryEntryDeadline", entryDeadline.toString());
            facts.put("lotteryRevealDeadline", revealDeadline.toString());
            facts.put("platformCommitment", LotteryCommitment.of(listingNo, LotteryCommitment.PLATFORM,
                    platformContribution));
            facts.put("commitmentVersion", LotteryCommitment.VERSION);
            log.add("listing.lottery", "system:bidding", facts);
        }

        private Map<String, Object> base() {
            Map<String, Object> facts = new HashMap<>();
            facts.put("listingId", listingId);
            return facts;
        }

        private Map<String, Object> entryFacts(String bidderNo) {
            Map<String, Object> facts = base();
            facts.put("sequence", order.indexOf(bidderNo) + 1);
            facts.put("bidderNo", bidderNo);
            facts.put("commitment", commitments.get(bidderNo));
            return facts;
        }

        long enter(String bidderNo) {
            String contribution = random32();
            contributions.put(bidderNo, contribution);
            commitments.put(bidderNo, LotteryCommitment.of(listingNo, bidderNo, contribution));
            order.add(bidderNo);
            Map<String, Object> facts = entryFacts(bidderNo);
            facts.put("listingNo", listingNo);
            facts.put("enteredAt", log.now().plusSeconds(1).toString());
            return log.add("lottery.entered", "bidder:" + bidderNo, facts);
        }

        /** To just after the entry deadline (the reveal window). */
        void toRevealWindow() {
            log.advance(entryDeadline.getEpochSecond() - log.now().getEpochSecond());
        }

        long reveal(String bidderNo) {
            revealed.put(bidderNo, contributions.get(bidderNo));
            Map<String, Object> facts = entryFacts(bidderNo);
            facts.put("listingNo", listingNo);
            facts.put("contribution", contributions.get(bidderNo));
            facts.put("revealedAt", log.now().plusSeconds(1).toString());
            return log.add("lottery.revealed", "bidder:" + bidderNo, facts);
        }

        /** A regulator suspended the round for {@code seconds} and resumed it: both deadlines move. */
        void suspendAndResume(long seconds) {
            Map<String, Object> facts = base();
            facts.put("from", "LOTTERY");
            facts.put("to", "SUSPENDED");
            log.add("listing.suspended", "regulator:1", facts);
            log.advance(seconds);
            entryDeadline = entryDeadline.plusSeconds(seconds + 1);
            revealDeadline = revealDeadline.plusSeconds(seconds + 1);
            Map<String, Object> resumed = base();
            resumed.put("from", "SUSPENDED");
            resumed.put("to", "LOTTERY");
            resumed.put("lotteryEntryDeadline", entryDeadline.toString());
            resumed.put("lotteryRevealDeadline", revealDeadline.toString());
            resumed.put("pausedSeconds", seconds + 1);
            log.add("listing.lottery", "regulator:1", resumed);
        }

        /**
         * The draw at the reveal deadline (at the entry deadline when the cap's bidder is the only
         * entrant), as LotteryService writes it into listing.sold.
         */
        long draw() {
            Instant due = order.stream().allMatch(capBidderNo::equals) ? entryDeadline : revealDeadline;
            log.advance(Math.max(0, due.getEpochSecond() - log.now().getEpochSecond()));
            List<String> entrants = new ArrayList<>();
            entrants.add(capBidderNo);
            order.stream().filter(b -> !b.equals(capBidderNo)).forEach(entrants::add);
            List<LotteryDraw.Contribution> shown = revealed.entrySet().stream()
                    .map(e -> new LotteryDraw.Contribution(e.getKey(), e.getValue())).toList();
            LotteryDraw.Result draw = LotteryDraw.draw(listingNo, entrants, shown, platformContribution);
            Map<String, Object> lottery = new HashMap<>();
            lottery.put("listingNo", listingNo);
            lottery.put("capFen", CAP);
            lottery.put("capBidId", 9000L + listingId);
            lottery.put("capBidderNo", capBidderNo);
            lottery.put("entryDeadline", entryDeadline.toString());
            lottery.put("revealDeadline", revealDeadline.toString());
            List<Map<String, Object>> list = new ArrayList<>();
            for (String b : order) {
                Map<String, Object> f = new HashMap<>();
                f.put("sequence", order.indexOf(b) + 1);
                f.put("bidderNo", b);
                f.put("commitment", commitments.get(b));
                f.put("contribution", revealed.get(b));
                list.add(f);
            }
            lottery.put("entries", list);
            lottery.put("platformCommitment", LotteryCommitment.of(listingNo, LotteryCommitment.PLATFORM,
                    platformContribution));
            lottery.put("platformContribution", platformContribution);
            lottery.put("entrants", draw.entrants());
            lottery.put("drawn", draw.drawn());
            lottery.put("seed", draw.seed());
            lottery.put("winnerIndex", draw.winnerIndex());
            lottery.put("winnerBidderNo", draw.winnerBidderNo());
            lottery.put("seedVersion", LotteryDraw.SEED_VERSION);
            Map<String, Object> facts = base();
            facts.put("from", "LOTTERY");
            facts.put("to", "SOLD");
            facts.put("outcome", "SOLD");
            facts.put("winningBidId", 9100L + listingId);
            facts.put("winningSequence", 3);
            facts.put("winningBidderNo", draw.winnerBidderNo());
            facts.put("winningAmountFen", CAP);
            facts.put("bidCount", 3);
            facts.put("reservePriceFen", null);
            facts.put("capAction", "LOTTERY");
            facts.put("lottery", lottery);
            return log.add("listing.sold", "system:lottery", facts);
        }
    }

    /** Cap's bidder 500002, entrants 500001 and 500003 (who never reveals); 500001 and 500002 reveal. */
    Lottery threeEntrants(SealedLog log, long listingId) {
        Lottery l = new Lottery(log, listingId, "500002");
        l.enter("500001");
        l.enter("500003");
        l.enter("500002");
        l.toRevealWindow();
        l.reveal("500001");
        l.reveal("500002");
        return l;
    }

    @Test
    void anHonestLotteryAgreesWithTheEntrantThatNeverRevealedStillDrawnFrom() throws Exception {
        SealedLog log = new SealedLog();
        Lottery l = threeEntrants(log, 11);
        l.draw();
        Finding f = finding(log, "lottery draw", 11);
        assertTrue(f.agrees(), f.line());
        LotteryDraw.Result expected = LotteryDraw.draw(l.listingNo, List.of("500001", "500002", "500003"),
                List.of(new LotteryDraw.Contribution("500001", l.contributions.get("500001")),
                        new LotteryDraw.Contribution("500002", l.contributions.get("500002"))),
                l.platformContribution);
        assertEquals("lottery draw, listing 11 (" + l.listingNo + "): AGREES: drawn among 3 entrants (2 revealed), seed "
                + expected.seed() + ", index " + expected.winnerIndex() + ": SOLD to bidder "
                + expected.winnerBidderNo() + " at 3000000000 fen", f.line());
        assertEquals(List.of(), recompute(log).disagreements());
    }

    @Test
    void aChangedRevealDisagreesNamingTheEntryThatDoesNotOpenItsCommitment() throws Exception {
        SealedLog log = new SealedLog();
        Lottery l = new Lottery(log, 12, "600002");
        long entered = l.enter("600001");
        l.enter("600002");
        l.toRevealWindow();
        long reveal = l.reveal("600001");
        l.reveal("600002");
        l.draw();
        assertTrue(finding(log, "lottery draw", 12).agrees());

        String original = l.contributions.get("600001");
        String forged = random32();
        log.tamper(reveal, "\"contribution\":\"" + original + "\"", "\"contribution\":\"" + forged + "\"");
        Finding f = finding(log, "lottery draw", 12);
        assertFalse(f.agrees(), f.line());
        assertEquals("entry " + reveal + " (lottery.revealed) (bidder 600001): contribution " + forged
                + " does not open the commitment " + l.commitments.get("600001") + " of entry "
                + entered + " (lottery.entered)", f.disagreements().get(0));
        // the draw published the true contribution, which no accepted reveal in the log shows
        assertTrue(f.disagreements().stream().anyMatch(d -> d.contains("entry of 600001 contribution: published "
                + original + ", recomputed null")), f.line());
        assertTrue(f.disagreements().stream().anyMatch(d -> d.contains("lottery seed: published ")), f.line());
    }

    @Test
    void aRevealAfterTheRevealDeadlineAndAnEntryAfterTheEntryDeadlineDisagree() throws Exception {
        SealedLog log = new SealedLog();
        Lottery l = new Lottery(log, 13, "700002");
        l.enter("700001");
        l.toRevealWindow();
        long late = l.enter("700003");
        l.reveal("700001");
        l.draw();
        Finding f = finding(log, "lottery draw", 13);
        assertFalse(f.agrees(), f.line());
        assertTrue(f.disagreements().get(0).startsWith("entry " + late + " (lottery.entered) (bidder 700003): entered "
                + "at "), f.line());
        assertTrue(f.disagreements().get(0).endsWith("not before the entry deadline " + l.entryDeadline), f.line());

        SealedLog log2 = new SealedLog();
        Lottery m = new Lottery(log2, 14, "800002");
        m.enter("800001");
        log2.advance(3700); // past both deadlines
        long tooLate = m.reveal("800001");
        m.draw();
        Finding g = finding(log2, "lottery draw", 14);
        assertFalse(g.agrees(), g.line());
        assertTrue(g.disagreements().get(0).startsWith("entry " + tooLate + " (lottery.revealed) (bidder 800001): "
                + "revealed at "), g.line());
        assertTrue(g.disagreements().get(0).contains("outside the reveal window"), g.line());
    }

    @Test
    void aPlatformContributionThatDoesNotOpenItsCommitmentDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        Lottery l = threeEntrants(log, 15);
        long sold = l.draw();
        String forged = random32();
        log.tamper(sold, "\"platformContribution\":\"" + l.platformContribution + "\"",
                "\"platformContribution\":\"" + forged + "\"");
        Finding f = finding(log, "lottery draw", 15);
        assertFalse(f.agrees(), f.line());
        assertTrue(f.disagreements().get(0).startsWith("entry " + sold + " (listing.sold): lottery the platform's "
                + "contribution " + forged + " does not open its commitment"), f.line());
    }

    @Test
    void aSuspensionMovesTheDeadlinesAndTheRoundStillAgrees() throws Exception {
        SealedLog log = new SealedLog();
        Lottery l = new Lottery(log, 16, "900002");
        l.enter("900001");
        l.suspendAndResume(3600); // past the original entry deadline, but the round was paused
        l.enter("900003");
        l.toRevealWindow();
        l.reveal("900003");
        l.draw();
        Finding f = finding(log, "lottery draw", 16);
        assertTrue(f.agrees(), f.line());
    }

    @Test
    void theCapsBidderAloneWinsWithoutADrawAndAgrees() throws Exception {
        SealedLog log = new SealedLog();
        Lottery l = new Lottery(log, 17, "910002");
        l.draw();
        Finding f = finding(log, "lottery draw", 17);
        assertTrue(f.agrees(), f.line());
        assertTrue(f.summary().startsWith("the cap's bidder the only entrant: SOLD to bidder 910002"), f.line());
    }

    // ---- runner-up awards ----

    /** An open sale: bids, the sale, then the choice when the winner's trade opens, as SettlementService logs them. */
    static final class Sale {
        final SealedLog log;
        final long listingId;
        final Long reserveFen;
        final List<long[]> bids = new ArrayList<>();
        final List<String> bidders = new ArrayList<>();
        String winner;

        Sale(SealedLog log, long listingId, Long reserveFen) {
            this.log = log;
            this.listingId = listingId;
            this.reserveFen = reserveFen;
        }

        void bid(String bidderNo, long amountFen) {
            int sequence = bids.size() + 1;
            bids.add(new long[] {sequence, amountFen});
            bidders.add(bidderNo);
            log.add("bid.accepted", "bidder:" + bidderNo, Map.of("listingId", listingId, "sequence", sequence,
                    "bidderNo", bidderNo, "amountFen", amountFen, "phase", "LISTING",
                    "acceptedAt", log.now().plusSeconds(1).toString(), "deadline", "2026-12-01T00:00:00Z"));
        }

        void sold() {
            winner = bidders.get(bidders.size() - 1);
            Map<String, Object> facts = new HashMap<>();
            facts.put("listingId", listingId);
            facts.put("from", "COUNTDOWN");
            facts.put("to", "SOLD");
            facts.put("outcome", "SOLD");
            facts.put("winningBidId", 7000L);
            facts.put("winningSequence", bids.size());
            facts.put("winningBidderNo", winner);
            facts.put("winningAmountFen", bids.get(bids.size() - 1)[1]);
            facts.put("bidCount", bids.size());
            facts.put("reservePriceFen", reserveFen);
            log.add("listing.sold", "system:timeline", facts);
        }

        /**
         * The choice's facts with the given candidates (bidder, sequence, amount, eligible, and
         * optionally why not: else BELOW_RESERVE when not eligible) and runner-up (index into them, or -1).
         */
        Map<String, Object> choice(List<Object[]> candidates, int runnerUp) {
            Map<String, Object> facts = new HashMap<>();
            facts.put("listingId", listingId);
            facts.put("saleFormat", "OPEN_ASCENDING");
            facts.put("startPriceFen", 1_000_000_000L);
            facts.put("reservePriceFen", reserveFen);
            facts.put("winningBidderNo", winner);
            facts.put("winnerTradeId", 70L);
            facts.put("rule", "the rule");
            List<Map<String, Object>> list = new ArrayList<>();
            for (Object[] c : candidates) {
                Map<String, Object> f = new HashMap<>();
                f.put("bidderNo", c[0]);
                f.put("sequence", c[1]);
                f.put("amountFen", c[2]);
                f.put("eligible", c[3]);
                f.put("ineligible", c.length > 4 ? c[4] : Boolean.TRUE.equals(c[3]) ? null : "BELOW_RESERVE");
                list.add(f);
            }
            facts.put("candidates", list);
            Object[] r = runnerUp < 0 ? new Object[4] : candidates.get(runnerUp);
            facts.put("runnerUpBidderNo", r[0]);
            facts.put("runnerUpSequence", r[1]);
            facts.put("runnerUpAmountFen", r[2]);
            facts.put("runnerUpRegistrationId", runnerUp < 0 ? null : 31L);
            return facts;
        }

        long held(Map<String, Object> choice) {
            return log.add(choice.get("runnerUpBidderNo") == null ? "runner_up.none" : "runner_up.held", "system:settlement",
                    choice);
        }

        private Map<String, Object> step(Map<String, Object> choice, String status, Long tradeId) {
            Map<String, Object> facts = new HashMap<>();
            facts.put("listingId", listingId);
            facts.put("status", status);
            facts.put("registrationId", 31L);
            facts.put("bidderNo", choice.get("runnerUpBidderNo"));
            facts.put("sequence", choice.get("runnerUpSequence"));
            facts.put("priceFen", choice.get("runnerUpAmountFen"));
            facts.put("winnerTradeId", 70L);
            facts.put("tradeId", tradeId);
            return facts;
        }

        /** A trade entry ({@code trade.defaulted}, {@code .settled}, {@code .declined}) of trade 70 (the winner's) or 71 (the offer). */
        long trade(String kind, long tradeId) {
            return log.add("trade." + kind, "system:settlement", Map.of("listingId", listingId, "tradeId", tradeId,
                    "status", kind.toUpperCase()));
        }

        /** The winner's trade 70 defaults. */
        long winnerDefaulted() {
            return trade("defaulted", 70L);
        }

        long offered(Map<String, Object> choice) {
            return offered(choice, (String) choice.get("runnerUpBidderNo"));
        }

        /** The offer after the winner's default, chosen again ({@code choice}), {@code heldBidderNo} held until then. */
        long offered(Map<String, Object> choice, String heldBidderNo) {
            Map<String, Object> facts = new HashMap<>(choice);
            facts.putAll(step(choice, "OFFERED", 71L));
            facts.put("heldBidderNo", heldBidderNo);
            facts.put("reason", "winner's trade 70 defaulted: not confirmed");
            facts.put("depositFen", 400_000_000L);
            facts.put("confirmDeadline", "2026-12-10T09:00:00Z");
            return log.add("runner_up.offered", "system:settlement", facts);
        }

        /** Nobody eligible at the winner's default ({@code choice} made again then): {@code held} lapses. */
        long lapsed(Map<String, Object> choice, Map<String, Object> held) {
            Map<String, Object> facts = new HashMap<>(choice);
            facts.putAll(step(held, "LAPSED", null));
            facts.put("heldBidderNo", held.get("runnerUpBidderNo"));
            facts.put("reason", "winner's trade 70 defaulted: not confirmed; no eligible runner-up left");
            return log.add("runner_up.lapsed", "system:settlement", facts);
        }

        long answered(Map<String, Object> choice, String status) {
            Map<String, Object> facts = step(choice, status, 71L);
            facts.put("reason", "answered");
            return log.add("runner_up." + status.toLowerCase(), "enterprise", facts);
        }
    }

    /** Bids A 1.1e9, B 1.2e9, C 1.3e9, B 1.25e9, A 1.4e9: A wins; C (1.3e9) is the runner-up, then B at its best. */
    static Sale fiveBids(SealedLog log, long listingId, Long reserveFen) {
        Sale s = new Sale(log, listingId, reserveFen);
        s.bid("A00001", 1_100_000_000L);
        s.bid("B00002", 1_200_000_000L);
        s.bid("C00003", 1_300_000_000L);
        s.bid("B00002", 1_250_000_000L);
        s.bid("A00001", 1_400_000_000L);
        s.sold();
        return s;
    }

    static List<Object[]> cThenB(boolean bEligible) {
        return List.<Object[]>of(new Object[] {"C00003", 3, 1_300_000_000L, true},
                new Object[] {"B00002", 4, 1_250_000_000L, bEligible});
    }

    @Test
    void aRunnerUpOfferedAndAcceptedAfterTheWinnersDefaultAgrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 21, null);
        Map<String, Object> choice = s.choice(cThenB(true), 0);
        s.held(choice);
        s.winnerDefaulted();
        s.offered(choice);
        s.answered(choice, "ACCEPTED");
        Finding f = finding(log, "runner-up award", 21);
        assertTrue(f.agrees(), f.line());
        assertEquals("runner-up award, listing 21: AGREES: bidder C00003 at 1300000000 fen (sequence 3) among 2 other "
                + "bidders; accepted", f.line());
        assertEquals(List.of(), recompute(log).disagreements());
    }

    @Test
    void aForgedOfferPriceDisagreesNamingTheOffer() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 22, null);
        Map<String, Object> choice = s.choice(cThenB(true), 0);
        s.held(choice);
        s.winnerDefaulted();
        long offered = s.offered(choice);
        log.tamper(offered, "\"priceFen\":1300000000", "\"priceFen\":1000000000");
        Finding f = finding(log, "runner-up award", 22);
        assertFalse(f.agrees(), f.line());
        assertEquals(List.of("entry " + offered + " (runner_up.offered): runner-up priceFen: published 1000000000, "
                + "recomputed 1300000000"), f.disagreements());
    }

    @Test
    void holdingABidderTheRuleDoesNotChooseDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 23, null);
        // B held instead of C (as if C's bid were not counted)
        Map<String, Object> wrong = s.choice(List.<Object[]>of(new Object[] {"B00002", 4, 1_250_000_000L, true}), 0);
        long held = s.held(wrong);
        Finding f = finding(log, "runner-up award", 23);
        assertFalse(f.agrees(), f.line());
        assertTrue(f.disagreements().contains("entry " + held + " (runner_up.held): runnerUpBidderNo: published B00002, "
                + "recomputed C00003"), f.line());
        assertTrue(f.disagreements().contains("entry " + held + " (runner_up.held): candidate 2 (bidder B00002) is "
                + "missing"), f.line());
    }

    @Test
    void theReserveLeavesNoRunnerUpAndAHeldOneThenDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 24, 1_350_000_000L);
        s.held(s.choice(List.<Object[]>of(new Object[] {"C00003", 3, 1_300_000_000L, false},
                new Object[] {"B00002", 4, 1_250_000_000L, false}), -1));
        Finding f = finding(log, "runner-up award", 24);
        assertTrue(f.agrees(), f.line());
        assertTrue(f.summary().startsWith("no runner-up among 2 other bidders"), f.line());

        SealedLog log2 = new SealedLog();
        Sale t = fiveBids(log2, 25, 1_350_000_000L);
        long held = t.held(t.choice(List.<Object[]>of(new Object[] {"C00003", 3, 1_300_000_000L, true},
                new Object[] {"B00002", 4, 1_250_000_000L, false}), 0));
        Finding g = finding(log2, "runner-up award", 25);
        assertFalse(g.agrees(), g.line());
        assertTrue(g.disagreements().contains("entry " + held + " (runner_up.held): the first runner-up step, where "
                + "the recomputed choice is runner_up.none"), g.line());
    }

    @Test
    void anAcceptanceWithoutAnOfferDisagrees() throws Exception {
        SealedLog log = new SealedLog();
        Sale s = fiveBids(log, 26, null);
        Map<String, Object> choice = s.choice(cThenB(true), 0);
        s.held(choice);
        long accepted = s.answered(choice, "ACCEPTED");
        Finding f = finding(log, "runner-up award", 26);
        assertFalse(f.agrees(), f.line());
        assertEquals(List.of("entry " + accepted + " (runner_up.accepted): accepted after held"), f.disagreements());
    }
}
