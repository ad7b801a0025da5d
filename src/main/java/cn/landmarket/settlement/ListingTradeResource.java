package cn.landmarket.settlement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of the trade of one listing. */
@Path("/api/listings/{id}/trade")
@Tag(name = "Settlement")
@SecurityRequirement(name = "bearer")
public class ListingTradeResource {

    @Inject
    TradeQueryService queries;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "The trade of a sold listing")
    public TradeView ofListing(@PathParam("id") long id) {
        return queries.ofListing(actor.get(), id);
    }

}
