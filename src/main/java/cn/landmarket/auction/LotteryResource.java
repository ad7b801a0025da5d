package cn.landmarket.auction;

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

import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import cn.landmarket.common.time.ApiTime;

/** HTTP face of the lottery at the cap: entries, reveals and the round by bidder number. */
@Path("/api/listings/{id}/lottery")
@Tag(name = "Lottery at the cap")
public class LotteryResource {

    @Inject
    LotteryService lotteries;

    @Inject
    CurrentActor actor;

    @Inject
    MarketConfig config;

    @POST
    @Path("/entries")
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Accept the cap price and enter the lottery with a commitment (qualified bidders, entry window; Idempotency-Key required)",
            description = "The commitment is the lower-case hex SHA-256 of the UTF-8 bytes of \"lm-lottery-v1\\n\""
                    + " + listingNo + \"\\n\" + bidderNo + \"\\n\" + contribution, the contribution being 32 random"
                    + " bytes as 64 lower-case hex characters that the bidder keeps until the reveal. Only the"
                    + " commitment is stored and logged (lottery.entered). The bidder whose bid reached the cap is an"
                    + " entrant already and may enter to add its contribution to the seed. One entry per bidder: another"
                    + " is a 409; a retry with the same Idempotency-Key and commitment returns the round with 200.")
    @APIResponse(responseCode = "201", description = "Entered",
            content = @Content(schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the same entry",
            content = @Content(schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "409", description = "No lottery at this listing's cap, no round open, already entered, or after the entry deadline")
    public Response enter(@PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull EnterLotteryRequest request) {
        LotteryService.Entered entered = lotteries.enter(actor.get(), id, request, idempotencyKey);
        return Response.status(entered.replayed() ? 200 : 201).entity(entered.lottery()).build();
    }

    @POST
    @Path("/reveal")
    @RolesAllowed(Role.ENTERPRISE_GROUP)
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "Reveal the lottery contribution (an entrant, in the reveal window)",
            description = "Accepted when it opens the entry's commitment: stored and logged as lottery.revealed. When"
                    + " it does not, nothing is stored, the refusal is logged as lottery.reveal_refused (without what"
                    + " was sent) and the answer is a 422; the entrant may try again until the reveal deadline. An"
                    + " entrant that never reveals stays in the draw; its contribution is simply not in the seed.")
    @APIResponse(responseCode = "200", description = "Revealed",
            content = @Content(schema = @Schema(implementation = LotteryView.class)))
    @APIResponse(responseCode = "422", description = "The contribution does not open the commitment; may be retried until the reveal deadline")
    @APIResponse(responseCode = "409", description = "Outside the reveal window, no entry, or already revealed otherwise")
    public LotteryView reveal(@PathParam("id") long id, @Valid @NotNull RevealLotteryRequest request) {
        LotteryService.Revealed revealed = lotteries.reveal(actor.get(), id, request);
        if (revealed.refused()) {
            throw new ApiException(ErrorCode.REVEAL_MISMATCH, MessageKey.LOTTERY_REVEAL_MISMATCH,
                    ApiTime.format(revealed.revealDeadline(), config.zone()));
        }
        return revealed.lottery();
    }

    @GET
    @RolesAllowed({Role.TOWNSHIP_GROUP, Role.ENTERPRISE_GROUP, Role.REGULATOR_GROUP, Role.OPERATOR_GROUP})
    @SecurityRequirement(name = "bearer")
    @Operation(summary = "The lottery round of a listing by bidder number",
            description = "The cap and its bidder, the entry and reveal deadlines, the platform's commitment, every"
                    + " entrant in bidder-number order with its commitment and, from its reveal on, its contribution;"
                    + " after the draw the platform's contribution, the seed, the winner's index and bidder number."
                    + " 'mine' marks the caller's own. No identities. 409 while no bid has reached the cap.")
    public LotteryView state(@PathParam("id") long id) {
        return lotteries.state(actor.get(), id);
    }
}
