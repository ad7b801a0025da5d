package cn.landmarket.auction;

import java.time.ZoneId;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.landmarket.common.Money;
import cn.landmarket.common.time.ApiTime;

/**
 * One message of a listing's live feed: a snapshot on connect, each accepted bid, each status
 * change, a heartbeat. Bidders appear by bidder number only; times are in the API's one format
 * ({@link ApiTime}). Built only through the named factories.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveEvent(String type, long listingId, String status, String currentPrice, String leadingBidderNo,
        String deadline, Integer sequence, String bidderNo, String amount, String at) {

    public static final String SNAPSHOT = "snapshot";
    public static final String BID = "bid";
    public static final String STATUS = "status";
    public static final String HEARTBEAT = "heartbeat";

    /** What a watcher sees first: status, price, leading bidder number, the next deadline and the bid count. */
    static LiveEvent snapshot(long listingId, String status, String currentPrice, String leadingBidderNo,
            String deadline, int bidCount, String at) {
        return new LiveEvent(SNAPSHOT, listingId, status, currentPrice, leadingBidderNo, deadline, bidCount, null, null,
                at);
    }

    /** An accepted bid: it is the current price and its bidder leads; the deadline it leaves. */
    static LiveEvent bid(BidReceipt receipt) {
        String amount = receipt.amount().toYuan();
        return new LiveEvent(BID, receipt.listingId(), receipt.phase().name(), amount, receipt.bidderNo(),
                ApiTime.format(receipt.deadline()), receipt.sequence(), receipt.bidderNo(), amount,
                ApiTime.format(receipt.acceptedAt()));
    }

    /**
     * An accepted bid read back from the database for a watcher that reconnected after missing it: as
     * {@link #bid} without the deadline it left (the snapshot that follows gives the current one).
     */
    static LiveEvent replayed(long listingId, BidRepository.Row bid, ZoneId zone) {
        String amount = Money.ofFen(bid.amountFen()).toYuan();
        return new LiveEvent(BID, listingId, bid.phase(), amount, bid.bidderNo(), null, bid.seq(), bid.bidderNo(),
                amount, ApiTime.format(bid.acceptedAt(), zone));
    }

    /** A status change, with the price reached and, in timed bidding, the countdown's deadline. */
    static LiveEvent status(long listingId, String status, String currentPrice, String deadline, String at) {
        return new LiveEvent(STATUS, listingId, status, currentPrice, null, deadline, null, null, null, at);
    }

    /**
     * Keeps an idle connection open, and tells the watcher the server's time ({@code at}) so that a
     * countdown runs on the server's clock even when the device's own clock is wrong.
     */
    static LiveEvent heartbeat(long listingId, String at) {
        return new LiveEvent(HEARTBEAT, listingId, null, null, null, null, null, null, null, at);
    }
}
