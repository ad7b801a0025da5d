package cn.landmarket.web;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.CreditCode;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.party.EnterpriseView;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.ReviewDecision;
import cn.landmarket.party.ReviewEnterpriseRequest;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 企业核验: enterprises waiting for verification, with what they registered and the check of their
 * credit code (GB 32100-2015), approved or rejected with a reason, as
 * {@code POST /api/enterprises/{creditCode}/review}.
 */
@Path("/centre/enterprises")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CentreEnterprisesPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance enterprises(Page page, long waiting, List<Waiting> enterprises, Paging paging,
                Refusal refusal, String refusedCode, String reviewed, ReviewDecision decision);
    }

    /** The check of a credit code: valid, or the first problem, and the check character its first 17 call for. */
    public record CodeCheck(boolean valid, CreditCode.Problem problem, String expected, String actual) {

        static CodeCheck of(String code) {
            var problem = CreditCode.check(code).orElse(null);
            String expected = code != null && code.length() == 18 && problem != CreditCode.Problem.ILLEGAL_CHARACTER
                    ? String.valueOf(CreditCode.checkCharacter(code.substring(0, 17))) : null;
            String actual = code != null && code.length() == 18 ? code.substring(17) : null;
            return new CodeCheck(problem == null, problem, expected, actual);
        }
    }

    /** An enterprise waiting for verification, its code checked, its registration time in the market zone. */
    public record Waiting(EnterpriseView enterprise, CodeCheck check, OffsetDateTime registeredAt) {
    }

    @Inject
    Pages pages;

    @Inject
    PartyService parties;

    @Inject
    MarketConfig config;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("reviewed") String reviewed, @QueryParam("decision") String decision,
            @QueryParam("page") String page) {
        Actor actor = pages.requireViewer(Role.OPERATOR);
        Page p = pages.page();
        ReviewDecision done = null;
        if (reviewed != null && decision != null) {
            try {
                done = ReviewDecision.valueOf(decision);
            } catch (IllegalArgumentException unknown) {
                done = null;
            }
        }
        return page(p, actor, Paging.number(page), null, null, done == null ? null : reviewed, done)
                .setLocale(p.locale());
    }

    @POST
    @Path("{creditCode}/review")
    @Operation(hidden = true)
    public Response review(@PathParam("creditCode") String creditCode, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("decision") String decision, @FormParam("reason") String reason) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        Page p = pages.page();
        ReviewDecision chosen;
        try {
            chosen = ReviewDecision.valueOf(decision == null ? "" : decision);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.notFound("decision", decision);
        }
        try {
            var request = new ReviewEnterpriseRequest(chosen, CentreAccess.blankToNull(reason));
            Refusal invalid = pages.validate(request, p.locale()).orElse(null);
            if (invalid != null) {
                return Response.status(invalid.status())
                        .entity(page(p, actor, 0, invalid, creditCode, null, null).setLocale(p.locale())).build();
            }
            parties.review(actor, creditCode, request);
        } catch (ApiException e) {
            Refusal refusal = Refusal.of(e, p.locale());
            return Response.status(refusal.status())
                    .entity(page(p, actor, 0, refusal, creditCode, null, null).setLocale(p.locale())).build();
        }
        return Response.seeOther(URI.create("/centre/enterprises?reviewed=" + Links.encode(creditCode) + "&decision="
                + chosen.name())).build();
    }

    private TemplateInstance page(Page p, Actor actor, int number, Refusal refusal, String refusedCode,
            String reviewed, ReviewDecision decision) {
        ZoneId zone = config.zone();
        PageView<EnterpriseView> pending = parties.enterprises(actor, EnterpriseStatus.PENDING,
                new PageRequest(number, PageRequest.MAX_SIZE));
        List<Waiting> waiting = pending.items().stream().map(e -> new Waiting(e, CodeCheck.of(e.creditCode()),
                e.registeredAt() == null ? null : e.registeredAt().atZone(zone).toOffsetDateTime())).toList();
        return Templates.enterprises(p, pending.total(), waiting,
                Paging.of(pending, n -> "/centre/enterprises?page=" + n), refusal, refusedCode, reviewed, decision);
    }
}
