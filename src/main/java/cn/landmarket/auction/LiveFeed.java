package cn.landmarket.auction;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import javax.sql.DataSource;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.UnixOperatingSystemMXBean;

import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.time.ApiTime;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Feeds the live streams of this instance from PostgreSQL {@code LISTEN/NOTIFY}: every instance
 * hears the events committed by any instance, and a watcher never touches the database. Each event
 * is encoded once ({@link LiveFrame}) and the same bytes are queued on every watcher's connection
 * ({@link WatcherBuffer}) without waiting for any of them, by that connection's event loop, which
 * joins the events that arrive while it is busy writing into one write per connection
 * ({@link WatcherGroup}). A watcher whose connection stops taking them is disconnected, so a slow
 * or dead client can never hold up the listener, let alone bidding. A heartbeat goes to every
 * watcher of a listing every 15 s. Every watcher holds a connection, so the instance admits at most
 * {@code market.live.max-per-address} from one client address and
 * {@code market.live.max-per-instance} in all (503 with Retry-After beyond); a watcher's slot, and
 * its listing's channel once nobody watches it, is given back when its stream ends.
 */
@ApplicationScoped
public class LiveFeed {

    private static final Logger LOG = Logger.getLogger(LiveFeed.class);
    private static final int WATCHER_BUFFER = 256;
    /** How often every watcher gets a heartbeat (which keeps idle connections open and tells the server's time). */
    static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<Long, Channel> channels = new ConcurrentHashMap<>();
    private final WatcherSlots slots;
    private final long retryAfterSeconds;
    private volatile boolean running;
    private volatile boolean listening;
    private Thread listener;
    private ScheduledExecutorService heartbeats;

    LiveFeed(DataSource dataSource, ObjectMapper json, MarketConfig config, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
        this.zone = config.zone();
        int configured = config.live().maxPerInstance();
        long openFileLimit = openFileLimit();
        int cap = WatcherSlots.capFor(configured, openFileLimit);
        if (cap < configured) {
            LOG.warnf("Live feed: at most %d watchers on this instance, not the %d configured"
                    + " (market.live.max-per-instance): the process may open only %d files", cap, configured,
                    openFileLimit);
        }
        this.slots = new WatcherSlots(config.live().maxPerAddress(), cap);
        this.retryAfterSeconds = Math.max(1, config.live().retryAfter().toSeconds());
    }

    /** How many files this process may open (0 when the platform does not say). */
    private static long openFileLimit() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix
                ? unix.getMaxFileDescriptorCount() : 0;
    }

    /** Delivers on the calling thread: for watchers whose connection's event loop is not known. */
    private static final Executor INLINE = Runnable::run;

    /**
     * The watchers of one listing, grouped by the event loop of their connection, and how many there
     * are; a channel is created and dropped, and its count changed, only inside channels.compute.
     */
    private static final class Channel {
        final Map<Executor, WatcherGroup> byLoop = new ConcurrentHashMap<>();
        int watchers;

        /**
         * Hands the frame to each event loop's group, which writes it to its own watchers' connections
         * on that loop (a write on the connection's own loop is the cheapest there is), so that the
         * listener only queues a few tasks per event whatever the number of watchers.
         */
        void send(LiveFrame frame) {
            byLoop.values().forEach(group -> {
                if (!group.isEmpty()) {
                    group.send(frame);
                }
            });
        }
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "live-feed-listener");
        listener.setDaemon(true);
        listener.start();
        heartbeats = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "live-feed-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeats.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        if (heartbeats != null) {
            heartbeats.shutdownNow();
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
        return admit(listingId, clientAddress, null);
    }

    /**
     * As {@link #admit(long, String)}, for a watcher whose connection runs on {@code eventLoop}, where
     * its events are then written (null: on the feed's own thread).
     */
    public Watcher admit(long listingId, String clientAddress, Executor eventLoop) {
        WatcherSlots.Refusal refusal = slots.acquire(clientAddress);
        if (refusal != null) {
            boolean address = refusal == WatcherSlots.Refusal.ADDRESS;
            throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                    Message.of(address ? MessageKey.LIVE_FULL_ADDRESS : MessageKey.LIVE_FULL_INSTANCE,
                            address ? slots.perAddress() : slots.perInstance(), retryAfterSeconds),
                    List.of(), Map.of("retryAfterSeconds", retryAfterSeconds));
        }
        Watcher watcher = new Watcher(listingId, clientAddress, eventLoop == null ? INLINE : eventLoop);
        channels.compute(listingId, (id, c) -> {
            Channel ch = c == null ? new Channel() : c;
            ch.byLoop.computeIfAbsent(watcher.loop, WatcherGroup::new).add(watcher.buffer);
            ch.watchers++;
            return ch;
        });
        return watcher;
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
        private final Executor loop;
        private final WatcherBuffer buffer = new WatcherBuffer(WATCHER_BUFFER);
        private final AtomicBoolean closed = new AtomicBoolean();

        private Watcher(long listingId, String clientAddress, Executor loop) {
            this.listingId = listingId;
            this.clientAddress = clientAddress;
            this.loop = loop;
        }

        /**
         * Starts writing the listing's events to the watcher's connection: first those kept since
         * the watcher was admitted, less the bids a snapshot counting {@code counted} bids includes,
         * then each new one. A watcher whose connection stops taking them (or that fell
         * 256 events behind before attaching) is failed through the outlet,
         * and may reconnect with the last event id it saw, instead of slowing anyone else. Attach once,
         * after the stream's first events were written.
         */
        public void attach(WatcherBuffer.Outlet outlet, int counted) {
            buffer.attach(outlet, counted);
        }

        /** Gives back the watcher's slot, and the listing's channel when it was the last watcher. */
        @Override
        public void close() {
            if (!closed.compareAndSet(false, true)) {
                return;
            }
            buffer.cancel();
            channels.computeIfPresent(listingId, (id, c) -> {
                WatcherGroup group = c.byLoop.get(loop);
                if (group != null) {
                    group.remove(buffer);
                }
                return --c.watchers == 0 ? null : c;
            });
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
                channel.send(LiveFrame.of(event, json.writeValueAsString(event)));
            }
        } catch (Exception e) {
            LOG.warnf("Unreadable live event dropped: %s", e.getMessage());
        }
    }

    /** Sends every watched listing's watchers a heartbeat with the server's time. */
    private void heartbeat() {
        try {
            String at = ApiTime.format(Instant.now(clock), zone);
            channels.forEach((id, channel) -> {
                LiveEvent event = LiveEvent.heartbeat(id, at);
                try {
                    channel.send(LiveFrame.of(event, json.writeValueAsString(event)));
                } catch (Exception e) {
                    LOG.warnf("Heartbeat of listing %d not sent: %s", id, e.getMessage());
                }
            });
        } catch (RuntimeException e) {
            // a failing round must not end the schedule
            LOG.warnf("Live feed heartbeat failed: %s", e.getMessage());
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
