package cn.landmarket.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import cn.landmarket.notification.WebhookSignature;

/**
 * Notifications survive a killed process (issue 18): the packaged service on a durable embedded
 * PostgreSQL takes bids through the API while the bidders' webhook receiver is down (nothing
 * listens on its port), so every outbid message is committed to the outbox but none delivered;
 * the service is SIGKILLed, the receiver comes up, the service starts again, and the receiver gets
 * every message exactly once by its id, in the order of the bids per organisation, each signed
 * with the organisation's secret.
 */
class NotificationCrashIT {

    private static final long START_FEN = 1_000_000_00L;
    private static final long INCREMENT_FEN = 100_00L;
    private static final long LISTING = 601;
    private static final int BIDDERS = 3;
    private static final int BIDS = 12;
    /** Quick retries, and never a dead letter, so that the receiver's outage only delays. */
    private static final Map<String, String> ENV = Map.of("MARKET_NOTIFICATION_RETRY_BASE", "PT1S",
            "MARKET_NOTIFICATION_RETRY_MAX", "PT2S", "MARKET_NOTIFICATION_MAX_ATTEMPTS", "100000");

    /** One POST the receiver took. */
    private record Delivery(String path, String id, long timestamp, String signature, String body) {
    }

    @Test
    void messagesCommittedBeforeAKillArriveOnceEachInOrderAfterTheRestart() throws Exception {
        try (Cluster cluster = new Cluster("notification-crash-it")) {
            int hookPort = Cluster.freePort(); // the receiver's port: nothing listens on it until later
            Cluster.Instance first = cluster.start("a", ENV);
            cluster.awaitReady(first);
            List<String> enterprises = cluster.enterprises(BIDDERS);
            cluster.certificate();
            cluster.listing(LISTING, START_FEN, INCREMENT_FEN, Duration.ofDays(1), 300, enterprises);
            List<String> tokens = new ArrayList<>();
            for (String code : enterprises) {
                String token = Cluster.token("notified-" + code, "enterprise", code);
                tokens.add(token);
                String body = Cluster.JSON.writeValueAsString(Map.of("webhookUrl",
                        "http://127.0.0.1:" + hookPort + path(code), "webhookSecret", secret(code)));
                HttpResponse<String> set = cluster.http().send(HttpRequest.newBuilder(
                        URI.create(first.url() + "/api/notifications/preferences")).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, set.statusCode(), set.body());
            }

            // half the bids, then the worker has tried the down receiver, then the other half
            for (int k = 0; k < BIDS; k++) {
                if (k == BIDS / 2) {
                    Cluster.awaitTrue("a failed delivery attempt", Duration.ofSeconds(30), () -> cluster.count(
                            "select count(*) from notification_message where attempts > 0") > 0);
                }
                Cluster.Answer bid = cluster.bid(first, tokens.get(k % BIDDERS), LISTING, START_FEN + k * INCREMENT_FEN);
                assertEquals(201, bid.status(), bid.body());
            }
            // every acknowledged bid committed its outbox row with it
            assertEquals(BIDS, cluster.count("select count(*) from notification_event where kind = 'bid.accepted' "
                    + "and (entry #>> '{facts,listingId}')::bigint = ?", LISTING));
            cluster.kill(first);
            long expanded = cluster.count("select count(*) from notification_event where kind = 'bid.accepted' "
                    + "and expanded_at is not null");
            long attempted = cluster.count("select count(*) from notification_message where attempts > 0");
            assertEquals(0, cluster.count("select count(*) from notification_message where delivered_at is not null"),
                    "nothing was delivered before the kill");
            System.out.printf("NotificationCrashIT: killed with %d of %d events expanded, %d messages tried%n",
                    expanded, BIDS, attempted);

            List<Delivery> received = new CopyOnWriteArrayList<>();
            HttpServer receiver = receiver(hookPort, received);
            try {
                Cluster.Instance second = cluster.start("a", ENV);
                cluster.awaitReady(second);
                Cluster.awaitTrue("every message delivered", Duration.ofSeconds(60), () -> cluster.count(
                        "select count(*) from notification_message where delivered_at is not null") == BIDS - 1
                        && received.size() >= BIDS - 1);
                Thread.sleep(3_000); // a second delivery of any message would come within a pass or two
                check(cluster, enterprises, received);
            } finally {
                receiver.stop(0);
            }
        }
    }

    /**
     * Each bid after the first outbids the bidder of the bid before it (the bidders take turns):
     * that bidder gets one OUTBID message per such bid, in the order of the bids, once, signed.
     */
    private static void check(Cluster cluster, List<String> enterprises, List<Delivery> received) throws Exception {
        // what should arrive, from the bids as stored: organisation -> bid sequences, in order
        Map<String, List<Long>> expected = new LinkedHashMap<>();
        enterprises.forEach(e -> expected.put(e, new ArrayList<>()));
        List<Object[]> bids = rows(cluster, """
                select b.seq, r.enterprise_code from bid b join registration r on r.id = b.registration_id
                where b.listing_id = ? order by b.seq""", LISTING);
        assertEquals(BIDS, bids.size(), "every bid stored");
        for (int k = 1; k < bids.size(); k++) {
            expected.get((String) bids.get(k - 1)[1]).add(((Number) bids.get(k)[0]).longValue());
        }
        // which bid each message is about, by its id
        Map<String, Long> sequenceOf = new HashMap<>();
        for (Object[] r : rows(cluster, """
                select cast(m.id as text), (e.entry #>> '{facts,sequence}')::bigint from notification_message m
                join notification_event e on e.id = m.event_id where e.kind = 'bid.accepted'
                  and (e.entry #>> '{facts,listingId}')::bigint = ?""", LISTING)) {
            sequenceOf.put((String) r[0], ((Number) r[1]).longValue());
        }
        assertEquals(BIDS - 1, sequenceOf.size(), "one message per outbid bidder and bid");
        assertEquals(BIDS - 1, received.size(), "every message arrived, none twice: " + received);

        for (String code : enterprises) {
            List<Delivery> mine = received.stream().filter(d -> d.path().equals(path(code))).toList();
            List<Long> sequences = new ArrayList<>();
            for (Delivery d : mine) {
                assertTrue(WebhookSignature.verify(secret(code), d.timestamp(), d.body(), d.signature()),
                        "signed with the organisation's secret: " + d);
                JsonNode payload = Cluster.JSON.readTree(d.body());
                assertEquals(d.id(), payload.get("id").asText(), "the header names the message's id");
                assertEquals("OUTBID", payload.get("event").asText());
                assertEquals(code, payload.get("recipient").asText());
                assertTrue(sequenceOf.containsKey(d.id()), "a message of this listing's bids: " + d);
                sequences.add(sequenceOf.get(d.id()));
            }
            assertEquals(mine.size(), mine.stream().map(Delivery::id).distinct().count(), "each id once: " + mine);
            assertEquals(expected.get(code), sequences, code + " got its messages once each, in the order of the bids");
        }
    }

    private static String path(String code) {
        return "/hooks/" + code;
    }

    private static String secret(String code) {
        return "webhook-secret-of-" + code;
    }

    /** The organisations' webhook receiver, back up: keeps every POST in arrival order, answers 204. */
    private static HttpServer receiver(int port, List<Delivery> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                var headers = exchange.getRequestHeaders();
                received.add(new Delivery(exchange.getRequestURI().getPath(), headers.getFirst("X-Notification-Id"),
                        Long.parseLong(headers.getFirst("X-Notification-Timestamp")),
                        headers.getFirst("X-Notification-Signature"), body));
                exchange.sendResponseHeaders(204, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
        return server;
    }

    private static List<Object[]> rows(Cluster cluster, String sql, long arg) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = cluster.db(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getObject(i + 1);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }
}
