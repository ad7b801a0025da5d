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

/** HTTP face of a listing's runner-up. */
@Path("/api/listings/{id}/runner-up")
@Tag(name = "Settlement")
@SecurityRequirement(name = "bearer")
public class RunnerUpResource {

    @Inject
    TradeQueryService queries;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "The runner-up of a listing sold with a runner-up award: bidder number, price, status and "
            + "the trade that offers it the lot after the winner's default (404 when there is none)")
    public RunnerUpView get(@PathParam("id") long id) {
        return queries.runnerUp(actor.get(), id);
    }
}
