package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final class Manual extends Clock {
        Instant now = Instant.parse("2026-11-23T02:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aBurstIsAllowedThenTheRateAndTheWaitIsSaid() {
        Manual clock = new Manual();
        RateLimiter limiter = new RateLimiter(2, 5, clock);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.acquire("a"), "burst " + i);
        }
        assertEquals(1, limiter.acquire("a"), "sixth at once must wait");
        assertEquals(0, limiter.acquire("b"), "another key has its own bucket");
        clock.now = clock.now.plusMillis(500);
        assertEquals(0, limiter.acquire("a"), "one token back after half a second at 2/s");
        assertTrue(limiter.acquire("a") >= 1);
        clock.now = clock.now.plusSeconds(60);
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.acquire("a"), "refilled to the burst, never above");
        }
        assertTrue(limiter.acquire("a") >= 1);
    }

    @Test
    void slowRatesSayHowManySecondsToWait() {
        Manual clock = new Manual();
        RateLimiter limiter = new RateLimiter(0.2, 1, clock);
        assertEquals(0, limiter.acquire("a"));
        assertEquals(5, limiter.acquire("a"));
        clock.now = clock.now.plusSeconds(5);
        assertEquals(0, limiter.acquire("a"));
    }

    @Test
    void idleKeysAreForgotten() {
        Manual clock = new Manual();
        RateLimiter limiter = new RateLimiter(10, 10, clock);
        for (int i = 0; i < 1000; i++) {
            limiter.acquire("k" + i);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(3));
        limiter.acquire("fresh");
        assertEquals(1, limiter.trackedKeys());
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 1, Clock.systemUTC()));
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(1, 0, Clock.systemUTC()));
    }
}
