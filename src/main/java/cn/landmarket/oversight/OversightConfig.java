package cn.landmarket.oversight;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the regulator audit API and of the published results [assumed]. */
@ConfigMapping(prefix = "market.oversight")
public interface OversightConfig {

    /** Most rows one CSV export of a search may hold; a search matching more must be narrowed (400). */
    @WithDefault("10000")
    int exportMaxRows();

    /** Bid patterns: fewest consecutive bids alternating between two bidders at one constant step. */
    @WithDefault("6")
    int alternationMinBids();

    /** Bid patterns: fewest consecutive differences of exactly the increment between the same two bidders. */
    @WithDefault("10")
    int minimumIncrementMinDifferences();

    /** Single-bidder sales: fewest sales a seller must have before its share is flagged. */
    @WithDefault("3")
    int singleBidderMinSales();

    /** Single-bidder sales: share of a seller's sales, in percent, at which it is flagged. */
    @WithDefault("50")
    int singleBidderFlagPercent();
}
