package cn.landmarket.listing;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of listings for signed-in users: drafting, review, suspension and termination. */
@Path("/api/listings")
@Tag(name = "Listings")
@SecurityRequirement(name = "bearer")
public class ListingResource {

    @Inject
    ListingService service;

    @Inject
    ListingReviewService review;

    @Inject
    CurrentActor actor;

    @POST
    @RolesAllowed(Role.TOWNSHIP_GROUP)
    @ResponseStatus(201)
    @Operation(summary = "Draft a listing on one of the township's certificates (freezes the lot)")
    public ListingView draft(@Valid @NotNull ListingRequest request) {
        return service.draft(actor.get(), request);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Role.TOWNSHIP_GROUP)
    @Operation(summary = "Replace a draft's terms")
    public ListingView update(@PathParam("id") long id, @Valid @NotNull ListingRequest request) {
        return service.update(actor.get(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Role.TOWNSHIP_GROUP)
    @ResponseStatus(204)
    @Operation(summary = "Delete a draft (releases the lot)")
    public void delete(@PathParam("id") long id) {
        service.delete(actor.get(), id);
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed(Role.TOWNSHIP_GROUP)
    @Operation(summary = "Submit a draft for regulator review")
    public ListingView submit(@PathParam("id") long id) {
        return service.submit(actor.get(), id);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Role.REGULATOR_GROUP)
    @Operation(summary = "Approve a listing under review (announces it when its announcement time has come)")
    public ListingView approve(@PathParam("id") long id) {
        return review.approve(actor.get(), id);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed(Role.REGULATOR_GROUP)
    @Operation(summary = "Reject a listing under review, with a reason (releases the lot)")
    public ListingView reject(@PathParam("id") long id, @Valid @NotNull ReasonRequest request) {
        return review.reject(actor.get(), id, request.reason());
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Role.REGULATOR_GROUP)
    @Operation(summary = "Suspend a live listing; its clock stops")
    public ListingView suspend(@PathParam("id") long id, @Valid @NotNull ReasonRequest request) {
        return review.suspend(actor.get(), id, request.reason());
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed(Role.REGULATOR_GROUP)
    @Operation(summary = "Resume a suspended listing; its remaining time is restored")
    public ListingView resume(@PathParam("id") long id) {
        return review.resume(actor.get(), id);
    }

    @POST
    @Path("/{id}/terminate")
    @RolesAllowed(Role.REGULATOR_GROUP)
    @Operation(summary = "Terminate a live or suspended listing, with a reason (releases the lot)")
    public ListingView terminate(@PathParam("id") long id, @Valid @NotNull ReasonRequest request) {
        return review.terminate(actor.get(), id, request.reason());
    }

    @POST
    @Path("/{id}/relist")
    @RolesAllowed(Role.TOWNSHIP_GROUP)
    @ResponseStatus(201)
    @Operation(summary = "Relist the lot of a defaulted or unsold listing as a new draft with its terms copied")
    public ListingView relist(@PathParam("id") long id, @Valid @NotNull RelistRequest request) {
        return service.relist(actor.get(), id, request);
    }

    @GET
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "Listings the caller may see: own, jurisdiction, all (operator) or public (enterprise)")
    public PageView<ListingView> search(@Valid @BeanParam ListingSearch search, @Valid @BeanParam PageRequest page) {
        return service.search(actor.get(), search, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "One listing; the reserve price only for the owning township and regulators")
    public ListingView get(@PathParam("id") long id) {
        return service.get(actor.get(), id);
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @Operation(summary = "A listing's status changes")
    public List<ListingHistoryView> history(@PathParam("id") long id) {
        return service.history(actor.get(), id);
    }
}
