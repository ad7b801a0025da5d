package cn.landmarket.auction;

import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.listing.ListingOpened;
import cn.landmarket.listing.ListingStatus;

/**
 * Tells the rooms watching a listing that its bidding has opened, in the transaction that opened it
 * ({@code pg_notify} is delivered on commit), so a watcher sees the phase change and a qualified
 * bidder gets the bid form without reloading.
 */
@ApplicationScoped
class LiveOpenings {

    private final LiveChannel live;
    private final EntityManager em;
    private final ZoneId zone;

    LiveOpenings(LiveChannel live, EntityManager em, MarketConfig config) {
        this.live = live;
        this.em = em;
        this.zone = config.zone();
    }

    void opened(@Observes ListingOpened opened) {
        live.send(em, LiveEvent.status(opened.listingId(), ListingStatus.LISTING.name(), null, null,
                ApiTime.format(opened.at(), zone)));
    }
}
