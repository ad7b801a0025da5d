package cn.landmarket.auction;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Switches that only the benchmark turns on; a deployment never sets them. */
@ConfigMapping(prefix = "market.benchmark")
public interface BenchmarkConfig {

    /**
     * Whether {@code POST /api/listings/{id}/bids/noop} exists ({@link NoopBidResource}): the bid
     * endpoint's HTTP, JSON and JWT work without the auction, so that the benchmark can measure the
     * service's own ceiling. Off, the path answers 404 exactly like an unknown one.
     */
    @WithDefault("false")
    boolean noopEnabled();
}
