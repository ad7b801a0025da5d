package cn.landmarket.oversight;

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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/** HTTP face of objections to published results: the objector's and the regulator's lists, the answer and the lift. */
@Path("/api/objections")
@Tag(name = "Objections")
@SecurityRequirement(name = "bearer")
public class ObjectionResource {

    @Inject
    ObjectionService objections;

    @Inject
    CurrentActor actor;

    @GET
    @RolesAllowed({Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP})
    @Operation(summary = "The objections the caller deals with, newest first",
            description = "An enterprise's own objections, or every objection to a listing of a regulator's"
                    + " jurisdiction; optionally only those in one status (LODGED: awaiting an answer). Paged.")
    public PageView<ObjectionView> list(@QueryParam("status") ObjectionStatus status,
            @Valid @BeanParam PageRequest page) {
        return objections.mine(actor.get(), status, page);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP})
    @Operation(summary = "One objection: whole for its objector and regulators of the region, its outcome for the seller township")
    public ObjectionView get(@PathParam("id") long id) {
        return objections.get(actor.get(), id);
    }

    @POST
    @Path("/{id}/answer")
    @RolesAllowed(Role.REGULATOR_GROUP)
    @Operation(summary = "Answer an objection once: UPHOLD or REJECT, with reasons (regulators of the listing's region)",
            description = "Logged as objection.answered (the outcome in the clear, the reasons as a commitment). With"
                    + " UPHOLD, suspendSettlement true suspends the settlement of the listing's trade awaiting"
                    + " confirmation or payment (trade.suspended): its deadlines stop running and it takes no"
                    + " confirmation (409) and no payment (owed back) until the suspension is lifted.")
    @APIResponse(responseCode = "400", description = "No decision, reasons blank or too long, or a suspension with REJECT")
    @APIResponse(responseCode = "409", description = "Already answered, no trade in progress to suspend, or already suspended by another objection")
    public ObjectionView answer(@PathParam("id") long id, @NotNull AnswerObjectionRequest request) {
        return objections.answer(actor.get(), id, request);
    }

    @POST
    @Path("/{id}/lift")
    @RolesAllowed(Role.REGULATOR_GROUP)
    @Operation(summary = "Lift the suspension of settlement an upheld objection caused (regulators of the listing's region)",
            description = "Logged as objection.lifted and trade.resumed: every deadline of the trade still ahead at"
                    + " the suspension moves later by its length, and the trade takes confirmations and payments again.")
    @APIResponse(responseCode = "409", description = "The objection suspends nothing (never did, or already lifted)")
    public ObjectionView lift(@PathParam("id") long id) {
        return objections.lift(actor.get(), id);
    }
}
