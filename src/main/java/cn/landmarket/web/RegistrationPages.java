package cn.landmarket.web;

import java.net.URI;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.auction.Eligibility;
import cn.landmarket.auction.RegistrationService;
import cn.landmarket.auction.RegistrationView;
import cn.landmarket.common.ClientAddress;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.security.Actor;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;

/**
 * 报名: the signed-in enterprise's registration for one listing. Whether it may register (the
 * registration service's own checks, shown before the click), the registration itself (as
 * {@code POST /api/listings/{id}/registrations}), and where to pay the deposit, whose arrival the page
 * shows by itself (a fragment it polls; a reload does the same without JavaScript).
 */
@Path("/my/listings/{id}/registration")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RegistrationPages {

    /** How often the open page asks whether the deposit has arrived. */
    static final String POLL = "every 3s";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance registration(Page page, ListingView listing, Eligibility eligibility,
                Refusal refusal, String poll);

        static native TemplateInstance deposit(Page page, ListingView listing, RegistrationView registration,
                String poll);
    }

    @Inject
    Pages pages;

    @Inject
    RegistrationService registrations;

    @Inject
    ListingService listings;

    @GET
    @Operation(hidden = true)
    public TemplateInstance registration(@PathParam("id") long id) {
        Actor actor = EnterprisePages.enterprise(pages);
        Page p = pages.page();
        return Templates.registration(p, listings.publicGet(id), registrations.eligibility(actor, id), null, POLL)
                .setLocale(p.locale());
    }

    @POST
    @Operation(hidden = true)
    public Response register(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @Context HttpServerRequest request) {
        pages.checkForm(csrf);
        Actor actor = EnterprisePages.enterprise(pages);
        try {
            registrations.register(actor, id, ClientAddress.of(request));
        } catch (ApiException e) {
            Page p = pages.page();
            return Response.status(e.code().status()).entity(Templates.registration(p, listings.publicGet(id),
                    registrations.eligibility(actor, id), Refusal.of(e, p.locale()), POLL).setLocale(p.locale()))
                    .build();
        }
        return Response.seeOther(URI.create("/my/listings/" + id + "/registration")).build();
    }

    /** The deposit's status alone, for the open page to poll until it is qualified. */
    @GET
    @Path("deposit")
    @Operation(hidden = true)
    public TemplateInstance deposit(@PathParam("id") long id) {
        Actor actor = EnterprisePages.enterprise(pages);
        Page p = pages.page();
        return Templates.deposit(p, listings.publicGet(id), registrations.mine(actor, id), POLL)
                .setLocale(p.locale());
    }

    /** A refusal message of the service, in the page's language (for the unmet conditions). */
    @io.quarkus.qute.TemplateExtension
    static String render(Message message, Page page) {
        return Localizer.render(message, page.locale());
    }
}
