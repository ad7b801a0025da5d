package cn.landmarket.listing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.QueryParam;

import cn.landmarket.asset.AssetType;
import cn.landmarket.party.ValidDivisionCode;
import cn.landmarket.party.ValidDivisionCode.Kind;

/**
 * Filters of listing searches: asset type, region prefix, status, words in the title, lot area range,
 * start price range; and their order.
 */
public class ListingSearch {

    @QueryParam("assetType")
    AssetType assetType;

    @QueryParam("region")
    @ValidDivisionCode(Kind.REGION_PREFIX)
    String region;

    @QueryParam("status")
    ListingStatus status;

    @QueryParam("q")
    @Size(max = 100)
    String text;

    @QueryParam("minAreaM2")
    @Min(0)
    @Max(10_000_000_000L)
    Long minAreaM2;

    @QueryParam("maxAreaM2")
    @Min(0)
    @Max(10_000_000_000L)
    Long maxAreaM2;

    /** Start price at least this many yuan (whole yuan). */
    @QueryParam("minStartPrice")
    @Min(0)
    @Max(100_000_000_000L)
    Long minStartPriceYuan;

    /** Start price at most this many yuan (whole yuan). */
    @QueryParam("maxStartPrice")
    @Min(0)
    @Max(100_000_000_000L)
    Long maxStartPriceYuan;

    /** Order of the results; newest first when absent. */
    @QueryParam("sort")
    ListingOrder sort;

    public ListingSearch() {
    }

    public ListingSearch(AssetType assetType, String region, ListingStatus status, String text, Long minAreaM2,
            Long maxAreaM2) {
        this.assetType = assetType;
        this.region = region;
        this.status = status;
        this.text = text;
        this.minAreaM2 = minAreaM2;
        this.maxAreaM2 = maxAreaM2;
    }

    public ListingSearch(AssetType assetType, String region, ListingStatus status, String text, Long minAreaM2,
            Long maxAreaM2, Long minStartPriceYuan, Long maxStartPriceYuan, ListingOrder sort) {
        this(assetType, region, status, text, minAreaM2, maxAreaM2);
        this.minStartPriceYuan = minStartPriceYuan;
        this.maxStartPriceYuan = maxStartPriceYuan;
        this.sort = sort;
    }
}
