package cn.landmarket.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

import cn.landmarket.auction.QuotationService;
import cn.landmarket.auction.QuotationView;
import cn.landmarket.auction.RegistrationService;
import cn.landmarket.auction.RevealQuotationRequest;
import cn.landmarket.auction.SubmitQuotationRequest;
import cn.landmarket.common.InvalidMoneyException;
import cn.landmarket.common.Money;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.listing.ListingView;
import cn.landmarket.listing.SaleFormat;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 一次报价: a sealed listing's quotation page (README, "Sealed one-time quotation"). For everyone: the
 * phase, its deadlines and, for signed-in readers, the quotations as {@code GET
 * /api/listings/{id}/quotations} shows them to that reader (commitments; amounts from their reveal;
 * validity and winner after the opening). For a qualified enterprise, during the quotation period, a
 * form whose script ({@code assets/sealed.js}) computes the commitment in the browser, keeps amount and
 * salt in the browser's storage and as a backup file, and posts only the commitment (as {@code POST
 * /api/listings/{id}/quotations}); in the reveal window, the reveal form (as {@code POST
 * .../quotations/reveal}), filled from the browser's storage or the backup file, or typed. The server
 * never sees an amount before its reveal, so committing needs JavaScript and the page says so.
 */
@Path("/listings/{id}/quotation")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class QuotationPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance quotation(Page page, Sealed sealed);
    }

    /** Where the sale stands. */
    public enum Phase {
        /** Announced: quotations open at the listing start. */
        NOT_YET,
        /** The listing period: commitments. */
        QUOTATION,
        /** After the listing end, before the reveal deadline: reveals. */
        REVEAL,
        /** The reveal window closed; the opening is due. */
        OPENING,
        /** Suspended by a regulator: nothing can be sent. */
        SUSPENDED,
        /** Opened: sold or unsold (and what follows). */
        OPENED,
        /** Terminated. */
        ENDED
    }


    /**
     * Everything the page shows: the listing, the phase, the reader's standing and bidder number,
     * the quotations the reader may see (null when the API would refuse them), the reader's own, a
     * fresh idempotency key for the commitment, and why the last attempt was refused.
     */
    public record Sealed(ListingView listing, Phase phase, Standing standing, String bidderNo,
            List<QuotationView> quotations, QuotationView mine, String key, String refusal, String typedAmount,
            String typedSalt) {

        public String path() {
            return "/listings/" + listing.id() + "/quotation";
        }

        public boolean qualified() {
            return standing == Standing.QUALIFIED;
        }

        public boolean canCommit() {
            return qualified() && phase == Phase.QUOTATION && mine == null;
        }

        public boolean canReveal() {
            return qualified() && phase == Phase.REVEAL && mine != null && mine.revealedAt() == null;
        }

        /** The reader's own commitment, or empty. */
        public String commitment() {
            return mine == null ? "" : mine.commitment();
        }

        /** Whether the reader may see the quotations (the API shows them to signed-in readers who may see the listing). */
        public boolean listed() {
            return quotations != null;
        }

        /** The start price in fen, for the script's check that an amount is at least it. */
        public long startFen() {
            return listing.startPrice().fen();
        }
    }

    @Inject
    Pages pages;

    @Inject
    ListingService listings;

    @Inject
    QuotationService quotations;

    @Inject
    RegistrationService registrations;

    @Inject
    MarketConfig market;

    @Inject
    Clock clock;

    @GET
    @Operation(hidden = true)
    public Response page(@PathParam("id") long id) {
        ListingView listing = listings.publicGet(id);
        if (listing.saleFormat() != SaleFormat.SEALED_QUOTATION) {
            return Response.seeOther(URI.create("/listings/" + id + "/room")).build();
        }
        Page p = pages.page();
        return Response.ok(render(p, listing, null, null, null)).build();
    }

    /**
     * The commitment from the form (its script computed it in the browser): submitted as the API
     * submits it, under the key minted when the form was rendered, so a resent form submits nothing
     * more; then back to the page (303).
     */
    @POST
    @Path("/commit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response commit(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("commitment") String commitment, @FormParam("idempotencyKey") String key) {
        pages.checkForm(csrf);
        Page p = pages.page();
        Actor actor = enterprise(p, id);
        try {
            quotations.submit(actor, id, new SubmitQuotationRequest(commitment == null ? "" : commitment.strip()), key);
        } catch (ApiException e) {
            return refused(p, id, e, null, null);
        }
        return Response.seeOther(URI.create("/listings/" + id + "/quotation#mine")).build();
    }

    /**
     * The reveal from the form: amount and salt as the API takes them; amounts that do not open the
     * commitment are refused (422) and may be tried again until the reveal deadline.
     */
    @POST
    @Path("/reveal")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reveal(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("amount") String amount, @FormParam("salt") String salt) {
        pages.checkForm(csrf);
        Page p = pages.page();
        Actor actor = enterprise(p, id);
        String typedSalt = salt == null ? "" : salt.strip();
        Money money;
        try {
            money = Money.ofYuan(RoomPage.normalise(amount));
        } catch (InvalidMoneyException e) {
            return refused(p, id, ApiException.invalid("amount", MessageKey.JSON_MONEY), amount, typedSalt);
        }
        try {
            QuotationService.Revealed revealed = quotations.reveal(actor, id, new RevealQuotationRequest(money, typedSalt));
            if (revealed.refused()) {
                return refused(p, id, new ApiException(ErrorCode.REVEAL_MISMATCH, MessageKey.QUOTATION_REVEAL_MISMATCH,
                        ApiTime.format(revealed.revealDeadline(), market.zone())), amount, typedSalt);
            }
        } catch (ApiException e) {
            return refused(p, id, e, amount, typedSalt);
        }
        return Response.seeOther(URI.create("/listings/" + id + "/quotation#mine")).build();
    }

    private Actor enterprise(Page p, long id) {
        Actor actor = p.viewer().orElseThrow(() -> new SignInRequired("/listings/" + id + "/quotation"));
        if (!actor.is(Role.ENTERPRISE)) {
            throw ApiException.forbidden(MessageKey.QUOTATION_NOT_QUALIFIED);
        }
        return actor;
    }

    private Response refused(Page p, long id, ApiException e, String amount, String salt) {
        String why = Refusal.of(e, p.locale()).sentence();
        return Response.status(e.code().status()).entity(render(p, listings.publicGet(id), why, amount, salt)).build();
    }

    private TemplateInstance render(Page p, ListingView listing, String refusal, String amount, String salt) {
        Optional<Actor> viewer = p.viewer();
        Standing.Bidder who = Standing.of(viewer, listing.id(), registrations);
        List<QuotationView> seen = viewer.map(a -> visible(a, listing.id())).orElse(null);
        QuotationView mine = seen == null ? null
                : seen.stream().filter(q -> Boolean.TRUE.equals(q.mine())).findFirst().orElse(null);
        Sealed sealed = new Sealed(listing, phase(listing), who.standing(), who.bidderNo(), seen, mine, UUID.randomUUID().toString(),
                refusal, amount, salt);
        return Templates.quotation(p, sealed).setLocale(p.locale());
    }

    /** The quotations as the API shows them to {@code actor}; null where it refuses them. */
    private List<QuotationView> visible(Actor actor, long id) {
        try {
            return quotations.list(actor, id);
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
            case ANNOUNCED -> Phase.NOT_YET;
            case SUSPENDED -> Phase.SUSPENDED;
            case LISTING -> now.isBefore(l.listingEnd().toInstant()) ? Phase.QUOTATION
                    : l.revealDeadline() != null && now.isBefore(l.revealDeadline().toInstant()) ? Phase.REVEAL
                    : Phase.OPENING;
            case TERMINATED -> Phase.ENDED;
            default -> l.status() == ListingStatus.SOLD || l.closedAt() != null ? Phase.OPENED : Phase.ENDED;
        };
    }

}
