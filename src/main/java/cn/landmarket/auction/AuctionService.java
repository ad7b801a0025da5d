package cn.landmarket.auction;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import cn.landmarket.asset.CertificateService;
import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.Money;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.listing.Listing;
import cn.landmarket.listing.ListingPhaseChanged;
import cn.landmarket.listing.ListingRepository;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The auction of a listing: placing bids (through the group commit of {@link BidBatcher}),
 * showing them without revealing who is behind a bidder number, and closing the listing period and
 * the timed bidding exactly once, on time.
 */
@ApplicationScoped
public class AuctionService {

    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9_:.-]{1,100}$");
    static final String CLOSER = "system:auction";
    /** Under which field the outcome of a close would be committed; a listing that closes is always public. */
    private static final String OUTCOME = "outcome";

    private final BidBatcher batcher;
    private final AuditLog audit;
    private final BidRepository bids;
    private final ListingRepository listings;
    private final CertificateService certificates;
    private final EntityManager em;
    private final LiveChannel live;
    private final ZoneId zone;
    private final Clock clock;
    private final BidLimits limits;
    private final BidMetrics metrics;
    private final PartyService parties;
    /** The first reads of the live feed's watchers, shared by those of a listing that ask together. */
    private final SharedReads<Long, Long, Replay> replays = new SharedReads<>(this::replay);

    AuctionService(BidBatcher batcher, BidRepository bids, ListingRepository listings,
            CertificateService certificates, EntityManager em, LiveChannel live, MarketConfig config, Clock clock,
            AuditLog audit, BidMetrics metrics, PartyService parties) {
        this.batcher = batcher;
        this.parties = parties;
        this.metrics = metrics;
        this.audit = audit;
        this.bids = bids;
        this.listings = listings;
        this.certificates = certificates;
        this.em = em;
        this.live = live;
        this.zone = config.zone();
        this.clock = clock;
        this.limits = new BidLimits(
                new RateLimiter(config.bidding().bidsPerSecondPerBidder(), config.bidding().bidBurstPerBidder(), clock),
                new RateLimiter(config.bidding().bidsPerSecondPerAddress(), config.bidding().bidBurstPerAddress(),
                        clock),
                clock);
    }

    /**
     * Places a bid for the calling enterprise. Raises 400 without a usable Idempotency-Key; the
     * returned stage completes only after the bid's batch has committed, with the receipt or the
     * reason for refusal (403 not a qualified bidder, 409 rejected by the bidding rules). The
     * client's network address is stored with an accepted bid for the regulator's collusion signals.
     * Rate limits ({@link BidLimits}): 429 beyond the enterprise's own limit, and 429 for an address
     * over its limit unless the caller is a qualified bidder of the listing.
     */
    public CompletionStage<BidOutcome> place(Actor actor, long listingId, PlaceBidRequest request,
            String idempotencyKey, String clientAddress) {
        long started = System.nanoTime();
        String enterprise = actor.org();
        BidLimits.Admission admission;
        try {
            requireIdempotencyKey(idempotencyKey);
            admission = limits.admit(listingId, enterprise, clientAddress,
                    batcher.knownQualified(listingId, enterprise));
            throttle(admission);
        } catch (ApiException refused) {
            metrics.refused(refused, started);
            throw refused;
        }
        if (admission instanceof BidLimits.Verify verify) {
            // The address is over its limit: one lookup, off the event loop, says whether this is a bidder.
            return CompletableFuture.runAsync(() -> {
                try {
                    throttle(limits.verified(listingId, enterprise, verify, batcher.qualified(listingId, enterprise)));
                } catch (ApiException refused) {
                    metrics.refused(refused, started);
                    throw refused;
                }
            }, Infrastructure.getDefaultWorkerPool())
                    .thenCompose(admitted -> submit(listingId, enterprise, request, idempotencyKey, clientAddress,
                            started));
        }
        return submit(listingId, enterprise, request, idempotencyKey, clientAddress, started);
    }

    /** 400 (bid.key-missing) unless the Idempotency-Key header is there and usable. */
    static void requireIdempotencyKey(String idempotencyKey) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.invalid("Idempotency-Key", MessageKey.BID_KEY_MISSING);
        }
    }

    private CompletionStage<BidOutcome> submit(long listingId, String enterprise, PlaceBidRequest request,
            String idempotencyKey, String clientAddress, long started) {
        return batcher.submit(listingId, enterprise, request.amount().fen(), idempotencyKey, clientAddress)
                .whenComplete((outcome, failure) -> {
                    if (outcome != null) {
                        metrics.answered(outcome, started);
                    }
                });
    }

    /** A 429 with Retry-After when a rate limit refuses; nothing is decided or stored for it. */
    private static void throttle(BidLimits.Admission admission) {
        if (admission instanceof BidLimits.Refuse refuse) {
            throw new ApiException(ErrorCode.TOO_MANY_REQUESTS, Message.of(refuse.key(), refuse.waitSeconds()),
                    List.of(), Map.of("retryAfterSeconds", refuse.waitSeconds()));
        }
    }

    /** One page of the accepted bids of a public listing, in sequence order, by bidder number only. */
    @Transactional
    public PageView<BidView> publicBids(long listingId, PageRequest page) {
        Listing listing = listings.findByIdOptional(listingId).filter(Listing::isPublic)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        return new PageView<>(page(listing.id, page).stream().map(r -> view(r, null, false)).toList(), page.page(),
                page.size(), bids.count(listing.id));
    }

    private List<BidRepository.Row> page(long listingId, PageRequest page) {
        return bids.ofListing(listingId, (long) page.page() * page.size(), page.size());
    }

    /**
     * One page of the accepted bids, in sequence order, as the caller may see them: by bidder
     * number, an enterprise with its own bids marked. A regulator of the region (403 outside it)
     * that states a reason also sees the enterprise behind each number on the page, and the reveal
     * of those numbers is logged ({@link IdentityReveal}); 400 for a blank or overlong reason.
     */
    @Transactional
    public PageView<BidView> bids(Actor actor, long listingId, String reason, PageRequest page) {
        Optional<Regulator> registered = parties.regulatorIfRegulator(actor);
        Listing listing = listings.findByIdOptional(listingId)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        boolean regulator = registered.isPresent();
        if (regulator && !registered.get().covers(listing.regionCode)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
        }
        if (!regulator && !listing.isPublic()) {
            throw ApiException.notFound("listing", listingId);
        }
        Optional<String> why = regulator ? IdentityReveal.reason(reason) : Optional.empty();
        List<BidRepository.Row> rows = page(listing.id, page);
        if (why.isPresent()) {
            audit.append(IdentityReveal.entry(actor, Instant.now(clock), listingId, why.get(), "bids",
                    rows.stream().map(BidRepository.Row::bidderNo).distinct().toList(),
                    rows.stream().map(BidRepository.Row::registrationId).distinct().toList()));
        }
        return new PageView<>(rows.stream()
                .map(r -> view(r, actor.is(Role.ENTERPRISE) ? actor.org() : null, why.isPresent())).toList(),
                page.page(), page.size(), bids.count(listing.id));
    }

    private BidView view(BidRepository.Row r, String viewerEnterprise, boolean identities) {
        return new BidView(r.id(), r.seq(), r.bidderNo(), Money.ofFen(r.amountFen()),
                r.acceptedAt().atZone(zone).toOffsetDateTime(), ListingStatus.valueOf(r.phase()),
                viewerEnterprise == null ? null : viewerEnterprise.equals(r.enterpriseCode()),
                identities ? r.enterpriseCode() : null,
                r.auditLeafHash() == null ? null : HexFormat.of().formatHex(r.auditLeafHash()));
    }

    /**
     * The earliest moment after now and not later than {@code until} at which a listing period or a
     * countdown runs out, if any: when the closer should look again.
     */
    @Transactional
    public Optional<Instant> nextClosing(Instant until) {
        Instant now = Instant.now(clock);
        return now.isBefore(until) ? listings.nextClosing(now, until) : Optional.empty();
    }

    /** Ids of listings whose listing period or countdown has run out, for the closer to take one by one. */
    @Transactional
    public List<Long> dueForClosing() {
        return listings.dueForClosing(Instant.now(clock));
    }

    /**
     * Closes one listing if its moment has come, under the listing's row lock so that it happens
     * exactly once whatever the number of instances: at the end of the listing period no valid bid
     * or a highest bid below the reserve is UNSOLD, one bidder meeting the reserve is SOLD, two or
     * more bidders go to timed bidding; when the countdown runs out the highest bid wins if it
     * meets the reserve. An unsold lot is released on its certificate.
     */
    @Transactional
    public ListingStatus closeIfDue(long listingId) {
        Listing listing = listings.lock(listingId).orElseThrow();
        List<LiveEvent> events = new ArrayList<>();
        ListingStatus status = close(List.of(listing), events).get(0).status();
        events.forEach(event -> live.send(em, event));
        return status;
    }

    /**
     * Closes, in one transaction (one commit), up to {@code max} due listings that no other
     * transaction holds, except those in {@code except}, each as {@link #closeIfDue} would; their
     * ids go into {@code claimed} as soon as they are locked, so that a caller whose batch failed
     * (the whole transaction is rolled back) knows which listings to try again one by one. Returns
     * what each claimed listing became; none when nothing due is free to claim. The live events go
     * out in one statement at the end.
     */
    @Transactional
    public List<Closed> closeDue(int max, Collection<Long> except, List<Long> claimed) {
        List<Listing> due = listings.claimDueForClosing(Instant.now(clock), max, except);
        due.forEach(listing -> claimed.add(listing.id));
        List<LiveEvent> events = new ArrayList<>();
        List<Closed> closed = close(due, events);
        if (!events.isEmpty()) {
            em.unwrap(Session.class).doWork(connection -> live.send(connection, events));
        }
        return closed;
    }

    /**
     * Closes listings that {@link CloseRehearsal} staged in the caller's transaction, with the code and
     * in the steps the closer uses: locked together, closed together, the live events sent in one
     * statement; then those that went to timed bidding as if their countdown had run out. The caller
     * rolls the transaction back. Returns what each listing became at the end of its listing period,
     * then what those in timed bidding became at the end of their countdown.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<Closed> rehearseClosing(Collection<Long> staged) {
        List<LiveEvent> events = new ArrayList<>();
        List<Listing> locked = listings.lockForClosing(staged);
        List<Closed> closed = new ArrayList<>(close(locked, events));
        List<Listing> timed = locked.stream().filter(listing -> listing.status == ListingStatus.TIMED_BIDDING)
                .toList();
        timed.forEach(listing -> listing.countdownDeadline = Instant.now(clock));
        closed.addAll(close(timed, events));
        em.unwrap(Session.class).doWork(connection -> live.send(connection, events));
        return closed;
    }

    /** What a listing became when the closer looked at it. */
    public record Closed(long listingId, ListingStatus status) {
    }

    /**
     * Closes those of the listings, whose row locks the current transaction holds, whose moment
     * has come, with their distinct bidders counted under those locks; their live status events go
     * to {@code events}. However many they are, this takes the same few statements: one each to
     * count their bidders and to find the winners of those sold; their changes, history rows and
     * audit entries are written out together; the lots that go back to their certificates are
     * released together and last, so that the certificates' row locks (which another instance's
     * batch may be waiting for) are held only for the releases and the commit.
     */
    private List<Closed> close(List<Listing> locked, List<LiveEvent> events) {
        Instant now = Instant.now(clock);
        List<Listing> due = locked.stream().filter(listing -> !listing.isSealed()
                && (listing.status == ListingStatus.LISTING && !listing.listingEnd.isAfter(now)
                        || listing.status == ListingStatus.TIMED_BIDDING && !listing.countdownDeadline.isAfter(now)))
                .toList(); // a sealed quotation is opened by QuotationService.openIfDue
        if (!due.isEmpty()) {
            Map<Long, Integer> bidders = bids.distinctBidders(due.stream().map(listing -> listing.id).toList());
            Map<Long, ListingStatus> outcomes = new HashMap<>();
            for (Listing listing : due) {
                outcomes.put(listing.id, AuctionRules.outcome(listing.status, bidders.getOrDefault(listing.id, 0),
                        listing.highestBidFen, listing.reservePriceFen));
            }
            Map<Long, BidRepository.Row> winners = bids.highest(due.stream()
                    .filter(listing -> outcomes.get(listing.id) == ListingStatus.SOLD).map(listing -> listing.id)
                    .toList());
            Session session = em.unwrap(Session.class);
            Integer batchSize = session.getJdbcBatchSize();
            session.setJdbcBatchSize(Math.max(1, due.size()));
            try {
                audit.collecting(() -> {
                    List<CertificateService.Release> releases = new ArrayList<>();
                    for (Listing listing : due) {
                        ListingStatus to = outcomes.get(listing.id);
                        close(listing, to, bidders.getOrDefault(listing.id, 0), winners.get(listing.id), now);
                        if (to == ListingStatus.UNSOLD) {
                            releases.add(new CertificateService.Release(listing.certificateId, listing.lot(),
                                    listing.id));
                        }
                        events.add(status(listing, now));
                    }
                    releases.sort(Comparator.comparingLong(CertificateService.Release::certificateId)
                            .thenComparingLong(CertificateService.Release::listingId));
                    certificates.releaseAll(releases, CLOSER);
                    em.flush();
                    return null;
                });
            } finally {
                session.setJdbcBatchSize(batchSize);
            }
        }
        return locked.stream().map(listing -> new Closed(listing.id, listing.status)).toList();
    }

    /** Moves a due listing to {@code to}: timed bidding starts its countdown; a close records the winner, if any. */
    private void close(Listing listing, ListingStatus to, int distinctBidders, BidRepository.Row winner, Instant now) {
        ListingStatus from = listing.status;
        String reason;
        Map<String, Object> outcome;
        if (to == ListingStatus.TIMED_BIDDING) {
            listing.countdownDeadline = now.plusSeconds(listing.countdownSeconds);
            reason = "countdown of " + listing.countdownSeconds + " s";
            outcome = AuctionEntries.countdownStarted(listing.countdownDeadline, listing.countdownSeconds,
                    distinctBidders, listing.bidCount, listing.highestBidFen);
        } else {
            listing.closedAt = now;
            if (to == ListingStatus.SOLD) {
                listing.winningBidId = winner.id();
                reason = "sold at " + Money.ofFen(listing.highestBidFen).toYuan();
                outcome = AuctionEntries.sold(winner.id(), winner.seq(), winner.bidderNo(), winner.amountFen(),
                        listing.bidCount, listing.reservePriceFen);
            } else {
                boolean noBid = listing.highestBidFen == null;
                reason = noBid ? "no valid bid" : "highest bid below the reserve";
                outcome = AuctionEntries.unsold(noBid ? AuctionEntries.UnsoldReason.NO_VALID_BID
                        : AuctionEntries.UnsoldReason.BELOW_RESERVE, listing.bidCount, listing.highestBidFen,
                        listing.reservePriceFen);
            }
        }
        listings.transition(listing, to, now, CLOSER, reason, OUTCOME, outcome);
    }

    private LiveEvent status(Listing listing, Instant now) {
        return LiveEvent.status(listing.id, listing.status.name(),
                listing.highestBidFen == null ? null : Money.ofFen(listing.highestBidFen).toYuan(),
                listing.countdownDeadline == null || listing.status != ListingStatus.TIMED_BIDDING ? null
                        : ApiTime.format(listing.countdownDeadline, zone),
                ApiTime.format(now, zone));
    }

    /**
     * Tells the watchers of a listing that its phase changed outside bidding (the timeline opened it, a
     * regulator suspended, resumed or terminated it), with what the room counts down to now, in the
     * transaction that changed it.
     */
    void onPhaseChanged(@Observes ListingPhaseChanged event) {
        live.send(em, LiveEvent.status(event.listingId(), event.status().name(), null,
                event.deadline() == null ? null : ApiTime.format(event.deadline(), zone),
                ApiTime.format(event.at(), zone)));
    }

    /**
     * What a watcher of the live feed gets first, once it is admitted: on a first connection
     * ({@code lastSeen} null) the snapshot; on a reconnection after bid {@code lastSeen} the bids it
     * missed (at most {@link #REPLAY_MAX}; none when it missed more, and its snapshot's bid count tells
     * it to read the history instead), then the snapshot. The watchers of a listing that ask together
     * share one read, which begins after each of them asked ({@link SharedReads}): a thousand watchers
     * reconnecting after a network blip cost a few reads, not a thousand.
     */
    public Resumption start(long listingId, Long lastSeen) {
        return replays.get(listingId, lastSeen).forWatcher(lastSeen);
    }

    /**
     * One read for the watchers of a listing that asked together, with these last-seen bids: the
     * snapshot, and the bids after the earliest of them that one is sent again, in one transaction so
     * that they agree.
     */
    @Transactional
    Replay replay(long listingId, List<Long> lastSeen) {
        LiveEvent snapshot = snapshot(listingId);
        long count = snapshot.sequence();
        long from = Replay.from(count, lastSeen);
        List<LiveEvent> missed = from >= count ? List.of()
                : bids.ofListing(listingId, from, (int) (count - from)).stream()
                        .map(row -> LiveEvent.replayed(listingId, row, zone)).toList();
        return new Replay(snapshot, missed);
    }

    /** The most bids {@link #start} sends again to a watcher that reconnects. */
    public static final int REPLAY_MAX = 500;

    /** The bids a reconnecting watcher missed, in sequence order, and the listing as it now stands. */
    public record Resumption(List<LiveEvent> missed, LiveEvent snapshot) {
    }

    /** What a watcher of the live feed sees first: price, leading bidder number, deadline, phase. */
    @Transactional
    public LiveEvent snapshot(long listingId) {
        Listing listing = listings.findByIdOptional(listingId).filter(Listing::isPublic)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        String leader = bids.highest(listingId).map(BidRepository.Row::bidderNo).orElse(null);
        Instant deadline = switch (listing.status) {
            case LISTING -> listing.listingEnd;
            case TIMED_BIDDING -> listing.countdownDeadline;
            case ANNOUNCED -> listing.listingStart;
            case LOTTERY -> Instant.now(clock).isBefore(listing.lotteryEntryDeadline) ? listing.lotteryEntryDeadline
                    : listing.lotteryRevealDeadline;
            default -> null;
        };
        return LiveEvent.snapshot(listing.id, listing.status.name(),
                listing.highestBidFen == null ? null : Money.ofFen(listing.highestBidFen).toYuan(), leader,
                deadline == null ? null : ApiTime.format(deadline, zone), listing.bidCount,
                ApiTime.format(Instant.now(clock), zone));
    }
}
