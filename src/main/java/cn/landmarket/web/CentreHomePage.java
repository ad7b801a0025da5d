package cn.landmarket.web;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.bank.ManualNoticeService;
import cn.landmarket.bank.ManualNoticeStatus;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.escrow.RefundService;
import cn.landmarket.notification.NotificationService;
import cn.landmarket.party.EnterpriseStatus;
import cn.landmarket.party.PartyService;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 交易中心工作台: the console's home, linking its pages with what waits on each. */
@Path("/centre")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CentreHomePage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page, Counts counts);
    }

    /**
     * What waits: manual notices to approve, bookings held as mismatches, enterprises to verify,
     * refunds overdue (and owed), notifications that failed every attempt.
     */
    public record Counts(long notices, long mismatches, long enterprises, CentreRefundsPage.Owed refunds,
            long deadLetters) {
    }

    @Inject
    Pages pages;

    @Inject
    ManualNoticeService manual;

    @Inject
    PartyService parties;

    @Inject
    RefundService refunds;

    @Inject
    NotificationService notifications;

    @GET
    @Operation(hidden = true)
    public TemplateInstance home() {
        Actor actor = pages.requireViewer(Role.OPERATOR);
        PageRequest one = new PageRequest(0, 1);
        Counts counts = new Counts(manual.list(ManualNoticeStatus.PENDING_APPROVAL, one).total(),
                manual.mismatches(one).total(),
                parties.enterprises(actor, EnterpriseStatus.PENDING, one).total(),
                CentreRefundsPage.owed(refunds, actor), CentreDeadLettersPage.count(notifications));
        Page p = pages.page();
        return Templates.home(p, counts).setLocale(p.locale());
    }
}
