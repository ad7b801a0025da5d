package cn.landmarket.party;

import jakarta.annotation.security.PermitAll;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.ValidDivisionCode.Kind;

/** HTTP face of parties: the caller, townships, and enterprise registration and verification. */
@Path("/api")
@Tag(name = "Parties")
public class PartyResource {

    @Inject
    PartyService service;

    @Inject
    CurrentActor actor;

    @GET
    @Path("/me")
    @Authenticated
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Who the token identifies, and its organisation")
    public MeView me() {
        return service.me(actor.get());
    }

    @GET
    @Path("/townships")
    @PermitAll
    @Operation(summary = "List townships, optionally of one county")
    public PageView<TownshipView> townships(@QueryParam("county") @ValidDivisionCode(Kind.COUNTY) String county,
            @Valid @BeanParam PageRequest page) {
        return service.townships(county, page);
    }

    @GET
    @Path("/townships/{code}")
    @PermitAll
    @Operation(summary = "One township")
    public TownshipView township(@PathParam("code") @ValidDivisionCode(Kind.TOWNSHIP) String code) {
        return service.township(code);
    }

    @POST
    @Path("/enterprises")
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @SecurityRequirement(name = "bearer")
    @ResponseStatus(201)
    @Operation(summary = "Register the calling enterprise (verified later by an operator)")
    public EnterpriseView register(@Valid @NotNull RegisterEnterpriseRequest request) {
        return service.register(actor.get(), request);
    }

    @GET
    @Path("/enterprises")
    @RolesAllowed({Role.OPERATOR_GROUP, Role.REGULATOR_GROUP})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "List enterprises, optionally by status")
    public PageView<EnterpriseView> enterprises(@QueryParam("status") EnterpriseStatus status,
            @Valid @BeanParam PageRequest page) {
        return service.enterprises(actor.get(), status, page);
    }

    @GET
    @Path("/enterprises/{creditCode}")
    @RolesAllowed({Role.ENTERPRISE_GROUP, Role.OPERATOR_GROUP, Role.REGULATOR_GROUP})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "One enterprise (itself, operators and regulators only)")
    public EnterpriseView enterprise(@PathParam("creditCode") @ValidCreditCode String creditCode) {
        return service.enterprise(actor.get(), creditCode);
    }

    @POST
    @Path("/enterprises/{creditCode}/review")
    @RolesAllowed(Role.OPERATOR_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Verify or reject a pending enterprise registration")
    public EnterpriseView review(@PathParam("creditCode") @ValidCreditCode String creditCode,
            @Valid @NotNull ReviewEnterpriseRequest request) {
        return service.review(actor.get(), creditCode, request);
    }
}
