package cn.landmarket.auction;

import java.time.Duration;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

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

    @GET
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "Live price, leading bidder number, deadline and phase; each bid and status change as it happens")
    public Multi<LiveEvent> live(@PathParam("id") long id) {
        LiveEvent snapshot = auctions.snapshot(id);
        Multi<LiveEvent> heartbeats = Multi.createFrom().ticks().every(HEARTBEAT)
                .map(tick -> new LiveEvent("heartbeat", id, null, null, null, null, null, null, null, null));
        return Multi.createBy().merging().streams(Multi.createFrom().item(snapshot), feed.events(id), heartbeats);
    }
}
