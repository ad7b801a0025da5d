package cn.landmarket.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.escrow.RefundService;
import cn.landmarket.escrow.RefundView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 保证金退款: the refunds of the regulator's jurisdiction, soonest due first, overdue ones marked, with
 * what is still owed in all; open ones by default, paid ones too on asking. As {@code GET
 * /api/refunds} shows them to that regulator (whom a refund is owed to only as listing and bidder
 * number, the account masked); each listing links to its dossier.
 */
@Path("/regulator/refunds")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RegulatorRefundsPage {

    static final int PAGE_SIZE = 50;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refunds(Page page, PageView<RefundView> refunds, CentreRefundsPage.Owed owed,
                boolean all, Paging paging);
    }

    @Inject
    Pages pages;

    @Inject
    RefundService refunds;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("all") String all, @QueryParam("page") String page) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        boolean everything = "true".equals(all);
        PageView<RefundView> shown = refunds.search(actor, everything ? null : Boolean.TRUE,
                new PageRequest(Paging.number(page), PAGE_SIZE));
        Page p = pages.page();
        String base = "/regulator/refunds?" + (everything ? "all=true&" : "") + "page=";
        return Templates.refunds(p, shown, CentreRefundsPage.owed(refunds, actor), everything,
                Paging.of(shown, n -> base + n)).setLocale(p.locale());
    }
}
