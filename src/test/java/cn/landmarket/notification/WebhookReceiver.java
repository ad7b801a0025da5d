package cn.landmarket.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver of our own for the tests: a JDK HTTP server on 127.0.0.1 that keeps every
 * delivery per path, with whether its signature verified under the path's secret, and can be
 * "down" (answers 503).
 */
final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One POST as received. */
    record Delivery(String id, long timestamp, String body, boolean signed, String event, Object listingId) {
    }

    private final HttpServer server;
    private final Map<String, String> secrets = new ConcurrentHashMap<>();
    private final Map<String, List<Delivery>> deliveries = new ConcurrentHashMap<>();
    final AtomicBoolean down = new AtomicBoolean();

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (down.get()) {
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                String path = exchange.getRequestURI().getPath();
                String secret = secrets.get(path);
                long timestamp = Long.parseLong(exchange.getRequestHeaders().getFirst("X-Notification-Timestamp"));
                boolean signed = secret != null && WebhookSignature.verify(secret, timestamp, body,
                        exchange.getRequestHeaders().getFirst("X-Notification-Signature"));
                Map<?, ?> json = JSON.readValue(body, Map.class);
                deliveries.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>()).add(new Delivery(
                        exchange.getRequestHeaders().getFirst("X-Notification-Id"), timestamp, body, signed,
                        (String) json.get("event"), json.get("listingId")));
                exchange.sendResponseHeaders(signed ? 204 : 401, -1);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    /** The URL of a path on this receiver, which checks signatures with {@code secret}. */
    String url(String path, String secret) {
        secrets.put(path, secret);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Delivery> at(String path) {
        return List.copyOf(deliveries.getOrDefault(path, List.of()));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
