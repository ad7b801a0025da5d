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

    // ---------------------------------------------------------------------------------------------
    // BidLimits: who pays into which bucket

    private static final long LISTING = 7;

    private static BidLimits limits(Manual clock, int bidderBurst, int addressBurst) {
        return new BidLimits(new RateLimiter(0.01, bidderBurst, clock), new RateLimiter(0.01, addressBurst, clock), clock);
    }

    @Test
    void aQualifiedBidderWithinItsOwnLimitIsNeitherChargedToNorRefusedForItsAddress() {
        Manual clock = new Manual();
        BidLimits limits = limits(clock, 3, 2);
        // a flood of enterprises that are no bidders empties the shared address's bucket
        assertEquals(new BidLimits.Admit(), limits.admit(LISTING, "flood-1", "proxy", false));
        assertEquals(new BidLimits.Admit(), limits.admit(LISTING, "flood-2", "proxy", false));
        for (int i = 3; i < 50; i++) {
            BidLimits.Admission a = limits.admit(LISTING, "flood-" + i, "proxy", false);
            assertTrue(a instanceof BidLimits.Verify, "the empty address asks whether flood-" + i + " is a bidder");
            assertEquals(new BidLimits.Refuse(100, BidLimits.RATE_ADDRESS),
                    limits.verified(LISTING, "flood-" + i, (BidLimits.Verify) a, false));
        }
        // twenty bidders behind the same address, each within its own limit, are all admitted
        for (int round = 0; round < 3; round++) {
            for (int b = 0; b < 20; b++) {
                assertEquals(new BidLimits.Admit(), limits.admit(LISTING, "bidder-" + b, "proxy", true),
                        "bidder-" + b + ", bid " + (round + 1));
            }
        }
    }

    @Test
    void aBiddersFirstBidOnAnEmptyAddressIsAdmittedOnceTheLookupFindsItQualified() {
        Manual clock = new Manual();
        BidLimits limits = limits(clock, 3, 1);
        limits.admit(LISTING, "flood", "proxy", false);
        BidLimits.Admission first = limits.admit(LISTING, "bidder", "proxy", false);
        assertTrue(first instanceof BidLimits.Verify, "not yet known here: " + first);
        assertEquals(new BidLimits.Admit(), limits.verified(LISTING, "bidder", (BidLimits.Verify) first, true));
    }

    @Test
    void anEnterpriseFoundNotQualifiedIsRefusedWithoutAnotherLookupForAWhile() {
        Manual clock = new Manual();
        BidLimits limits = limits(clock, 1000, 1);
        limits.admit(LISTING, "other", "proxy", false);
        BidLimits.Verify verify = (BidLimits.Verify) limits.admit(LISTING, "outsider", "proxy", false);
        assertEquals(new BidLimits.Refuse(100, BidLimits.RATE_ADDRESS), limits.verified(LISTING, "outsider", verify, false));
        assertTrue(limits.admit(LISTING, "outsider", "proxy", false) instanceof BidLimits.Refuse, "remembered: no lookup");
        assertTrue(limits.admit(LISTING + 1, "outsider", "proxy", false) instanceof BidLimits.Verify,
                "remembered for that listing only");
        clock.now = clock.now.plus(BidLimits.NOT_QUALIFIED_MEMORY);
        assertTrue(limits.admit(LISTING, "outsider", "proxy", false) instanceof BidLimits.Verify,
                "asked again once the memory has passed (it may have qualified since)");
        clock.now = clock.now.minus(Duration.ofHours(2));
        limits.verified(LISTING, "outsider", verify, false);
        clock.now = clock.now.minus(Duration.ofHours(2));
        assertTrue(limits.admit(LISTING, "outsider", "proxy", false) instanceof BidLimits.Verify,
                "a clock set back does not stretch the memory");
    }

    @Test
    void anEnterpriseBeyondItsOwnLimitIsRefusedAndChargedToItsAddress() {
        Manual clock = new Manual();
        BidLimits limits = limits(clock, 1, 3);
        assertEquals(new BidLimits.Admit(), limits.admit(LISTING, "greedy", "proxy", true));
        assertEquals(new BidLimits.Refuse(100, BidLimits.RATE_BIDDER), limits.admit(LISTING, "greedy", "proxy", true));
        assertEquals(new BidLimits.Refuse(100, BidLimits.RATE_BIDDER), limits.admit(LISTING, "greedy", "proxy", true));
        // two of the address's three tokens went to the over-limit requests
        assertEquals(new BidLimits.Admit(), limits.admit(LISTING, "newcomer-1", "proxy", false));
        assertTrue(limits.admit(LISTING, "newcomer-2", "proxy", false) instanceof BidLimits.Verify);
        assertEquals(new BidLimits.Admit(), limits.admit(LISTING, "honest", "proxy", true), "a bidder still gets in");
    }

    @Test
    void withoutAnAddressOnlyTheEnterprisesOwnLimitApplies() {
        Manual clock = new Manual();
        BidLimits limits = limits(clock, 2, 1);
        assertEquals(new BidLimits.Admit(), limits.admit(LISTING, "a", null, false));
        assertEquals(new BidLimits.Admit(), limits.admit(LISTING, "a", null, false));
        assertEquals(new BidLimits.Refuse(100, BidLimits.RATE_BIDDER), limits.admit(LISTING, "a", null, false));
    }

    @Test
    void enterprisesFoundNotQualifiedAreForgottenOnceTheirMemoryHasPassed() {
        Manual clock = new Manual();
        BidLimits limits = limits(clock, 1000, 1);
        limits.admit(LISTING, "first", "proxy", false);
        for (int i = 0; i < 500; i++) {
            BidLimits.Verify verify = (BidLimits.Verify) limits.admit(LISTING, "e" + i, "proxy", false);
            limits.verified(LISTING, "e" + i, verify, false);
        }
        clock.now = clock.now.plus(Duration.ofMinutes(2));
        limits.admit(LISTING, "refilled", "proxy", false); // the token two minutes gave back
        BidLimits.Verify verify = (BidLimits.Verify) limits.admit(LISTING, "late", "proxy", false);
        limits.verified(LISTING, "late", verify, false);
        assertEquals(1, limits.rememberedNotQualified());
    }
}
