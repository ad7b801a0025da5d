package cn.landmarket.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URL;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.landmarket.testing.Browser;
import cn.landmarket.testing.Browsers;

/**
 * The bidding room across instances: a browser watching the room on instance a sees, without a reload,
 * a bid placed through instance b's API (the live feed is fed from the database's LISTEN/NOTIFY).
 */
class RoomClusterIT {

    private static final long LISTING = 701;
    private static final long START_FEN = 20_000_000_00L;
    private static final long INCREMENT_FEN = 200_000_00L;

    @Test
    void aWatcherOnOneInstanceSeesABidPlacedThroughAnother() throws Exception {
        try (Cluster cluster = new Cluster("room-cluster-it")) {
            List<Cluster.Instance> nodes = cluster.startAll("a", "b");
            Cluster.Instance a = nodes.get(0);
            Cluster.Instance b = nodes.get(1);
            List<String> enterprises = cluster.enterprises(2);
            cluster.certificate();
            cluster.listing(LISTING, START_FEN, INCREMENT_FEN, Duration.ofDays(1), 300, enterprises);
            String token = Cluster.token("bidder-0", "enterprise", enterprises.get(0));
            try (Browser browser = Browsers.open().at(new URL("http://127.0.0.1:" + a.port + "/"))) {
                browser.get("/listings/" + LISTING + "/room");
                browser.waitFor(d -> "live".equals(browser.find("#room").getAttribute("data-connection")));
                assertEquals(201, cluster.bid(b, token, LISTING, START_FEN).status(), "the bid through instance b");
                browser.waitFor(d -> browser.text("#room-price").equals("¥20,000,000.00"));
                browser.waitFor(d -> !browser.all("#room-bids tbody tr[data-seq='1']").isEmpty());
                assertEquals(201, cluster.bid(b, token, LISTING, START_FEN + INCREMENT_FEN).status());
                browser.waitFor(d -> browser.text("#room-price").equals("¥20,200,000.00"));
                assertEquals("2", browser.text("#room-bid-count"));
            }
        }
    }
}
