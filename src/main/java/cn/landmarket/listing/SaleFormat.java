package cn.landmarket.listing;

/**
 * How a listing is sold, chosen by its township at drafting and shown to everyone (domain.md,
 * "Sale formats"): open ascending bids with timed bidding, or one sealed quotation per bidder with
 * commit and reveal.
 */
public enum SaleFormat {
    /** Open ascending bids during the listing period, then timed bidding (domain.md, "Bidding"); the default. */
    OPEN_ASCENDING,
    /** One sealed quotation per qualified bidder, committed during the listing period and revealed after it. */
    SEALED_QUOTATION;

    /** The format a request names, {@link #OPEN_ASCENDING} when it names none. */
    public static SaleFormat orDefault(SaleFormat format) {
        return format == null ? OPEN_ASCENDING : format;
    }
}
