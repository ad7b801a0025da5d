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
import java.time.Instant;
import java.time.OffsetDateTime;
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
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import cn.landmarket.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The live feed: a snapshot on connect, then each bid and status change, through LISTEN/NOTIFY. */
@QuarkusTest
@StandardMarket
class LiveFeedTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    AuctionCloser closer;

    @Inject
    LiveFeed feed;

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
    void watchersOfAnAnnouncedListingAreToldWhenTheTimelineOpensIt() throws Exception {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 100_000));
        Map<String, Object> body = Fixtures.listing(cert, 10_000, clock.instant());
        long id = Fixtures.announced(TestData.TOWNSHIP_A, body, clock);
        BlockingQueue<JsonNode> events = watch(id);
        JsonNode snapshot = next(events, "snapshot");
        assertNotNull(snapshot, "snapshot on connect");
        assertEquals("ANNOUNCED", snapshot.get("status").asText());

        clock.advance(Duration.ofDays(21));
        listings.advanceTimeline();
        JsonNode opened = next(events, "status");
        assertNotNull(opened, "the opening reaches the watcher");
        assertEquals("LISTING", opened.get("status").asText());
        assertEquals(OffsetDateTime.parse((String) body.get("listingEnd")).toInstant(),
                OffsetDateTime.parse(opened.get("deadline").asText()).toInstant(),
                "the deadline is the end of the listing period");
    }

    @Test
    void watchersFollowASuspensionTheResumptionAndTheTermination() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String regulator = Tokens.regulator(TestData.CITY_REGULATOR);
        BlockingQueue<JsonNode> events = watch(id);
        JsonNode snapshot = next(events, "snapshot");
        assertNotNull(snapshot, "snapshot on connect");
        Instant listingEnd = OffsetDateTime.parse(snapshot.get("deadline").asText()).toInstant();

        Fixtures.act(regulator, id, "suspend", 200);
        JsonNode suspended = next(events, "status");
        assertNotNull(suspended, "the suspension reaches the watcher");
        assertEquals("SUSPENDED", suspended.get("status").asText());
        assertTrue(suspended.path("deadline").isMissingNode() || suspended.get("deadline").isNull(),
                "nothing is counted down while suspended: " + suspended);

        clock.advance(Duration.ofHours(2));
        Fixtures.act(regulator, id, "resume", 200);
        JsonNode resumed = next(events, "status");
        assertNotNull(resumed, "the resumption reaches the watcher");
        assertEquals("LISTING", resumed.get("status").asText());
        Duration moved = Duration.between(listingEnd, OffsetDateTime.parse(resumed.get("deadline").asText()).toInstant());
        assertTrue(moved.compareTo(Duration.ofHours(2)) >= 0 && moved.compareTo(Duration.ofHours(2).plusMinutes(1)) < 0,
                "the end of the listing period moved by the length of the suspension (the test clock ticks): " + moved);

        Fixtures.act(regulator, id, "terminate", 200);
        JsonNode terminated = next(events, "status");
        assertNotNull(terminated, "the termination reaches the watcher");
        assertEquals("TERMINATED", terminated.get("status").asText());
    }

    @Test
    void aWatcherThatNeverReadsDoesNotSlowBidding() throws Exception {
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

    /** Opens the live feed of a listing over a plain socket, as a client at {@code address} behind the test proxy. */
    private static java.net.Socket openFeed(long id, String address) throws java.io.IOException {
        java.net.Socket socket = new java.net.Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(10_000);
        socket.getOutputStream().write(("GET /api/listings/" + id + "/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Accept: text/event-stream\r\nX-Forwarded-For: " + address + "\r\n\r\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The status line and headers of the answer on a socket. */
    private static String head(java.net.Socket socket) throws java.io.IOException {
        StringBuilder head = new StringBuilder();
        java.io.InputStream in = socket.getInputStream();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    @Test
    void oneAddressHoldsAtMost20LiveFeedsTheNextIsA503WithRetryAfterAndClosedFeedsGiveTheirSlotsBack()
            throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        int octet = 1 + new java.util.Random().nextInt(250);
        String address = "203.0.113." + octet;
        String neighbour = "203.0.114." + octet;
        int before = feed.watchers();
        java.util.List<java.net.Socket> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                java.net.Socket socket = openFeed(id, address);
                open.add(socket);
                String head = head(socket);
                assertTrue(head.startsWith("HTTP/1.1 200"), "feed " + i + ": " + head);
            }
            assertEquals(20, feed.watchers(address));
            try (java.net.Socket refused = openFeed(id, address)) {
                String head = head(refused);
                assertTrue(head.startsWith("HTTP/1.1 503"), head);
                assertTrue(head.toLowerCase(java.util.Locale.ROOT).contains("\r\nretry-after: 10\r\n"), head);
                assertTrue(head.contains("application/problem+json"), head);
            }
            assertEquals(20, feed.watchers(address), "a refused watcher holds no slot");
            java.net.Socket other = openFeed(id, neighbour);
            open.add(other);
            assertTrue(head(other).startsWith("HTTP/1.1 200"), "another address is still admitted");
        } finally {
            for (java.net.Socket socket : open) {
                socket.close();
            }
        }
        await("every closed feed gives its slot back", () -> feed.watchers(address) == 0
                && feed.watchers(neighbour) == 0);
        assertTrue(feed.watchers() <= before, "the instance's count is back where it was");
        assertTrue(!feed.watched(id), "nobody watches the listing: its channel is gone");
        try (java.net.Socket again = openFeed(id, address)) {
            assertTrue(head(again).startsWith("HTTP/1.1 200"), "the address may watch again");
            assertEquals(1, feed.watchers(address));
        }
        await("the last feed gives its slot back", () -> feed.watchers(address) == 0);
    }

    @Test
    void thereIsNoFeedBeforeTheAnnouncement() {
        long cert = Fixtures.issue(Fixtures.linkage(TestData.TOWNSHIP_A, 10_000));
        long draft = Fixtures.draft(TestData.TOWNSHIP_A, Fixtures.listing(cert, 1_000, clock.instant()));
        given().when().get("/api/listings/" + draft + "/live").then().statusCode(404);
    }
}
