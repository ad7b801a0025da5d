package cn.landmarket.auction;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import cn.landmarket.common.ClientAddress;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import cn.landmarket.listing.ListingStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * The benchmark's ceiling: a bid request that costs what a bid costs in HTTP, JSON and JWT and
 * nothing else. Same role, same {@code Idempotency-Key} check, same body ({@link PlaceBidRequest},
 * parsed and bean-validated), answered on the event loop with 201 and a receipt-shaped body of a
 * receipt's size; no rate limit, no batch, no database. It exists only when
 * {@code market.benchmark.noop-enabled} is true, which only the benchmark sets ({@link Gate}), and
 * it is not part of the API document.
 */
@Path("/api/listings/{id}/bids/noop")
public class NoopBidResource {

    static final String PATH_END = "/bids/noop";
    private static final byte[] LEAF = new byte[32];

    private final CurrentActor actor;
    private final Clock clock;
    private final ZoneId zone;
    private final AtomicLong ids = new AtomicLong();

    NoopBidResource(CurrentActor actor, Clock clock, MarketConfig config) {
        this.actor = actor;
        this.clock = clock;
        this.zone = config.zone();
    }

    @POST
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @Operation(hidden = true)
    public Uni<Response> place(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull PlaceBidRequest request, @Context HttpServerRequest http) {
        AuctionService.requireIdempotencyKey(idempotencyKey);
        String enterprise = actor.get().org();
        String address = ClientAddress.of(http);
        OffsetDateTime now = OffsetDateTime.ofInstant(Instant.now(clock), zone);
        long bidId = ids.incrementAndGet();
        BidReceipt receipt = BidReceipt.of(bidId, id, Integer.toHexString(enterprise.hashCode() ^ address.hashCode()),
                request.amount(), now, (int) bidId, ListingStatus.LISTING, now.plusDays(1), LEAF);
        return Uni.createFrom().item(Response.status(201).entity(receipt).build());
    }

    /**
     * Answers the no-op path with 404, as an unknown path, unless the benchmark turned it on; before
     * matching, so before authentication too.
     */
    public static class Gate {

        private final boolean enabled;

        Gate(BenchmarkConfig config) {
            this.enabled = config.noopEnabled();
        }

        @ServerRequestFilter(preMatching = true)
        public void hideUnlessEnabled(ContainerRequestContext request) {
            if (!enabled && isNoop(request.getUriInfo().getPath())) {
                throw new NotFoundException();
            }
        }

        static boolean isNoop(String path) {
            String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
            return p.endsWith(PATH_END);
        }
    }
}
