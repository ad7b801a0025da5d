package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.common.Money;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.listing.ListingStatus;

/** A batch of bids decided in arrival order without a database: {@link BatchDecision}. */
class BatchDecisionTest {

    private static final long LISTING = 7;
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2027-01-07T08:00:00Z");
    private static final Instant END = NOW.plus(Duration.ofHours(1));
    private static final Duration COUNTDOWN = Duration.ofMinutes(5);
    private static final long START = 2_000_000_000L;
    private static final long STEP = 20_000_000L;
    private static final String ALPHA = "91510700MA0000001X";
    private static final String BETA = "91510700MA0000002X";
    private static final String STRANGER = "91510700MA0000003X";
    private static final Map<String, BidBatcher.Bidder> BIDDERS = Map.of(
            ALPHA, new BidBatcher.Bidder(101, "AAAA1111"),
            BETA, new BidBatcher.Bidder(102, "BBBB2222"));

    private static AuctionState listing(Long cap) {
        return new AuctionState(ListingStatus.LISTING, END, null, COUNTDOWN, START, STEP, cap, null, 0);
    }

    private static BidBatcher.Command bid(String enterprise, long amountFen, String key) {
        return new BidBatcher.Command(LISTING, enterprise, amountFen, key, "10.0.0.1", new CompletableFuture<>());
    }

    private static BatchDecision decide(AuctionState state, Map<String, BidReceipt> earlier,
            BidBatcher.Command... batch) {
        return BatchDecision.decide(LISTING, state, List.of(batch), BIDDERS, earlier, NOW, ZONE);
    }

    /** Row ids as the insert would return them: 1000 + sequence. */
    private static Map<Integer, Long> ids(BatchDecision decision) {
        return decision.accepted().stream()
                .collect(java.util.stream.Collectors.toMap(b -> b.receipt().sequence(), b -> 1000L + b.receipt().sequence()));
    }

    @Test
    void bidsAreDecidedInArrivalOrderAndEachAcceptedOneGetsItsRowId() {
        BatchDecision decision = decide(listing(null), Map.of(), bid(ALPHA, START, "a1"), bid(BETA, START + STEP, "b1"));

        assertEquals(2, decision.accepted().size());
        assertEquals(List.of(0, 1), decision.accepted().stream().map(BatchDecision.NewBid::index).toList());
        BatchDecision.Settled settled = decision.settle(ids(decision));
        BidReceipt second = ((BidOutcome.Placed) settled.outcomes().get(1)).receipt();
        assertEquals(1002L, second.bidId());
        assertEquals(2, second.sequence());
        assertEquals("BBBB2222", second.bidderNo());
        assertEquals(Money.ofFen(START + STEP), second.amount());
        assertEquals(START + STEP, decision.state().highestFen());
        assertEquals(2, decision.state().bidCount());
        assertTrue(decision.open());
        assertEquals(List.of(LiveEvent.BID, LiveEvent.BID),
                decision.events(NOW, ZONE).stream().map(LiveEvent::type).toList());
        assertNull(settled.capBid());
        assertNull(decision.capSequence(), "no cap: the batch's writes need no row ids");
        assertEquals(List.of(1, 2), decision.events(NOW, ZONE).stream().map(LiveEvent::sequence).toList(),
                "the events, before the rows have ids");
    }

    @Test
    void anEnterpriseThatIsNotAQualifiedBidderIsRefusedAndChangesNothing() {
        BatchDecision decision = decide(listing(null), Map.of(), bid(STRANGER, START, "s1"));

        BidOutcome.Refused refused = assertInstanceOf(BidOutcome.Refused.class,
                decision.settle(Map.of()).outcomes().get(0));
        assertEquals(ErrorCode.FORBIDDEN, refused.problem().code());
        assertEquals(MessageKey.BID_NOT_QUALIFIED, refused.problem().detail().key());
        assertTrue(decision.accepted().isEmpty());
        assertTrue(decision.entries().isEmpty());
        assertNull(decision.state().highestFen());
    }

    @Test
    void aBidBelowTheIncrementIsRefusedNamingTheLowestAcceptableAmount() {
        BatchDecision decision = decide(listing(null), Map.of(), bid(ALPHA, START, "a1"), bid(BETA, START + 1, "b1"));

        BidOutcome.Refused refused = assertInstanceOf(BidOutcome.Refused.class,
                decision.settle(ids(decision)).outcomes().get(1));
        assertEquals(ErrorCode.BID_REJECTED, refused.problem().code());
        assertEquals(MessageKey.BID_BELOW_INCREMENT, refused.problem().detail().key());
        assertEquals(Money.ofFen(START + STEP).toYuan(), refused.problem().extensions().get("minimumAmount"));
        assertEquals(1, decision.accepted().size());
    }

    @Test
    void aRetryInTheSameBatchIsAnsweredWithTheFirstAttemptsReceiptAndADifferentAmountUnderTheKeyIsAConflict() {
        BatchDecision decision = decide(listing(null), Map.of(), bid(ALPHA, START, "k"), bid(ALPHA, START, "k"),
                bid(ALPHA, START + STEP, "k"));

        assertEquals(1, decision.accepted().size(), "one bid row for one key");
        List<BidOutcome> outcomes = decision.settle(ids(decision)).outcomes();
        BidOutcome.Placed first = (BidOutcome.Placed) outcomes.get(0);
        BidOutcome.Placed retry = (BidOutcome.Placed) outcomes.get(1);
        assertFalse(first.replayed());
        assertTrue(retry.replayed());
        assertSame(first.receipt(), retry.receipt());
        assertEquals(1001L, retry.receipt().bidId());
        BidOutcome.Refused reused = assertInstanceOf(BidOutcome.Refused.class, outcomes.get(2));
        assertEquals(ErrorCode.CONFLICT, reused.problem().code());
        assertEquals(MessageKey.BID_KEY_REUSED, reused.problem().detail().key());
    }

    @Test
    void aRetryOfABidStoredByAnEarlierBatchIsAnsweredWithItsStoredReceipt() {
        BidReceipt stored = BidReceipt.of(555, LISTING, "AAAA1111", Money.ofFen(START), NOW.atZone(ZONE).toOffsetDateTime(),
                1, ListingStatus.LISTING, END.atZone(ZONE).toOffsetDateTime(), new byte[32]);
        BatchDecision decision = decide(listing(null), Map.of(BatchDecision.receiptKey(101, "a1"), stored),
                bid(ALPHA, START, "a1"));

        assertTrue(decision.accepted().isEmpty());
        BidOutcome.Placed placed = (BidOutcome.Placed) decision.settle(Map.of()).outcomes().get(0);
        assertTrue(placed.replayed());
        assertSame(stored, placed.receipt());
    }

    @Test
    void aBidAtThePriceCapSellsTheListingAndRefusesWhatFollows() {
        BatchDecision decision = decide(listing(START + STEP), Map.of(), bid(ALPHA, START, "a1"),
                bid(BETA, START + STEP, "b1"), bid(ALPHA, START + 2 * STEP, "a2"));

        assertEquals(ListingStatus.SOLD, decision.state().status());
        assertFalse(decision.open());
        BatchDecision.Settled settled = decision.settle(ids(decision));
        assertEquals(1002L, settled.capBid().bidId());
        assertEquals("BBBB2222", settled.capBid().bidderNo());
        List<LiveEvent> events = decision.events(NOW, ZONE);
        assertEquals(List.of(LiveEvent.BID, LiveEvent.BID, LiveEvent.STATUS),
                events.stream().map(LiveEvent::type).toList(), "the bids, then the sale; they need no row ids");
        assertEquals("SOLD", events.get(2).status());
        assertEquals(2, decision.capSequence());
        BidOutcome.Refused after = assertInstanceOf(BidOutcome.Refused.class, settled.outcomes().get(2));
        assertEquals(MessageKey.BID_CLOSED, after.problem().detail().key());
    }

    @Test
    void aBidInTimedBiddingRestartsTheCountdownAndSaysSoInTheLog() {
        AuctionState timed = new AuctionState(ListingStatus.TIMED_BIDDING, END.minusSeconds(1), NOW.plusSeconds(30),
                COUNTDOWN, START, STEP, null, START, 2);
        BatchDecision decision = decide(timed, Map.of(), bid(ALPHA, START + STEP, "a1"));

        assertEquals(List.of("bid.accepted", "countdown.restarted"),
                decision.entries().stream().map(AuditEntry::type).toList());
        assertEquals(NOW.plus(COUNTDOWN), decision.state().countdownDeadline());
        BidReceipt receipt = decision.accepted().get(0).receipt();
        assertEquals(NOW.plus(COUNTDOWN), receipt.deadline().toInstant());
        assertEquals(java.util.HexFormat.of().formatHex(decision.entries().get(0).leafHash()), receipt.auditLeafHash(),
                "the receipt names the log entry of its bid");
    }

    @Test
    void settlingWithoutARowIdForAnAcceptedBidFailsInsteadOfAnsweringWithoutOne() {
        BatchDecision decision = decide(listing(null), Map.of(), bid(ALPHA, START, "a1"));

        assertThrows(IllegalStateException.class, () -> decision.settle(Map.of()));
    }
}
