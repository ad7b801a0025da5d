package cn.landmarket.web;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;

import org.eclipse.microprofile.openapi.annotations.Operation;

import cn.landmarket.asset.AssetType;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.oversight.BidPatternFinding;
import cn.landmarket.oversight.ClientAddressFinding;
import cn.landmarket.oversight.CollusionService;
import cn.landmarket.oversight.Csv;
import cn.landmarket.oversight.CsvExports;
import cn.landmarket.oversight.OversightService;
import cn.landmarket.oversight.PayerAccountFinding;
import cn.landmarket.oversight.Scope;
import cn.landmarket.oversight.SharedContactFinding;
import cn.landmarket.oversight.SingleBidderShare;
import cn.landmarket.oversight.VolumeStatistics;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The regulator's audit of its market: the collusion signals with their evidence (as
 * {@code GET /api/oversight/signals/*}) and the market statistics as charts and a table (as
 * {@code GET /api/oversight/statistics}), each with its CSV export, the API's own, one link away.
 */
@Path("/regulator")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class OversightPages {

    /** The signals, as named in their API paths and CSV files. */
    static final List<String> SIGNALS = List.of("bid-patterns", "client-addresses", "contacts", "payer-accounts",
            "single-bidder-sales");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signals(Page page, ScopeForm scope, List<BidPatternFinding> bidPatterns,
                List<ClientAddressFinding> clientAddresses, List<SharedContactFinding> contacts,
                List<PayerAccountFinding> payerAccounts, List<SingleBidderShare> singleBidderSales,
                List<AssetType> assetTypes);

        static native TemplateInstance statistics(Page page, ScopeForm scope, List<VolumeStatistics> rows,
                List<AssetType> assetTypes, List<Integer> regionDigits);
    }

    /** The scope as asked for, to fill the filter form in again and to carry into the CSV links. */
    public record ScopeForm(String assetType, String region, String township, String closedFrom, String closedTo,
            Integer regionDigits, String query) {

        public boolean is(AssetType type) {
            return type.name().equals(assetType);
        }

        /** Whether the statistics group by this many digits of the region (6 unless asked). */
        public boolean digits(int d) {
            return (regionDigits == null ? 6 : regionDigits) == d;
        }

        public String value(String v) {
            return v == null ? "" : v;
        }

        /** The query string (with its ?), or nothing. */
        public String q() {
            return query == null || query.isEmpty() ? "" : "?" + query;
        }
    }

    @Inject
    Pages pages;

    @Inject
    OversightService oversight;

    @Inject
    CollusionService collusion;

    @Context
    UriInfo uri;

    private ScopeForm form(String assetType, String region, String township, String closedFrom,
            String closedTo, Integer regionDigits) {
        return new ScopeForm(assetType, region, township, closedFrom, closedTo, regionDigits,
                uri.getRequestUri().getRawQuery());
    }

    @GET
    @Path("signals")
    @Operation(hidden = true)
    public TemplateInstance signals(@Valid @BeanParam Scope scope, @QueryParam("assetType") String assetType,
            @QueryParam("region") String region, @QueryParam("township") String township,
            @QueryParam("closedFrom") String closedFrom, @QueryParam("closedTo") String closedTo) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        Page p = pages.page();
        return Templates.signals(p, form(assetType, region, township, closedFrom, closedTo, null),
                collusion.bidPatterns(actor, scope, null), collusion.clientAddresses(actor, scope, null),
                collusion.contacts(actor, scope, null, null), collusion.payerAccounts(actor, scope, null),
                collusion.singleBidderShares(actor, scope), List.of(AssetType.values())).setLocale(p.locale());
    }

    @GET
    @Path("signals/{signal}.csv")
    @Produces(Csv.CONTENT_TYPE)
    @Operation(hidden = true)
    public Response signalCsv(@PathParam("signal") String signal, @Valid @BeanParam Scope scope) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        String csv = switch (signal) {
            case "bid-patterns" -> CsvExports.bidPatterns(collusion, collusion.bidPatterns(actor, scope, null));
            case "client-addresses" -> CsvExports.clientAddresses(collusion,
                    collusion.clientAddresses(actor, scope, null));
            case "contacts" -> CsvExports.contacts(collusion, collusion.contacts(actor, scope, null, null));
            case "payer-accounts" -> CsvExports.payerAccounts(collusion, collusion.payerAccounts(actor, scope, null));
            case "single-bidder-sales" -> CsvExports.singleBidderSales(collusion,
                    collusion.singleBidderShares(actor, scope));
            default -> throw ApiException.notFound("signal", signal);
        };
        return csv(signal, csv);
    }

    @GET
    @Path("statistics")
    @Operation(hidden = true)
    public TemplateInstance statistics(@Valid @BeanParam Scope scope, @QueryParam("regionDigits") Integer regionDigits,
            @QueryParam("assetType") String assetType, @QueryParam("region") String region,
            @QueryParam("township") String township, @QueryParam("closedFrom") String closedFrom,
            @QueryParam("closedTo") String closedTo) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        List<VolumeStatistics> rows = oversight.statistics(actor, scope, regionDigits);
        Page p = pages.page();
        return Templates.statistics(p, form(assetType, region, township, closedFrom, closedTo, regionDigits),
                rows, List.of(AssetType.values()), List.of(2, 4, 6, 9)).setLocale(p.locale());
    }

    @GET
    @Path("statistics.csv")
    @Produces(Csv.CONTENT_TYPE)
    @Operation(hidden = true)
    public Response statisticsCsv(@Valid @BeanParam Scope scope, @QueryParam("regionDigits") Integer regionDigits) {
        Actor actor = pages.requireViewer(Role.REGULATOR);
        return csv("statistics", CsvExports.statistics(oversight.statistics(actor, scope, regionDigits)));
    }

    private static Response csv(String name, String body) {
        return Response.ok(body, Csv.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }
}
