package cn.landmarket.auction;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets by key: each key may spend {@code burst} requests at once and regains
 * {@code perSecond} a second. Plain Java and per instance: with n instances behind a balancer a
 * key gets at most n times the rate, which the configured numbers allow for. Idle buckets are
 * dropped, so memory stays bounded by the keys active in the last minute.
 */
public final class RateLimiter {

    private static final long IDLE_NANOS = Duration.ofMinutes(1).toNanos();

    private final double perSecond;
    private final double burst;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    private static final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }
    }

    public RateLimiter(double perSecond, int burst, Clock clock) {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.perSecond = perSecond;
        this.burst = burst;
        this.clock = clock;
    }

    /** Takes one token for {@code key}: 0 when allowed, else the whole seconds to wait (≥ 1). */
    public long acquire(String key) {
        long now = nanos();
        sweep(now);
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
        synchronized (bucket) {
            // A clock set back (an operator's correction) restarts the refill instead of freezing it.
            double refill = Math.max(0, now - bucket.updated) / 1e9 * perSecond;
            bucket.tokens = Math.min(burst, bucket.tokens + refill);
            bucket.updated = now;
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - bucket.tokens) / perSecond));
        }
    }

    int trackedKeys() {
        return buckets.size();
    }

    private long nanos() {
        java.time.Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private void sweep(long now) {
        if (now - lastSweep < IDLE_NANOS) {
            return;
        }
        lastSweep = now;
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return now - e.getValue().updated > IDLE_NANOS;
            }
        });
    }
}
