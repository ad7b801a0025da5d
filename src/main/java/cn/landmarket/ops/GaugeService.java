package cn.landmarket.ops;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Gauges of the market as a whole, read from the database every
 * {@code market.metrics.refresh-interval} (15 s) rather than on each scrape, so that a scrape never
 * waits for the database and many scrapers cost one query. Every instance reports the same values:
 * aggregate them with {@code max}, not {@code sum}. When the database cannot be read the gauges
 * show NaN (no value) instead of a stale one.
 * <ul>
 * <li>{@code market_listings_open{status="LISTING"|"TIMED_BIDDING"}}: listings taking bids;</li>
 * <li>{@code market_audit_log_entries}: the size of the newest signed checkpoint;</li>
 * <li>{@code market_audit_pending_entries}: committed entries the sequencer has not yet added;</li>
 * <li>{@code market_audit_checkpoint_age_seconds}: time since the newest checkpoint, computed at
 * scrape time (a quiet log grows old legitimately: alert on it together with pending entries);</li>
 * <li>{@code market_refunds_overdue} and {@code market_refunds_overdue_amount_fen}: refunds past their
 * due date and still unpaid.</li>
 * </ul>
 */
@ApplicationScoped
public class GaugeService {

    private static final Logger LOG = Logger.getLogger(GaugeService.class);

    private final GaugeRepository repository;
    private final MeterRegistry registry;
    private final Clock clock;
    private final AtomicReference<GaugeSnapshot> current = new AtomicReference<>();

    GaugeService(GaugeRepository repository, MeterRegistry registry, Clock clock) {
        this.repository = repository;
        this.registry = registry;
        this.clock = clock;
    }

    void register(@Observes StartupEvent started) {
        gauge("market.listings.open", null, "Listings taking bids, by phase", s -> s.listingsInListing())
                .tag("status", "LISTING").register(registry);
        gauge("market.listings.open", null, "Listings taking bids, by phase", s -> s.listingsInTimedBidding())
                .tag("status", "TIMED_BIDDING").register(registry);
        gauge("market.audit.log.entries", null, "Entries in the newest signed checkpoint of the audit log",
                s -> s.auditTreeSize()).register(registry);
        gauge("market.audit.pending.entries", null, "Committed audit entries not yet in the tree",
                s -> s.auditPendingEntries()).register(registry);
        gauge("market.audit.checkpoint.age", "seconds", "Time since the newest checkpoint was signed",
                this::checkpointAgeSeconds).register(registry);
        gauge("market.refunds.overdue", null, "Refunds past their due date and unpaid", s -> s.refundsOverdue())
                .register(registry);
        gauge("market.refunds.overdue.amount", "fen", "Amount of the refunds past their due date and unpaid",
                s -> s.refundsOverdueFen()).register(registry);
    }

    private Gauge.Builder<GaugeService> gauge(String name, String unit, String description,
            ToDoubleFunction<GaugeSnapshot> value) {
        return Gauge.builder(name, this, service -> {
            GaugeSnapshot snapshot = service.current.get();
            return snapshot == null ? Double.NaN : value.applyAsDouble(snapshot);
        }).baseUnit(unit).description(description).strongReference(true);
    }

    private double checkpointAgeSeconds(GaugeSnapshot snapshot) {
        return snapshot.lastCheckpointAt() == null ? Double.NaN
                : Duration.between(snapshot.lastCheckpointAt(), clock.instant()).toMillis() / 1000.0;
    }

    /** Reads the gauges' values now; on failure they show no value until a read succeeds. */
    @Scheduled(every = "${market.metrics.refresh-interval:PT15S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            current.set(repository.read(clock.instant()));
        } catch (SQLException | RuntimeException e) {
            current.set(null);
            LOG.warnf("Could not read the market gauges: %s", e.toString());
        }
    }
}
