package cn.landmarket.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A close storm on three instances of the packaged service against one PostgreSQL: 150 listings
 * whose listing periods end in the same second, 60 with no bid (unsold, the lot released), 60 with
 * one bidder (sold at once), 30 with two bidders who go on bidding in timed bidding. Every listing
 * closes exactly once, each within 2 s of its deadline (the listing end, or the countdown deadline
 * after the last bid), as the database records them. A small storm before (15 listings) stands for
 * instances that have been running for a while.
 */
class CloseStormIT {

    private static final long ON_TIME_MILLIS = 2_000;

    @Test
    void threeInstancesCloseAStormOnceAndOnTime() throws Exception {
        try (Cluster cluster = new Cluster("closestorm-it")) {
            List<Cluster.Instance> nodes = cluster.startAll("a", "b", "c");
            CloseStorm storm = new CloseStorm(cluster.jdbc(), "postgres", "postgres",
                    nodes.stream().map(Cluster.Instance::url).toList(), 16);
            // a small storm first, as instances that have been running would have closed listings before
            CloseStorm.Outcome warmUp = storm.run(100, new CloseStorm.Settings(15, 3, 6, 5, Duration.ofSeconds(10), 3,
                    Duration.ofSeconds(2), Duration.ofSeconds(1), 3), Duration.ofSeconds(60));
            assertEquals(0, warmUp.notExactlyOnce() + warmUp.wrongTimedBidding(), "the warm-up closed once");
            CloseStorm.Settings settings = new CloseStorm.Settings(150, 30, 60, 10, Duration.ofSeconds(20), 5,
                    Duration.ofSeconds(8), Duration.ofSeconds(1), 8);
            CloseStorm.Outcome outcome = storm.run(1_000, settings, Duration.ofSeconds(90));
            System.out.println("close storm: set-up " + outcome.setUp().toMillis() + " ms; listing end: "
                    + outcome.listingEnd() + "; countdown: " + outcome.countdown() + "; " + outcome.timedBids()
                    + " bids in timed bidding, " + outcome.refusedBids() + " refused");

            assertEquals(0, outcome.notExactlyOnce(), "listings that did not close exactly once");
            assertEquals(0, outcome.wrongTimedBidding(), "listings that entered timed bidding other than once "
                    + "with two bidders, or at all without");
            assertEquals(150, outcome.listingEnd().count(), "every listing period ended once");
            assertEquals(30, outcome.countdown().count(), "every timed bidding ended once");
            assertEquals(30, outcome.timedListingsBidOn(), "bids were placed in every timed bidding");
            assertTrue(outcome.all().min() >= 0, "no close before its deadline: " + outcome.all());
            assertTrue(outcome.listingEnd().max() <= ON_TIME_MILLIS,
                    "every listing period closed within 2 s of its end: " + outcome.listingEnd());
            assertTrue(outcome.countdown().max() <= ON_TIME_MILLIS,
                    "every timed bidding closed within 2 s of its countdown deadline: " + outcome.countdown());
            assertEquals(60, cluster.count("select count(*) from listing where id between 1030 and 1089 "
                    + "and status = 'SOLD'"), "the listings with one bidder sold");
            assertEquals(60, cluster.count("select count(*) from listing where id between 1090 and 1149 "
                    + "and status = 'UNSOLD'"), "the listings without a bid unsold");
            // each unsold lot went back to its certificate once
            assertEquals(cluster.count("select count(*) from listing where id between 1000 and 1149 "
                    + "and status = 'UNSOLD'"), 150 - cluster.count("select sum(frozen_area_m2) from certificate "
                            + "where id between 1000 and 1014"), "each unsold lot released once");
        }
    }
}
