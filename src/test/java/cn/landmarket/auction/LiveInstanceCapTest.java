package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * An instance at its watcher cap refuses the next watcher (503 with Retry-After) and keeps taking
 * bids, which reach every watcher it holds. Its own profile lowers the cap to 12 so the test can reach it.
 */
@QuarkusTest
@StandardMarket
@TestProfile(LiveInstanceCapTest.SmallCap.class)
class LiveInstanceCapTest {

    static final int CAP = 12;

    /** The instance admits 12 live feeds in all. */
    public static class SmallCap implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("market.live.max-per-instance", String.valueOf(CAP));
        }
    }

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    LiveFeed feed;

    @Test
    void atItsCapTheInstanceRefusesTheNextWatcherAndStillTakesBidsThatReachEveryWatcher() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "LCA%06d".formatted(id % 100_000));
        List<Socket> watchers = new ArrayList<>();
        try {
            while (feed.watchers() < CAP) {
                Socket socket = openFeed(id, "198.51.100." + (watchers.size() + 1));
                watchers.add(socket);
                String head = head(socket);
                assertTrue(head.startsWith("HTTP/1.1 200"), "watcher " + watchers.size() + ": " + head);
            }
            try (Socket refused = openFeed(id, "198.51.100.200")) {
                String head = head(refused);
                assertTrue(head.startsWith("HTTP/1.1 503"), head);
                assertTrue(head.toLowerCase(Locale.ROOT).contains("\r\nretry-after: "), head);
            }
            assertEquals(CAP, feed.watchers(), "a refused watcher holds no slot");

            int bids = 20;
            for (int i = 0; i < bids; i++) {
                Auctions.bid(bidder, id, (20_000_000 + i * 200_000) + ".00", "cap-" + id + "-" + i).then()
                        .statusCode(201);
            }
            for (Socket watcher : watchers) {
                assertEquals(bids, bidsSeen(watcher, bids), "every watcher at the cap gets every bid");
            }
        } finally {
            for (Socket socket : watchers) {
                socket.close();
            }
        }
    }

    private static Socket openFeed(long id, String address) throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /api/listings/" + id + "/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\nX-Forwarded-For: " + address + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    private static String head(Socket socket) throws IOException {
        StringBuilder head = new StringBuilder();
        InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    /** Reads the stream until {@code expected} bid events arrived (or 10 s of silence); returns how many. */
    private static int bidsSeen(Socket socket, int expected) throws IOException {
        InputStream in = socket.getInputStream();
        StringBuilder line = new StringBuilder();
        int seen = 0;
        while (seen < expected) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            if (b == '\n') {
                if (line.toString().equals("event: bid") || line.toString().equals("event:bid")) {
                    seen++;
                }
                line.setLength(0);
            } else if (b != '\r') {
                line.append((char) b);
            }
        }
        return seen;
    }
}
