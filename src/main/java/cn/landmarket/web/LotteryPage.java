package cn.landmarket.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.auction.EnterLotteryRequest;
import cn.landmarket.auction.LotteryService;
import cn.landmarket.auction.LotteryView;
import cn.landmarket.auction.RegistrationService;
import cn.landmarket.auction.RevealLotteryRequest;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.listing.CapAction;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.listing.ListingView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 限价摇号: the lottery page of a listing whose cap a bid has reached (README, "Lottery at the cap").
 * For everyone: the phase (entry window, reveal window, draw), the deadlines, the cap price and the
 * rule that maps the seed to the winner; for signed-in readers the round as {@code GET
 * /api/listings/{id}/lottery} shows it to that reader (entrants by bidder number, commitments,
 * contributions from their reveal; the seed and the winner's bidder number after the draw). For a
 * qualified enterprise in the entry window, a button whose script ({@code assets/lottery.js}) draws
 * a random contribution, computes its commitment ({@code auction/LotteryCommitment}) in the browser,
 * keeps the contribution in the browser's storage and as a backup file, and posts only the
 * commitment (as {@code POST .../lottery/entries}); in the reveal window the reveal form (as {@code
 * POST .../lottery/reveal}), filled from the browser's storage or the backup file, or typed.
 */
@Path("/listings/{id}/lottery")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class LotteryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lottery(Page page, Lottery lottery);
    }

    /** Where the round stands. */
    public enum Phase {
        /** Qualified bidders accept the cap price and enter until the entry deadline. */
        ENTRY,
        /** Entrants reveal their contributions until the reveal deadline. */
        REVEAL,
        /** Both windows are over: the draw is due. */
        DRAW_DUE,
        /** Suspended by a regulator: nothing can be sent; the deadlines move by the suspension's length. */
        SUSPENDED,
        /** Drawn (or won by the only entrant): sold at the cap price. */
        DRAWN,
        /** Terminated before the draw. */
        ENDED
    }


    /**
     * Everything the page shows: the listing, the phase, the reader's standing and bidder number, the
     * round as the API shows it to the reader (null when it would refuse it, as to anonymous readers),
     * the reader's own entrant line, a fresh idempotency key for the entry, and why the last attempt
     * was refused with what was typed.
     */
    public record Lottery(ListingView listing, Phase phase, Standing standing, String bidderNo, LotteryView round,
            LotteryView.Entrant mine, String key, String refusal, String typedContribution) {

        public String path() {
            return "/listings/" + listing.id() + "/lottery";
        }

        public boolean qualified() {
            return standing == Standing.QUALIFIED;
        }

        /** Whether the reader may enter now: qualified, in the entry window, without a commitment yet. */
        public boolean canEnter() {
            return qualified() && phase == Phase.ENTRY && (mine == null || mine.commitment() == null);
        }

        /** Whether the reader may reveal now: an entrant with a commitment not yet opened, in the reveal window. */
        public boolean canReveal() {
            return qualified() && phase == Phase.REVEAL && mine != null && mine.commitment() != null
                    && mine.contribution() == null;
        }

        /** The reader's own commitment, or empty. */
        public String commitment() {
            return mine == null || mine.commitment() == null ? "" : mine.commitment();
        }

        /** Whether the reader is the bidder whose bid reached the cap (an entrant without entering). */
        public boolean capBidder() {
            return mine != null && mine.capBidder();
        }

        /** Whether the reader may see the round (the API shows it to signed-in readers who may see the listing). */
        public boolean listed() {
            return round != null;
        }

        /** Whether the round has a result with a seed (false when the only entrant won without a draw). */
        public boolean seeded() {
            return round != null && Boolean.TRUE.equals(round.drawn());
        }

        /** Whether the reader is the winner. */
        public boolean won() {
            return mine != null && round != null && mine.bidderNo().equals(round.winnerBidderNo());
        }
    }

    @Inject
    Pages pages;

    @Inject
    ListingService listings;

    @Inject
    LotteryService lotteries;

    @Inject
    RegistrationService registrations;

    @Inject
    MarketConfig market;

    @Inject
    Clock clock;

    /** Whether a listing's lottery round is open and not yet drawn (its room then sends readers here). */
    static boolean inRound(ListingView l) {
        return l.capAction() == CapAction.LOTTERY && l.lotteryEntryDeadline() != null
                && (l.status() == ListingStatus.LOTTERY || l.status() == ListingStatus.SUSPENDED && l.closedAt() == null);
    }

    @GET
    @Operation(hidden = true)
    public Response page(@PathParam("id") long id) {
        ListingView listing = listings.publicGet(id);
        if (listing.capAction() != CapAction.LOTTERY || listing.lotteryEntryDeadline() == null) {
            // No lottery round (not drawing lots at the cap, or no bid has reached it): the bidding room.
            return Response.seeOther(URI.create("/listings/" + id + "/room")).build();
        }
        Page p = pages.page();
        return Response.ok(render(p, listing, null, null)).build();
    }

    /**
     * The entry from the form: the commitment its script computed in the browser, entered as the API
     * enters it, under the key minted when the form was rendered (a resent form enters nothing more);
     * then back to the page (303).
     */
    @POST
    @Path("/enter")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response enter(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("commitment") String commitment, @FormParam("idempotencyKey") String key) {
        pages.checkForm(csrf);
        Page p = pages.page();
        Actor actor = enterprise(p, id);
        try {
            lotteries.enter(actor, id, new EnterLotteryRequest(commitment == null ? "" : commitment.strip()), key);
        } catch (ApiException e) {
            return refused(p, id, e, null);
        }
        return Response.seeOther(URI.create("/listings/" + id + "/lottery#mine")).build();
    }

    /**
     * The reveal from the form, as the API takes it; a contribution that does not open the commitment
     * is refused (422) and may be tried again until the reveal deadline.
     */
    @POST
    @Path("/reveal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reveal(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("contribution") String contribution) {
        pages.checkForm(csrf);
        Page p = pages.page();
        Actor actor = enterprise(p, id);
        String typed = contribution == null ? "" : contribution.strip();
        try {
            LotteryService.Revealed revealed = lotteries.reveal(actor, id, new RevealLotteryRequest(typed));
            if (revealed.refused()) {
                return refused(p, id, new ApiException(ErrorCode.REVEAL_MISMATCH, MessageKey.LOTTERY_REVEAL_MISMATCH,
                        ApiTime.format(revealed.revealDeadline(), market.zone())), typed);
            }
        } catch (ApiException e) {
            return refused(p, id, e, typed);
        }
        return Response.seeOther(URI.create("/listings/" + id + "/lottery#mine")).build();
    }

    private Actor enterprise(Page p, long id) {
        Actor actor = p.viewer().orElseThrow(() -> new SignInRequired("/listings/" + id + "/lottery"));
        if (!actor.is(Role.ENTERPRISE)) {
            throw ApiException.forbidden(MessageKey.LOTTERY_NOT_QUALIFIED);
        }
        return actor;
    }

    private Response refused(Page p, long id, ApiException e, String contribution) {
        String why = Refusal.of(e, p.locale()).sentence();
        return Response.status(e.code().status()).entity(render(p, listings.publicGet(id), why, contribution)).build();
    }

    private TemplateInstance render(Page p, ListingView listing, String refusal, String contribution) {
        Optional<Actor> viewer = p.viewer();
        Standing.Bidder who = Standing.of(viewer, listing.id(), registrations);
        LotteryView round = viewer.map(a -> visible(a, listing.id())).orElse(null);
        LotteryView.Entrant mine = round == null ? null
                : round.entrants().stream().filter(e -> Boolean.TRUE.equals(e.mine())).findFirst().orElse(null);
        Lottery lottery = new Lottery(listing, phase(listing), who.standing(), who.bidderNo(), round, mine,
                UUID.randomUUID().toString(), refusal, contribution);
        return Templates.lottery(p, lottery).setLocale(p.locale());
    }

    /** The round as the API shows it to {@code actor}; null where it refuses it. */
    private LotteryView visible(Actor actor, long id) {
        try {
            return lotteries.state(actor, id);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.FORBIDDEN || e.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw e;
        }
    }

    private Phase phase(ListingView l) {
        Instant now = clock.instant();
        return switch (l.status()) {
            case LOTTERY -> now.isBefore(l.lotteryEntryDeadline().toInstant()) ? Phase.ENTRY
                    : now.isBefore(l.lotteryRevealDeadline().toInstant()) ? Phase.REVEAL : Phase.DRAW_DUE;
            case SUSPENDED -> Phase.SUSPENDED;
            case TERMINATED -> Phase.ENDED;
            default -> l.closedAt() != null ? Phase.DRAWN : Phase.ENDED;
        };
    }

}
