package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

import cn.landmarket.common.Money;
import cn.landmarket.listing.ListingStatus;

class LiveEventTest {

    @Test
    void aBidEventWritesItsTimesAsTheApiDoesEvenOnAWholeMinute() {
        BidReceipt receipt = BidReceipt.of(7, 42, "A1B2C3", Money.ofFen(2_020_000_000L),
                OffsetDateTime.parse("2027-01-07T16:39:00+08:00"), 3, ListingStatus.TIMED_BIDDING,
                OffsetDateTime.parse("2027-01-07T16:44:00+08:00"), null);
        LiveEvent event = LiveEvent.bid(receipt);
        assertEquals(LiveEvent.BID, event.type());
        assertEquals(42, event.listingId());
        assertEquals("TIMED_BIDDING", event.status());
        assertEquals("20200000.00", event.currentPrice());
        assertEquals("20200000.00", event.amount());
        assertEquals("A1B2C3", event.leadingBidderNo());
        assertEquals("A1B2C3", event.bidderNo());
        assertEquals(3, event.sequence());
        assertEquals("2027-01-07T16:44:00+08:00", event.deadline(), "OffsetDateTime.toString() would drop :00");
        assertEquals("2027-01-07T16:39:00+08:00", event.at());
    }

    @Test
    void aStatusEventNamesNoBidderAndAHeartbeatOnlyItsListing() {
        LiveEvent status = LiveEvent.status(42, "SOLD", "30000000.00", null, "2027-01-07T16:44:05+08:00");
        assertEquals(LiveEvent.STATUS, status.type());
        assertNull(status.leadingBidderNo());
        assertNull(status.bidderNo());
        LiveEvent heartbeat = LiveEvent.heartbeat(42, "2027-01-07T16:44:10+08:00");
        assertEquals(LiveEvent.HEARTBEAT, heartbeat.type());
        assertEquals(42, heartbeat.listingId());
        assertNull(heartbeat.status());
        assertEquals("2027-01-07T16:44:10+08:00", heartbeat.at(), "the server's time, for the watcher's countdown");
    }
}
