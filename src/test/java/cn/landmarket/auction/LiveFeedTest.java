package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.Fixtures;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The live feed: a snapshot on connect, then each bid and status change, through LISTEN/NOTIFY. */
@QuarkusTest
class LiveFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionClock closer;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** Opens the feed and returns the queue its data lines arrive in. */
    private BlockingQueue<JsonNode> watch(long id) {
        BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                + "/api/listings/" + id + "/live")).header("Accept", "text/event-stream").build();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> r.body().filter(line -> line.startsWith("data:")).forEach(line -> {
            try {
                events.add(JSON.readTree(line.substring(5).trim()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        return events;
    }

    private static JsonNode next(BlockingQueue<JsonNode> events, String type) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            JsonNode event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && type.equals(event.get("type").asText())) {
                return event;
            }
        }
        return null;
    }

    @Test
    void watchersGetASnapshotThenEachBidAndTheCloseByBidderNumberOnly() throws Exception {
        data.standard();
        clock.reset();
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "MAL%06d".formatted(id % 100_000));
        BlockingQueue<JsonNode> events = watch(id);
        JsonNode snapshot = next(events, "snapshot");
        assertNotNull(snapshot, "snapshot on connect");
        assertEquals("LISTING", snapshot.get("status").asText());

        String bidderNo = Auctions.bid(bidder, id, "22000000.00", "live-" + id).then().statusCode(201).extract()
                .jsonPath().getString("bidderNo");
        JsonNode bid = next(events, "bid");
        assertNotNull(bid, "the accepted bid reaches the watcher");
        assertEquals("22000000.00", bid.get("amount").asText());
        assertEquals(bidderNo, bid.get("bidderNo").asText());
        assertEquals(1, bid.get("sequence").asInt());
        assertTrue(bid.toString().indexOf(bidder) < 0, "no enterprise identity in the feed");

        clock.advance(Duration.ofDays(22));
        closer.closeDue();
        JsonNode status = next(events, "status");
        assertNotNull(status, "the close reaches the watcher");
        assertEquals("SOLD", status.get("status").asText());
    }

    @Test
    void aWatcherThatNeverReadsDoesNotSlowBidding() throws Exception {
        data.standard();
        clock.reset();
        long id = Auctions.listingInBidding(clock, listings, Map.of("priceCap", "40000000.00"));
        String bidder = Auctions.qualifiedBidder(data, id, "MAR%06d".formatted(id % 100_000));
        try (java.net.Socket stalled = new java.net.Socket()) {
            stalled.setReceiveBufferSize(1024);
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", RestAssured.port));
            stalled.getOutputStream().write(("GET /api/listings/" + id + "/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            BlockingQueue<JsonNode> reader = watch(id);
            assertNotNull(next(reader, "snapshot"));
            long started = System.nanoTime();
            int bids = 60;
            for (int i = 0; i < bids; i++) {
                long amount = 20_000_000_00L + i * 200_000_00L;
                Auctions.bid(bidder, id, amount / 100 + ".00", "stall-" + id + "-" + i).then().statusCode(201);
            }
            long millis = (System.nanoTime() - started) / 1_000_000;
            assertTrue(millis < 30_000, "60 bids took " + millis + " ms");
            int seen = 0;
            while (next(reader, "bid") != null && ++seen < bids) {
                // the reading watcher receives every bid although another watcher never reads
            }
            assertEquals(bids, seen);
        }
    }

    @Test
    void thereIsNoFeedBeforeTheAnnouncement() {
        data.standard();
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 10_000));
        long draft = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 1_000, clock.instant()));
        given().when().get("/api/listings/" + draft + "/live").then().statusCode(404);
    }
}
