package cn.landmarket.auction;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import io.vertx.core.http.HttpServerRequest;

import cn.landmarket.common.ClientAddress;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of registration (报名) for a listing. */
@Path("/api/listings/{id}/registrations")
@Tag(name = "Registrations")
@SecurityRequirement(name = "bearer")
public class RegistrationResource {

    @Inject
    RegistrationService service;

    @Inject
    CurrentActor actor;

    @POST
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @ResponseStatus(201)
    @Operation(summary = "Register the calling enterprise for a listing; gives the virtual account to pay the deposit into")
    public RegistrationView register(@PathParam("id") long id, @Context HttpServerRequest request) {
        return service.register(actor.get(), id, ClientAddress.of(request));
    }

    @GET
    @Path("/mine")
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @Operation(summary = "The calling enterprise's registration for a listing, with its bidder number once qualified")
    public RegistrationView mine(@PathParam("id") long id) {
        return service.mine(actor.get(), id);
    }

    @GET
    @RolesAllowed({Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "A listing's registrations, by bidder number; a regulator of its region that states a reason sees the enterprises",
            description = "Without 'reason' everyone sees bidder numbers only. A regulator that passes a non-blank"
                    + " 'reason' (at most " + IdentityReveal.REASON_MAX + " characters) also sees each enterprise's"
                    + " code and name; the reveal is written to the audit log as identity.revealed (who, when,"
                    + " why, which bidder numbers). A blank or overlong reason is a 400.")
    public List<RegistrationView> list(@PathParam("id") long id,
            @Parameter(description = "Why the regulator needs the identities; logged") @QueryParam("reason") String reason) {
        return service.list(actor.get(), id, reason);
    }
}
