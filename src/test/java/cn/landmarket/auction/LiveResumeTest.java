package cn.landmarket.auction;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.landmarket.listing.ListingService;
import cn.landmarket.testing.Auctions;
import cn.landmarket.testing.StandardMarket;
import cn.landmarket.testing.TestClock;
import cn.landmarket.testing.TestData;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The live feed as an SSE client sees it on the wire: named events, bid sequences as event ids, a
 * retry interval, and a reconnection with Last-Event-ID that first gets exactly the bids it missed.
 */
@QuarkusTest
@StandardMarket
class LiveResumeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestData data;

    @Inject
    TestClock clock;

    @Inject
    ListingService listings;

    @Inject
    LiveFeed feed;

    private final List<CompletableFuture<?>> open = new ArrayList<>();
    /** The feeds a test opened, closed after it so that their slots (20 per client address) are given back. */
    private final List<HttpResponse<Stream<String>>> responses = new CopyOnWriteArrayList<>();
    private int watchersBefore;

    @BeforeEach
    void countFeeds() {
        watchersBefore = feed.watchers();
    }

    @AfterEach
    void closeFeeds() throws InterruptedException {
        open.forEach(f -> f.cancel(true));
        responses.forEach(r -> r.body().close());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (feed.watchers() > watchersBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(watchersBefore, feed.watchers(), "every feed the test opened is closed");
        clock.reset();
    }

    /** One SSE event: its fields (event, id, retry) and its data as JSON. */
    record Sse(Map<String, String> fields, JsonNode data) {
        String type() {
            return fields.get("event");
        }

        String id() {
            return fields.get("id");
        }
    }

    /** Opens the feed (with a Last-Event-ID header when {@code lastEventId} is not null); events arrive in order. */
    private BlockingQueue<Sse> watch(long id, String lastEventId) {
        BlockingQueue<Sse> events = new LinkedBlockingQueue<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                + "/api/listings/" + id + "/live")).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        Map<String, String> fields = new HashMap<>();
        StringBuilder payload = new StringBuilder();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient()
                .sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines());
        open.add(response);
        response.thenAccept(r -> {
            responses.add(r);
            r.body().forEach(line -> {
                if (line.isEmpty()) {
                    if (payload.length() > 0) {
                        try {
                            events.add(new Sse(Map.copyOf(fields), JSON.readTree(payload.toString())));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    fields.clear();
                    payload.setLength(0);
                } else if (line.startsWith("data:")) {
                    payload.append(line.substring(5).strip());
                } else if (line.indexOf(':') > 0) {
                    fields.put(line.substring(0, line.indexOf(':')), line.substring(line.indexOf(':') + 1).strip());
                }
            });
        });
        return events;
    }

    /** The next event that is not a heartbeat, or null after 10 s. */
    private static Sse next(BlockingQueue<Sse> events) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Sse event = events.poll(200, TimeUnit.MILLISECONDS);
            if (event != null && !"heartbeat".equals(event.type())) {
                return event;
            }
        }
        return null;
    }

    private static String amount(int i) {
        return (20_000_000 + i * 200_000) + ".00";
    }

    @Test
    void eventsAreNamedByTypeBidsCarryTheirSequenceAsIdAndTheFirstSaysWhenToRetry() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "LRA%06d".formatted(id % 100_000));
        BlockingQueue<Sse> events = watch(id, null);
        Sse snapshot = next(events);
        assertNotNull(snapshot, "snapshot on connect");
        assertEquals("snapshot", snapshot.type());
        assertEquals("snapshot", snapshot.data().get("type").asText());
        assertEquals("0", snapshot.id(), "the snapshot's id is the bid count");
        assertEquals(String.valueOf(LiveResource.RETRY.toMillis()), snapshot.fields().get("retry"));

        Auctions.bid(bidder, id, amount(0), "lr-a-" + id).then().statusCode(201);
        Sse bid = next(events);
        assertNotNull(bid, "the bid reaches the watcher");
        assertEquals("bid", bid.type());
        assertEquals("1", bid.id());
        assertEquals(1, bid.data().get("sequence").asInt());
        assertNull(bid.fields().get("retry"));
    }

    @Test
    void aWatcherReconnectingWithLastEventIdGetsTheBidsItMissedThenTheSnapshotThenLiveBidsWithoutAGapOrATwice()
            throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "LRB%06d".formatted(id % 100_000));
        for (int i = 0; i < 5; i++) {
            Auctions.bid(bidder, id, amount(i), "lr-b-" + id + "-" + i).then().statusCode(201);
        }

        BlockingQueue<Sse> events = watch(id, "2");
        for (int seq = 3; seq <= 5; seq++) {
            Sse missed = next(events);
            assertNotNull(missed, "missed bid " + seq);
            assertEquals("bid", missed.type());
            assertEquals(String.valueOf(seq), missed.id());
            assertEquals(amount(seq - 1), missed.data().get("amount").asText());
            assertTrue(missed.data().get("bidderNo").asText().length() > 0);
            assertTrue(missed.data().toString().indexOf(bidder) < 0, "no enterprise identity in the feed");
        }
        Sse snapshot = next(events);
        assertNotNull(snapshot);
        assertEquals("snapshot", snapshot.type());
        assertEquals("5", snapshot.id());
        assertEquals(amount(4), snapshot.data().get("currentPrice").asText());

        Auctions.bid(bidder, id, amount(5), "lr-b-" + id + "-5").then().statusCode(201);
        Sse live = next(events);
        assertNotNull(live, "the next bid arrives live");
        assertEquals("6", live.id());
        assertNull(next(events), "nothing twice, nothing else");
    }

    @Test
    void watchersReconnectingTogetherFromDifferentBidsEachGetExactlyWhatTheyMissed() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "LRE%06d".formatted(id % 100_000));
        for (int i = 0; i < 8; i++) {
            Auctions.bid(bidder, id, amount(i), "lr-e-" + id + "-" + i).then().statusCode(201);
        }
        Map<String, BlockingQueue<Sse>> feeds = new HashMap<>();
        // twelve feeds: within the feeds one client address may hold (market.live.max-per-address, 20)
        for (String lastSeen : new String[] {null, "0", "3", "7", "8", "9"}) {
            for (int copy = 0; copy < 2; copy++) {
                feeds.put(lastSeen + "/" + copy, watch(id, lastSeen));
            }
        }
        for (Map.Entry<String, BlockingQueue<Sse>> feed : feeds.entrySet()) {
            String lastSeen = feed.getKey().substring(0, feed.getKey().indexOf('/'));
            int from = lastSeen.equals("null") ? 8 : Math.min(8, Integer.parseInt(lastSeen));
            for (int seq = from + 1; seq <= 8; seq++) {
                Sse missed = next(feed.getValue());
                assertNotNull(missed, feed.getKey() + ": missed bid " + seq);
                assertEquals("bid", missed.type(), feed.getKey());
                assertEquals(String.valueOf(seq), missed.id(), feed.getKey());
            }
            Sse snapshot = next(feed.getValue());
            assertNotNull(snapshot, feed.getKey());
            assertEquals("snapshot", snapshot.type(), feed.getKey());
            assertEquals("8", snapshot.id(), feed.getKey());
        }
        Auctions.bid(bidder, id, amount(8), "lr-e-" + id + "-8").then().statusCode(201);
        for (Map.Entry<String, BlockingQueue<Sse>> feed : feeds.entrySet()) {
            Sse live = next(feed.getValue());
            assertNotNull(live, feed.getKey() + ": the next bid arrives live");
            assertEquals("9", live.id(), feed.getKey());
        }
    }

    /** The next frame's lines (field name and value as sent, data included) that is not a heartbeat, or null after 10 s. */
    private static List<String> nextFrame(BlockingQueue<String> lines) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<String> frame = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            if (!line.isEmpty()) {
                frame.add(line);
            } else if (!frame.isEmpty()) {
                if (!frame.contains("event:heartbeat")) {
                    return frame;
                }
                frame = new ArrayList<>();
            }
        }
        return null;
    }

    private static List<String> names(List<String> frame) {
        return frame.stream().map(line -> line.substring(0, line.indexOf(':'))).toList();
    }

    @Test
    void aBidWrittenByTheFeedIsFramedAsOneWrittenWithTheFirstEvents() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "LRD%06d".formatted(id % 100_000));
        Auctions.bid(bidder, id, amount(0), "lr-d-" + id + "-0").then().statusCode(201);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<HttpResponse<Stream<String>>> response = HttpClient.newHttpClient().sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/listings/" + id
                        + "/live")).header("Accept", "text/event-stream").header("Last-Event-ID", "0").build(),
                HttpResponse.BodyHandlers.ofLines());
        open.add(response);
        response.thenAccept(r -> {
            responses.add(r);
            r.body().forEach(lines::add);
        });

        List<String> replayed = nextFrame(lines);
        assertNotNull(replayed, "the missed bid");
        List<String> snapshot = nextFrame(lines);
        assertNotNull(snapshot, "the snapshot");
        assertTrue(snapshot.contains("event:snapshot"), snapshot.toString());
        Auctions.bid(bidder, id, amount(1), "lr-d-" + id + "-1").then().statusCode(201);
        List<String> live = nextFrame(lines);
        assertNotNull(live, "the live bid");

        assertEquals(List.of("content-type", "id", "event", "data"), names(replayed), replayed.toString());
        assertEquals(names(replayed), names(live), "the same fields in the same order: " + live);
        assertEquals(List.of("content-type:application/json", "id:1", "event:bid"), replayed.subList(0, 3));
        assertEquals(List.of("content-type:application/json", "id:2", "event:bid"), live.subList(0, 3));
        JsonNode bid = JSON.readTree(live.get(3).substring("data:".length()));
        assertEquals(2, bid.get("sequence").asInt());
        assertEquals(amount(1), bid.get("amount").asText());
        assertEquals(id, bid.get("listingId").asLong());
    }

    @Test
    void aWatcherThatMissedNothingGetsOnlyTheSnapshot() throws Exception {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        String bidder = Auctions.qualifiedBidder(data, id, "LRC%06d".formatted(id % 100_000));
        Auctions.bid(bidder, id, amount(0), "lr-c-" + id).then().statusCode(201);
        BlockingQueue<Sse> events = watch(id, "1");
        Sse first = next(events);
        assertNotNull(first);
        assertEquals("snapshot", first.type());
        assertEquals("1", first.id());
    }

    @Test
    void aLastEventIdThatIsNotABidSequenceIsA400() {
        long id = Auctions.listingInBidding(clock, listings, Map.of());
        for (String bad : List.of("abc", "-1", "1.5", "99999999999")) {
            given().header("Accept", "text/event-stream").header("Last-Event-ID", bad).when()
                    .get("/api/listings/" + id + "/live").then().statusCode(400)
                    .body("errors.field", hasItem("lastEventId"));
        }
        given().header("Accept", "text/event-stream").queryParam("lastEventId", "x").when()
                .get("/api/listings/" + id + "/live").then().statusCode(400)
                .body("errors[0].code", equalTo("live.last-event-id"));
    }
}
