package cn.landmarket.web;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
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
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.security.Actor;
import cn.landmarket.oversight.LodgeObjectionRequest;
import cn.landmarket.oversight.ObjectionService;
import cn.landmarket.oversight.ObjectionView;
import cn.landmarket.oversight.ResultService;
import cn.landmarket.oversight.ResultView;
import cn.landmarket.oversight.ResultsConfig;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 结果异议, the enterprise's side: its own objections with their status and answer (as {@code GET
 * /api/objections}), and for one listing its result, its objections to it and, during the
 * publication period while it has lodged none, the form to lodge one with its reasons (as {@code
 * POST /api/listings/{id}/objections}, refused as the API refuses it).
 */
@Path("/my/objections")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class ObjectionPages {

    private static final PageRequest FIRST_PAGE = new PageRequest(0, PageRequest.MAX_SIZE);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance objections(Page page, List<ObjectionView> objections);

        static native TemplateInstance listing(Page page, long listingId, ResultView result,
                List<ObjectionView> objections, boolean open, int maxChars, String reasons, Refusal refusal,
                boolean lodged);
    }

    @Inject
    Pages pages;

    @Inject
    ObjectionService objections;

    @Inject
    ResultService results;

    @Inject
    ResultsConfig config;

    @Inject
    Clock clock;

    @GET
    @Operation(hidden = true)
    public TemplateInstance objections() {
        Actor actor = EnterprisePages.enterprise(pages);
        Page p = pages.page();
        return Templates.objections(p, objections.mine(actor, null, FIRST_PAGE).items()).setLocale(p.locale());
    }

    @GET
    @Path("listings/{id}")
    @Operation(hidden = true)
    public TemplateInstance listing(@PathParam("id") long id, @QueryParam("done") String done) {
        Actor actor = EnterprisePages.enterprise(pages);
        return listingPage(actor, id, "", null, "lodged".equals(done));
    }

    @POST
    @Path("listings/{id}")
    @Operation(hidden = true)
    public Response lodge(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("reasons") String reasons) {
        pages.checkForm(csrf);
        Actor actor = EnterprisePages.enterprise(pages);
        try {
            objections.lodge(actor, id, new LodgeObjectionRequest(reasons));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            Refusal refusal = Refusal.of(e, pages.page().locale());
            return Response.status(refusal.status())
                    .entity(listingPage(actor, id, reasons == null ? "" : reasons, refusal, false)).build();
        }
        return Response.seeOther(URI.create("/my/objections/listings/" + id + "?done=lodged")).build();
    }

    /** The listing's result (null before it closes), the caller's objections to it, and the form while it may lodge one. */
    private TemplateInstance listingPage(Actor actor, long id, String reasons, Refusal refusal, boolean lodged) {
        List<ObjectionView> mine = objections.ofListing(actor, id); // 404 for a listing never announced
        ResultView result;
        try {
            result = results.result(id);
        } catch (ApiException notClosed) {
            if (notClosed.code() != ErrorCode.NOT_FOUND) {
                throw notClosed;
            }
            result = null;
        }
        boolean open = result != null && mine.isEmpty()
                && !Instant.now(clock).isAfter(result.objectionPeriodEnds().toInstant());
        Page p = pages.page();
        return Templates.listing(p, id, result, mine, open, config.objectionMaxChars(), reasons, refusal, lodged)
                .setLocale(p.locale());
    }
}
