package cn.landmarket.oversight;

import java.util.List;

import cn.landmarket.asset.AssetType;
import cn.landmarket.common.Area;
import cn.landmarket.common.Money;

/**
 * Market volume of one asset type in one region and month (of the close, in the market's zone):
 * how many sales, their total area and price, and the average price per 亩 (total price over total
 * area, rounded half-even to the fen; {@link PricePerMu}).
 */
public record VolumeStatistics(AssetType assetType, String region, String month, long sales, Area area,
        Money totalPrice, long totalFen, Money averagePricePerMu, long averageFenPerMu) {

    /** The columns of the CSV export. */
    static final List<Csv.Column<VolumeStatistics>> CSV = List.of(
            Csv.column("assetType", VolumeStatistics::assetType),
            Csv.column("region", VolumeStatistics::region),
            Csv.column("month", VolumeStatistics::month),
            Csv.column("sales", VolumeStatistics::sales),
            Csv.column("areaM2", v -> v.area().m2()),
            Csv.column("areaMu", v -> v.area().mu()),
            Csv.column("totalFen", VolumeStatistics::totalFen),
            Csv.column("totalPrice", VolumeStatistics::totalPrice),
            Csv.column("averageFenPerMu", VolumeStatistics::averageFenPerMu),
            Csv.column("averagePricePerMu", VolumeStatistics::averagePricePerMu));
}
