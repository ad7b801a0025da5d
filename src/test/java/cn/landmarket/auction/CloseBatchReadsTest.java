package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.listing.Listing;
import cn.landmarket.listing.ListingRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The closer's batch reads take their listing ids as one array parameter, so that a batch of any size
 * and any exclusions is the same statement: the claim leaves out exactly the listings it is told to
 * (those whose close failed before), and the bidders and winners are read for exactly the listings
 * asked. Run on listings the close rehearsal stages (negative ids, certificates before any real one's,
 * so the claim's order puts them first) in a transaction rolled back at the end.
 */
@QuarkusTest
class CloseBatchReadsTest {

    @Inject
    CloseRehearsalRepository stage;

    @Inject
    ListingRepository listings;

    @Inject
    BidRepository bids;

    @Inject
    Clock clock;

    @Test
    void claimLeavesOutTheExceptedAndReadsCoverExactlyTheIdsAsked() {
        QuarkusTransaction.begin();
        try {
            Instant now = Instant.now(clock);
            // per 5 listings: two without a bid, two with one bidder, one with two
            List<Long> staged = stage.stage(10, now);
            assertEquals(10, staged.size());
            Set<Long> except = Set.of(staged.get(0), staged.get(4), staged.get(7));

            Set<Long> claimed = stagedAmong(listings.claimDueForClosing(now, 100, except));
            assertEquals(staged.stream().filter(id -> !except.contains(id)).collect(Collectors.toSet()), claimed);
            assertEquals(Set.copyOf(staged), stagedAmong(listings.claimDueForClosing(now, 100, Set.of())),
                    "an empty exclusion leaves nothing out");
            // the earlier claims' locks are this transaction's own: claiming again finds the rows
            assertEquals(Set.copyOf(staged), stagedAmong(listings.lockForClosing(staged)));

            Map<Long, Integer> bidders = bids.distinctBidders(staged);
            assertEquals(Map.of(1, 4L, 2, 2L), bidders.values().stream()
                    .collect(Collectors.groupingBy(n -> n, Collectors.counting())));
            assertTrue(staged.containsAll(bidders.keySet()));
            Map<Long, BidRepository.Row> winners = bids.highest(staged);
            assertEquals(bidders.keySet(), winners.keySet());
            List<Long> some = staged.stream().filter(bidders::containsKey).limit(2).toList();
            assertEquals(Set.copyOf(some), bids.distinctBidders(some).keySet());
            assertEquals(Set.copyOf(some), bids.highest(some).keySet());
        } finally {
            QuarkusTransaction.rollback();
        }
    }

    private static Set<Long> stagedAmong(List<Listing> claimed) {
        return claimed.stream().map(listing -> listing.id).filter(id -> id < 0).collect(Collectors.toSet());
    }
}
