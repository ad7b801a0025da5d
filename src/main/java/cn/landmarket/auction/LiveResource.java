package cn.landmarket.auction;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import cn.landmarket.common.ClientAddress;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * The live feed of a listing as Server-Sent Events, open to anyone from the announcement on. Each
 * event is named by its type ({@code event: bid}) and a bid or snapshot carries the listing's bid
 * sequence as its {@code id}, so a client that reconnects with {@code Last-Event-ID} (browsers do by
 * themselves) first gets the bids it missed, then the snapshot, then live events, with no gap and no
 * bid twice.
 */
@Path("/api/listings/{id}/live")
@Tag(name = "Public")
@PermitAll
public class LiveResource {

    /** How long a client waits before reconnecting after losing the feed ({@code retry:}). */
    static final Duration RETRY = Duration.ofSeconds(3);
    private static final Pattern SEQUENCE = Pattern.compile("[0-9]{1,9}");

    @Inject
    AuctionService auctions;

    @Inject
    LiveFeed feed;

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live price, leading bidder number, deadline and phase; each bid and status change as it happens",
            description = "Each event is named by its type (snapshot, bid, status, heartbeat); bids and the snapshot"
                    + " carry the listing's bid sequence as their id, and the first event says how long to wait"
                    + " before reconnecting (retry). A client reconnecting with Last-Event-ID (or lastEventId) gets"
                    + " the bids it missed (at most 500; beyond that only the snapshot, whose sequence is the bid"
                    + " count, and the history is read from the public bids), then the snapshot, then live events."
                    + " 400 for a last event id that is not a bid sequence. 503 problem with Retry-After when this"
                    + " client address or this instance already holds as many live feeds as allowed"
                    + " (market.live.max-per-address, default 20; market.live.max-per-instance, default 16000, fewer where the process may not open that many files); a"
                    + " feed's slot is given back when its connection closes.")
    @APIResponse(responseCode = "200", description = "The event stream; each event's data is one LiveEvent",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = LiveEvent.class)))
    public Multi<OutboundSseEvent> live(@PathParam("id") long id,
            @Parameter(description = "The id of the last event received, as browsers send it on reconnecting")
            @HeaderParam("Last-Event-ID") String lastEventIdHeader,
            @Parameter(description = "The same as Last-Event-ID, for clients that cannot set headers")
            @QueryParam("lastEventId") String lastEventIdQuery,
            @Context HttpServerRequest http, @Context Sse sse) {
        Long lastSeen = lastSeen(lastEventIdHeader, lastEventIdQuery);
        LiveFeed.Watcher watcher = feed.admit(id, ClientAddress.of(http), eventLoop(http));
        try {
            // Admitted first, read second: whatever commits in between is both kept by the watcher and
            // counted by the snapshot, and the watcher drops the bids the snapshot already counts.
            AuctionService.Resumption start = auctions.start(id, lastSeen);
            int counted = start.snapshot().sequence();
            List<LiveEvent> firstEvents = new ArrayList<>(start.missed());
            firstEvents.add(start.snapshot());
            Multi<OutboundSseEvent> first = Multi.createFrom().iterable(firstEvents).map(e -> sse(sse, e));
            // Once the first events are written, the feed writes each later event (encoded once for
            // every watcher) and the heartbeats straight to the connection; this stream only stays open
            // until the client goes, or fails when the client does not keep up.
            Multi<OutboundSseEvent> live = Multi.createFrom().emitter(emitter -> attach(watcher,
                    new Connection(http, emitter::fail), counted));
            return Multi.createBy().concatenating().streams(first, live).onTermination().invoke(watcher::close);
        } catch (RuntimeException e) {
            watcher.close();
            throw e;
        }
    }

    /**
     * Attaches the watcher to its connection. Where the feed writes finished chunks straight to the
     * channel, the watcher attaches on the connection's event loop: behind the writes of the stream's
     * first events (queued on the loop), and ahead of any pass that writes to it, so that every later
     * write to the connection is the loop's, in order.
     */
    private static void attach(LiveFeed.Watcher watcher, Connection connection, int counted) {
        if (connection.encoder == null) {
            watcher.attach(connection, counted);
            return;
        }
        try {
            connection.encoder.executor().execute(() -> watcher.attach(connection, counted));
        } catch (RejectedExecutionException stopping) {
            connection.fail(stopping);
        }
    }

    /** A watcher's connection, as the feed writes to it. */
    private static final class Connection implements WatcherBuffer.Outlet {

        private final HttpServerResponse response;
        /** The connection's channel; null when unknown (then the response says whether it is full). */
        private final Channel channel;
        /** Where finished chunks go (HTTP/1.1 without compression); null to write through the response. */
        private final ChannelHandlerContext encoder;
        private final Consumer<Throwable> failure;

        Connection(HttpServerRequest http, Consumer<Throwable> failure) {
            this.response = http.response();
            this.channel = http.version() != HttpVersion.HTTP_2 ? channel(http) : null;
            this.encoder = LiveChunks.encoderOf(channel);
            this.failure = failure;
        }

        @Override
        public boolean full() {
            return channel != null ? backedUp(channel) : response.writeQueueFull();
        }

        @Override
        public void write(Buffer frame) {
            if (encoder != null && encoder.executor().inEventLoop()) {
                LiveChunks.write(encoder, frame);
            } else {
                response.write(frame);
            }
        }

        @Override
        public void fail(Throwable cause) {
            failure.accept(cause);
        }
    }

    /**
     * Whether the connection holds as much unsent data as it takes: what writeQueueFull reports, read
     * from the channel without taking the response's lock for each of thousands of watchers per event.
     * A connection that has just closed is not backed up: the write to it fails quietly and the
     * stream's end closes the watcher.
     */
    static boolean backedUp(Channel channel) {
        return channel.isActive() && !channel.isWritable();
    }

    /** The event loop the request's connection runs on, where writes to it cost least; null if unknown. */
    private static Executor eventLoop(HttpServerRequest http) {
        Channel channel = channel(http);
        return channel != null ? channel.eventLoop() : null;
    }

    /** The Netty channel of the request's connection; null if unknown. */
    private static Channel channel(HttpServerRequest http) {
        return http.connection() instanceof ConnectionBase connection ? connection.channel() : null;
    }

    private static OutboundSseEvent sse(Sse sse, LiveEvent event) {
        OutboundSseEvent.Builder b = sse.newEventBuilder().name(event.type())
                .mediaType(MediaType.APPLICATION_JSON_TYPE).data(LiveEvent.class, event);
        if (event.sequence() != null && !LiveEvent.HEARTBEAT.equals(event.type())) {
            b.id(String.valueOf(event.sequence()));
        }
        if (LiveEvent.SNAPSHOT.equals(event.type())) {
            b.reconnectDelay(RETRY.toMillis());
        }
        return b.build();
    }

    /** The bid sequence the client last saw, from the header or else the query; null on a first connection. */
    private static Long lastSeen(String header, String query) {
        String value = header != null && !header.isBlank() ? header.strip()
                : query != null && !query.isBlank() ? query.strip() : null;
        if (value == null) {
            return null;
        }
        if (!SEQUENCE.matcher(value).matches()) {
            throw ApiException.invalid("lastEventId", MessageKey.LIVE_LAST_EVENT_ID);
        }
        return Long.parseLong(value);
    }
}
