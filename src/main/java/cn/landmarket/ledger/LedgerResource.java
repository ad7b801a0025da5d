package cn.landmarket.ledger;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of the ledger's accounts, for auditors. */
@Path("/api/ledger/accounts/{id}")
@Tag(name = "Ledger")
@SecurityRequirement(name = "bearer")
public class LedgerResource {

    @Inject
    LedgerService service;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed({Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "An account's posted and pending balance (404 when never used)",
            description = "A regulator reads only the accounts of its jurisdiction's listings, registrations, trades,"
                    + " refunds and certificates (403 otherwise, also for the market-wide accounts BANK, SUSPENSE,"
                    + " FORFEITED and QUOTA:ISSUED:*, which operators read).")
    public AccountView account(@PathParam("id") String id) {
        return service.account(actor.get(), id);
    }

    @GET
    @Path("/statement")
    @RolesAllowed({Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "An account's transfers, oldest first, with the running balance",
            description = "Paged (page from 0, size 1 to 100, default 20; 400 beyond); total counts every transfer of"
                    + " the account, and each page's running balance continues from the page before. Visible to"
                    + " regulators on the terms of the account itself.")
    public StatementView statement(@PathParam("id") String id, @Valid @BeanParam PageRequest page) {
        return service.statement(actor.get(), id, page);
    }
}
