package cn.landmarket.oversight;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.landmarket.asset.AssetType;
import cn.landmarket.common.Area;
import cn.landmarket.common.Money;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.settlement.TradeStatus;

/**
 * A listing as a regulator's search shows it: terms, where bidding stands, how many registered
 * and bid, and, once sold, the buyer and the trade's status.
 */
public record ListingSummary(long id, String listingNo, String title, ListingStatus status, AssetType assetType,
        String regionCode, String sellerCode, Area lotArea, Money startPrice, Money highestBid, int bidCount,
        long registrations, long bidders, OffsetDateTime announcedAt, OffsetDateTime closedAt, String buyerCode,
        TradeStatus tradeStatus) {

    /** The columns of the CSV export. */
    static final List<Csv.Column<ListingSummary>> CSV = List.of(
            Csv.column("id", ListingSummary::id),
            Csv.column("listingNo", ListingSummary::listingNo),
            Csv.column("title", ListingSummary::title),
            Csv.column("status", ListingSummary::status),
            Csv.column("assetType", ListingSummary::assetType),
            Csv.column("regionCode", ListingSummary::regionCode),
            Csv.column("sellerCode", ListingSummary::sellerCode),
            Csv.column("lotAreaM2", s -> s.lotArea().m2()),
            Csv.column("lotAreaMu", s -> s.lotArea().mu()),
            Csv.column("startPrice", ListingSummary::startPrice),
            Csv.column("highestBid", ListingSummary::highestBid),
            Csv.column("bidCount", ListingSummary::bidCount),
            Csv.column("registrations", ListingSummary::registrations),
            Csv.column("bidders", ListingSummary::bidders),
            Csv.column("announcedAt", ListingSummary::announcedAt),
            Csv.column("closedAt", ListingSummary::closedAt),
            Csv.column("buyerCode", ListingSummary::buyerCode),
            Csv.column("tradeStatus", ListingSummary::tradeStatus));

    /** A page of listing summaries (the JSON answer of the search). */
    @Schema(name = "ListingSummaryPage")
    public record Page(List<ListingSummary> items, int page, int size, long total) {
    }
}
