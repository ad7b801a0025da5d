package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import cn.landmarket.common.error.MessageKey;
import cn.landmarket.listing.ListingStatus;

/** The bidding rules of domain.md ("Bidding") without a database: {@link AuctionRules}. */
class AuctionRulesTest {

    private static final Instant NOW = Instant.parse("2027-01-07T08:00:00Z");
    private static final Instant END = NOW.plus(Duration.ofHours(1));
    private static final Duration COUNTDOWN = Duration.ofMinutes(5);
    private static final long START = 2_000_000_000L;
    private static final long STEP = 20_000_000L;

    private static AuctionState listing(Long cap, Long highest, int bids) {
        return new AuctionState(ListingStatus.LISTING, END, null, COUNTDOWN, START, STEP, cap, highest, bids);
    }

    private static AuctionState timed(Long cap, long highest, Instant deadline) {
        return new AuctionState(ListingStatus.TIMED_BIDDING, END.minusSeconds(1), deadline, COUNTDOWN, START, STEP, cap,
                highest, 2);
    }

    private static BidDecision.Rejected rejected(BidDecision decision) {
        assertTrue(decision instanceof BidDecision.Rejected, () -> "expected a refusal: " + decision);
        return (BidDecision.Rejected) decision;
    }

    private static BidDecision.Accepted accepted(BidDecision decision) {
        assertTrue(decision instanceof BidDecision.Accepted, () -> "expected an acceptance: " + decision);
        return (BidDecision.Accepted) decision;
    }

    @Test
    void theFirstBidMustReachTheStartPriceAndIsToldTheStartPrice() {
        BidDecision.Rejected r = rejected(AuctionRules.decide(listing(null, null, 0), START - 1, NOW));
        assertEquals(MessageKey.BID_BELOW_START, r.reasonKey());
        assertEquals(START, r.minimumFen());
        BidDecision.Accepted a = accepted(AuctionRules.decide(listing(null, null, 0), START, NOW));
        assertEquals(1, a.sequence());
        assertEquals(ListingStatus.LISTING, a.phase());
        assertEquals(END, a.deadline(), "in the listing period the deadline is the listing's end");
        assertFalse(a.capReached());
    }

    @Test
    void everyLaterBidMustBeAtLeastTheHighestPlusTheIncrementSoEqualPricesCannotBothStand() {
        AuctionState state = listing(null, START, 1);
        BidDecision.Rejected equal = rejected(AuctionRules.decide(state, START, NOW));
        assertEquals(MessageKey.BID_BELOW_INCREMENT, equal.reasonKey());
        assertEquals(START + STEP, equal.minimumFen());
        rejected(AuctionRules.decide(state, START + STEP - 1, NOW));
        assertEquals(2, accepted(AuctionRules.decide(state, START + STEP, NOW)).sequence());
        assertEquals(START + STEP, state.highestFen(), "the accepted bid is the new highest");
        assertEquals(2, state.bidCount());
    }

    @Test
    void noBidAboveTheCapAndABidAtTheCapEndsTheSale() {
        long cap = START + 3 * STEP;
        AuctionState state = listing(cap, START, 1);
        BidDecision.Rejected above = rejected(AuctionRules.decide(state, cap + 1, NOW));
        assertEquals(MessageKey.BID_ABOVE_CAP, above.reasonKey());
        assertEquals(cap, above.minimumFen());
        BidDecision.Accepted atCap = accepted(AuctionRules.decide(state, cap, NOW));
        assertTrue(atCap.capReached());
        assertEquals(ListingStatus.LISTING, atCap.phase(), "the bid was placed in the listing period");
        assertEquals(ListingStatus.SOLD, state.status(), "the cap ends the sale");
        assertEquals(MessageKey.BID_CLOSED, rejected(AuctionRules.decide(state, cap, NOW)).reasonKey());
    }

    @Test
    void onAListingThatDrawsLotsABidAtTheCapStopsTheBiddingForALotteryAndLaterBidsAreRefusedAsSuch() {
        long cap = START + 3 * STEP;
        AuctionState state = timed(cap, START + STEP, NOW.plusSeconds(60));
        state.lotteryAtCap = true;
        BidDecision.Accepted atCap = accepted(AuctionRules.decide(state, cap, NOW));
        assertTrue(atCap.capReached());
        assertEquals(ListingStatus.TIMED_BIDDING, atCap.phase());
        assertEquals(ListingStatus.LOTTERY, state.status(), "the cap opens the lottery round, not the sale's end");
        assertEquals(MessageKey.BID_LOTTERY, rejected(AuctionRules.decide(state, cap, NOW)).reasonKey());
        assertEquals(2 + 1, state.bidCount(), "the refused bid counts nothing");
    }

    @Test
    void whenTheIncrementWouldPassTheCapTheCapIsReachedAndNothingMoreIsAccepted() {
        long cap = START + STEP / 2;
        BidDecision.Rejected r = rejected(AuctionRules.decide(listing(cap, START, 1), cap, NOW));
        assertEquals(MessageKey.BID_CAP_REACHED, r.reasonKey());
        assertEquals(null, r.minimumFen(), "no amount would help");
    }

    @Test
    void aBidInTimedBiddingRestartsTheCountdownFromItsOwnTime() {
        Instant deadline = NOW.plusSeconds(30);
        AuctionState state = timed(null, START, deadline);
        Instant at = NOW.plusSeconds(10);
        BidDecision.Accepted a = accepted(AuctionRules.decide(state, START + STEP, at));
        assertEquals(ListingStatus.TIMED_BIDDING, a.phase());
        assertEquals(at.plus(COUNTDOWN), a.deadline());
        assertEquals(at.plus(COUNTDOWN), state.countdownDeadline());
        assertEquals(3, a.sequence());
    }

    @Test
    void bidsAreClosedAtTheDeadlineItselfAndWhileSuspended() {
        assertEquals(MessageKey.BID_CLOSED, rejected(AuctionRules.decide(listing(null, null, 0), START, END)).reasonKey());
        Instant deadline = NOW.plusSeconds(30);
        assertEquals(MessageKey.BID_CLOSED, rejected(AuctionRules.decide(timed(null, START, deadline), START + STEP, deadline))
                .reasonKey());
        AuctionState suspended = new AuctionState(ListingStatus.SUSPENDED, END, null, COUNTDOWN, START, STEP, null,
                null, 0);
        assertEquals(MessageKey.BID_SUSPENDED, rejected(AuctionRules.decide(suspended, START, NOW)).reasonKey());
        AuctionState announced = new AuctionState(ListingStatus.ANNOUNCED, END, null, COUNTDOWN, START, STEP, null,
                null, 0);
        assertEquals(MessageKey.BID_CLOSED, rejected(AuctionRules.decide(announced, START, NOW)).reasonKey());
    }

    @Test
    void theListingPeriodEndsInTimedBiddingWithTwoBiddersAndInASaleOnlyAtOrAboveTheReserve() {
        assertEquals(ListingStatus.TIMED_BIDDING, AuctionRules.outcome(ListingStatus.LISTING, 2, START, START * 2));
        assertEquals(ListingStatus.SOLD, AuctionRules.outcome(ListingStatus.LISTING, 1, START, START));
        assertEquals(ListingStatus.SOLD, AuctionRules.outcome(ListingStatus.LISTING, 1, START, null));
        assertEquals(ListingStatus.UNSOLD, AuctionRules.outcome(ListingStatus.LISTING, 1, START, START + 1));
        assertEquals(ListingStatus.UNSOLD, AuctionRules.outcome(ListingStatus.LISTING, 0, null, null));
        assertEquals(ListingStatus.SOLD, AuctionRules.outcome(ListingStatus.TIMED_BIDDING, 3, START * 2, START));
        assertEquals(ListingStatus.UNSOLD, AuctionRules.outcome(ListingStatus.TIMED_BIDDING, 3, START, START * 2),
                "timed bidding below the reserve is no sale");
    }

    @Test
    void aListingSoldBySealedQuotationTakesNoBidAndLeavesItsStateAsItWas() {
        AuctionState sealed = listing(null, null, 0);
        sealed.sealed = true;
        assertEquals(MessageKey.BID_SEALED, rejected(AuctionRules.decide(sealed, START, NOW)).reasonKey());
        assertEquals(0, sealed.bidCount);
        assertEquals(null, sealed.highestFen);
    }
}
