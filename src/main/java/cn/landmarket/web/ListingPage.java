package cn.landmarket.web;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.asset.CertificateService;
import cn.landmarket.asset.CertificateView;
import cn.landmarket.asset.LineageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.security.Actor;
import cn.landmarket.escrow.EscrowConfig;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.listing.ListingView;
import cn.landmarket.oversight.ResultService;
import cn.landmarket.oversight.ResultView;
import cn.landmarket.settlement.SettlementConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 标的详情: one announced lot as the public sees it ({@code GET /api/public/listings/{id}}), its schedule,
 * who may bid and the rules in plain words with this deployment's numbers (domain.md, "Bidding" and
 * "After the sale"); after the close its published result ({@code GET /api/public/results/{id}}). A
 * listing the public may not see is the API's 404. The certificate's source and lineage are not public
 * (the log commits to them): they appear only for a signed-in reader the certificate API shows them to.
 */
@Path("/listings/{id}")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ListingPage {

    /** Statuses in which the public result exists (the close has been committed). */
    private static final Set<ListingStatus> CLOSED = EnumSet.of(ListingStatus.SOLD, ListingStatus.UNSOLD,
            ListingStatus.AWAITING_PAYMENT, ListingStatus.SETTLED, ListingStatus.DEFAULTED);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance listing(Page page, ListingView l, Provenance provenance, ResultView result,
                Rules rules, boolean registrationOpen);
    }

    /**
     * What the reader may see of the certificate behind the lot, through the same service calls as
     * {@code GET /api/certificates/{id}} and {@code /lineage}; null for readers the API refuses.
     */
    public record Provenance(CertificateView certificate, LineageView lineage) {
    }

    /** The deployment's rule numbers the page states (domain.md; each a setting). */
    public record Rules(int registrationWorkingDaysBeforeEnd, int depositMinPercent, int depositMaxPercent,
            int refundWorkingDays, int barDays) {
    }

    @Inject
    ListingService listings;

    @Inject
    CertificateService certificates;

    @Inject
    ResultService results;

    @Inject
    MarketConfig market;

    @Inject
    EscrowConfig escrow;

    @Inject
    SettlementConfig settlement;

    @Inject
    Clock clock;

    @Inject
    Pages pages;

    @GET
    @Operation(hidden = true)
    public TemplateInstance listing(@PathParam("id") long id) {
        ListingView l = listings.publicGet(id);
        Page p = pages.page();
        Provenance provenance = p.viewer().map(actor -> provenance(actor, l.certificateId())).orElse(null);
        ResultView result = CLOSED.contains(l.status()) ? result(id) : null;
        Rules rules = new Rules(market.rules().registrationMinWorkingDaysBeforeEnd(),
                market.rules().depositMinPercent(), market.rules().depositMaxPercent(), escrow.refundWorkingDays(),
                settlement.barDays());
        boolean registrationOpen = (l.status() == ListingStatus.ANNOUNCED || l.status() == ListingStatus.LISTING)
                && l.registrationDeadline().toInstant().isAfter(clock.instant());
        return Templates.listing(p, l, provenance, result, rules, registrationOpen).setLocale(p.locale());
    }

    private Provenance provenance(Actor actor, long certificateId) {
        try {
            return new Provenance(certificates.get(actor, certificateId), certificates.lineage(actor, certificateId));
        } catch (ApiException refused) {
            if (refused.code() == ErrorCode.FORBIDDEN || refused.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw refused;
        }
    }

    private ResultView result(long id) {
        try {
            return results.result(id);
        } catch (ApiException notYet) {
            if (notYet.code() == ErrorCode.NOT_FOUND) {
                return null;
            }
            throw notYet;
        }
    }
}
