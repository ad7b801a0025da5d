package cn.landmarket.oversight;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.landmarket.asset.AssetType;
import cn.landmarket.common.Area;
import cn.landmarket.common.Money;
import cn.landmarket.settlement.TradeStatus;

/** A trade as a regulator's search shows it: the lot, seller and buyer, price, what has been paid, and its status. */
public record TradeSummary(long id, long listingId, String listingNo, String title, AssetType assetType,
        String regionCode, String sellerCode, String buyerCode, String buyerName, Area lotArea, Money price,
        Money depositCredited, Money paid, TradeStatus status, OffsetDateTime closedAt, OffsetDateTime createdAt,
        OffsetDateTime settledAt, OffsetDateTime defaultedAt) {

    /** The columns of the CSV export. */
    static final List<Csv.Column<TradeSummary>> CSV = List.of(
            Csv.column("id", TradeSummary::id),
            Csv.column("listingId", TradeSummary::listingId),
            Csv.column("listingNo", TradeSummary::listingNo),
            Csv.column("title", TradeSummary::title),
            Csv.column("assetType", TradeSummary::assetType),
            Csv.column("regionCode", TradeSummary::regionCode),
            Csv.column("sellerCode", TradeSummary::sellerCode),
            Csv.column("buyerCode", TradeSummary::buyerCode),
            Csv.column("buyerName", TradeSummary::buyerName),
            Csv.column("lotAreaM2", t -> t.lotArea().m2()),
            Csv.column("lotAreaMu", t -> t.lotArea().mu()),
            Csv.column("price", TradeSummary::price),
            Csv.column("depositCredited", TradeSummary::depositCredited),
            Csv.column("paid", TradeSummary::paid),
            Csv.column("status", TradeSummary::status),
            Csv.column("closedAt", TradeSummary::closedAt),
            Csv.column("createdAt", TradeSummary::createdAt),
            Csv.column("settledAt", TradeSummary::settledAt),
            Csv.column("defaultedAt", TradeSummary::defaultedAt));

    /** A page of trade summaries (the JSON answer of the search). */
    @Schema(name = "TradeSummaryPage")
    public record Page(List<TradeSummary> items, int page, int size, long total) {
    }
}
