package cn.landmarket.auction;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Opens sealed quotations when their reveal window closes, on every instance, whether or not anyone
 * is watching; each opening takes the listing's row lock, so it happens once.
 */
@ApplicationScoped
public class QuotationOpener {

    private static final Logger LOG = Logger.getLogger(QuotationOpener.class);

    private final QuotationService quotations;

    QuotationOpener(QuotationService quotations) {
        this.quotations = quotations;
    }

    @Scheduled(every = "${market.timeline.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void tick() {
        openDue();
    }

    /** Opens every sealed listing that is due; returns how many were opened. */
    public int openDue() {
        int opened = 0;
        for (long id : quotations.dueForOpening()) {
            try {
                quotations.openIfDue(id);
                opened++;
            } catch (RuntimeException e) {
                LOG.errorf(e, "Opening the sealed quotations of listing %d failed; the next tick tries again", id);
            }
        }
        return opened;
    }
}
