package cn.landmarket.settlement;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settlement rules per deployment [practice/assumed]. */
@ConfigMapping(prefix = "market.settlement")
public interface SettlementConfig {

    /** Days a defaulting enterprise is barred from registering [practice]. */
    @WithDefault("365")
    int barDays();

    /** Share of the proceeds paid to the farmers who reclaimed the land, by asset type, in percent [assumed]. */
    Map<String, Integer> farmersPercent();

    /** Share of the proceeds paid to the village collective, by asset type, in percent [assumed]. */
    Map<String, Integer> collectivePercent();
}
