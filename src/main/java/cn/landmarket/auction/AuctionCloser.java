package cn.landmarket.auction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.listing.ListingStatus;
import io.quarkus.scheduler.Scheduled;

/**
 * Closes listing periods and timed bidding on time on every instance, whether or not anyone is
 * watching. Each instance claims due listings in batches ({@code for update skip locked}) and
 * closes a batch in one transaction, so that instances share a close storm instead of queueing
 * behind each other's row locks, and many closes share one commit; each close still happens under
 * the listing's row lock, so it happens once.
 */
@ApplicationScoped
public class AuctionCloser {

    private static final Logger LOG = Logger.getLogger(AuctionCloser.class);

    /** Most listings closed in one transaction. */
    static final int BATCH = 100;

    private final AuctionService auctions;
    private final BidBatcher batcher;
    private final Duration interval;
    private final Clock clock;
    /** Listings whose close failed: they are no longer claimed in batches, only tried alone, until one commits. */
    private final Set<Long> alone = ConcurrentHashMap.newKeySet();

    AuctionCloser(AuctionService auctions, BidBatcher batcher, MarketConfig config, Clock clock) {
        this.auctions = auctions;
        this.batcher = batcher;
        this.interval = config.timeline().interval();
        this.clock = clock;
    }

    /**
     * Closes what is due; then, until shortly before the next tick, waits for each listing period or
     * countdown that runs out and closes again, so that every close comes right after its deadline
     * rather than up to an interval later (and the instances, all awake at that moment, share it).
     * Deadlines in the last tenth of the interval are left to the next tick, which would otherwise
     * find this one still running and be skipped.
     */
    @Scheduled(every = "${market.timeline.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void tick() {
        Instant until = Instant.now(clock).plus(interval.minus(interval.dividedBy(10)));
        closeDue();
        batcher.dropIdle();
        Optional<Instant> next;
        while ((next = auctions.nextClosing(until)).isPresent()) {
            long wait = Duration.between(Instant.now(clock), next.get()).toMillis() + 1;
            try {
                Thread.sleep(Math.max(0, wait));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            closeDue();
        }
    }

    /**
     * Closes every listing that is due; returns how many it looked at. First in batches of those no
     * other transaction holds, until none is left to claim; a batch that fails is rolled back and
     * its listings are tried again one per transaction, so that one failing listing holds up no
     * other (it is logged, tried alone from then on, and left for the next tick). Then, one by one
     * under the row lock, the listings still due: those that were held when claimed (a bid batch
     * committing, another instance's closer), so that a lock held for a moment cannot put a close
     * off to the next tick, and those whose close failed before.
     * The bid batcher forgets a listing that no longer takes bids.
     */
    public int closeDue() {
        int closed = 0;
        Set<Long> failed = new HashSet<>();
        Set<Long> except = new HashSet<>(alone);
        while (true) {
            List<Long> claimed = new ArrayList<>();
            List<AuctionService.Closed> batch;
            long started = System.nanoTime();
            try {
                batch = auctions.closeDue(BATCH, except, claimed);
            } catch (RuntimeException e) {
                if (claimed.isEmpty()) {
                    LOG.errorf(e, "Claiming due listings failed; the next tick tries again");
                    return closed;
                }
                LOG.warnf(e, "Closing %d listings together failed; closing them one by one", claimed.size());
                for (long id : claimed) {
                    closed += closeOne(id, failed);
                }
                except.addAll(failed);
                continue;
            }
            if (batch.isEmpty()) {
                break;
            }
            LOG.debugf("Closed %d listings in one transaction in %d ms", batch.size(),
                    (System.nanoTime() - started) / 1_000_000);
            for (AuctionService.Closed c : batch) {
                forgetIfClosed(c.listingId(), c.status());
            }
            closed += batch.size();
        }
        Set<Long> rest = new LinkedHashSet<>(auctions.dueForClosing());
        rest.addAll(alone);
        rest.removeAll(failed);
        for (long id : rest) {
            closed += closeOne(id, failed);
        }
        return closed;
    }

    /** Closes one listing in its own transaction; 1 if that committed, 0 (logged, remembered) if not. */
    private int closeOne(long id, Set<Long> failed) {
        try {
            forgetIfClosed(id, auctions.closeIfDue(id));
            alone.remove(id);
            return 1;
        } catch (RuntimeException e) {
            failed.add(id);
            alone.add(id);
            LOG.errorf(e, "Closing listing %d failed; the next tick tries again", id);
            return 0;
        }
    }

    private void forgetIfClosed(long id, ListingStatus now) {
        if (now != ListingStatus.LISTING && now != ListingStatus.TIMED_BIDDING) {
            batcher.forget(id);
        }
    }
}
