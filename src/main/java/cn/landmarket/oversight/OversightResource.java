package cn.landmarket.oversight;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.security.CurrentActor;
import cn.landmarket.common.security.Role;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.party.ValidCreditCode;
import cn.landmarket.settlement.TradeStatus;

/**
 * HTTP face of the regulator's audit: searches, dossiers, identities, collusion signals and market
 * statistics over its jurisdiction. Every answer is JSON, or a CSV export (RFC 4180, UTF-8, header
 * row) when the request prefers {@code Accept: text/csv}.
 */
@Path("/api/oversight")
@Tag(name = "Oversight")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Role.REGULATOR_GROUP)
@Produces({MediaType.APPLICATION_JSON, Csv.MEDIA_TYPE})
public class OversightResource {

    private static final String CSV_NOTE = " Send `Accept: text/csv` for a CSV export instead of JSON (RFC 4180,"
            + " UTF-8, a header row; text cells starting with = + - @ get a leading apostrophe so that spreadsheets"
            + " do not run them as formulas).";
    private static final String SCOPE_NOTE = " Only listings in the caller's jurisdiction are looked at, narrowed"
            + " by assetType, region, township and the days of the close (closedFrom, closedTo).";
    private static final String TOKEN_NOTE = " token (valueToken, payerAccountToken, clientAddressToken: 32 hex"
            + " digits of a keyed HMAC-SHA256 of the value; equal values give equal tokens, and the value itself,"
            + " which joined to the enterprise list would name the bidders, is never shown).";
    private static final String PAGE_NOTE = " JSON is paged (page, size up to 100, findings in a stable order);"
            + " the CSV export holds every finding, up to the configured limit (400 beyond it).";
    private static final MediaType CSV = MediaType.valueOf(Csv.MEDIA_TYPE);

    @Inject
    OversightService oversight;

    @Inject
    CollusionService collusion;

    @Inject
    CurrentActor actor;

    @Context
    HttpHeaders headers;

    @GET
    @Path("/listings")
    @Operation(summary = "Search the jurisdiction's listings",
            description = "Newest first, paged; enterprise limits the search to listings it registered for. That"
                    + " ties the enterprise to bidder numbers, so it is a reveal: 'reason' is then required (as for"
                    + " the identities; 400 otherwise, and nothing is shown or logged), and each matching listing"
                    + " gets an identity.revealed entry (view 'search') naming the enterprise's registrations and"
                    + " bidder numbers, written in the same transaction." + SCOPE_NOTE + " The CSV export holds"
                    + " every matching listing (not only the page), up to the configured limit (400 beyond it)."
                    + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "A page of listings, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ListingSummary.Page.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response listings(@Valid @BeanParam Scope scope, @QueryParam("status") ListingStatus status,
            @QueryParam("enterprise") @ValidCreditCode @Parameter(description = "Credit code of a registered bidder") String enterprise,
            @QueryParam("reason") @Parameter(description = "Why the enterprise's listings are needed; required with"
                    + " enterprise, logged") String reason,
            @Valid @BeanParam PageRequest page) {
        if (csv()) {
            return csv("listings", ListingSummary.CSV,
                    oversight.exportListings(actor.get(), scope, status, enterprise, reason));
        }
        return Response.ok(oversight.listings(actor.get(), scope, status, enterprise, reason, page),
                MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/trades")
    @Operation(summary = "Search the jurisdiction's trades",
            description = "Latest close first, paged; enterprise limits the search to trades it bought (the buyer"
                    + " is named in the public result from the close, so this reveals no bidder)." + SCOPE_NOTE
                    + " The CSV export holds every matching trade, up to the configured limit (400 beyond it)."
                    + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "A page of trades, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TradeSummary.Page.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response trades(@Valid @BeanParam Scope scope, @QueryParam("status") TradeStatus status,
            @QueryParam("enterprise") @ValidCreditCode @Parameter(description = "Credit code of the buyer") String enterprise,
            @Valid @BeanParam PageRequest page) {
        if (csv()) {
            return csv("trades", TradeSummary.CSV, oversight.exportTrades(actor.get(), scope, status, enterprise));
        }
        return Response.ok(oversight.trades(actor.get(), scope, status, enterprise, page), MediaType.APPLICATION_JSON)
                .build();
    }

    @GET
    @Path("/listings/{id}/dossier")
    @Operation(summary = "A listing's dossier: listing, history, registrations, bids, trade, refunds and audit log entries with proofs",
            description = "Registrations and bids appear by bidder number; the identities endpoint shows who is"
                    + " behind them. auditLog holds the log entries about the listing with their inclusion proofs"
                    + " against the signed checkpoint it carries; pendingAuditEntries counts entries written but"
                    + " not yet in the tree (added within about a second). bids and auditLog.entries are bounded:"
                    + " their first page of 100 with the total; read the rest page by page from"
                    + " /api/listings/{id}/bids and /api/audit/listings/{id}/entries. 403 outside the jurisdiction."
                    + " The CSV export lists the dossier line by line: each status change, registration, bid, the"
                    + " trade, each refund and each log entry (with its index and leaf hash): every bid and every"
                    + " log entry, not only the first page (400 when either is more than an export's most rows)."
                    + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "The dossier", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DossierView.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response dossier(@PathParam("id") long id) {
        if (csv()) {
            return csv("dossier-" + id, DossierView.CSV, oversight.dossierExport(actor.get(), id).lines());
        }
        return Response.ok(oversight.dossier(actor.get(), id), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/listings/{id}/identities")
    @Operation(summary = "Who is behind each bidder number of a listing (a reason is required; every reveal is logged)",
            description = "Each registration with its bidder number and the enterprise: credit code, name, legal"
                    + " representative, contact person and phone. 'reason' is required (non-blank, at most 200"
                    + " characters; 400 otherwise, and nothing is shown or logged); the reveal is written to the"
                    + " audit log as identity.revealed with who, when, why and which bidder numbers. 403 outside"
                    + " the jurisdiction." + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "The identities", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = BidderIdentity.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response identities(@PathParam("id") long id,
            @QueryParam("reason") @Parameter(description = "Why the identities are needed; logged", required = true) String reason) {
        return answer("identities-" + id, BidderIdentity.CSV, () -> oversight.identities(actor.get(), id, reason));
    }

    @GET
    @Path("/signals/payer-accounts")
    @Operation(summary = "Collusion signal: deposits for different bidders of one listing paid from the same account",
            description = "One finding per listing and payer account (compared without spaces and dashes) used by two"
                    + " or more bidders, with each deposit. Bidders appear by bidder number, the account only as a"
                    + TOKEN_NOTE + SCOPE_NOTE + " listingId narrows to one listing." + PAGE_NOTE + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "A page of findings, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = PayerAccountFinding.Page.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response payerAccounts(@Valid @BeanParam Scope scope, @QueryParam("listingId") Long listingId,
            @Valid @BeanParam PageRequest page) {
        return answer("payer-accounts", PayerAccountFinding.CSV, PayerAccountFinding::deposits,
                () -> collusion.payerAccounts(actor.get(), scope, listingId), page);
    }

    @GET
    @Path("/signals/contacts")
    @Operation(summary = "Collusion signal: the same contact person, phone or legal representative for different bidders",
            description = "across=LISTING (default) compares the bidders of each listing, across=REGION all bidders of"
                    + " the listings searched. Names are compared without extra spaces, phones by their digits;"
                    + " the shared value appears only as a" + TOKEN_NOTE + SCOPE_NOTE
                    + " listingId narrows to one listing." + PAGE_NOTE + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "A page of findings, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SharedContactFinding.Page.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response contacts(@Valid @BeanParam Scope scope, @QueryParam("listingId") Long listingId,
            @QueryParam("across") SharedContactFinding.Across across, @Valid @BeanParam PageRequest page) {
        return answer("contacts", SharedContactFinding.CSV, SharedContactFinding::bidders,
                () -> collusion.contacts(actor.get(), scope, listingId, across), page);
    }

    @GET
    @Path("/signals/client-addresses")
    @Operation(summary = "Collusion signal: different bidders of one listing registering or bidding from the same client address",
            description = "One finding per listing and address used by two or more bidders, with each registration and"
                    + " bid made from it; the address appears only as a" + TOKEN_NOTE + SCOPE_NOTE
                    + " listingId narrows to one listing." + PAGE_NOTE + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "A page of findings, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ClientAddressFinding.Page.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response clientAddresses(@Valid @BeanParam Scope scope, @QueryParam("listingId") Long listingId,
            @Valid @BeanParam PageRequest page) {
        return answer("client-addresses", ClientAddressFinding.CSV, ClientAddressFinding::events,
                () -> collusion.clientAddresses(actor.get(), scope, listingId), page);
    }

    @GET
    @Path("/signals/bid-patterns")
    @Operation(summary = "Collusion signal: bid differences in a regular pattern",
            description = "CONSTANT_STEP_ALTERNATION: at least market.oversight.alternation-min-bids (6) consecutive"
                    + " bids alternating between the same two bidders with one constant difference."
                    + " MINIMUM_INCREMENT_RUN: at least market.oversight.minimum-increment-min-differences (10)"
                    + " consecutive differences of exactly the listing's increment, all bids by the same two bidders."
                    + " Each maximal run is one finding." + SCOPE_NOTE + " listingId narrows to one listing."
                    + PAGE_NOTE + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "A page of findings, or all of them as CSV", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = BidPatternFinding.Page.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response bidPatterns(@Valid @BeanParam Scope scope, @QueryParam("listingId") Long listingId,
            @Valid @BeanParam PageRequest page) {
        return answer("bid-patterns", BidPatternFinding.CSV, BidPatternFinding::bids,
                () -> collusion.bidPatterns(actor.get(), scope, listingId), page);
    }

    @GET
    @Path("/signals/single-bidder-sales")
    @Operation(summary = "Collusion signal: each selling township's share of sales with a single bidder",
            description = "Decided sales (sold, whatever followed) in scope per township, how many had one bidder, the"
                    + " share in percent and whether it reaches market.oversight.single-bidder-flag-percent (50) with"
                    + " at least market.oversight.single-bidder-min-sales (3) sales." + SCOPE_NOTE
                    + " JSON is paged (page, size up to 100); the CSV export holds every township, up to the"
                    + " configured limit (400 beyond it)." + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "A page of townships (one row each), or all of them as CSV",
            content = {
                    @Content(mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SingleBidderShare.Page.class)),
                    @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response singleBidderSales(@Valid @BeanParam Scope scope, @Valid @BeanParam PageRequest page) {
        List<SingleBidderShare> shares = collusion.singleBidderShares(actor.get(), scope);
        return csv() ? csv("single-bidder-sales", SingleBidderShare.CSV, collusion.export(shares))
                : Response.ok(CollusionService.page(shares, page), MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/statistics")
    @Operation(summary = "Market statistics: volume and average price per mu by asset type, region and month",
            description = "Sales that stand (sold and not defaulted) in scope, grouped by asset type, the first"
                    + " regionDigits (2, 4, 6 or 9; default 6) digits of the region, and month of the close in the"
                    + " market's time zone: count, total area, total price, and the average price per mu"
                    + " (total price × 10000 / (total m² × 15), half-even to the fen)." + SCOPE_NOTE + CSV_NOTE)
    @APIResponse(responseCode = "200", description = "One row per asset type, region and month", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = VolumeStatistics.class)),
            @Content(mediaType = Csv.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING))})
    public Response statistics(@Valid @BeanParam Scope scope, @QueryParam("regionDigits") Integer regionDigits) {
        return answer("statistics", VolumeStatistics.CSV, () -> oversight.statistics(actor.get(), scope, regionDigits));
    }

    /** Whether the caller prefers CSV: text/csv comes before anything JSON would satisfy in its Accept header. */
    private boolean csv() {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (!accepted.isWildcardSubtype() && accepted.isCompatible(CSV)) {
                return true;
            }
        }
        return false;
    }

    private <T> Response answer(String name, List<Csv.Column<T>> columns, Supplier<List<T>> rows) {
        return csv() ? csv(name, columns, rows.get()) : Response.ok(rows.get(), MediaType.APPLICATION_JSON).build();
    }

    /** A signal's findings: one page as JSON, or every item of evidence of every finding as CSV (up to the export limit). */
    private <F, E> Response answer(String name, List<Csv.Column<EvidenceRow<F, E>>> columns, Function<F, List<E>> items,
            Supplier<List<F>> findings, PageRequest page) {
        return csv() ? csv(name, columns, collusion.export(findings.get(), items))
                : Response.ok(CollusionService.page(findings.get(), page), MediaType.APPLICATION_JSON).build();
    }

    private static <T> Response csv(String name, List<Csv.Column<T>> columns, List<T> rows) {
        return Response.ok(Csv.write(columns, rows), Csv.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
