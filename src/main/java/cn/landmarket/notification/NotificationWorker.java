package cn.landmarket.notification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Runs notifications on every instance, every {@code market.notification.interval}: writes the
 * reminders that are due, expands the outbox into messages, delivers to each organisation and
 * channel with a message due, then prunes one batch of what is past its retention. Instances share
 * the work through database locks, so any number may run.
 */
@ApplicationScoped
public class NotificationWorker {

    private static final Logger LOG = Logger.getLogger(NotificationWorker.class);
    /** Organisations and channels served in one pass. */
    private static final int GROUPS_PER_PASS = 200;

    private final NotificationService service;
    private final NotificationConfig config;

    NotificationWorker(NotificationService service, NotificationConfig config) {
        this.service = service;
        this.config = config;
    }

    @Scheduled(every = "${market.notification.interval:PT1S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, delayed = "2s")
    void tick() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.error("Notification pass failed; the next one tries again", e);
        }
    }

    /** One pass; returns how many messages were delivered. */
    public int runOnce() {
        service.writeReminders();
        expandAll();
        int delivered = 0;
        List<Object[]> groups = service.dueGroups(GROUPS_PER_PASS);
        for (Object[] group : groups) {
            try {
                delivered += Math.max(0, service.deliver((String) group[0], Channel.valueOf((String) group[1])));
            } catch (RuntimeException e) {
                LOG.errorf(e, "Delivering to %s by %s failed; the next pass tries again", group[0], group[1]);
            }
        }
        prune();
        return delivered;
    }

    /** One bounded pruning batch; a failure is logged and left to the next pass. */
    public NotificationService.Pruned prune() {
        try {
            NotificationService.Pruned pruned = service.prune();
            if (pruned.messages() > 0 || pruned.events() > 0) {
                LOG.debugf("Pruned %d delivered notification messages and %d events", pruned.messages(),
                        pruned.events());
            }
            return pruned;
        } catch (RuntimeException e) {
            LOG.error("Pruning notifications failed; the next pass tries again", e);
            return new NotificationService.Pruned(0, 0);
        }
    }

    /** Expands the outbox until it is empty or another instance is expanding it. */
    public void expandAll() {
        while (service.expand() >= config.expandBatch()) {
            LOG.debug("Expanded a full batch of notification events; continuing");
        }
    }
}
