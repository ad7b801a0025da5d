package cn.landmarket.web;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.security.Actor;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingView;
import cn.landmarket.settlement.ConfirmRequest;
import cn.landmarket.settlement.ConfirmationText;
import cn.landmarket.settlement.SettlementService;
import cn.landmarket.settlement.TradeQueryService;
import cn.landmarket.settlement.TradeStatus;
import cn.landmarket.settlement.TradeView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 我的成交: the trades the signed-in enterprise bought (as {@code GET /api/trades/{id}}, 404 for
 * anyone else's), the confirmation it accepts (as {@code POST /api/trades/{id}/confirmations}: the
 * page shows the exact text and sends its SHA-256, computed here with the code the service checks
 * it against), and where payment and settlement stand. A runner-up's offer after the winner's
 * default is shown as such, and may be declined (as {@code POST /api/trades/{id}/decline}) after a
 * confirmation step of its own.
 */
@Path("/my/trades")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class TradePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trades(Page page, List<EnterprisePages.Bought> trades);

        static native TemplateInstance trade(Page page, TradeView trade, ListingView listing, Confirmation confirmation,
                Refusal refusal);

        static native TemplateInstance decline(Page page, TradeView trade, ListingView listing, Refusal refusal);
    }

    /** The text the buyer is shown, the hash its acceptance sends, and whether it may accept now. */
    public record Confirmation(String text, String sha256, boolean acceptable) {

        static Confirmation of(TradeView t) {
            return new Confirmation(t.confirmationText(), ConfirmationText.sha256(t.confirmationText()),
                    t.status() == TradeStatus.AWAITING_CONFIRMATION && t.buyerConfirmedAt() == null);
        }
    }

    @Inject
    Pages pages;

    @Inject
    SettlementService settlement;

    @Inject
    TradeQueryService trades;

    @Inject
    ListingService listings;

    @GET
    @Operation(hidden = true)
    public TemplateInstance trades() {
        Actor actor = EnterprisePages.enterprise(pages);
        List<EnterprisePages.Bought> bought = trades.bought(actor).stream()
                .map(t -> new EnterprisePages.Bought(t, listings.publicGet(t.listingId()))).toList();
        Page p = pages.page();
        return Templates.trades(p, bought).setLocale(p.locale());
    }

    @GET
    @Path("{id}")
    @Operation(hidden = true)
    public TemplateInstance trade(@PathParam("id") long id) {
        Actor actor = EnterprisePages.enterprise(pages);
        TradeView t = trades.get(actor, id);
        Page p = pages.page();
        return Templates.trade(p, t, listings.publicGet(t.listingId()), Confirmation.of(t), null)
                .setLocale(p.locale());
    }

    @POST
    @Path("{id}/confirmation")
    @Operation(hidden = true)
    public Response confirm(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("sha256") String sha256) {
        pages.checkForm(csrf);
        Actor actor = EnterprisePages.enterprise(pages);
        try {
            settlement.confirm(actor, id, new ConfirmRequest(sha256 == null ? "" : sha256));
        } catch (ApiException e) {
            TradeView t = trades.get(actor, id);
            Page p = pages.page();
            return Response.status(e.code().status()).entity(Templates.trade(p, t, listings.publicGet(t.listingId()),
                    Confirmation.of(t), Refusal.of(e, p.locale())).setLocale(p.locale())).build();
        }
        return Response.seeOther(URI.create("/my/trades/" + id)).build();
    }

    /** The confirmation step before a runner-up declines the lot offered to it. */
    @GET
    @Path("{id}/decline")
    @Operation(hidden = true)
    public TemplateInstance confirmDecline(@PathParam("id") long id) {
        Actor actor = EnterprisePages.enterprise(pages);
        TradeView t = trades.get(actor, id);
        Page p = pages.page();
        return Templates.decline(p, t, listings.publicGet(t.listingId()), null).setLocale(p.locale());
    }

    @POST
    @Path("{id}/decline")
    @Operation(hidden = true)
    public Response decline(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Actor actor = EnterprisePages.enterprise(pages);
        try {
            settlement.decline(actor, id);
        } catch (ApiException e) {
            TradeView t = trades.get(actor, id);
            Page p = pages.page();
            return Response.status(e.code().status()).entity(Templates.decline(p, t,
                    listings.publicGet(t.listingId()), Refusal.of(e, p.locale())).setLocale(p.locale())).build();
        }
        return Response.seeOther(URI.create("/my/trades/" + id)).build();
    }
}
