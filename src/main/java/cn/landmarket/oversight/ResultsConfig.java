package cn.landmarket.oversight;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The published results of closed listings and the objections to them [reg-local, assumed]. */
@ConfigMapping(prefix = "market.results")
public interface ResultsConfig {

    /** Where and how objections to a published result can be lodged, printed with every result [reg-local]. */
    @WithDefault("对成交结果有异议的，可在结果公示期内以书面形式向绵阳市公共资源交易中心提出。")
    String objections();

    /**
     * Working days after the day of the close during which a bidder may lodge an objection to the
     * result (the publication period, 公示期) [assumed: 5 working days; the Bidding Law's
     * implementing regulation, art. 54, gives at least 3 days for publishing candidates].
     */
    @WithDefault("5")
    int objectionWorkingDays();

    /** Most characters of the reasons of an objection or of its answer [assumed]. */
    @WithDefault("2000")
    int objectionMaxChars();
}
