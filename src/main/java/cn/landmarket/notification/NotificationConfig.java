package cn.landmarket.notification;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of notifications (README, "Notifications"); every number is [assumed]. */
@ConfigMapping(prefix = "market.notification")
public interface NotificationConfig {

    /** Whether notifiable changes write to the outbox at all (off only for benchmarks that measure without it). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How often each instance writes due reminders, expands events and delivers messages; {@code off}
     * stops the job (the tests drive it themselves).
     */
    @WithDefault("PT1S")
    String interval();

    /** Events turned into messages in one fan-out transaction. */
    @WithDefault("200")
    int expandBatch();

    /** Messages delivered to one organisation and channel in one transaction, in order. */
    @WithDefault("50")
    int deliverBatch();

    /** Attempts after which a message that still fails becomes a dead letter. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one. */
    @WithDefault("PT10S")
    Duration retryBase();

    /** Longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration retryMax();

    /** How long a webhook receiver may take to answer (connect and response). */
    @WithDefault("PT5S")
    Duration webhookTimeout();

    /** Timed bidding's bidders are told when this little of the countdown is left. */
    @WithDefault("PT60S")
    Duration countdownWarning();

    /** The buyer is warned when a confirmation or payment deadline it has not met is this close. */
    @WithDefault("PT24H")
    Duration defaultWarning();

    /**
     * How long delivered messages (a replayed dead letter once delivered included) and expanded events
     * left without messages are kept before the worker deletes them; undelivered and dead ones are kept.
     */
    @WithDefault("P30D")
    Duration retention();

    /** Messages, and events, deleted in one pruning transaction, at most once per worker pass. */
    @WithDefault("1000")
    int pruneBatch();
}
