package cn.landmarket.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.common.Money;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.escrow.RefundService;
import cn.landmarket.escrow.RefundView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 待退款项: the refunds the escrow account still owes, soonest due first, overdue ones marked, with
 * the total owed; as {@code GET /api/refunds?open=true} (whom a refund is owed to only as listing
 * and bidder number, the account masked, as the API shows operators).
 */
@Path("/centre/refunds")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CentreRefundsPage {

    static final int PAGE_SIZE = PageRequest.MAX_SIZE;

    /** The most pages read to add up what is owed (100 000 refunds). */
    private static final int MAX_PAGES = 1000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refunds(Page page, PageView<RefundView> refunds, Owed owed, Paging paging);
    }

    /** Every open refund added up: how many, how many overdue, and the amount owed in all. */
    public record Owed(long open, long overdue, Money amount, Money overdueAmount) {
    }

    @Inject
    Pages pages;

    @Inject
    RefundService refunds;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("page") String page) {
        Actor actor = pages.requireViewer(Role.OPERATOR);
        PageView<RefundView> shown = refunds.search(actor, true, new PageRequest(Paging.number(page), PAGE_SIZE));
        Page p = pages.page();
        return Templates.refunds(p, shown, owed(refunds, actor), Paging.of(shown, n -> "/centre/refunds?page=" + n))
                .setLocale(p.locale());
    }

    /** Adds up every open refund, page by page, as the API lists them. */
    static Owed owed(RefundService refunds, Actor actor) {
        List<RefundView> all = new ArrayList<>();
        for (int p = 0; p < MAX_PAGES; p++) {
            PageView<RefundView> page = refunds.search(actor, true, new PageRequest(p, PAGE_SIZE));
            all.addAll(page.items());
            if (page.items().size() < PAGE_SIZE || all.size() >= page.total()) {
                break;
            }
        }
        Money amount = Money.ZERO;
        Money overdueAmount = Money.ZERO;
        long overdue = 0;
        for (RefundView r : all) {
            amount = amount.plus(r.amount());
            if (r.overdue()) {
                overdue++;
                overdueAmount = overdueAmount.plus(r.amount());
            }
        }
        return new Owed(all.size(), overdue, amount, overdueAmount);
    }
}
