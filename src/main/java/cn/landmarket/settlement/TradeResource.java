package cn.landmarket.settlement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/**
 * HTTP face of trades: the sale of a listing, its confirmation and where payment stands, and a
 * runner-up's answer to the offer of the lot (accept by confirming, or decline).
 */
@Path("/api/trades")
@Tag(name = "Settlement")
@SecurityRequirement(name = "bearer")
public class TradeResource {

    @Inject
    SettlementService service;

    @Inject
    TradeQueryService queries;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "A trade, for its seller, its buyer, regulators of its region and operators")
    public TradeView get(@PathParam("id") long id) {
        return queries.get(actor.get(), id);
    }

    @POST
    @Path("/{id}/confirmations")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP})
    @Operation(summary = "Seller or buyer accepts the confirmation by the SHA-256 of its text (409 when it differs)")
    public TradeView confirm(@PathParam("id") long id, @NotNull @Valid ConfirmRequest request) {
        return service.confirm(actor.get(), id, request);
    }

    @POST
    @Path("/{id}/decline")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP})
    @Operation(summary = "The runner-up declines the lot offered to it after the winner's default (no forfeit, no "
            + "bar; the lot is released); 409 for the winner's own trade or an offer already accepted or expired")
    public TradeView decline(@PathParam("id") long id) {
        return service.decline(actor.get(), id);
    }
}
