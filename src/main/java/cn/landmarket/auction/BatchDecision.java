package cn.landmarket.auction;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.common.Money;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.listing.ListingStatus;

/**
 * What one batch of bids for one listing comes to, decided in arrival order without the database:
 * each bid is refused (not a qualified bidder, a reused idempotency key, or {@link AuctionRules}
 * say no), answered with an earlier receipt (a retry), or accepted, with the audit entries it
 * writes. The accepted bids get their row ids from {@link BidStore}; {@link #settle} then gives
 * every request its answer and the live feed its events.
 */
final class BatchDecision {

    /** An accepted bid: the place of its answer in the batch, who placed it, and its receipt before the row has an id. */
    record NewBid(int index, BidBatcher.Bidder bidder, BidBatcher.Command command, BidReceipt receipt) {
    }

    /** Every request's answer, and the bid that reached the price cap (or null). */
    record Settled(List<BidOutcome> outcomes, BidReceipt capBid) {
    }

    private final long listingId;
    private final AuctionState state;
    private final List<BidOutcome> outcomes;
    private final List<NewBid> accepted;
    private final List<AuditEntry> entries;
    private final Integer capSequence;

    private BatchDecision(long listingId, AuctionState state, List<BidOutcome> outcomes, List<NewBid> accepted,
            List<AuditEntry> entries, Integer capSequence) {
        this.listingId = listingId;
        this.state = state;
        this.outcomes = outcomes;
        this.accepted = accepted;
        this.entries = entries;
        this.capSequence = capSequence;
    }

    /** The key under which a bidder's earlier receipt for an idempotency key is found. */
    static String receiptKey(long registrationId, String idempotencyKey) {
        return registrationId + "\u0000" + idempotencyKey;
    }

    /**
     * Decides the batch in order. {@code state} is moved along by every accepted bid; {@code earlier}
     * holds the receipts already stored under the batch's idempotency keys (see {@link #receiptKey}).
     */
    static BatchDecision decide(long listingId, AuctionState state, List<BidBatcher.Command> batch,
            Map<String, BidBatcher.Bidder> bidders, Map<String, BidReceipt> earlier, Instant now, ZoneId zone) {
        Map<String, BidReceipt> receipts = new HashMap<>(earlier);
        List<BidOutcome> outcomes = new ArrayList<>(batch.size());
        List<NewBid> accepted = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        Integer capSequence = null;
        for (BidBatcher.Command command : batch) {
            BidBatcher.Bidder bidder = bidders.get(command.enterpriseCode());
            if (bidder == null) {
                outcomes.add(new BidOutcome.Refused(ApiException.forbidden(MessageKey.BID_NOT_QUALIFIED)));
                continue;
            }
            String key = receiptKey(bidder.registrationId(), command.idempotencyKey());
            BidReceipt before = receipts.get(key);
            if (before != null) {
                outcomes.add(before.amount().fen() == command.amountFen()
                        ? new BidOutcome.Placed(before, true)
                        : new BidOutcome.Refused(new ApiException(ErrorCode.CONFLICT, MessageKey.BID_KEY_REUSED)));
                continue;
            }
            BidDecision decision = AuctionRules.decide(state, command.amountFen(), now);
            if (decision instanceof BidDecision.Rejected rejected) {
                outcomes.add(new BidOutcome.Refused(rejection(rejected)));
                continue;
            }
            BidDecision.Accepted yes = (BidDecision.Accepted) decision;
            AuditEntry entry = AuctionEntries.bidAccepted(listingId, yes.sequence(), bidder.bidderNo(),
                    command.amountFen(), yes.phase(), now, yes.deadline());
            entries.add(entry);
            if (yes.phase() == ListingStatus.TIMED_BIDDING && !yes.capReached()) {
                entries.add(AuctionEntries.countdownRestarted(listingId, yes.sequence(), now, yes.deadline(),
                        state.countdown.toSeconds()));
            }
            BidReceipt receipt = BidReceipt.of(0, listingId, bidder.bidderNo(), Money.ofFen(command.amountFen()),
                    now.atZone(zone).toOffsetDateTime(), yes.sequence(), yes.phase(),
                    yes.deadline().atZone(zone).toOffsetDateTime(), entry.leafHash());
            accepted.add(new NewBid(outcomes.size(), bidder, command, receipt));
            outcomes.add(null);
            receipts.put(key, receipt);
            if (yes.capReached()) {
                capSequence = yes.sequence();
            }
        }
        return new BatchDecision(listingId, state, outcomes, accepted, entries, capSequence);
    }

    /** The listing the batch is for. */
    long listingId() {
        return listingId;
    }

    /** The bids to insert, in sequence order. */
    List<NewBid> accepted() {
        return Collections.unmodifiableList(accepted);
    }

    /** The audit entries of the accepted bids (and their countdown restarts), in order. */
    List<AuditEntry> entries() {
        return Collections.unmodifiableList(entries);
    }

    /** The auction after the batch. */
    AuctionState state() {
        return state;
    }

    /** Whether the listing still takes bids after the batch. */
    boolean open() {
        return state.status() == ListingStatus.LISTING || state.status() == ListingStatus.TIMED_BIDDING;
    }

    /**
     * The sequence number of the bid that reached the price cap, or null; such a batch needs its bids'
     * row ids before it can write what follows (the sale's audit entry names the bid).
     */
    Integer capSequence() {
        return capSequence;
    }

    /**
     * The live events of the batch, which need no row ids (so they can be queued with the bids'
     * insert): each accepted bid, then the sale (or the lottery round) when the cap was reached.
     */
    List<LiveEvent> events(Instant now, ZoneId zone) {
        List<LiveEvent> events = new ArrayList<>(accepted.size() + 1);
        for (NewBid bid : accepted) {
            events.add(LiveEvent.bid(bid.receipt()));
        }
        if (capSequence != null) {
            events.add(LiveEvent.status(listingId, state.status().name(), Money.ofFen(state.highestFen()).toYuan(),
                    null, ApiTime.format(now, zone)));
        }
        return events;
    }

    /**
     * Every request's answer once the accepted bids have their row ids ({@code idBySequence}): an
     * accepted bid gets its receipt, a retry that arrived in the same batch as its first attempt the
     * same receipt marked replayed.
     */
    Settled settle(Map<Integer, Long> idBySequence) {
        List<BidOutcome> answers = new ArrayList<>(outcomes);
        Map<Integer, BidReceipt> bySequence = new HashMap<>();
        BidReceipt capBid = null;
        for (NewBid bid : accepted) {
            Long id = idBySequence.get(bid.receipt().sequence());
            if (id == null) {
                throw new IllegalStateException("bid " + bid.receipt().sequence() + " of listing " + listingId
                        + " has no row id");
            }
            BidReceipt receipt = bid.receipt().withBidId(id);
            answers.set(bid.index(), new BidOutcome.Placed(receipt, false));
            bySequence.put(receipt.sequence(), receipt);
            if (capSequence != null && receipt.sequence() == capSequence) {
                capBid = receipt;
            }
        }
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i) instanceof BidOutcome.Placed placed && placed.receipt().bidId() == 0) {
                answers.set(i, new BidOutcome.Placed(bySequence.get(placed.receipt().sequence()), true));
            }
        }
        return new Settled(answers, capBid);
    }

    private static ApiException rejection(BidDecision.Rejected rejected) {
        Map<String, Object> extensions = rejected.minimumFen() == null ? Map.of()
                : Map.of("minimumAmount", Money.ofFen(rejected.minimumFen()).toYuan());
        Object[] args = rejected.minimumFen() == null ? new Object[0]
                : new Object[] {Money.ofFen(rejected.minimumFen()).toYuan()};
        return new ApiException(ErrorCode.BID_REJECTED, Message.of(rejected.reasonKey(), args), List.of(),
                extensions);
    }
}
