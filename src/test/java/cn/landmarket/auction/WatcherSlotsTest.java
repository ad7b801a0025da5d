package cn.landmarket.auction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Live-feed admission: at most so many feeds per client address and per instance, every slot given back. */
class WatcherSlotsTest {

    @Test
    void oneAddressGetsAtMostItsLimitAndOthersAreStillAdmitted() {
        WatcherSlots slots = new WatcherSlots(2, 10);
        assertNull(slots.acquire("203.0.113.1"));
        assertNull(slots.acquire("203.0.113.1"));
        assertEquals(WatcherSlots.Refusal.ADDRESS, slots.acquire("203.0.113.1"));
        assertNull(slots.acquire("203.0.113.2"));
        assertEquals(2, slots.open("203.0.113.1"));
        assertEquals(3, slots.open());
    }

    @Test
    void theInstanceCapLeavesDescriptorsForEverythingElse() {
        assertEquals(16_000, WatcherSlots.capFor(16_000, 20_000), "this machine's 20,000 files: the configured cap fits");
        assertEquals(18_000, WatcherSlots.capFor(19_500, 20_000), "a tenth of the limit is kept");
        assertEquals(24, WatcherSlots.capFor(16_000, 1_024), "at least 1,000 files are kept");
        assertEquals(1, WatcherSlots.capFor(16_000, 900), "never below one watcher");
        assertEquals(16_000, WatcherSlots.capFor(16_000, 1_048_576));
        assertEquals(16_000, WatcherSlots.capFor(16_000, 0), "an unknown limit leaves the configured cap");
    }

    @Test
    void theInstanceAdmitsAtMostItsLimitInAll() {
        WatcherSlots slots = new WatcherSlots(2, 3);
        assertNull(slots.acquire("a"));
        assertNull(slots.acquire("b"));
        assertNull(slots.acquire("c"));
        assertEquals(WatcherSlots.Refusal.INSTANCE, slots.acquire("d"));
        slots.release("b");
        assertNull(slots.acquire("d"), "a released slot admits the next watcher");
    }

    @Test
    void releasingEverySlotReturnsTheCountsToZeroAndForgetsTheAddresses() {
        WatcherSlots slots = new WatcherSlots(20, 5000);
        for (int i = 0; i < 20; i++) {
            assertNull(slots.acquire("198.51.100.7"));
        }
        assertNull(slots.acquire(null));
        for (int i = 0; i < 20; i++) {
            slots.release("198.51.100.7");
        }
        slots.release(null);
        assertEquals(0, slots.open());
        assertEquals(0, slots.open("198.51.100.7"));
        assertEquals(0, slots.addresses());
        assertThrows(IllegalStateException.class, () -> slots.release("198.51.100.7"), "no slot is given back twice");
    }

    @Test
    void watchersWithoutAKnownAddressShareOneBucket() {
        WatcherSlots slots = new WatcherSlots(1, 10);
        assertNull(slots.acquire(null));
        assertEquals(WatcherSlots.Refusal.ADDRESS, slots.acquire(null));
    }
}
