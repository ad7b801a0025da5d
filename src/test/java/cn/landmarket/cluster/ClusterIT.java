package cn.landmarket.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.landmarket.testing.Prometheus;
import cn.landmarket.verifier.Verdict;
import cn.landmarket.verifier.Verifier;

/**
 * Three instances of the packaged service against one PostgreSQL, a swarm of 48 bidders spread
 * over all three, on one hot listing and on many others: the bidding invariants hold, every
 * listing closes once, a live-feed watcher on one instance sees the bids placed on the others,
 * and the audit log holds each accepted bid once and verifies.
 */
class ClusterIT {

    private static final int CLIENTS = 48;
    private static final long START_FEN = 1_000_000_00L;
    private static final long INCREMENT_FEN = 100_00L;
    private static final long HOT = 1;
    private static final List<Long> MANY = LongStream.rangeClosed(101, 124).boxed().toList();
    private static final Duration LISTING_PERIOD = Duration.ofSeconds(5);
    private static final int COUNTDOWN_SECONDS = 3;
    private static final Duration SWARM = Duration.ofSeconds(9);

    @Test
    void threeInstancesBidCloseAndFeedAsOne() throws Exception {
        try (Cluster cluster = new Cluster("cluster-it")) {
            List<Cluster.Instance> nodes = cluster.startAll("a", "b", "c");
            Cluster.Instance a = nodes.get(0);
            List<String> enterprises = cluster.enterprises(CLIENTS);
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                tokens.add(Cluster.token("bidder-" + i, "enterprise", enterprises.get(i)));
            }
            cluster.certificate();
            // The hot listing and every even one of the many end during the swarm and go to timed
            // bidding; the odd ones stay open.
            List<Long> closing = new ArrayList<>(List.of(HOT));
            cluster.listing(HOT, START_FEN, INCREMENT_FEN, LISTING_PERIOD, COUNTDOWN_SECONDS, enterprises);
            for (long id : MANY) {
                boolean closes = id % 2 == 0;
                cluster.listing(id, START_FEN, INCREMENT_FEN, closes ? LISTING_PERIOD : Duration.ofDays(1),
                        COUNTDOWN_SECONDS, enterprises);
                if (closes) {
                    closing.add(id);
                }
            }

            Watcher watcher = new Watcher(cluster, a, HOT);
            Swarm swarm = new Swarm(cluster, START_FEN, INCREMENT_FEN);
            // one sure bid per closing listing, so that each is sold whatever the swarm does
            for (long id : closing) {
                assertEquals(201, swarm.bid(a, tokens.get(0), id), "first bid on listing " + id);
            }
            swarm.run(CLIENTS, SWARM, tokens, i -> nodes.get(i % 3),
                    i -> i % 2 == 0 ? () -> HOT : () -> MANY.get(ThreadLocalRandom.current().nextInt(MANY.size())));

            assertTrue(swarm.failures.isEmpty(), "bids neither accepted nor refused: " + swarm.failures);
            Set<String> instancesAcked = swarm.receipts.stream().map(Swarm.Receipt::instance).collect(Collectors.toSet());
            assertEquals(Set.of("a", "b", "c"), instancesAcked, "every instance accepted bids");

            // every closing listing is sold once, and its trade is opened once
            Cluster.awaitTrue("every closing listing sold", Duration.ofSeconds(60), () -> {
                for (long id : closing) {
                    if (!cluster.status(id).equals("SOLD")) {
                        return false;
                    }
                }
                return true;
            });
            Cluster.awaitTrue("a trade for every sold listing", Duration.ofSeconds(60),
                    () -> cluster.count("select count(distinct listing_id) from trade") == closing.size());
            for (long id : closing) {
                // two or more bidders in the listing period: timed bidding, once; a single bidder: sold at once
                long bidders = cluster.count("select count(distinct bidder_no) from bid where listing_id = ? "
                        + "and phase = 'LISTING'", id);
                assertEquals(bidders >= 2 ? 1 : 0, cluster.count("select count(*) from listing_history "
                        + "where listing_id = ? and to_status = 'TIMED_BIDDING'", id),
                        "listing " + id + " with " + bidders + " bidders entered timed bidding once or not at all");
                if (bidders < 2) {
                    assertEquals(0, cluster.count("select count(*) from bid where listing_id = ? "
                            + "and phase <> 'LISTING'", id), "listing " + id + " had no timed bidding");
                }
                assertEquals(1, cluster.count("select count(*) from listing_history where listing_id = ? "
                        + "and to_status in ('SOLD', 'UNSOLD')", id), "listing " + id + " closed once");
                assertEquals(1, cluster.count("select count(*) from trade where listing_id = ?", id),
                        "listing " + id + " has one trade");
            }
            for (long id : MANY) {
                if (!closing.contains(id)) {
                    assertEquals("LISTING", cluster.status(id), "listing " + id + " is still open");
                }
            }

            var stored = Invariants.storedBids(cluster);
            Invariants.checkSequences(cluster, stored);
            Invariants.checkReceipts(stored, swarm.receipts, true);

            // the watcher on A saw the hot listing's bids, including those placed on B and C
            Map<Integer, Swarm.Receipt> hotBySequence = swarm.receipts.stream().filter(r -> r.listingId() == HOT)
                    .collect(Collectors.toMap(Swarm.Receipt::sequence, r -> r));
            int lastHot = hotBySequence.keySet().stream().mapToInt(Integer::intValue).max().orElseThrow();
            Cluster.awaitTrue("the watcher saw bid " + lastHot, Duration.ofSeconds(30),
                    () -> watcher.bids.containsKey(lastHot));
            for (var seen : watcher.bids.entrySet()) {
                Swarm.Receipt r = hotBySequence.get(seen.getKey());
                assertTrue(r != null, "the feed showed a bid no client placed: " + seen);
                assertEquals(r.amountFen() + "/" + r.bidderNo(), seen.getValue(), "the feed's bid " + seen.getKey());
            }
            Set<String> seenFrom = watcher.bids.keySet().stream().map(s -> hotBySequence.get(s).instance())
                    .collect(Collectors.toSet());
            assertTrue(seenFrom.containsAll(Set.of("b", "c")), "the watcher on A saw bids placed on " + seenFrom);
            assertEquals(hotBySequence.size(), watcher.bids.size(), "the watcher saw every bid of the hot listing");
            assertTrue(watcher.statuses.contains("TIMED_BIDDING") && watcher.statuses.contains("SOLD"),
                    "the watcher saw the status changes: " + watcher.statuses);

            // each instance counted exactly the bids it answered, and none is served on the public port
            for (Cluster.Instance node : nodes) {
                String metrics = cluster.metrics(node);
                long accepted = swarm.receipts.stream().filter(r -> r.instance().equals(node.name)).count();
                assertEquals(accepted, Prometheus.counter(metrics, "market_bids_total", "outcome", "accepted"),
                        "accepted bids counted by " + node);
                assertEquals(swarm.refusedBy(node.name), Prometheus.sum(metrics, "market_bids_total",
                        "outcome", "rejected"), "refused bids counted by " + node);
                assertEquals(accepted + swarm.refusedBy(node.name),
                        Prometheus.counter(metrics, "market_bid_latency_seconds_count", "outcome", "accepted")
                                + Prometheus.counter(metrics, "market_bid_latency_seconds_count", "outcome", "rejected"),
                        "bids timed by " + node);
                assertEquals(404, cluster.get(node, "/q/metrics", null).status(), "metrics on the public port");
            }

            cluster.awaitAuditCaughtUp();
            Invariants.checkAuditEntries(cluster, stored);
            Verdict verified = Verifier.verify(a.url(), null, null);
            assertTrue(verified.ok(), "the audit log verifies: " + verified.message());
            System.out.printf("ClusterIT: %d bids accepted, %d refused, over %d listings%n", swarm.receipts.size(),
                    swarm.refused.get(), stored.size());
        }
    }

    /** A watcher of one listing's live feed (Server-Sent Events) on one instance. */
    static final class Watcher {
        /** Sequence → "amountFen/bidderNo" of each bid event. */
        final Map<Integer, String> bids = new ConcurrentHashMap<>();
        final Set<String> statuses = ConcurrentHashMap.newKeySet();

        Watcher(Cluster cluster, Cluster.Instance instance, long listingId) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(instance.url() + "/api/listings/" + listingId + "/live"))
                    .header("Accept", "text/event-stream").GET().build();
            var response = cluster.http().send(request, HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode(), "the live feed opens");
            Thread reader = new Thread(() -> {
                try {
                    response.body().forEach(this::line);
                } catch (RuntimeException closed) {
                    // the instance went away
                }
            }, "live-watcher");
            reader.setDaemon(true);
            reader.start();
            Cluster.awaitTrue("the live feed's snapshot", Duration.ofSeconds(30), () -> !statuses.isEmpty());
        }

        private void line(String line) {
            if (!line.startsWith("data:")) {
                return;
            }
            try {
                JsonNode event = Cluster.JSON.readTree(line.substring(5).strip());
                switch (event.get("type").asText()) {
                    case "bid" -> bids.put(event.get("sequence").asInt(),
                            Cluster.fen(event.get("amount").asText()) + "/" + event.get("bidderNo").asText());
                    case "snapshot", "status" -> statuses.add(event.get("status").asText());
                    default -> { }
                }
            } catch (IOException e) {
                throw new IllegalStateException("unreadable live event: " + line, e);
            }
        }
    }
}
