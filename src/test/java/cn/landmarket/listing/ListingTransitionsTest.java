package cn.landmarket.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The lifecycle of domain.md ("Listing lifecycle") as the one table of moves: {@link ListingTransitions}. */
class ListingTransitionsTest {

    private static Set<ListingStatus> next(ListingStatus from) {
        return Stream.of(ListingStatus.values()).filter(to -> ListingTransitions.allows(from, to))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(ListingStatus.class)));
    }

    @Test
    void aListingIsReviewedBeforeItIsAnnouncedAndAnnouncedBeforeBiddingOpens() {
        assertEquals(EnumSet.of(ListingStatus.PENDING_REVIEW), next(ListingStatus.DRAFT));
        assertEquals(EnumSet.of(ListingStatus.APPROVED, ListingStatus.REJECTED), next(ListingStatus.PENDING_REVIEW));
        assertEquals(EnumSet.of(ListingStatus.ANNOUNCED, ListingStatus.SUSPENDED, ListingStatus.TERMINATED),
                next(ListingStatus.APPROVED));
        assertEquals(EnumSet.of(ListingStatus.LISTING, ListingStatus.SUSPENDED, ListingStatus.TERMINATED),
                next(ListingStatus.ANNOUNCED));
    }

    @Test
    void biddingEndsInTimedBiddingALotteryASaleOrNoSaleAndTimedBiddingNeverGoesBack() {
        assertEquals(EnumSet.of(ListingStatus.TIMED_BIDDING, ListingStatus.LOTTERY, ListingStatus.SOLD,
                ListingStatus.UNSOLD, ListingStatus.SUSPENDED, ListingStatus.TERMINATED), next(ListingStatus.LISTING));
        assertEquals(EnumSet.of(ListingStatus.LOTTERY, ListingStatus.SOLD, ListingStatus.UNSOLD,
                ListingStatus.SUSPENDED, ListingStatus.TERMINATED), next(ListingStatus.TIMED_BIDDING));
    }

    @Test
    void aLotteryAtTheCapEndsInASaleAndNeverReturnsToBidding() {
        assertEquals(EnumSet.of(ListingStatus.SOLD, ListingStatus.SUSPENDED, ListingStatus.TERMINATED),
                next(ListingStatus.LOTTERY));
    }

    @Test
    void aSuspendedListingResumesWhereItWasOrIsTerminated() {
        assertEquals(EnumSet.of(ListingStatus.APPROVED, ListingStatus.ANNOUNCED, ListingStatus.LISTING,
                ListingStatus.TIMED_BIDDING, ListingStatus.LOTTERY, ListingStatus.TERMINATED),
                next(ListingStatus.SUSPENDED));
        for (ListingStatus live : EnumSet.of(ListingStatus.APPROVED, ListingStatus.ANNOUNCED, ListingStatus.LISTING,
                ListingStatus.TIMED_BIDDING, ListingStatus.LOTTERY)) {
            assertTrue(live.isLive(), live + " is live");
            assertTrue(ListingTransitions.allows(live, ListingStatus.SUSPENDED), live + " can be suspended");
        }
    }

    @Test
    void aSaleIsSettledOrDefaultedAndTheEndsAreFinal() {
        assertEquals(EnumSet.of(ListingStatus.AWAITING_PAYMENT, ListingStatus.SETTLED, ListingStatus.DEFAULTED),
                next(ListingStatus.SOLD));
        assertEquals(EnumSet.of(ListingStatus.SETTLED, ListingStatus.DEFAULTED), next(ListingStatus.AWAITING_PAYMENT));
        for (ListingStatus end : EnumSet.of(ListingStatus.REJECTED, ListingStatus.TERMINATED, ListingStatus.UNSOLD,
                ListingStatus.SETTLED, ListingStatus.DEFAULTED)) {
            assertEquals(EnumSet.noneOf(ListingStatus.class), next(end), end + " is final");
        }
    }

    @Test
    void aMoveOutsideTheTableIsRefusedNamingTheListingAndBothStatuses() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> ListingTransitions.requireAllowed(42, ListingStatus.SETTLED, ListingStatus.LISTING));
        assertEquals("listing 42 cannot move from SETTLED to LISTING", e.getMessage());
        ListingTransitions.requireAllowed(42, ListingStatus.LISTING, ListingStatus.SOLD);
    }
}
