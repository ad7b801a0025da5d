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

import cn.landmarket.asset.AssetType;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.listing.ListingOrder;
import cn.landmarket.listing.ListingService;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.listing.ListingView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** 交易公告: the public search of announced listings, the same search as {@code GET /api/public/listings}. */
@Path("/")
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class AnnouncementsPage {

    /** The statuses the public can filter on (a listing is public from its announcement on). */
    static final List<ListingStatus> PUBLIC_STATUSES = List.of(ListingStatus.ANNOUNCED, ListingStatus.LISTING,
            ListingStatus.TIMED_BIDDING, ListingStatus.LOTTERY, ListingStatus.SUSPENDED, ListingStatus.TERMINATED,
            ListingStatus.SOLD,
            ListingStatus.UNSOLD, ListingStatus.AWAITING_PAYMENT, ListingStatus.SETTLED, ListingStatus.DEFAULTED);

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance announcements(Page page, PageView<ListingView> results, SearchForm form,
                List<String> invalid, Choices choices, Paging paging);
    }

    /** What the form's selects offer. */
    public record Choices(List<AssetType> assetTypes, List<ListingStatus> statuses, List<ListingOrder> orders) {
    }

    @Inject
    ListingService listings;

    @Inject
    Pages pages;

    @GET
    @Operation(hidden = true)
    public TemplateInstance search(@QueryParam("assetType") String assetType, @QueryParam("region") String region,
            @QueryParam("status") String status, @QueryParam("q") String q,
            @QueryParam("minAreaM2") String minAreaM2, @QueryParam("maxAreaM2") String maxAreaM2,
            @QueryParam("minStartPrice") String minStartPrice, @QueryParam("maxStartPrice") String maxStartPrice,
            @QueryParam("sort") String sort, @QueryParam("page") String page) {
        SearchForm form = SearchForm.of(assetType, region, status, q, minAreaM2, maxAreaM2, minStartPrice,
                maxStartPrice, sort, page);
        PageView<ListingView> results = listings.publicSearch(form.toSearch(), new PageRequest(form.page(), PAGE_SIZE));
        Paging paging = Paging.of(results, n -> link(form, n));
        Page p = pages.page();
        return Templates.announcements(p, results, form, form.invalidFields(),
                new Choices(List.of(AssetType.values()), PUBLIC_STATUSES, List.of(ListingOrder.values())), paging)
                .setLocale(p.locale());
    }

    private static String link(SearchForm f, int page) {
        List<String> parts = new ArrayList<>();
        String[][] fields = {{"assetType", f.assetType()}, {"region", f.region()}, {"status", f.status()},
                {"q", f.q()}, {"minAreaM2", f.minAreaM2()}, {"maxAreaM2", f.maxAreaM2()},
                {"minStartPrice", f.minStartPrice()}, {"maxStartPrice", f.maxStartPrice()}, {"sort", f.sort()}};
        for (String[] field : fields) {
            if (field[1] != null) {
                parts.add(field[0] + "=" + Links.encode(field[1]));
            }
        }
        parts.add("page=" + page);
        return "/?" + String.join("&", parts);
    }
}
