package cn.landmarket.auction;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.common.config.MarketConfig;

/** HTTP face of sealed one-time quotations: commitments, reveals and the list by bidder number. */
@Path("/api/listings/{id}/quotations")
@Tag(name = "Sealed quotation")
public class QuotationResource {

    @Inject
    QuotationService quotations;

    @Inject
    CurrentActor actor;

    @Inject
    MarketConfig config;

    @POST
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Submit the one sealed quotation as a commitment (qualified bidders, quotation period; Idempotency-Key required)",
            description = "The commitment is the lower-case hex SHA-256 of the UTF-8 bytes of \"lm-sealed-v1\\n\""
                    + " + listingNo + \"\\n\" + bidderNo + \"\\n\" + amountFen + \"\\n\" + salt, salt being 32 random"
                    + " bytes as 64 lower-case hex characters that the bidder keeps until the reveal. Only the"
                    + " commitment is stored and logged. One per bidder: another is a 409; a retry with the same"
                    + " Idempotency-Key and commitment returns the same quotation with 200.")
    @APIResponse(responseCode = "201", description = "Submitted",
            content = @Content(schema = @Schema(implementation = QuotationView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the same quotation",
            content = @Content(schema = @Schema(implementation = QuotationView.class)))
    @APIResponse(responseCode = "409", description = "Not a sealed listing, already submitted, or outside the quotation period")
    public Response submit(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull SubmitQuotationRequest request) {
        QuotationService.Submitted submitted = quotations.submit(actor.get(), id, request, idempotencyKey);
        return Response.status(submitted.replayed() ? 200 : 201).entity(submitted.quotation()).build();
    }

    @POST
    @Path("/reveal")
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Reveal the sealed quotation's amount and salt (the bidder, in the reveal window)",
            description = "Accepted when they open the commitment: stored and logged as quotation.revealed, with"
                    + " the quotation's validity. When they do not, nothing is stored, the refusal is logged as"
                    + " quotation.reveal_refused (without what was sent) and the answer is a 422; the bidder may"
                    + " try again until the reveal deadline. Revealing the same again returns the quotation.")
    @APIResponse(responseCode = "200", description = "Revealed",
            content = @Content(schema = @Schema(implementation = QuotationView.class)))
    @APIResponse(responseCode = "422", description = "Amount and salt do not open the commitment; may be retried until the reveal deadline")
    @APIResponse(responseCode = "409", description = "Outside the reveal window, no quotation, or already revealed otherwise")
    public QuotationView reveal(@PathParam("id") long id, @Valid @NotNull RevealQuotationRequest request) {
        QuotationService.Revealed revealed = quotations.reveal(actor.get(), id, request);
        if (revealed.refused()) {
            throw new ApiException(ErrorCode.REVEAL_MISMATCH, MessageKey.QUOTATION_REVEAL_MISMATCH,
                    ApiTime.format(revealed.revealDeadline(), config.zone()));
        }
        return revealed.quotation();
    }

    @GET
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The sealed quotations of a listing by bidder number, in commitment order",
            description = "Commitments for everyone who may see the listing; amount and salt only from the"
                    + " quotation's reveal on (the server holds no amount before it); validity from the reveal,"
                    + " NOT_REVEALED and the winner from the opening; 'mine' marks the caller's own. No"
                    + " identities. Empty for a listing sold by open bids.")
    public List<QuotationView> list(@PathParam("id") long id) {
        return quotations.list(actor.get(), id);
    }
}
