package cn.landmarket.escrow;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of the refunds owed to payers. */
@Path("/api/refunds")
@Tag(name = "Bank")
@SecurityRequirement(name = "bearer")
public class RefundResource {

    @Inject
    RefundService service;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed({Role.OPERATOR_GROUP, Role.REGULATOR_GROUP})
    @Operation(summary = "Refunds owed and paid, soonest due first; open=true for unpaid ones, each flagged when overdue")
    public PageView<RefundView> search(@QueryParam("open") Boolean open, @Valid @BeanParam PageRequest page) {
        return service.search(actor.get(), open, page);
    }
}
