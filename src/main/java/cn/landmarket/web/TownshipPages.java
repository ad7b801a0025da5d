package cn.landmarket.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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

import cn.landmarket.asset.AssetType;
import cn.landmarket.audit.AuditService;
import cn.landmarket.audit.InclusionView;
import cn.landmarket.audit.ListingEntriesView;
import cn.landmarket.asset.CertificateService;
import cn.landmarket.asset.CertificateView;
import cn.landmarket.asset.LineageView;
import cn.landmarket.common.Money;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Localizer;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.listing.CapAction;
import cn.landmarket.listing.ListingDates;
import cn.landmarket.listing.ListingPreview;
import cn.landmarket.listing.ListingRequest;
import cn.landmarket.listing.ListingSearch;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.listing.ListingView;
import cn.landmarket.listing.PaymentTerms;
import cn.landmarket.listing.SaleFormat;
import cn.landmarket.listing.RelistRequest;
import cn.landmarket.settlement.ConfirmRequest;
import cn.landmarket.settlement.ConfirmationText;
import cn.landmarket.settlement.SettlementService;
import cn.landmarket.settlement.TradeQueryService;
import cn.landmarket.settlement.TradeStatus;
import cn.landmarket.settlement.TradeView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * 乡镇工作台: the signed-in township's console. Its holdings and listings (as {@code GET
 * /api/certificates} and {@code GET /api/listings}), a certificate with its lineage (as {@code GET
 * /api/certificates/{id}/lineage}), the listing form that explains each rule and checks the terms
 * as they are typed ({@link ListingService#preview}, the checks {@code POST /api/listings} makes),
 * drafting, submission for review and relisting (as the listing API), and its trades: the seller's
 * side of the confirmation and what each sale paid (as {@code /api/listings/{id}/trade} and {@code
 * /api/trades/{id}/confirmations}). Only ever the reader's own township; 403 for any other role.
 */
@Path("/township")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class TownshipPages {

    /** The most certificates or listings the console shows at once (the API's largest page). */
    static final int SHOWN = PageRequest.MAX_SIZE;

    /** Listings that have (or had) a trade. */
    private static final Set<ListingStatus> TRADED = Set.of(ListingStatus.SOLD, ListingStatus.AWAITING_PAYMENT,
            ListingStatus.SETTLED, ListingStatus.DEFAULTED);

    /** Listings whose lot the relist API takes back to a new draft. */
    private static final Set<ListingStatus> RELISTABLE = Set.of(ListingStatus.UNSOLD, ListingStatus.DEFAULTED);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Page page, PageView<CertificateView> certificates,
                PageView<ListingView> listings);

        static native TemplateInstance certificate(Page page, CertificateView certificate, LineageView lineage,
                List<ListingView> listings, Long deleted);

        static native TemplateInstance listingForm(Page page, CertificateView certificate, ListingForm form,
                Checks checks, Refusal refusal, MarketConfig.Rules rules, Integer maxTerm, Long editing);

        static native TemplateInstance preview(Checks checks);

        static native TemplateInstance listing(Page page, ListingView listing, TradeView trade, RelistForm relist,
                Refusal refusal, MarketConfig.Rules rules);

        static native TemplateInstance trades(Page page, List<Sale> sales, List<Sale> toConfirm);

        static native TemplateInstance trade(Page page, TradeView trade, ListingView listing,
                TradePages.Confirmation confirmation, Refusal refusal, Split split, AfterSale afterSale);
    }

    /** A sold listing with its trade, and how its price was split once settled (else null). */
    public record Sale(ListingView listing, TradeView trade, Split split) {

        /** Whether the township still has to accept the confirmation. */
        public boolean toConfirm() {
            return trade.status() == TradeStatus.AWAITING_CONFIRMATION && trade.sellerConfirmedAt() == null;
        }
    }

    /**
     * How a settled trade's price was split between the farmers, the village collective and the
     * township, as the public audit log records it ({@code trade.settled}, {@code GET
     * /api/audit/listings/{id}/entries}).
     */
    public record Split(Money farmers, Money collective, Money township) {
    }

    /**
     * What the form's checks show next to its fields: each field's messages (in the reader's language),
     * the refusal's detail when the lot cannot be frozen, and the dates the rules imply.
     */
    public record Checks(List<Refusal.Field> fields, String unavailable, ListingDates dates, boolean checked,
            List<String> names, int unfilled) {

        /** The messages for one field, joined. */
        public String field(String name) {
            List<String> messages = fields.stream().filter(f -> f.name().equals(name)
                    || f.name().startsWith(name + "[") || f.name().startsWith(name + "."))
                    .map(Refusal.Field::message).distinct().toList();
            return messages.isEmpty() ? null : String.join(" ", messages);
        }

        /** Messages for fields the form does not show (such as the certificate's collective vote). */
        public List<String> others() {
            return fields.stream().filter(f -> names.stream().noneMatch(n -> f.name().equals(n)
                    || f.name().startsWith(n + "[") || f.name().startsWith(n + "."))).map(Refusal.Field::message)
                    .distinct().toList();
        }

        public boolean ok() {
            return checked && fields.isEmpty() && unavailable == null && unfilled == 0;
        }

        /** How many problems the checks found. */
        public int problems() {
            return fields.size() + (unavailable == null ? 0 : 1);
        }

        /** The fields next to which the dates the rules imply are shown. */
        public List<String> dated() {
            return List.of("listingStart", "listingEnd", "registrationDeadline");
        }
    }

    /** The fields the form shows for a certificate of this type, as the API names them. */
    static List<String> fields(AssetType type) {
        return FIELDS.stream().filter(f -> switch (f) {
            case "certificateId" -> false;
            case "lotPaddyAreaM2", "lotGrainCapacityKg" -> type == AssetType.FARMLAND_COMPENSATION;
            case "termYears" -> type == AssetType.COLLECTIVE_PARCEL;
            default -> true;
        }).toList();
    }

    /** Every field the listing form checks, as the API names them. */
    static final List<String> FIELDS = List.of("certificateId", "title", "description", "lotAreaM2", "lotPaddyAreaM2",
            "lotGrainCapacityKg", "termYears", "saleFormat", "startPrice", "increment", "deposit", "priceCap", "capAction",
            "reservePrice", "announceAt", "registrationDeadline", "listingStart", "listingEnd", "countdownSeconds", "eligibleRegions",
            "paymentTerms.mode", "paymentTerms.confirmWithinWorkingDays", "paymentTerms.firstSharePercent",
            "paymentTerms.firstDueDays", "paymentTerms.balanceDueDays", "runnerUpAward");

    /** The relist form as typed. */
    public record RelistForm(String startPrice, String deposit, String priceCap, String reservePrice,
            String announceAt, String registrationDeadline, String listingStart, String listingEnd) {
    }

    @Inject
    Pages pages;

    @Inject
    CertificateService certificates;

    @Inject
    ListingService listings;

    @Inject
    TradeQueryService trades;

    @Inject
    SettlementService settlement;

    @Inject
    MarketConfig market;

    @Inject
    java.time.Clock clock;

    @Inject
    AuditService audit;

    @Inject
    ObjectMapper json;

    @Inject
    AfterSale.Reader afterSale;

    private PageView<ListingView> ownListings(Actor actor) {
        return listings.search(actor, new ListingSearch(), new PageRequest(0, SHOWN));
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance home() {
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        PageView<CertificateView> held = certificates.search(actor, null, new PageRequest(0, SHOWN));
        Page p = pages.page();
        return Templates.home(p, held, ownListings(actor)).setLocale(p.locale());
    }

    @GET
    @Path("certificates/{id}")
    @Operation(hidden = true)
    public TemplateInstance certificate(@PathParam("id") long id, @QueryParam("deleted") Long deleted) {
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        CertificateView c = certificates.get(actor, id);
        LineageView lineage = certificates.lineage(actor, id);
        List<ListingView> on = ownListings(actor).items().stream().filter(l -> l.certificateId() == id).toList();
        Page p = pages.page();
        return Templates.certificate(p, c, lineage, on, deleted).setLocale(p.locale());
    }

    // The listing form

    @GET
    @Path("listings/new")
    @Operation(hidden = true)
    public TemplateInstance newListing(@QueryParam("certificate") long certificateId) {
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        CertificateView c = certificates.get(actor, certificateId);
        ListingForm form = proposal(c);
        Page p = pages.page();
        ListingDates dates = listings.dates(read(form, p.locale()).request());
        return Templates.listingForm(p, c, form, new Checks(List.of(), null, dates, false, fields(c.assetType()), 0),
                null, listings.ruleNumbers(), maxTerm(c), null)
                .setLocale(p.locale());
    }

    /**
     * A draft's terms in the listing form, to change them; a listing no longer a draft (submitted,
     * reviewed, ...) cannot change and goes back to its page.
     */
    @GET
    @Path("listings/{id}/edit")
    @Operation(hidden = true)
    public Response editListing(@PathParam("id") long id) {
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        ListingView l = ownListing(actor, id);
        if (l.status() != ListingStatus.DRAFT) {
            return Response.seeOther(URI.create("/township/listings/" + id)).build();
        }
        CertificateView c = certificates.get(actor, l.certificateId());
        ListingForm form = ListingForm.of(l);
        Page p = pages.page();
        return Response.ok(Templates.listingForm(p, c, form, check(actor, c, form, p.locale(), false, id), null,
                listings.ruleNumbers(), maxTerm(c), id).setLocale(p.locale())).build();
    }

    /** A starting point: the proposed schedule and usual payment terms; the township changes what it wants. */
    private ListingForm proposal(CertificateView c) {
        ListingForm f = new ListingForm();
        f.certificateId = String.valueOf(c.id());
        f.lotAreaM2 = c.assetType() == AssetType.COLLECTIVE_PARCEL ? String.valueOf(c.area().m2()) : "";
        f.countdownSeconds = "300";
        f.paymentMode = PaymentTerms.Mode.FULL.name();
        f.saleFormat = SaleFormat.OPEN_ASCENDING.name();
        f.capAction = CapAction.END_SALE.name();
        f.confirmWithinWorkingDays = String.valueOf(listings.ruleNumbers().confirmationMinWorkingDays());
        f.firstSharePercent = "100";
        f.firstDueDays = "30";
        Schedule s = proposedSchedule();
        f.announceAt = ListingForm.local(s.announce());
        f.listingStart = ListingForm.local(s.start());
        f.listingEnd = ListingForm.local(s.end());
        f.registrationDeadline = ListingForm.local(s.registration());
        return f;
    }

    /** A schedule in the market's zone. */
    record Schedule(java.time.OffsetDateTime announce, java.time.OffsetDateTime start, java.time.OffsetDateTime end,
            java.time.OffsetDateTime registration) {
    }

    /**
     * The schedule a new form proposes, meeting the rules with their own dates: announced tomorrow at
     * 09:00, bidding from the earliest start the rules allow, ending on the earliest last day at 17:00,
     * registration closing at 17:00 on the latest day the rules allow.
     */
    private Schedule proposedSchedule() {
        var zone = market.zone();
        var announce = clock.instant().atZone(zone).toLocalDate().plusDays(1).atTime(9, 0).atZone(zone)
                .toOffsetDateTime();
        var start = listings.dates(onlySchedule(announce, null, null)).earliestStart();
        var end = listings.dates(onlySchedule(announce, start, null)).earliestEnd().atTime(17, 0).atZone(zone)
                .toOffsetDateTime();
        var registration = listings.dates(onlySchedule(announce, start, end)).latestRegistration().atTime(17, 0)
                .atZone(zone).toOffsetDateTime();
        return new Schedule(announce, start, end, registration);
    }

    private static ListingRequest onlySchedule(java.time.OffsetDateTime announce, java.time.OffsetDateTime start,
            java.time.OffsetDateTime end) {
        return new ListingRequest(null, null, null, null, null, null, null, null, null, null, null, null, announce,
                null, start, end, null, null, null);
    }

    private Integer maxTerm(CertificateView c) {
        if (c.assetType() != AssetType.COLLECTIVE_PARCEL) {
            return null;
        }
        Integer legal = c.landUse() == null ? null : listings.ruleNumbers().maxTermYears().get(c.landUse().name());
        if (legal == null) {
            return c.maxTermYears();
        }
        return c.maxTermYears() == null ? legal : Math.min(legal, c.maxTermYears());
    }

    /**
     * The checks of the typed terms, for the form to show next to its fields while the township types
     * (htmx posts the form here): the field messages the API would answer {@code POST /api/listings}
     * with, and the dates the rules derive from the schedule. Nothing is saved.
     */
    @POST
    @Path("listings/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public TemplateInstance preview(@FormParam(FormToken.FIELD) String csrf, @BeanParam ListingForm form,
            @FormParam("editing") String editing) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        Page p = pages.page();
        CertificateView c = certificates.get(actor, parseId(form.certificateId));
        Long draft = editing == null || editing.isBlank() ? null : parseId("editing", editing);
        return Templates.preview(check(actor, c, form, p.locale(), true, draft)).setLocale(p.locale());
    }

    @POST
    @Path("listings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response draft(@FormParam(FormToken.FIELD) String csrf, @BeanParam ListingForm form) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        return save(actor, form, null);
    }

    /** The changed terms of a draft, saved as the API's {@code PUT /api/listings/{id}} saves them. */
    @POST
    @Path("listings/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response update(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @BeanParam ListingForm form) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        ListingView l = ownListing(actor, id);
        if (l.status() != ListingStatus.DRAFT) {
            Page p = pages.page();
            ApiException e = ApiException.invalidState(MessageKey.LISTING_NOT_DRAFT, l.status());
            return Response.status(e.code().status()).entity(Templates.listing(p, l, null, relistForm(l),
                    Refusal.of(e, p.locale()), listings.ruleNumbers()).setLocale(p.locale())).build();
        }
        // The form cannot move a draft to another certificate: its certificate is the draft's.
        form.certificateId = String.valueOf(l.certificateId());
        return save(actor, form, id);
    }

    /**
     * A draft deleted as the API's {@code DELETE /api/listings/{id}} deletes it (its lot released);
     * back to the certificate's page, where the lot is free again.
     */
    @POST
    @Path("listings/{id}/delete")
    @Operation(hidden = true)
    public Response delete(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        ListingView l = ownListing(actor, id);
        try {
            listings.delete(actor, id);
        } catch (ApiException e) {
            Page p = pages.page();
            ListingView now = ownListing(actor, id);
            return Response.status(e.code().status()).entity(Templates.listing(p, now, null, relistForm(now),
                    Refusal.of(e, p.locale()), listings.ruleNumbers()).setLocale(p.locale())).build();
        }
        return Response.seeOther(URI.create("/township/certificates/" + l.certificateId() + "?deleted=" + id))
                .build();
    }

    /**
     * Saves the form as a new draft ({@code editing} null) or as the draft {@code editing}'s new
     * terms; what the form or the service refuses comes back in the form, with nothing saved.
     */
    private Response save(Actor actor, ListingForm form, Long editing) {
        Page p = pages.page();
        long certificateId = parseId(form.certificateId);
        CertificateView c = certificates.get(actor, certificateId);
        Parsed parsed = read(form, p.locale());
        if (!parsed.refusals().isEmpty()) {
            Checks checks = check(actor, c, form, p.locale(), false, editing);
            Refusal refusal = new Refusal(ErrorCode.VALIDATION_FAILED.status(),
                    Localizer.render(MessageKey.VALIDATION_FAILED, p.locale(), parsed.refusals().size()),
                    parsed.refusals());
            return Response.status(refusal.status()).entity(Templates.listingForm(p, c, form, checks, refusal,
                    listings.ruleNumbers(), maxTerm(c), editing).setLocale(p.locale())).build();
        }
        ListingView saved;
        try {
            saved = editing == null ? listings.draft(actor, parsed.request())
                    : listings.update(actor, editing, parsed.request());
        } catch (ApiException e) {
            Refusal refusal = Refusal.of(e, p.locale());
            Checks checks = new Checks(refusal.fields(), e.violations().isEmpty() ? refusal.detail() : null,
                    listings.dates(parsed.request()), true, fields(c.assetType()), 0);
            return Response.status(refusal.status()).entity(Templates.listingForm(p, c, form, checks, refusal,
                    listings.ruleNumbers(), maxTerm(c), editing).setLocale(p.locale())).build();
        }
        return Response.seeOther(URI.create("/township/listings/" + saved.id())).build();
    }

    private static long parseId(String id) {
        return parseId("certificateId", id);
    }

    private static long parseId(String field, String id) {
        try {
            return Long.parseLong(id == null ? "" : id.strip());
        } catch (NumberFormatException e) {
            throw ApiException.invalid(field, MessageKey.JSON_WRONG_TYPE, "integer");
        }
    }

    /** The form read and checked by its bean constraints: the request and every field refused so far. */
    record Parsed(ListingRequest request, List<Refusal.Field> refusals) {
    }

    private Parsed read(ListingForm form, Locale locale) {
        ListingForm.Parsed parsed = form.parse(market.zone(), locale);
        List<Refusal.Field> refusals = new ArrayList<>(parsed.unreadable());
        Set<String> unreadable = new java.util.HashSet<>();
        parsed.unreadable().forEach(f -> unreadable.add(f.name()));
        for (Refusal.Field f : pages.constraintViolations(parsed.request(), locale)) {
            if (!unreadable.contains(f.name())) {
                refusals.add(f);
            }
        }
        refusals.sort(Comparator.comparing(Refusal.Field::name).thenComparing(Refusal.Field::message));
        return new Parsed(parsed.request(), refusals);
    }

    /**
     * The checks the API makes of a draft, in its order: what cannot be read and the bean constraints
     * first (the API answers 400 with those alone); when they pass, the service's rules and whether the
     * lot is free ({@link ListingService#preview}). While {@code typing}, the fields still empty are
     * only counted (the rules are checked once everything required is filled).
     */
    private Checks check(Actor actor, CertificateView c, ListingForm form, Locale locale, boolean typing,
            Long editing) {
        Parsed parsed = read(form, locale);
        ListingDates dates = listings.dates(parsed.request());
        List<String> names = fields(c.assetType());
        if (!parsed.refusals().isEmpty()) {
            if (!typing) {
                return new Checks(parsed.refusals(), null, dates, true, names, 0);
            }
            // While the township types, a field it has not filled yet is counted, not called an error.
            List<Refusal.Field> typed = parsed.refusals().stream()
                    .filter(f -> !ListingForm.blank(form.value(base(f.name())))).toList();
            int unfilled = (int) parsed.refusals().stream().map(f -> base(f.name()))
                    .filter(n -> ListingForm.blank(form.value(n))).distinct().count();
            return new Checks(typed, null, dates, true, names, unfilled);
        }
        ListingPreview preview = listings.preview(actor, parsed.request(), editing);
        List<Refusal.Field> fields = preview.violations().stream()
                .map(v -> new Refusal.Field(v.field(), Localizer.render(v.message(), locale))).toList();
        return new Checks(fields, preview.unavailable() == null ? null : Localizer.render(preview.unavailable(), locale),
                preview.dates(), true, names, 0);
    }

    /** The form field a violation is about: {@code eligibleRegions[0].<list element>} → {@code eligibleRegions}. */
    private static String base(String field) {
        int bracket = field.indexOf('[');
        return bracket < 0 ? field : field.substring(0, bracket);
    }

    // One listing: its terms, submission, relisting, its trade

    @GET
    @Path("listings/{id}")
    @Operation(hidden = true)
    public TemplateInstance listing(@PathParam("id") long id) {
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        ListingView l = ownListing(actor, id);
        Page p = pages.page();
        return Templates.listing(p, l, trades.findOfListing(actor, id).orElse(null), relistForm(l), null,
                listings.ruleNumbers()).setLocale(p.locale());
    }

    /** The township's own listing (a public one of another township is not part of this console: 403). */
    private ListingView ownListing(Actor actor, long id) {
        ListingView l = listings.get(actor, id);
        if (!l.sellerCode().equals(actor.org())) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_NOT_SELLER);
        }
        return l;
    }

    private RelistForm relistForm(ListingView l) {
        if (!RELISTABLE.contains(l.status()) || l.relistedAs() != null) {
            return null;
        }
        Schedule s = proposedSchedule();
        return new RelistForm(l.startPrice().toYuan(), l.deposit().toYuan(),
                l.priceCap() == null ? "" : l.priceCap().toYuan(), "", ListingForm.local(s.announce()),
                ListingForm.local(s.registration()), ListingForm.local(s.start()), ListingForm.local(s.end()));
    }

    @POST
    @Path("listings/{id}/submit")
    @Operation(hidden = true)
    public Response submit(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        try {
            listings.submit(actor, id);
        } catch (ApiException e) {
            ListingView l = ownListing(actor, id);
            Page p = pages.page();
            return Response.status(e.code().status()).entity(Templates.listing(p, l, null, relistForm(l),
                    Refusal.of(e, p.locale()), listings.ruleNumbers()).setLocale(p.locale())).build();
        }
        return Response.seeOther(URI.create("/township/listings/" + id)).build();
    }

    @POST
    @Path("listings/{id}/relist")
    @Operation(hidden = true)
    public Response relist(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("startPrice") String startPrice, @FormParam("deposit") String deposit,
            @FormParam("priceCap") String priceCap, @FormParam("reservePrice") String reservePrice,
            @FormParam("announceAt") String announceAt, @FormParam("registrationDeadline") String registrationDeadline,
            @FormParam("listingStart") String listingStart, @FormParam("listingEnd") String listingEnd) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        Page p = pages.page();
        RelistForm typed = new RelistForm(startPrice, deposit, priceCap, reservePrice, announceAt,
                registrationDeadline, listingStart, listingEnd);
        ListingForm form = new ListingForm();
        form.startPrice = startPrice;
        form.deposit = deposit;
        form.priceCap = priceCap;
        form.reservePrice = reservePrice;
        form.announceAt = announceAt;
        form.registrationDeadline = registrationDeadline;
        form.listingStart = listingStart;
        form.listingEnd = listingEnd;
        ListingForm.Parsed parsed = form.parse(market.zone(), p.locale());
        ListingRequest r = parsed.request();
        RelistRequest request = new RelistRequest(r.startPrice(), r.deposit(), r.priceCap(), r.reservePrice(),
                r.announceAt(), r.registrationDeadline(), r.listingStart(), r.listingEnd());
        List<Refusal.Field> refusals = new ArrayList<>(parsed.unreadable());
        Set<String> unreadable = new java.util.HashSet<>();
        parsed.unreadable().forEach(f -> unreadable.add(f.name()));
        pages.constraintViolations(request, p.locale()).stream().filter(f -> !unreadable.contains(f.name()))
                .forEach(refusals::add);
        try {
            if (!refusals.isEmpty()) {
                refusals.sort(Comparator.comparing(Refusal.Field::name).thenComparing(Refusal.Field::message));
                ListingView l = ownListing(actor, id);
                Refusal refusal = new Refusal(ErrorCode.VALIDATION_FAILED.status(),
                        Localizer.render(MessageKey.VALIDATION_FAILED, p.locale(), refusals.size()), refusals);
                return Response.status(refusal.status()).entity(Templates.listing(p, l, null, typed, refusal,
                        listings.ruleNumbers()).setLocale(p.locale())).build();
            }
            ListingView relisted = listings.relist(actor, id, request);
            return Response.seeOther(URI.create("/township/listings/" + relisted.id())).build();
        } catch (ApiException e) {
            ListingView l = ownListing(actor, id);
            return Response.status(e.code().status()).entity(Templates.listing(p, l, null,
                    RELISTABLE.contains(l.status()) && l.relistedAs() == null ? typed : null,
                    Refusal.of(e, p.locale()), listings.ruleNumbers()).setLocale(p.locale())).build();
        }
    }

    // Trades

    @GET
    @Path("trades")
    @Operation(hidden = true)
    public TemplateInstance trades() {
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        List<Sale> sales = new ArrayList<>();
        for (ListingView l : ownListings(actor).items()) {
            if (TRADED.contains(l.status())) {
                trades.findOfListing(actor, l.id()).ifPresent(t -> sales.add(new Sale(l, t, split(t))));
            }
        }
        Page p = pages.page();
        return Templates.trades(p, sales, sales.stream().filter(Sale::toConfirm).toList()).setLocale(p.locale());
    }

    @GET
    @Path("trades/{id}")
    @Operation(hidden = true)
    public TemplateInstance trade(@PathParam("id") long id) {
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        TradeView t = trades.get(actor, id);
        Page p = pages.page();
        return Templates.trade(p, t, listings.get(actor, t.listingId()), confirmation(t), null, split(t),
                afterSale.of(actor, t.listingId()))
                .setLocale(p.locale());
    }

    /**
     * The split of a settled trade's price from its {@code trade.settled} entry in the public audit
     * log, read as anyone reads it; null before settlement or until the entry is in a signed checkpoint.
     */
    private Split split(TradeView t) {
        if (t.status() != TradeStatus.SETTLED) {
            return null;
        }
        try {
            ListingEntriesView first = audit.listingEntries(t.listingId(), new PageRequest(0, PageRequest.MAX_SIZE), null);
            List<InclusionView> entries = new ArrayList<>(first.entries());
            long pages = (first.total() + PageRequest.MAX_SIZE - 1) / PageRequest.MAX_SIZE;
            for (long page = Math.max(1, pages - 2); page < pages; page++) {
                entries.addAll(audit.listingEntries(t.listingId(), new PageRequest((int) page, PageRequest.MAX_SIZE),
                        first.treeSize()).entries());
            }
            for (int i = entries.size() - 1; i >= 0; i--) {
                JsonNode entry = json.readTree(Base64.getDecoder().decode(entries.get(i).entry()));
                JsonNode facts = entry.path("facts");
                if ("trade.settled".equals(entry.path("type").asText()) && facts.path("tradeId").asLong() == t.id()) {
                    JsonNode fen = facts.path("proceedsFen");
                    return new Split(Money.ofFen(fen.path("FARMERS").asLong()),
                            Money.ofFen(fen.path("COLLECTIVE").asLong()), Money.ofFen(fen.path("TOWNSHIP").asLong()));
                }
            }
            return null;
        } catch (ApiException | java.io.IOException notYetLogged) {
            return null;
        }
    }

    /** The text the township is shown, the hash its acceptance sends, and whether it may accept now. */
    private static TradePages.Confirmation confirmation(TradeView t) {
        return new TradePages.Confirmation(t.confirmationText(), ConfirmationText.sha256(t.confirmationText()),
                t.status() == TradeStatus.AWAITING_CONFIRMATION && t.sellerConfirmedAt() == null);
    }

    @POST
    @Path("trades/{id}/confirmation")
    @Operation(hidden = true)
    public Response confirm(@PathParam("id") long id, @FormParam(FormToken.FIELD) String csrf,
            @FormParam("sha256") String sha256) {
        pages.checkForm(csrf);
        Actor actor = pages.requireViewer(Role.TOWNSHIP);
        try {
            settlement.confirm(actor, id, new ConfirmRequest(sha256 == null ? "" : sha256));
        } catch (ApiException e) {
            TradeView t = trades.get(actor, id);
            Page p = pages.page();
            return Response.status(e.code().status()).entity(Templates.trade(p, t, listings.get(actor, t.listingId()),
                    confirmation(t), Refusal.of(e, p.locale()), split(t),
                    afterSale.of(actor, t.listingId())).setLocale(p.locale())).build();
        }
        return Response.seeOther(URI.create("/township/trades/" + id)).build();
    }
}
