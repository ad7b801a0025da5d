package cn.landmarket.auction;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.landmarket.listing.ListingStatus;
import io.quarkus.scheduler.Scheduled;

/**
 * Closes listing periods and timed bidding on time on every instance, whether or not anyone is
 * watching; each close takes the listing's row lock, so it happens once.
 */
@ApplicationScoped
public class AuctionCloser {

    private static final Logger LOG = Logger.getLogger(AuctionCloser.class);

    private final AuctionService auctions;
    private final BidBatcher batcher;

    AuctionCloser(AuctionService auctions, BidBatcher batcher) {
        this.auctions = auctions;
        this.batcher = batcher;
    }

    @Scheduled(every = "${market.timeline.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void tick() {
        closeDue();
        batcher.dropIdle();
    }

    /**
     * Closes every listing that is due; returns how many changed status. The bid batcher forgets a
     * listing that no longer takes bids.
     */
    public int closeDue() {
        int closed = 0;
        for (long id : auctions.dueForClosing()) {
            try {
                ListingStatus now = auctions.closeIfDue(id);
                if (now != ListingStatus.LISTING && now != ListingStatus.TIMED_BIDDING) {
                    batcher.forget(id);
                }
                closed++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Closing listing %d failed; the next tick tries again", id);
            }
        }
        return closed;
    }
}
