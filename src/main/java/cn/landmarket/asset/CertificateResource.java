package cn.landmarket.asset;

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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of the indicator registry. */
@Path("/api/certificates")
@Tag(name = "Certificates")
@SecurityRequirement(name = "bearer")
public class CertificateResource {

    @Inject
    CertificateService service;

    @Inject
    CurrentActor actor;

    @POST
    @RolesAllowed(Role.REGULATOR_GROUP)
    @ResponseStatus(201)
    @Operation(summary = "Issue a certificate to a township (regulator, within its jurisdiction)")
    public CertificateView issue(@Valid @NotNull IssueCertificateRequest request) {
        return service.issue(actor.get(), request);
    }

    @GET
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "Certificates the caller may see: own holdings, or a regulator's jurisdiction")
    public PageView<CertificateView> search(@QueryParam("assetType") AssetType assetType,
            @Valid @BeanParam PageRequest page) {
        return service.search(actor.get(), assetType, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "One certificate")
    public CertificateView get(@PathParam("id") long id) {
        return service.get(actor.get(), id);
    }

    @GET
    @Path("/{id}/lineage")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "A certificate's ancestors, children and source project")
    public LineageView lineage(@PathParam("id") long id) {
        return service.lineage(actor.get(), id);
    }
}
