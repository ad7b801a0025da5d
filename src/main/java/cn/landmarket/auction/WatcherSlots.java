package cn.landmarket.auction;

import java.util.HashMap;
import java.util.Map;

/**
 * Admission of live-feed watchers on one instance: at most {@code perAddress} open feeds from one
 * client address and {@code perInstance} in all. Every admitted watcher must be released exactly
 * once when its connection ends, so the counts return to zero; an address without open feeds is
 * forgotten. Watchers whose address is unknown share one bucket.
 */
final class WatcherSlots {

    /** Why a watcher was not admitted. */
    enum Refusal {
        ADDRESS, INSTANCE
    }

    private static final String UNKNOWN = "";

    private final int perAddress;
    private final int perInstance;
    private final Map<String, Integer> byAddress = new HashMap<>();
    private int open;

    WatcherSlots(int perAddress, int perInstance) {
        if (perAddress < 1 || perInstance < 1) {
            throw new IllegalArgumentException("live feed limits must be at least 1");
        }
        this.perAddress = perAddress;
        this.perInstance = perInstance;
    }

    /**
     * How many watchers an instance may hold, {@code configured} at most, when the process may open
     * {@code openFileLimit} files (0 or less: unknown): each watcher holds a socket, and an instance
     * that runs out of descriptors stops answering bids too, so a tenth of the limit, and at least
     * 1,000, is kept for the database pool, the bidders' connections, the application's files and
     * the JVM. At least 1.
     */
    static int capFor(int configured, long openFileLimit) {
        if (openFileLimit <= 0) {
            return configured;
        }
        long reserve = Math.max(1_000, openFileLimit / 10);
        return (int) Math.max(1, Math.min(configured, openFileLimit - reserve));
    }

    /** Takes a slot for a watcher from {@code address}; null when admitted, otherwise which limit refused it. */
    synchronized Refusal acquire(String address) {
        String key = address == null ? UNKNOWN : address;
        int mine = byAddress.getOrDefault(key, 0);
        if (mine >= perAddress) {
            return Refusal.ADDRESS;
        }
        if (open >= perInstance) {
            return Refusal.INSTANCE;
        }
        byAddress.put(key, mine + 1);
        open++;
        return null;
    }

    /** Gives back the slot of a watcher from {@code address} that was admitted. */
    synchronized void release(String address) {
        String key = address == null ? UNKNOWN : address;
        Integer mine = byAddress.get(key);
        if (mine == null) {
            throw new IllegalStateException("no open live feed from " + key);
        }
        if (mine == 1) {
            byAddress.remove(key);
        } else {
            byAddress.put(key, mine - 1);
        }
        open--;
    }

    /** Open feeds in all. */
    synchronized int open() {
        return open;
    }

    /** Open feeds from one address. */
    synchronized int open(String address) {
        return byAddress.getOrDefault(address == null ? UNKNOWN : address, 0);
    }

    /** How many addresses hold an open feed. */
    synchronized int addresses() {
        return byAddress.size();
    }

    int perAddress() {
        return perAddress;
    }

    int perInstance() {
        return perInstance;
    }
}
