package cn.landmarket.settlement;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Drives settlement on time on every instance: opens the trade of every SOLD listing (however it
 * was sold), owes back the deposits of non-winners, and defaults trades past their deadlines.
 */
@ApplicationScoped
public class SettlementSweep {

    private static final Logger LOG = Logger.getLogger(SettlementSweep.class);

    private final SettlementService settlement;

    SettlementSweep(SettlementService settlement) {
        this.settlement = settlement;
    }

    @Scheduled(every = "${market.timeline.interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "3s")
    void tick() {
        run();
    }

    /** One pass over everything due; each item in its own transaction. Returns how many items were handled. */
    public int run() {
        int done = 0;
        for (long id : settlement.soldWithoutTrade()) {
            done += attempt(() -> settlement.openTrade(id), "opening the trade of listing", id);
        }
        for (long id : settlement.depositsToRelease()) {
            done += attempt(() -> settlement.releaseDeposit(id), "refunding the deposit of registration", id);
        }
        try {
            settlement.forgetEmptyDeposits();
        } catch (RuntimeException e) {
            LOG.errorf(e, "Settlement failed forgetting the empty deposits; the next tick tries again");
        }
        for (long id : settlement.pastDeadline()) {
            done += attempt(() -> settlement.defaultIfDue(id), "defaulting trade", id);
        }
        return done;
    }

    private int attempt(Runnable step, String what, long id) {
        try {
            step.run();
            return 1;
        } catch (RuntimeException e) {
            LOG.errorf(e, "Settlement failed %s %d; the next tick tries again", what, id);
            return 0;
        }
    }
}
