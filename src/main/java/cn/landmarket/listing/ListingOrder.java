package cn.landmarket.listing;

import io.quarkus.panache.common.Sort;

/** The orders a listing search offers; each ends on the id so that pages never overlap. */
public enum ListingOrder {
    /** Newest first (the default). */
    NEWEST("createdAt", Sort.Direction.Descending),
    /** Soonest registration deadline first. */
    DEADLINE("registrationDeadline", Sort.Direction.Ascending),
    /** Lowest start price first. */
    PRICE_ASC("startPriceFen", Sort.Direction.Ascending),
    /** Highest start price first. */
    PRICE_DESC("startPriceFen", Sort.Direction.Descending),
    /** Largest lot first. */
    AREA_DESC("lotAreaM2", Sort.Direction.Descending);

    private final String column;
    private final Sort.Direction direction;

    ListingOrder(String column, Sort.Direction direction) {
        this.column = column;
        this.direction = direction;
    }

    /** A new Sort each time: Panache's Sort is mutable. */
    Sort sort() {
        return Sort.by(column, direction).and("id", Sort.Direction.Descending);
    }
}
