package cn.landmarket.bank;

import java.io.IOException;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;

/**
 * HTTP face of the deposit bank: its signed notice feed, and notices typed in by one operator and
 * approved or rejected by another.
 * The body is taken as bytes, because the signature and the replay check are over the exact bytes.
 */
@Path("/api/bank/notifications")
@Tag(name = "Bank")
public class BankNoticeResource {

    @Inject
    BankNoticeService service;

    @Inject
    ManualNoticeService manual;

    @Inject
    BankNoticeReader reader;

    @Inject
    BankConfig bank;

    @Inject
    CurrentActor actor;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A booking on the escrow account, from the bank's feed; authenticated by the body's "
            + "HMAC-SHA256 signature, idempotent by transaction id")
    public NoticeResponse receive(
            @Parameter(description = "sha256= and the lowercase hex HMAC-SHA256 of the body under the shared secret",
                    required = true) @HeaderParam(NoticeSignature.HEADER) String signature,
            @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BankNoticeRequest.class))) byte[] body) throws IOException {
        if (!new NoticeSignature(bank.hmacSecret()).verify(body, signature)) {
            throw new ApiException(ErrorCode.NOT_AUTHENTICATED,
                    signature == null ? MessageKey.BANK_SIGNATURE_MISSING : MessageKey.BANK_SIGNATURE_INVALID);
        }
        return service.record(reader.read(body), body);
    }

    @POST
    @Path("/manual")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OPERATOR_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "A booking typed in by an operator from a bank statement; waits, counting nothing, until a "
            + "different operator approves it",
            description = "The booking time may lie at most market.bank.manual-booked-at-max-age-working-days working "
                    + "days back and market.bank.booked-at-max-ahead ahead (400 otherwise). The entry is logged as "
                    + "notice.entered. A transaction id the platform has already recorded, or another body under an "
                    + "id already waiting, is a 409.")
    @APIResponse(responseCode = "202", description = "Entered: waiting for approval by another operator",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ManualNoticeView.class)))
    @APIResponse(responseCode = "200", description = "The same body is already waiting: that entry",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ManualNoticeView.class)))
    public Response enter(@RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = BankNoticeRequest.class))) byte[] body) throws IOException {
        ManualNoticeService.Entered entered = manual.enter(reader.read(body), body, actor.get());
        return Response.status(entered.created() ? 202 : 200).entity(entered.view()).build();
    }

    @GET
    @Path("/manual")
    @RolesAllowed(Role.OPERATOR_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Bookings typed in by operators, oldest first: those waiting for approval, or those in the "
            + "status asked for")
    public PageView<ManualNoticeView> entries(
            @Parameter(description = "PENDING_APPROVAL (the default), APPROVED or REJECTED") @QueryParam("status")
            ManualNoticeStatus status, @Valid @BeanParam PageRequest page) {
        return manual.list(status, page);
    }

    @POST
    @Path("/manual/{id}/approve")
    @RolesAllowed(Role.OPERATOR_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Approve a booking another operator typed in: it is then processed as the bank feed's "
            + "notices are",
            description = "403 for the operator who entered it. Logged as notice.approved and notice.received. The "
                    + "same booking already counted from the bank's feed makes it a DUPLICATE, a near-match (same "
                    + "account and booking time, another amount or payer account) a MISMATCH held for an operator; "
                    + "neither counts. A deposit approved after the registration deadline is LATE, whatever its "
                    + "booking time.")
    public NoticeResponse approve(@PathParam("id") long id) {
        return manual.approve(id, actor.get());
    }

    @POST
    @Path("/manual/{id}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.OPERATOR_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Reject a booking another operator typed in, with a reason; nothing is counted",
            description = "403 for the operator who entered it. Logged as notice.rejected (without the reason).")
    public ManualNoticeView reject(@PathParam("id") long id, @Valid @NotNull RejectNoticeRequest request) {
        return manual.reject(id, actor.get(), request.reason());
    }

    @GET
    @Path("/mismatches")
    @RolesAllowed(Role.OPERATOR_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Notices held for an operator, oldest first: the account and booking time of a notice "
            + "already counted from the other source, but another amount or payer account; neither is counted twice")
    public PageView<NoticeMismatchView> mismatches(@Valid @BeanParam PageRequest page) {
        return manual.mismatches(page);
    }
}
