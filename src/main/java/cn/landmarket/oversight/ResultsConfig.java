package cn.landmarket.oversight;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The published results of closed listings [reg-local: results say where objections can be lodged]. */
@ConfigMapping(prefix = "market.results")
public interface ResultsConfig {

    /** Where and how objections to a published result can be lodged, printed with every result. */
    @WithDefault("对成交结果有异议的，可在结果公示期内以书面形式向绵阳市公共资源交易中心提出。")
    String objections();
}
