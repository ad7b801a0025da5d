package cn.landmarket.auction;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.ClientAddress;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** HTTP face of bidding: placing bids and reading the bid history. */
@Path("/api/listings/{id}/bids")
@Tag(name = "Bidding")
public class BidResource {

    @Inject
    AuctionService auctions;

    @Inject
    CurrentActor actor;

    @POST
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Place a bid (qualified bidders; Idempotency-Key required, a retry returns the same receipt)")
    @APIResponse(responseCode = "201", description = "Accepted: the receipt",
            content = @Content(schema = @Schema(implementation = BidReceipt.class)))
    @APIResponse(responseCode = "200", description = "A retry of an accepted bid: the same receipt",
            content = @Content(schema = @Schema(implementation = BidReceipt.class)))
    @APIResponse(responseCode = "409", description = "Rejected by the bidding rules (problem with minimumAmount)")
    public Uni<Response> place(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull PlaceBidRequest request, @Context HttpServerRequest http) {
        return Uni.createFrom().completionStage(
                auctions.place(actor.get(), id, request, idempotencyKey, ClientAddress.of(http)))
                .map(outcome -> {
                    if (outcome instanceof BidOutcome.Refused refused) {
                        throw refused.problem();
                    }
                    BidOutcome.Placed placed = (BidOutcome.Placed) outcome;
                    return Response.status(placed.replayed() ? 200 : 201).entity(placed.receipt()).build();
                });
    }

    @GET
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Accepted bids by bidder number: own bids marked for enterprises; identities for a regulator that states a reason",
            description = "A regulator of the listing's region that passes a non-blank 'reason' (at most "
                    + IdentityReveal.REASON_MAX + " characters) also sees the enterprise behind each bidder number;"
                    + " the reveal is written to the audit log as identity.revealed. Without a reason regulators"
                    + " see bidder numbers only. A blank or overlong reason is a 400. In sequence order, paged (page"
                    + " from 0, size 1 to 100, default 20; 400 beyond); a reveal covers the bidder numbers of the page.")
    public PageView<BidView> bids(@PathParam("id") long id,
            @Parameter(description = "Regulators: why the identities are needed; logged") @QueryParam("reason") String reason,
            @Valid @BeanParam PageRequest page) {
        return auctions.bids(actor.get(), id, reason, page);
    }
}
