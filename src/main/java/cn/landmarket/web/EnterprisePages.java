package cn.landmarket.web;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.auction.RegistrationService;
import cn.landmarket.auction.RegistrationView;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.escrow.RefundService;
import cn.landmarket.escrow.RefundView;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingView;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.party.EnterpriseView;
import cn.landmarket.party.MeView;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.RegisterEnterpriseRequest;
import cn.landmarket.settlement.TradeQueryService;
import cn.landmarket.settlement.TradeView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 我的企业: the signed-in enterprise's own pages. Its organisation and verification status (as
 * {@code GET /api/me}), its registrations, trades and refunds, and its self-registration (as
 * {@code POST /api/enterprises}). Only ever the reader's own organisation.
 */
@Path("/my")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class EnterprisePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Page page, MeView me, EnterpriseView enterprise,
                List<Registered> registrations, List<Bought> trades, List<RefundView> refunds);

        static native TemplateInstance enterprise(Page page, MeView me, EnterpriseForm form, Refusal refusal);

        static native TemplateInstance refunds(Page page, List<RefundView> refunds);
    }

    /** A registration with the listing it is for. */
    public record Registered(RegistrationView registration, ListingView listing) {
    }

    /** A trade with the listing it sold. */
    public record Bought(TradeView trade, ListingView listing) {
    }

    /** The self-registration form as typed. */
    public record EnterpriseForm(String creditCode, String name, String legalRepresentative, String contactPerson,
            String contactPhone, String address, String bankName, String bankAccountName, String bankAccountNo) {

        RegisterEnterpriseRequest request() {
            return new RegisterEnterpriseRequest(blankToNull(creditCode), blankToNull(name),
                    blankToNull(legalRepresentative), blankToNull(contactPerson), blankToNull(contactPhone),
                    blankToNull(address), blankToNull(bankName), blankToNull(bankAccountName),
                    blankToNull(bankAccountNo));
        }

        private static String blankToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }
    }

    @Inject
    Pages pages;

    @Inject
    PartyService parties;

    @Inject
    RegistrationService registrations;

    @Inject
    TradeQueryService trades;

    @Inject
    RefundService refunds;

    @Inject
    ListingService listings;

    /** The signed-in reader, who must be an enterprise (403 otherwise, as the API's role check). */
    static Actor enterprise(Pages pages) {
        Actor actor = pages.requireViewer();
        if (!actor.is(Role.ENTERPRISE)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return actor;
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance overview() {
        Actor actor = enterprise(pages);
        MeView me = parties.me(actor);
        EnterpriseView enterprise = me.orgRegistered() ? parties.enterprise(actor, actor.org()) : null;
        List<Registered> registered = registrations.allMine(actor).stream()
                .map(r -> new Registered(r, listings.publicGet(r.listingId()))).toList();
        List<Bought> bought = trades.bought(actor).stream()
                .map(t -> new Bought(t, listings.publicGet(t.listingId()))).toList();
        Page p = pages.page();
        return Templates.overview(p, me, enterprise, registered, bought, refunds.mine(actor)).setLocale(p.locale());
    }

    @GET
    @Path("refunds")
    @Operation(hidden = true)
    public TemplateInstance refunds() {
        Actor actor = enterprise(pages);
        Page p = pages.page();
        return Templates.refunds(p, refunds.mine(actor)).setLocale(p.locale());
    }

    @GET
    @Path("enterprise")
    @Operation(hidden = true)
    public TemplateInstance enterpriseForm() {
        Actor actor = enterprise(pages);
        MeView me = parties.me(actor);
        EnterpriseForm form = new EnterpriseForm(actor.org(), "", "", "", "", "", "", "", "");
        if (me.orgRegistered()) {
            EnterpriseView e = parties.enterprise(actor, actor.org());
            form = new EnterpriseForm(e.creditCode(), e.name(), e.legalRepresentative(), e.contactPerson(),
                    e.contactPhone(), e.address(), e.bankName(), e.bankAccountName(), e.bankAccountNo());
        }
        Page p = pages.page();
        return Templates.enterprise(p, me, form, null).setLocale(p.locale());
    }

    @POST
    @Path("enterprise")
    @Operation(hidden = true)
    public Response register(@FormParam(FormToken.FIELD) String csrf, @FormParam("creditCode") String creditCode,
            @FormParam("name") String name, @FormParam("legalRepresentative") String legalRepresentative,
            @FormParam("contactPerson") String contactPerson, @FormParam("contactPhone") String contactPhone,
            @FormParam("address") String address, @FormParam("bankName") String bankName,
            @FormParam("bankAccountName") String bankAccountName, @FormParam("bankAccountNo") String bankAccountNo) {
        pages.checkForm(csrf);
        Actor actor = enterprise(pages);
        EnterpriseForm form = new EnterpriseForm(creditCode, name, legalRepresentative, contactPerson, contactPhone,
                address, bankName, bankAccountName, bankAccountNo);
        Page p = pages.page();
        try {
            RegisterEnterpriseRequest request = form.request();
            Optional<Refusal> invalid = pages.validate(request, p.locale());
            if (invalid.isPresent()) {
                return refused(p, parties.me(actor), form, invalid.get());
            }
            parties.register(actor, request);
        } catch (ApiException e) {
            return refused(p, parties.me(actor), form, Refusal.of(e, p.locale()));
        }
        return Response.seeOther(URI.create("/my")).build();
    }

    private Response refused(Page p, MeView me, EnterpriseForm form, Refusal refusal) {
        return Response.status(refusal.status())
                .entity(Templates.enterprise(p, me, form, refusal).setLocale(p.locale())).build();
    }

    /** Whether the enterprise may (re-)submit its registration: unknown or rejected. */
    static boolean mayRegister(MeView me) {
        return !me.orgRegistered() || me.enterpriseStatus() == EnterpriseStatus.REJECTED;
    }
}
