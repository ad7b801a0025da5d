package cn.landmarket.auction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Feeds the live streams of this instance from PostgreSQL {@code LISTEN/NOTIFY}: every instance
 * hears the events committed by any instance, and a watcher never touches the database. Each
 * watcher has its own bounded buffer that drops on overflow, so a slow or dead client can never
 * hold up the listener, let alone bidding.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final int WATCHER_BUFFER = 256;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Map<Long, BroadcastProcessor<LiveEvent>> channels = new ConcurrentHashMap<>();
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    LiveFeed(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "live-feed-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
    }

    /** Whether the instance currently hears the database's events. */
    public boolean listening() {
        return listening;
    }

    /**
     * The events of one listing from now on. Each watcher gets a buffer of its own; a watcher that
     * falls that far behind is disconnected (and may reconnect for a fresh snapshot) instead of
     * slowing anyone else.
     */
    public Multi<LiveEvent> events(long listingId) {
        return channels.computeIfAbsent(listingId, id -> BroadcastProcessor.create())
                .onOverflow().buffer(WATCHER_BUFFER);
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + BidBatcher.CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening = true;
                while (running) {
                    PGNotification[] notifications = pg.getNotifications(500);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            dispatch(n.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (running) {
                    LOG.warnf("Live feed lost the database (%s); reconnecting", e.getMessage());
                    sleep(Duration.ofSeconds(1));
                }
            }
        }
        listening = false;
    }

    private void dispatch(String payload) {
        try {
            LiveEvent event = json.readValue(payload, LiveEvent.class);
            BroadcastProcessor<LiveEvent> channel = channels.get(event.listingId());
            if (channel != null) {
                channel.onNext(event);
            }
        } catch (Exception e) {
            LOG.warnf("Unreadable live event dropped: %s", e.getMessage());
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
