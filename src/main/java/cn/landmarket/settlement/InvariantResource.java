package cn.landmarket.settlement;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of the ledger's invariants, for regulators. */
@Path("/api/ledger/invariants")
@Tag(name = "Ledger")
@SecurityRequirement(name = "bearer")
public class InvariantResource {

    @Inject
    InvariantService service;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed(Role.REGULATOR_GROUP)
    @Operation(summary = "Every invariant of money and quantity with pass or fail and the offending ids",
            description = "As the calling regulator's jurisdiction sees it: offending ids of listings, registrations,"
                    + " trades, refunds and certificates elsewhere are left out (and do not fail a check); what belongs"
                    + " to no region (the sum per ledger, the platform's own accounts) is market-wide and shown to all.")
    public InvariantsView check() {
        return service.check(actor.get());
    }
}
