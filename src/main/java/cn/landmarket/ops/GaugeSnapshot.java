package cn.landmarket.ops;

import java.time.Instant;

/**
 * The market's state that the gauges show, read in one query: listings open for bids (in their
 * listing period and in timed bidding), the audit log's signed size, entries still waiting for the
 * sequencer, when the newest checkpoint was signed (null before the first), and the refunds whose
 * due date has passed unpaid, by number and by amount.
 */
record GaugeSnapshot(long listingsInListing, long listingsInTimedBidding, long auditTreeSize,
        long auditPendingEntries, Instant lastCheckpointAt, long refundsOverdue, long refundsOverdueFen) {
}
