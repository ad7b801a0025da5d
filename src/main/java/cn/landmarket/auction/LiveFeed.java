package cn.landmarket.auction;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Feeds the live streams of this instance from PostgreSQL {@code LISTEN/NOTIFY}: every instance
 * hears the events committed by any instance, and a watcher never touches the database. Each
 * watcher has its own bounded buffer that drops on overflow, so a slow or dead client can never
 * hold up the listener, let alone bidding. Every watcher holds a connection, so the instance admits
 * at most {@code market.live.max-per-address} from one client address and
 * {@code market.live.max-per-instance} in all (503 with Retry-After beyond); a watcher's slot, and
 * its listing's channel once nobody watches it, is given back when its stream ends.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final int WATCHER_BUFFER = 256;

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final WatcherSlots slots;
    private final long retryAfterSeconds;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;

    LiveFeed(DataSource dataSource, ObjectMapper json, MarketConfig config) {
        this.dataSource = dataSource;
        this.json = json;
        this.slots = new WatcherSlots(config.live().maxPerAddress(), config.live().maxPerInstance());
        this.retryAfterSeconds = Math.max(1, config.live().retryAfter().toSeconds());
    }

    /** The events of one listing and how many admitted watchers it has; changed only inside channels.compute. */
    private static final class Channel {
        final BroadcastProcessor<LiveEvent> processor = BroadcastProcessor.create();
        int watchers;
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
     * Admits a watcher of one listing from {@code clientAddress}, or refuses it with a 503 problem and
     * Retry-After when the address or the instance holds as many live feeds as allowed. The watcher
     * must be closed when its stream ends (closing twice is harmless).
     */
    public Watcher admit(long listingId, String clientAddress) {
        WatcherSlots.Refusal refusal = slots.acquire(clientAddress);
        if (refusal != null) {
            boolean address = refusal == WatcherSlots.Refusal.ADDRESS;
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    Message.of(address ? MessageKey.LIVE_FULL_ADDRESS : MessageKey.LIVE_FULL_INSTANCE,
                            address ? slots.perAddress() : slots.perInstance(), retryAfterSeconds),
                    List.of(), Map.of("retryAfterSeconds", retryAfterSeconds));
        }
        Channel channel = channels.compute(listingId, (id, c) -> {
            Channel ch = c == null ? new Channel() : c;
            ch.watchers++;
            return ch;
        });
        return new Watcher(listingId, clientAddress, channel);
    }

    /** Live feeds open on this instance. */
    public int watchers() {
        return slots.open();
    }

    /** Live feeds open on this instance from one client address. */
    public int watchers(String clientAddress) {
        return slots.open(clientAddress);
    }

    /** Whether the listing has a watcher (and so a channel) on this instance. */
    boolean watched(long listingId) {
        return channels.containsKey(listingId);
    }

    /** One admitted watcher: its events, and the slot it gives back when closed. */
    public final class Watcher implements AutoCloseable {

        private final long listingId;
        private final String clientAddress;
        private final WatcherBuffer buffer = new WatcherBuffer(WATCHER_BUFFER);
        private final AtomicBoolean closed = new AtomicBoolean();

        private Watcher(long listingId, String clientAddress, Channel channel) {
            this.listingId = listingId;
            this.clientAddress = clientAddress;
            channel.processor.subscribe().withSubscriber(buffer);
        }

        /**
         * The listing's events since this watcher was admitted, through a buffer of its own; a
         * watcher that falls that far behind is disconnected (and may reconnect with the last event id
         * it saw) instead of slowing anyone else. Subscribe once.
         */
        public Multi<LiveEvent> events() {
            return buffer.events();
        }

        /** Gives back the watcher's slot, and the listing's channel when it was the last watcher. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            buffer.cancel();
            channels.computeIfPresent(listingId, (id, c) -> --c.watchers == 0 ? null : c);
            slots.release(clientAddress);
        }
    }

    private void listen() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + LiveChannel.CHANNEL);
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
            Channel channel = channels.get(event.listingId());
            if (channel != null) {
                channel.processor.onNext(event);
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
