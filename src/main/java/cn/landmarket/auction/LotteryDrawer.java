package cn.landmarket.auction;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Draws the lotteries at the cap that are due, on every instance, whether or not anyone is watching;
 * each draw takes the listing's row lock, so it happens once.
 */
@ApplicationScoped
public class LotteryDrawer {

    private static final Logger LOG = Logger.getLogger(LotteryDrawer.class);

    private final LotteryService lotteries;

    LotteryDrawer(LotteryService lotteries) {
        this.lotteries = lotteries;
    }

    @Scheduled(every = "${market.timeline.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s")
    void tick() {
        drawDue();
    }

    /** Draws every lottery that is due; returns how many were drawn. */
    public int drawDue() {
        int drawn = 0;
        for (long id : lotteries.dueForDraw()) {
            try {
                if (lotteries.drawIfDue(id)) {
                    drawn++;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Drawing the lottery of listing %d failed; the next tick tries again", id);
            }
        }
        return drawn;
    }
}
