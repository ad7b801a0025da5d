package cn.landmarket.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

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
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.CountyView;
import cn.landmarket.party.OrganisationImport;
import cn.landmarket.party.OrganisationImport.ImportOutcome;
import cn.landmarket.party.OrganisationImport.SkipReason;
import cn.landmarket.party.OrganisationKind;
import cn.landmarket.party.OrganisationService;
import cn.landmarket.party.RegisterCountyRequest;
import cn.landmarket.party.RegisterRegulatorRequest;
import cn.landmarket.party.RegisterTownshipRequest;
import cn.landmarket.party.RegulatorView;
import cn.landmarket.party.RenameOrganisationRequest;
import cn.landmarket.party.TownshipView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 组织机构: the counties, townships and regulators operators keep, as {@code /api/organisations}:
 * register, rename, deactivate and reactivate each, and the CSV import, first as a dry run shown
 * row by row, then applied all or nothing.
 */
@Path("/centre/organisations")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class CentreOrganisationsPage {

    /** How many of each kind the page lists (the counts name them all). */
    static final int PAGE_SIZE = PageRequest.MAX_SIZE;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance organisations(Page page, Registry registry, RegisterForm form,
                Refusal refusal, String csv, Report report, Refusal importRefusal, Imported imported, Changed changed);
    }

    /** The organisations of each kind, the first page of each. */
    public record Registry(PageView<CountyView> counties, PageView<TownshipView> townships,
            PageView<RegulatorView> regulators) {

        /** The previous page of townships, or null on the first. */
        public Integer townshipsPrevious() {
            return townships.page() > 0 ? townships.page() - 1 : null;
        }

        /** The next page of townships, or null on the last. */
        public Integer townshipsNext() {
            return (long) (townships.page() + 1) * townships.size() < townships.total() ? townships.page() + 1 : null;
        }
    }

    /** The registration form as typed. */
    public record RegisterForm(String kind, String code, String name) {

        public OrganisationKind[] kinds() {
            return OrganisationKind.values();
        }
    }

    /** A dry run's report: the file's digest, whether it may be applied, counts and each row with its error. */
    public record Report(String sha256, boolean valid, int create, int rename, int unchanged, int skipped,
            int invalid, String fileError, List<ReportRow> rows) {
    }

    /** One row of a dry run, its error in the reader's language. */
    public record ReportRow(int line, String code, OrganisationKind kind, String name, ImportOutcome outcome,
            String previousName, SkipReason skip, String error) {
    }

    /** An applied import's counts, for the status line. */
    public record Imported(int counties, int townships, int renamed) {
    }

    /** What the reader just changed by hand: action, kind and code. */
    public record Changed(String action, String code) {
    }

    @Inject
    Pages pages;

    @Inject
    OrganisationService organisations;

    @GET
    @Operation(hidden = true)
    public TemplateInstance list(@QueryParam("changed") String changed, @QueryParam("code") String code,
            @QueryParam("counties") Integer counties, @QueryParam("townships") Integer townships,
            @QueryParam("renamed") Integer renamed, @QueryParam("page") Integer page) {
        Actor actor = pages.requireViewer(Role.OPERATOR);
        Page p = pages.page();
        Imported imported = counties == null || townships == null || renamed == null ? null
                : new Imported(counties, townships, renamed);
        Changed done = changed == null || !changed.matches("registered|renamed|deactivated|reactivated")
                || code == null || !code.matches("[0-9]{6,9}") ? null : new Changed(changed, code);
        int townshipPage = page == null || page < 0 ? 0 : Math.min(page, 100_000);
        return Templates.organisations(p, registry(actor, townshipPage), emptyForm(), null, "", null, null, imported,
                done)
                .setLocale(p.locale());
    }

    @POST
    @Path("register")
    @Operation(hidden = true)
    public Response register(@FormParam(FormToken.FIELD) String csrf, @FormParam("kind") String kind,
            @FormParam("code") String code, @FormParam("name") String name) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        Page p = pages.page();
        RegisterForm form = new RegisterForm(kind, code, name);
        OrganisationKind chosen = kind(kind);
        String c = code == null ? null : code.strip();
        try {
            Object request = switch (chosen) {
                case COUNTY -> new RegisterCountyRequest(c, name);
                case TOWNSHIP -> new RegisterTownshipRequest(c, name);
                case REGULATOR -> new RegisterRegulatorRequest(c, name);
            };
            Refusal invalid = pages.validate(request, p.locale()).orElse(null);
            if (invalid != null) {
                return refused(p, actor, form, invalid);
            }
            switch (chosen) {
                case COUNTY -> organisations.registerCounty(actor, (RegisterCountyRequest) request);
                case TOWNSHIP -> organisations.registerTownship(actor, (RegisterTownshipRequest) request);
                case REGULATOR -> organisations.registerRegulator(actor, (RegisterRegulatorRequest) request);
            }
        } catch (ApiException e) {
            return refused(p, actor, form, Refusal.of(e, p.locale()));
        }
        return done("registered", c);
    }

    @POST
    @Path("{kind}/{code}/{action}")
    @Operation(hidden = true)
    public Response change(@PathParam("kind") String kind, @PathParam("code") String code,
            @PathParam("action") String action, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("name") String name) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        Page p = pages.page();
        OrganisationKind chosen = kind(kind.toUpperCase(Locale.ROOT));
        try {
            switch (action) {
                case "rename" -> {
                    var request = new RenameOrganisationRequest(name);
                    Refusal invalid = pages.validate(request, p.locale()).orElse(null);
                    if (invalid != null) {
                        return refused(p, actor, emptyForm(), invalid);
                    }
                    switch (chosen) {
                        case COUNTY -> organisations.renameCounty(actor, code, request);
                        case TOWNSHIP -> organisations.renameTownship(actor, code, request);
                        case REGULATOR -> organisations.renameRegulator(actor, code, request);
                    }
                    return done("renamed", code);
                }
                case "deactivate" -> {
                    switch (chosen) {
                        case COUNTY -> organisations.deactivateCounty(actor, code);
                        case TOWNSHIP -> organisations.deactivateTownship(actor, code);
                        case REGULATOR -> organisations.deactivateRegulator(actor, code);
                    }
                    return done("deactivated", code);
                }
                case "reactivate" -> {
                    switch (chosen) {
                        case COUNTY -> organisations.reactivateCounty(actor, code);
                        case TOWNSHIP -> organisations.reactivateTownship(actor, code);
                        case REGULATOR -> organisations.reactivateRegulator(actor, code);
                    }
                    return done("reactivated", code);
                }
                default -> throw ApiException.notFound("action", action);
            }
        } catch (ApiException e) {
            return refused(p, actor, emptyForm(), Refusal.of(e, p.locale()));
        }
    }

    /** A dry run: what the file would do, row by row, writing nothing. */
    @POST
    @Path("import")
    @Operation(hidden = true)
    public Response dryRun(@FormParam(FormToken.FIELD) String csrf, @FormParam("csv") String csv) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        Page p = pages.page();
        String text = csv == null ? "" : csv;
        try {
            Report report = report(organisations.importOrganisations(actor, bytes(text), false), p.locale());
            return Response.ok(Templates.organisations(p, registry(actor), emptyForm(), null, text, report, null,
                    null, null).setLocale(p.locale())).build();
        } catch (ApiException e) {
            Refusal refusal = Refusal.of(e, p.locale());
            return Response.status(refusal.status()).entity(Templates.organisations(p, registry(actor), emptyForm(),
                    null, text, null, refusal, null, null).setLocale(p.locale())).build();
        }
    }

    /** Applies the file: all of it, or, when any row is invalid, nothing (the report shown again with the refusal). */
    @POST
    @Path("import/apply")
    @Operation(hidden = true)
    public Response apply(@FormParam(FormToken.FIELD) String csrf, @FormParam("csv") String csv) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.OPERATOR);
        Page p = pages.page();
        String text = csv == null ? "" : csv;
        try {
            OrganisationImport.Plan plan = organisations.importOrganisations(actor, bytes(text), true);
            return Response.seeOther(URI.create("/centre/organisations?counties="
                    + plan.count(OrganisationKind.COUNTY, ImportOutcome.CREATE) + "&townships="
                    + plan.count(OrganisationKind.TOWNSHIP, ImportOutcome.CREATE) + "&renamed="
                    + plan.count(ImportOutcome.RENAME))).build();
        } catch (ApiException e) {
            Refusal refusal = lines(Refusal.of(e, p.locale()));
            Report report = null;
            try {
                report = report(organisations.importOrganisations(actor, bytes(text), false), p.locale());
            } catch (ApiException again) {
                // the refusal says it already
            }
            return Response.status(refusal.status()).entity(Templates.organisations(p, registry(actor), emptyForm(),
                    null, text, report, refusal, null, null).setLocale(p.locale())).build();
        }
    }

    /** The refusal with each field "line N" named by its number only, for the page to write in its language. */
    private static Refusal lines(Refusal refusal) {
        return new Refusal(refusal.status(), refusal.detail(), refusal.fields().stream()
                .map(f -> new Refusal.Field(f.name().replace("line ", ""), f.message())).toList());
    }

    private Response done(String action, String code) {
        return Response.seeOther(URI.create("/centre/organisations?changed=" + action + "&code="
                + Links.encode(code == null ? "" : code))).build();
    }

    private Response refused(Page p, Actor actor, RegisterForm form, Refusal refusal) {
        return Response.status(refusal.status()).entity(Templates.organisations(p, registry(actor), form, refusal, "",
                null, null, null, null).setLocale(p.locale())).build();
    }

    private Registry registry(Actor actor) {
        return registry(actor, 0);
    }

    /** The first page of counties and of regulators, and the page of townships asked for. */
    private Registry registry(Actor actor, int townshipPage) {
        PageRequest first = new PageRequest(0, PAGE_SIZE);
        return new Registry(organisations.counties(actor, null, first),
                organisations.townships(actor, null, null, new PageRequest(townshipPage, PAGE_SIZE)),
                organisations.regulators(actor, null, first));
    }

    private static RegisterForm emptyForm() {
        return new RegisterForm(OrganisationKind.TOWNSHIP.name(), "", "");
    }

    private static OrganisationKind kind(String kind) {
        try {
            return kind == null ? OrganisationKind.TOWNSHIP : OrganisationKind.valueOf(kind);
        } catch (IllegalArgumentException unknown) {
            throw ApiException.notFound("organisation kind", kind);
        }
    }

    private static byte[] bytes(String csv) {
        return csv.getBytes(StandardCharsets.UTF_8);
    }

    static Report report(OrganisationImport.Plan plan, Locale locale) {
        List<ReportRow> rows = plan.rows().stream().map(r -> new ReportRow(r.line(), r.code(), r.kind(), r.name(),
                r.outcome(), r.previousName(), r.skip(), r.error() == null ? null : Localizer.render(r.error(), locale)))
                .toList();
        return new Report(plan.sha256(), plan.valid(), plan.count(ImportOutcome.CREATE),
                plan.count(ImportOutcome.RENAME), plan.count(ImportOutcome.UNCHANGED), plan.count(ImportOutcome.SKIPPED),
                plan.count(ImportOutcome.INVALID), plan.fileError() == null ? null
                        : Localizer.render(plan.fileError(), locale), rows);
    }
}
