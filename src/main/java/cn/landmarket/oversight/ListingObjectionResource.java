package cn.landmarket.oversight;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of the objections to one listing's published result: lodging one, and reading them. */
@Path("/api/listings/{id}/objections")
@Tag(name = "Objections")
@SecurityRequirement(name = "bearer")
public class ListingObjectionResource {

    @Inject
    ObjectionService objections;

    @Inject
    CurrentActor actor;

    @POST
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @Operation(summary = "Lodge an objection (异议) to the listing's published result (a bidder, in the publication period)",
            description = "A qualified bidder of the listing objects to its result with its reasons (required, at"
                    + " most market.results.objection-max-chars characters) until the end of the publication period:"
                    + " the end of the market.results.objection-working-days-th working day after the day of the close."
                    + " One objection per bidder and result. Logged as objection.lodged, whose facts carry who lodged it"
                    + " and why only as commitments; the public result shows only how many were lodged and their"
                    + " outcomes.")
    @APIResponse(responseCode = "201", description = "Lodged",
            content = @Content(schema = @Schema(implementation = ObjectionView.class)))
    @APIResponse(responseCode = "400", description = "Reasons blank or too long")
    @APIResponse(responseCode = "403", description = "Not a qualified bidder of this listing")
    @APIResponse(responseCode = "409", description = "No result yet, already lodged, or the publication period is over")
    public Response lodge(@PathParam("id") long id, @NotNull LodgeObjectionRequest request) {
        return Response.status(201).entity(objections.lodge(actor.get(), id, request)).build();
    }

    @GET
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP})
    @Operation(summary = "The objections to the listing's result, as the caller may see them",
            description = "An enterprise sees its own; regulators of the listing's region see all of them with"
                    + " bidder number, reasons and answer; the seller township sees their outcomes only (status,"
                    + " dates, whether settlement is suspended), never the reasons nor who lodged them.")
    public List<ObjectionView> list(@PathParam("id") long id) {
        return objections.ofListing(actor.get(), id);
    }
}
