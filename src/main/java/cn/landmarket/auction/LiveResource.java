package cn.landmarket.auction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import cn.landmarket.common.ClientAddress;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.time.ApiTime;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.vertx.core.http.HttpServerRequest;

/** The live feed of a listing as Server-Sent Events, open to anyone from the announcement on. */
@Path("/api/listings/{id}/live")
@Tag(name = "Public")
@PermitAll
public class LiveResource {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    @Inject
    AuctionService auctions;

    @Inject
    LiveFeed feed;

    @Inject
    Clock clock;

    @Inject
    MarketConfig market;

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live price, leading bidder number, deadline and phase; each bid and status change as it happens",
            description = "503 problem with Retry-After when this client address or this instance already holds as many"
                    + " live feeds as allowed (market.live.max-per-address, default 20; market.live.max-per-instance,"
                    + " default 5000); a feed's slot is given back when its connection closes.")
    public Multi<LiveEvent> live(@PathParam("id") long id, @Context HttpServerRequest http) {
        LiveFeed.Watcher watcher = feed.admit(id, ClientAddress.of(http));
        try {
            LiveEvent snapshot = auctions.snapshot(id);
            Multi<LiveEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                    .map(tick -> LiveEvent.heartbeat(id, ApiTime.format(Instant.now(clock), market.zone())));
            return Multi.createBy().merging()
                    .streams(Multi.createFrom().item(snapshot), watcher.events(), heartbeats)
                    .onTermination().invoke(watcher::close);
        } catch (RuntimeException e) {
            watcher.close();
            throw e;
        }
    }
}
