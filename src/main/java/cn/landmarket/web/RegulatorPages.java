package cn.landmarket.web;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.audit.InclusionView;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.listing.ListingReviewService;
import cn.landmarket.listing.ListingSearch;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.listing.ListingView;
import cn.landmarket.listing.ReasonRequest;
import cn.landmarket.oversight.BidderIdentity;
import cn.landmarket.audit.ListingEntriesView;
import cn.landmarket.oversight.DossierView;
import cn.landmarket.oversight.AnswerObjectionRequest;
import cn.landmarket.oversight.ObjectionDecision;
import cn.landmarket.oversight.ObjectionService;
import cn.landmarket.oversight.ObjectionStatus;
import cn.landmarket.oversight.ObjectionView;
import cn.landmarket.oversight.OversightService;
import cn.landmarket.settlement.RunnerUpView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 监管台: the regulator's console. The review queue of its jurisdiction with approval and rejection
 * (as {@code POST /api/listings/{id}/approve|reject}), its live and suspended listings with suspension,
 * resumption and termination (as {@code .../suspend|resume|terminate}), a listing's dossier with its
 * audit log entries checked in the browser (as {@code GET /api/oversight/listings/{id}/dossier}) and
 * the reveal of the identities behind its bidder numbers, with a reason, logged (as
 * {@code GET /api/oversight/listings/{id}/identities}). Rejection and termination are confirmed on a
 * page of their own, where the reason is given. The objections to results of its jurisdiction,
 * awaiting an answer first, with the answer (as {@code POST /api/objections/{id}/answer}) and the
 * lift of a suspension of settlement (as {@code .../lift}); the dossier shows the listing's
 * objections and runner-up.
 */
@Path("/regulator")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class RegulatorPages {

    /** Statuses a regulator may suspend or terminate from, and the suspended ones, listed under the queue. */
    static final List<ListingStatus> WATCHED = List.of(ListingStatus.APPROVED, ListingStatus.ANNOUNCED,
            ListingStatus.LISTING, ListingStatus.TIMED_BIDDING, ListingStatus.LOTTERY, ListingStatus.SUSPENDED);

    /** What the console may say was just done (after the 303 of a decision). */
    static final List<String> DONE = List.of("approved", "rejected", "suspended", "resumed", "terminated");

    private static final PageRequest FIRST_PAGE = new PageRequest(0, PageRequest.MAX_SIZE);
    /** How many listings of the review queue one page of the console shows. */
    static final int QUEUE_PAGE = 50;
    private static final ObjectMapper JSON = new ObjectMapper();

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance console(Page page, List<ListingView> queue, long queueTotal, Paging queuePaging,
                List<ListingView> live, Refusal refusal, String done);

        static native TemplateInstance confirm(Page page, ListingView listing, String action, String reason,
                Refusal refusal);

        static native TemplateInstance dossier(Page page, DossierView dossier, List<LogEntry> entries,
                Paging bidsPaging, Paging logPaging, List<ObjectionView> objections, RunnerUpView runnerUp);

        static native TemplateInstance objections(Page page, List<ObjectionView> pending, List<ObjectionView> answered,
                Refusal refusal, AnswerForm form, String done);

        static native TemplateInstance reveal(Page page, ListingView listing, String reason, Refusal refusal);

        static native TemplateInstance identities(Page page, ListingView listing, List<BidderIdentity> identities);
    }

    /** One audit log entry of the dossier: what the page shows of it and what the browser checks it with. */
    public record LogEntry(InclusionView proof, String type, String time, String actor) {

        static LogEntry of(InclusionView e) {
            try {
                JsonNode node = JSON.readTree(Base64.getDecoder().decode(e.entry()));
                return new LogEntry(e, node.path("type").asText(), node.path("time").asText(),
                        node.path("actor").asText());
            } catch (IOException | IllegalArgumentException unreadable) {
                return new LogEntry(e, "", "", "");
            }
        }

        /** The proof's hashes for the page's script, separated by spaces (base64 has none). */
        public String proofHashes() {
            return String.join(" ", proof.proof());
        }

        /** The kind of entry: what comes before the first dot of its type ({@code listing}, {@code bid}, ...). */
        public String family() {
            int dot = type.indexOf('.');
            return dot < 0 ? type : type.substring(0, dot);
        }

        public boolean reveal() {
            return "identity.revealed".equals(type);
        }
    }

    @Inject
    Pages pages;

    @Inject
    ListingService listings;

    @Inject
    ListingReviewService review;

    @Inject
    OversightService oversight;

    @Inject
    ObjectionService objectionService;

    @Inject
    AfterSale.Reader afterSale;

    /** What the regulator typed in a refused answer, shown again in that objection's form. */
    public record AnswerForm(long objectionId, String decision, String reasons, boolean suspend) {

        public boolean decided(long id, String value) {
            return objectionId == id && value.equals(decision);
        }

        public String reasonsOf(long id) {
            return objectionId == id ? reasons : "";
        }

        public boolean suspends(long id) {
            return objectionId == id && suspend;
        }
    }


    // ---- the console: queue and live listings -------------------------------------------------------

    @GET
    @Operation(hidden = true)
    public TemplateInstance console(@QueryParam("done") String done, @QueryParam("queue") String queuePage) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        Page p = pages.page();
        return console(actor, p, null, done != null && DONE.contains(done) ? done : null, Paging.number(queuePage));
    }

    private TemplateInstance console(Actor actor, Page p, Refusal refusal) {
        return console(actor, p, refusal, null, 0);
    }

    /** The review queue, {@value #QUEUE_PAGE} listings at a time, and the listings being sold now. */
    private TemplateInstance console(Actor actor, Page p, Refusal refusal, String done, int queuePage) {
        var queue = listings.search(actor, status(ListingStatus.PENDING_REVIEW), new PageRequest(queuePage, QUEUE_PAGE));
        List<ListingView> live = new ArrayList<>();
        for (ListingStatus s : WATCHED) {
            live.addAll(listings.search(actor, status(s), FIRST_PAGE).items());
        }
        live.sort(Comparator.comparing(ListingView::id).reversed());
        return Templates.console(p, queue.items(), queue.total(), Paging.of(queue, n -> "/regulator?queue=" + n), live,
                refusal, done).setLocale(p.locale());
    }

    private static ListingSearch status(ListingStatus status) {
        return new ListingSearch(null, null, status, null, null, null);
    }

    @POST
    @Path("listings/{id}/approve")
    @Operation(hidden = true)
    public Response approve(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.REGULATOR);
        try {
            review.approve(actor, id);
        } catch (ApiException e) {
            return refusedOnConsole(actor, e);
        }
        return Response.seeOther(URI.create("/regulator?done=approved")).build();
    }

    @POST
    @Path("listings/{id}/resume")
    @Operation(hidden = true)
    public Response resume(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.REGULATOR);
        try {
            review.resume(actor, id);
        } catch (ApiException e) {
            return refusedOnConsole(actor, e);
        }
        return Response.seeOther(URI.create("/regulator?done=resumed")).build();
    }

    @POST
    @Path("listings/{id}/suspend")
    @Operation(hidden = true)
    public Response suspend(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("reason") String reason) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.REGULATOR);
        Page p = pages.page();
        try {
            Optional<Refusal> invalid = pages.validate(new ReasonRequest(reason), p.locale());
            if (invalid.isPresent()) {
                return Response.status(invalid.get().status()).entity(console(actor, p, invalid.get())).build();
            }
            review.suspend(actor, id, reason);
        } catch (ApiException e) {
            return refusedOnConsole(actor, e);
        }
        return Response.seeOther(URI.create("/regulator?done=suspended")).build();
    }

    private Response refusedOnConsole(Actor actor, ApiException e) {
        Page p = pages.page();
        return Response.status(e.code().status()).entity(console(actor, p, Refusal.of(e, p.locale()))).build();
    }

    // ---- rejection and termination: confirmed on a page of their own --------------------------------

    @GET
    @Path("listings/{id}/reject")
    @Operation(hidden = true)
    public TemplateInstance confirmReject(@PathParam("id") long id) {
        return confirmation(id, "reject");
    }

    @GET
    @Path("listings/{id}/terminate")
    @Operation(hidden = true)
    public TemplateInstance confirmTerminate(@PathParam("id") long id) {
        return confirmation(id, "terminate");
    }

    private TemplateInstance confirmation(long id, String action) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        ListingView listing = listings.get(actor, id); // 404 unknown, 403 outside the jurisdiction

        Page p = pages.page();
        return Templates.confirm(p, listing, action, "", null).setLocale(p.locale());
    }

    @POST
    @Path("listings/{id}/reject")
    @Operation(hidden = true)
    public Response reject(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("reason") String reason) {
        return decide(id, csrf, reason, "reject");
    }

    @POST
    @Path("listings/{id}/terminate")
    @Operation(hidden = true)
    public Response terminate(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("reason") String reason) {
        return decide(id, csrf, reason, "terminate");
    }

    private Response decide(long id, String csrf, String reason, String action) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.REGULATOR);
        Page p = pages.page();
        try {
            Optional<Refusal> invalid = pages.validate(new ReasonRequest(reason), p.locale());
            if (invalid.isPresent()) {
                return refusedConfirmation(actor, p, id, action, reason, invalid.get());
            }
            if (action.equals("reject")) {
                review.reject(actor, id, reason);
            } else {
                review.terminate(actor, id, reason);
            }
        } catch (ApiException e) {
            return refusedConfirmation(actor, p, id, action, reason, Refusal.of(e, p.locale()));
        }
        return Response.seeOther(URI.create("/regulator?done=" + (action.equals("reject") ? "rejected" : "terminated")))
                .build();
    }

    private Response refusedConfirmation(Actor actor, Page p, long id, String action, String reason, Refusal refusal) {
        ListingView listing = listings.get(actor, id);
        return Response.status(refusal.status())
                .entity(Templates.confirm(p, listing, action, reason == null ? "" : reason, refusal)
                        .setLocale(p.locale()))
                .build();
    }

    // ---- the dossier and the reveal -----------------------------------------------------------------

    @GET
    @Path("listings/{id}")
    @Operation(hidden = true)
    public TemplateInstance dossier(@PathParam("id") long id, @QueryParam("bids") String bidsPage,
            @QueryParam("log") String logPage) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        DossierView dossier = oversight.dossier(actor, id, Paging.number(bidsPage), Paging.number(logPage));
        Page p = pages.page();
        return dossierPage(p, dossier);
    }

    /**
     * The dossier page: its bids and its log entries are paged apart ({@code ?bids=} and {@code ?log=},
     * each link keeping the other's page), for listings with more of either than one page holds.
     */
    private TemplateInstance dossierPage(Page p, DossierView dossier) {
        ListingEntriesView log = dossier.auditLog();
        List<LogEntry> entries = log == null ? List.of() : log.entries().stream().map(LogEntry::of).toList();
        Actor actor = pages.requireViewer(Role.REGULATOR);
        long id = dossier.listing().id();
        int bidsPage = dossier.bids().page();
        int logPage = log == null ? 0 : log.page();
        Paging bidsPaging = Paging.of(dossier.bids(), n -> dossierLink(id, n, logPage) + "#h-bids");
        Paging logPaging = log == null ? Paging.of(0, 1, 0, n -> null)
                : Paging.of(log.page(), log.size(), log.total(), n -> dossierLink(id, bidsPage, n) + "#h-log");
        AfterSale after = afterSale.of(actor, id);
        return Templates.dossier(p, dossier, entries, bidsPaging, logPaging, after.objections(), after.runnerUp())
                .setLocale(p.locale());
    }

    private static String dossierLink(long id, int bidsPage, int logPage) {
        return "/regulator/listings/" + id + "?bids=" + bidsPage + "&log=" + logPage;
    }

    /** The reveal's form on a page of its own: where the dossier's dialog leads without a script. */
    @GET
    @Path("listings/{id}/identities")
    @Operation(hidden = true)
    public TemplateInstance revealForm(@PathParam("id") long id) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        ListingView listing = listings.get(actor, id);
        Page p = pages.page();
        return Templates.reveal(p, listing, "", null).setLocale(p.locale());
    }

    /**
     * The reveal: a post, since it writes to the log. The identities are shown in its answer and
     * nowhere else (reading them again is another reveal); a missing reason is refused as the API
     * refuses it (400, nothing shown or logged).
     */
    @POST
    @Path("listings/{id}/identities")
    @Operation(hidden = true)
    public Response reveal(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("reason") String reason) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.REGULATOR);
        Page p = pages.page();
        List<BidderIdentity> identities;
        try {
            identities = oversight.identities(actor, id, reason);
        } catch (ApiException e) {
            if (e.code() != ErrorCode.VALIDATION_FAILED) {
                throw e;
            }
            return Response.status(e.code().status()).entity(Templates.reveal(p, listings.get(actor, id),
                    reason == null ? "" : reason, Refusal.of(e, p.locale())).setLocale(p.locale())).build();
        }
        return Response.ok(Templates.identities(p, listings.get(actor, id), identities).setLocale(p.locale()))
                .header("Cache-Control", "no-store").build();
    }

    // ---- objections to results: answer and lift -----------------------------------------------------

    /** What the objections page may say was just done (after the 303 of an answer or a lift). */
    static final List<String> OBJECTION_DONE = List.of("answered", "lifted");

    @GET
    @Path("objections")
    @Operation(hidden = true)
    public TemplateInstance objections(@QueryParam("done") String done) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        return objectionsPage(actor, null, null, done != null && OBJECTION_DONE.contains(done) ? done : null);
    }

    private TemplateInstance objectionsPage(Actor actor, Refusal refusal, AnswerForm form, String done) {
        List<ObjectionView> pending = objectionService.mine(actor, ObjectionStatus.LODGED, FIRST_PAGE).items();
        List<ObjectionView> answered = objectionService.mine(actor, null, FIRST_PAGE).items().stream()
                .filter(o -> o.status() != ObjectionStatus.LODGED).toList();
        Page p = pages.page();
        return Templates.objections(p, pending, answered, refusal, form, done).setLocale(p.locale());
    }

    @POST
    @Path("objections/{id}/answer")
    @Operation(hidden = true)
    public Response answer(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("decision") String decision, @FormParam("reasons") String reasons,
            @FormParam("suspendSettlement") String suspend) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.REGULATOR);
        boolean suspends = "true".equals(suspend);
        try {
            objectionService.answer(actor, id, new AnswerObjectionRequest(decision(decision), reasons, suspends));
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            Refusal refusal = Refusal.of(e, pages.page().locale());
            return Response.status(refusal.status()).entity(objectionsPage(actor, refusal,
                    new AnswerForm(id, decision, reasons == null ? "" : reasons, suspends), null)).build();
        }
        return Response.seeOther(URI.create("/regulator/objections?done=answered")).build();
    }

    /** The decision a form names, or null (refused by the service as a missing decision). */
    private static ObjectionDecision decision(String value) {
        for (ObjectionDecision d : ObjectionDecision.values()) {
            if (d.name().equals(value)) {
                return d;
            }
        }
        return null;
    }

    @POST
    @Path("objections/{id}/lift")
    @Operation(hidden = true)
    public Response lift(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.REGULATOR);
        try {
            objectionService.lift(actor, id);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.NOT_FOUND) {
                throw e;
            }
            Refusal refusal = Refusal.of(e, pages.page().locale());
            return Response.status(refusal.status()).entity(objectionsPage(actor, refusal, null, null)).build();
        }
        return Response.seeOther(URI.create("/regulator/objections?done=lifted")).build();
    }
}
