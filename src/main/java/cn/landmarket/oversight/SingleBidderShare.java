package cn.landmarket.oversight;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One seller's (township's) decided sales and how many of them had a single bidder: the share in
 * percent with two decimals, whether it reaches the configured flag, and the single-bidder listings.
 */
public record SingleBidderShare(String sellerCode, String sellerName, int sales, int singleBidderSales,
        String sharePercent, boolean flagged, List<Long> singleBidderListings) {

    /** One page of townships. */
    @Schema(name = "SingleBidderSharePage")
    public record Page(List<SingleBidderShare> items, int page, int size, long total) {
    }

    /** The columns of the CSV export: one row per seller, the listings separated by spaces. */
    static final List<Csv.Column<SingleBidderShare>> CSV = List.of(
            Csv.column("sellerCode", SingleBidderShare::sellerCode),
            Csv.column("sellerName", SingleBidderShare::sellerName),
            Csv.column("sales", SingleBidderShare::sales),
            Csv.column("singleBidderSales", SingleBidderShare::singleBidderSales),
            Csv.column("sharePercent", SingleBidderShare::sharePercent),
            Csv.column("flagged", SingleBidderShare::flagged),
            Csv.column("singleBidderListings", s -> String.join(" ",
                    s.singleBidderListings().stream().map(String::valueOf).toList())));
}
