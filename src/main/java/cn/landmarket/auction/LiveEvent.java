package cn.landmarket.auction;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One message of a listing's live feed: a snapshot on connect, each accepted bid, each status
 * change. Bidders appear by bidder number only.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LiveEvent(String type, long listingId, String status, String currentPrice, String leadingBidderNo,
        String deadline, Integer sequence, String bidderNo, String amount, String at) {

    public static final String SNAPSHOT = "snapshot";
    public static final String BID = "bid";
    public static final String STATUS = "status";
}
