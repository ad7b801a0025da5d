package cn.landmarket.notification;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Delivers a message by POSTing its JSON to the organisation's webhook URL with the headers
 * {@code X-Notification-Id} (the stable message id: receivers drop what they have seen),
 * {@code X-Notification-Timestamp} and {@code X-Notification-Signature} ({@link WebhookSignature}).
 * Any 2xx answer is a delivery; anything else, or no answer in time, a failure.
 */
@ApplicationScoped
public class WebhookChannel {

    private final HttpClient client;
    private final Duration timeout;
    private final Clock clock;

    WebhookChannel(NotificationConfig config, Clock clock) {
        this.timeout = config.webhookTimeout();
        this.clock = clock;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Null when delivered, else why not. */
    public String deliver(String url, String secret, UUID id, String body) {
        long timestamp = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("X-Notification-Id", id.toString())
                .header("X-Notification-Timestamp", Long.toString(timestamp))
                .header("X-Notification-Signature", WebhookSignature.sign(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
