package cn.landmarket.listing;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Moves listings along the clock (approved → announced → listing) on every instance; the
 * conditional updates make concurrent instances harmless to each other.
 */
@ApplicationScoped
public class ListingTimeline {

    static final String ACTOR = "system:timeline";
    private static final Logger LOG = Logger.getLogger(ListingTimeline.class);

    private final ListingService listings;

    ListingTimeline(ListingService listings) {
        this.listings = listings;
    }

    @Scheduled(every = "${market.timeline.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void tick() {
        int moved = listings.advanceTimeline();
        if (moved > 0) {
            LOG.infof("Timeline moved %d listing(s)", moved);
        }
    }
}
