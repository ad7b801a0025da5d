package cn.landmarket.auction;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import cn.landmarket.common.error.MessageKey;

/**
 * Who pays for a bid request: the two rate limits of bidding and the rule that keeps one client
 * address from starving the bidders behind it.
 * <p>
 * Every enterprise has its own bucket ({@link RateLimiter}, keyed by enterprise). A client address
 * has one too, but only suspect traffic pays into it: requests of enterprises this instance does not
 * know as qualified bidders of the listing, and requests beyond an enterprise's own limit. A
 * qualified bidder within its own limit is never charged to its address and never refused for it.
 * Behind a proxy, or a firm's NAT, many bidders share one address; a flood from that address (tokens
 * of enterprises that are not bidders of the listing, or one bidder far beyond its limit) then
 * empties the address's bucket, and from then on only refuses the flood.
 * <p>
 * When the address's bucket is empty and the enterprise is not known to this instance as qualified
 * (its first bid here), the answer is {@link Verify}: the caller asks the database once and
 * passes the answer to {@link #verified}. An enterprise found not qualified is remembered for
 * {@link #NOT_QUALIFIED_MEMORY}, so a flood under its token costs no further lookups meanwhile.
 * Plain Java and per instance, like the buckets.
 */
final class BidLimits {

    /** How long an enterprise found not qualified for a listing is refused without asking again. */
    static final Duration NOT_QUALIFIED_MEMORY = Duration.ofSeconds(5);
    static final MessageKey RATE_BIDDER = MessageKey.BID_RATE_BIDDER;
    static final MessageKey RATE_ADDRESS = MessageKey.BID_RATE_ADDRESS;
    private static final long SWEEP_NANOS = Duration.ofMinutes(1).toNanos();

    /** What to do with a bid request before it is decided. */
    sealed interface Admission permits Admit, Refuse, Verify {
    }

    /** Decide the bid. */
    record Admit() implements Admission {
    }

    /** Answer 429 with this wait and the problem key ({@value #RATE_BIDDER} or {@value #RATE_ADDRESS}). */
    record Refuse(long waitSeconds, MessageKey key) implements Admission {
    }

    /** The address is over its limit: admit only if the enterprise is a qualified bidder of the listing. */
    record Verify(long waitSeconds) implements Admission {
    }

    private static final Admit ADMIT = new Admit();

    private final RateLimiter perBidder;
    private final RateLimiter perAddress;
    private final Clock clock;
    private final Map<String, Long> notQualifiedUntil = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    BidLimits(RateLimiter perBidder, RateLimiter perAddress, Clock clock) {
        this.perBidder = perBidder;
        this.perAddress = perAddress;
        this.clock = clock;
    }

    /**
     * Admission of a bid of {@code enterprise} on {@code listingId} from {@code address} (null when
     * unknown); {@code knownQualified} says whether this instance already knows the enterprise as a
     * qualified bidder of the listing.
     */
    Admission admit(long listingId, String enterprise, String address, boolean knownQualified) {
        long bidderWait = perBidder.acquire(enterprise);
        if (bidderWait > 0) {
            if (address != null) {
                perAddress.acquire(address); // traffic beyond its own limit counts against its address
            }
            return new Refuse(bidderWait, RATE_BIDDER);
        }
        if (knownQualified || address == null) {
            return ADMIT;
        }
        long addressWait = perAddress.acquire(address);
        if (addressWait == 0) {
            return ADMIT; // the bidding rules decide whether it is a bidder at all
        }
        long now = nanos();
        Long until = notQualifiedUntil.get(key(listingId, enterprise));
        // a clock set back (an operator's correction) does not stretch the memory
        if (until != null && now < until && until - now <= NOT_QUALIFIED_MEMORY.toNanos()) {
            return new Refuse(addressWait, RATE_ADDRESS);
        }
        return new Verify(addressWait);
    }

    /** The answer to a {@link Verify}: admitted if the enterprise is a qualified bidder, else refused for its address. */
    Admission verified(long listingId, String enterprise, Verify verify, boolean qualified) {
        if (qualified) {
            notQualifiedUntil.remove(key(listingId, enterprise));
            return ADMIT;
        }
        long now = nanos();
        sweep(now);
        notQualifiedUntil.put(key(listingId, enterprise), now + NOT_QUALIFIED_MEMORY.toNanos());
        return new Refuse(verify.waitSeconds(), RATE_ADDRESS);
    }

    int rememberedNotQualified() {
        return notQualifiedUntil.size();
    }

    private static String key(long listingId, String enterprise) {
        return listingId + " " + enterprise;
    }

    private long nanos() {
        Instant t = clock.instant();
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private void sweep(long now) {
        if (now - lastSweep < SWEEP_NANOS) {
            return;
        }
        lastSweep = now;
        notQualifiedUntil.values().removeIf(until -> until <= now);
    }
}
