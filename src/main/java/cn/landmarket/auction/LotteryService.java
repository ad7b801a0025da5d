package cn.landmarket.auction;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.Money;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.escrow.RegistrationStatus;
import cn.landmarket.listing.CapAction;
import cn.landmarket.listing.Listing;
import cn.landmarket.listing.ListingPhaseChanged;
import cn.landmarket.listing.ListingRepository;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;

/**
 * The lottery at the cap (domain.md, "Sale formats"): once a bid has reached the price cap of a
 * listing that draws lots at its cap (the bid batcher opens the round), qualified bidders enter with
 * a commitment in the entry window, entrants reveal in the reveal window, and the draw happens when
 * that closes, exactly once under the listing's row lock. Nobody, the platform included, can choose
 * the winner: the seed is fixed by contributions committed before the entry deadline.
 */
@ApplicationScoped
public class LotteryService {

    /** The actor of draws. */
    static final String DRAWER = "system:lottery";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9_:.-]{1,100}$");
    /** Under which field the outcome of a draw would be committed; a listing that draws is always public. */
    private static final String OUTCOME = "outcome";

    private final ListingRepository listings;
    private final RegistrationRepository registrations;
    private final LotteryRepository lotteries;
    private final AuditLog audit;
    private final PartyService parties;
    private final Event<ListingPhaseChanged> phaseChanged;
    private final ZoneId zone;
    private final Clock clock;

    LotteryService(ListingRepository listings, RegistrationRepository registrations, LotteryRepository lotteries,
            AuditLog audit, PartyService parties, Event<ListingPhaseChanged> phaseChanged, MarketConfig config,
            Clock clock) {
        this.listings = listings;
        this.registrations = registrations;
        this.lotteries = lotteries;
        this.audit = audit;
        this.parties = parties;
        this.phaseChanged = phaseChanged;
        this.zone = config.zone();
        this.clock = clock;
    }

    /** An entry's round as the entrant sees it, and whether this call only repeated an earlier identical entry. */
    public record Entered(LotteryView lottery, boolean replayed) {
    }

    /** The result of a reveal: the round, or a refusal because the contribution did not open the commitment. */
    public record Revealed(LotteryView lottery, boolean refused, Instant revealDeadline) {
    }

    /**
     * A qualified bidder of the listing accepts the cap price and enters its lottery round in the entry
     * window, with a commitment to a random contribution ({@link LotteryCommitment}); only the
     * commitment is stored and logged ({@code lottery.entered}). The bidder whose bid reached the cap is
     * an entrant already and may enter too, to add a contribution to the seed. A repeat with the same
     * Idempotency-Key and commitment returns the same round. Raises 400 without a usable
     * Idempotency-Key or for a commitment that is not 64 lower-case hex characters, 404 for a listing
     * not announced, 409 for a listing that does not draw lots at its cap or has no open round, 403 for
     * a caller that is not a qualified bidder, 409 for a second entry, 409 after the entry deadline.
     */
    @Transactional
    public Entered enter(Actor actor, long listingId, EnterLotteryRequest request, String idempotencyKey) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.invalid("Idempotency-Key", MessageKey.LOTTERY_KEY_MISSING);
        }
        if (!LotteryCommitment.isHex64(request.commitment())) {
            throw ApiException.invalid("commitment", MessageKey.LOTTERY_COMMITMENT_FORMAT);
        }
        Listing listing = lotteryListing(listingId);
        Registration bidder = qualified(actor, listing);
        LotteryRound round = openRound(listing);
        Optional<LotteryEntry> existing = lotteries.entry(listingId, bidder.id);
        if (existing.isPresent()) {
            LotteryEntry e = existing.get();
            if (e.idempotencyKey.equals(idempotencyKey) && e.commitment.equals(request.commitment())) {
                return new Entered(view(listing, round, bidder.id), true);
            }
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.LOTTERY_ALREADY_ENTERED);
        }
        Instant now = Instant.now(clock);
        if (listing.status != ListingStatus.LOTTERY) {
            throw ApiException.invalidState(MessageKey.LOTTERY_NOT_OPEN);
        }
        if (!now.isBefore(listing.lotteryEntryDeadline)) {
            throw ApiException.invalidState(MessageKey.LOTTERY_ENTRY_CLOSED,
                    ApiTime.format(listing.lotteryEntryDeadline, zone));
        }
        LotteryEntry e = new LotteryEntry();
        e.listingId = listingId;
        e.seq = lotteries.nextSeq(listingId);
        e.registrationId = bidder.id;
        e.bidderNo = bidder.bidderNo;
        e.commitment = request.commitment();
        e.idempotencyKey = idempotencyKey;
        e.enteredAt = now;
        lotteries.persist(e);
        audit.append(e.enteredEntry(listing.listingNo));
        return new Entered(view(listing, round, bidder.id), false);
    }

    /**
     * An entrant reveals its contribution in the reveal window (from the entry deadline to the reveal
     * deadline): when it opens the commitment it is stored and logged ({@code lottery.revealed}); when
     * it does not, nothing is stored, the refusal is logged ({@code lottery.reveal_refused}, without
     * what was sent) and the result says so (the API answers 422): the entrant may try again until the
     * window closes. Revealing again what was revealed returns the round. Raises 400 for a contribution
     * that is not 64 lower-case hex characters, 404 / 409 / 403 as {@link #enter} does, 409 without an
     * entry, 409 for a different reveal of a revealed contribution, 409 outside the window.
     */
    @Transactional
    public Revealed reveal(Actor actor, long listingId, RevealLotteryRequest request) {
        if (!LotteryCommitment.isHex64(request.contribution())) {
            throw ApiException.invalid("contribution", MessageKey.LOTTERY_CONTRIBUTION_FORMAT);
        }
        Listing listing = lotteryListing(listingId);
        Registration bidder = qualified(actor, listing);
        LotteryRound round = openRound(listing);
        LotteryEntry e = lotteries.entry(listingId, bidder.id)
                .orElseThrow(() -> ApiException.invalidState(MessageKey.LOTTERY_NO_ENTRY));
        if (e.revealed()) {
            if (e.contribution.equals(request.contribution())) {
                return new Revealed(view(listing, round, bidder.id), false, listing.lotteryRevealDeadline);
            }
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.LOTTERY_ALREADY_REVEALED);
        }
        Instant now = Instant.now(clock);
        if (listing.status != ListingStatus.LOTTERY || now.isBefore(listing.lotteryEntryDeadline)
                || !now.isBefore(listing.lotteryRevealDeadline)) {
            throw ApiException.invalidState(MessageKey.LOTTERY_REVEAL_NOT_OPEN,
                    ApiTime.format(listing.lotteryEntryDeadline, zone),
                    ApiTime.format(listing.lotteryRevealDeadline, zone));
        }
        if (!LotteryCommitment.opens(e.commitment, listing.listingNo, e.bidderNo, request.contribution())) {
            e.failedReveals++;
            audit.append(e.revealRefusedEntry(now));
            return new Revealed(view(listing, round, bidder.id), true, listing.lotteryRevealDeadline);
        }
        e.contribution = request.contribution();
        e.revealedAt = now;
        audit.append(e.revealedEntry(listing.listingNo));
        return new Revealed(view(listing, round, bidder.id), false, listing.lotteryRevealDeadline);
    }

    /**
     * The listing's lottery round by bidder number (never an identity), for every role that may see the
     * listing: regulators the listings of their region (403 outside it), everyone else announced ones
     * (404). 409 for a listing that does not draw lots at its cap, or whose cap no bid has reached.
     */
    @Transactional
    public LotteryView state(Actor actor, long listingId) {
        Optional<Regulator> regulator = parties.regulatorIfRegulator(actor);
        Listing listing = listings.findByIdOptional(listingId)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        if (regulator.isPresent() && !regulator.get().covers(listing.regionCode)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
        }
        if (regulator.isEmpty() && !listing.isPublic()) {
            throw ApiException.notFound("listing", listingId);
        }
        if (listing.capAction != CapAction.LOTTERY) {
            throw ApiException.invalidState(MessageKey.LOTTERY_NOT_LOTTERY);
        }
        LotteryRound round = lotteries.round(listingId)
                .orElseThrow(() -> ApiException.invalidState(MessageKey.LOTTERY_NOT_OPEN));
        Long mine = actor.is(Role.ENTERPRISE)
                ? registrations.of(listingId, actor.org()).map(r -> r.id).orElse(-1L) : null;
        return view(listing, round, mine);
    }

    /** Ids of listings whose lottery is due for its draw, for the drawer to take one by one. */
    @Transactional
    public List<Long> dueForDraw() {
        return lotteries.dueForDraw(Instant.now(clock));
    }

    /**
     * Draws the lottery of a listing whose reveal window has closed (or whose entry window closed with
     * the cap's bidder the only entrant), under the listing's row lock so it happens once whatever the
     * number of instances (domain.md, "Sale formats"; {@link LotteryDraw}): the entrants are the cap's
     * bidder and every bidder that entered, revealed or not; the seed hashes the revealed contributions
     * and the platform's. The winner buys the lot at the cap price: its acceptance is the listing's
     * winning bid (the cap's own bid when the cap's bidder wins), SOLD, and the trade opens as for any
     * sale. The move carries every input of the draw and its result, so anyone can recompute it from
     * the public log ({@link LotteryDraw#recompute}). Returns whether this call drew.
     */
    @Transactional
    public boolean drawIfDue(long listingId) {
        Listing listing = listings.lock(listingId).orElseThrow();
        Instant now = Instant.now(clock);
        if (listing.status != ListingStatus.LOTTERY || now.isBefore(listing.lotteryEntryDeadline)) {
            return false;
        }
        LotteryRound round = lotteries.round(listingId).orElseThrow();
        List<LotteryEntry> entries = lotteries.entries(listingId);
        long capRegistration = lotteries.registrationOfBid(round.capBidId);
        boolean capBidderAlone = entries.stream().allMatch(e -> e.registrationId == capRegistration);
        if (now.isBefore(listing.lotteryRevealDeadline) && !capBidderAlone) {
            return false;
        }
        LotteryDraw.Result draw = draw(listing, round, entries);
        round.drawnAt = now;
        long bidId;
        int sequence;
        if (draw.winnerBidderNo().equals(round.capBidderNo)) {
            bidId = round.capBidId;
            sequence = listing.bidCount;
        } else {
            LotteryEntry won = entries.stream().filter(e -> e.bidderNo.equals(draw.winnerBidderNo())).findFirst()
                    .orElseThrow();
            sequence = listing.bidCount + 1;
            bidId = lotteries.insertWinningBid(listingId, sequence, won.registrationId, won.bidderNo, round.capFen,
                    now, lotteries.phaseOfBid(round.capBidId));
            listing.bidCount = sequence;
        }
        listing.winningBidId = bidId;
        listing.highestBidFen = round.capFen;
        listing.closedAt = now;
        Map<String, Object> facts = AuctionEntries.sold(bidId, sequence, draw.winnerBidderNo(), round.capFen,
                listing.bidCount, listing.reservePriceFen);
        facts.put("capAction", CapAction.LOTTERY.name());
        facts.put("lottery", drawFacts(listing, round, entries, draw));
        String reason = (draw.drawn() ? "drawn by lot among " + draw.entrants().size() + " entrants"
                : "the only entrant") + ", sold at the cap " + Money.ofFen(round.capFen).toYuan();
        listings.transition(listing, ListingStatus.SOLD, now, DRAWER, reason, OUTCOME, facts);
        phaseChanged.fire(new ListingPhaseChanged(listing.id, ListingStatus.SOLD, null, now));
        return true;
    }

    private static LotteryDraw.Result draw(Listing listing, LotteryRound round, List<LotteryEntry> entries) {
        List<String> entrants = new ArrayList<>();
        entrants.add(round.capBidderNo);
        for (LotteryEntry e : entries) {
            if (!e.bidderNo.equals(round.capBidderNo)) {
                entrants.add(e.bidderNo);
            }
        }
        List<LotteryDraw.Contribution> revealed = entries.stream().filter(LotteryEntry::revealed)
                .map(e -> new LotteryDraw.Contribution(e.bidderNo, e.contribution)).toList();
        return LotteryDraw.draw(listing.listingNo, entrants, revealed, round.platformContribution);
    }

    /** The {@code lottery} facts of the draw's log entry: everything {@link LotteryDraw#recompute} needs. */
    private static Map<String, Object> drawFacts(Listing listing, LotteryRound round, List<LotteryEntry> entries,
            LotteryDraw.Result draw) {
        Map<String, Object> facts = new HashMap<>();
        facts.put("listingNo", listing.listingNo);
        facts.put("capFen", round.capFen);
        facts.put("capBidId", round.capBidId);
        facts.put("capBidderNo", round.capBidderNo);
        facts.put("entryDeadline", listing.lotteryEntryDeadline.toString());
        facts.put("revealDeadline", listing.lotteryRevealDeadline.toString());
        List<Map<String, Object>> list = new ArrayList<>();
        for (LotteryEntry e : entries) {
            Map<String, Object> f = new HashMap<>();
            f.put("sequence", e.seq);
            f.put("bidderNo", e.bidderNo);
            f.put("commitment", e.commitment);
            f.put("contribution", e.contribution);
            list.add(f);
        }
        facts.put("entries", list);
        facts.put("platformCommitment", round.platformCommitment);
        facts.put("platformContribution", round.platformContribution);
        facts.put("entrants", draw.entrants());
        facts.put("drawn", draw.drawn());
        facts.put("seed", draw.seed());
        facts.put("winnerIndex", draw.winnerIndex());
        facts.put("winnerBidderNo", draw.winnerBidderNo());
        facts.put("seedVersion", LotteryDraw.SEED_VERSION);
        return facts;
    }

    private Listing lotteryListing(long listingId) {
        Listing listing = listings.lock(listingId).filter(Listing::isPublic)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        if (listing.capAction != CapAction.LOTTERY) {
            throw ApiException.invalidState(MessageKey.LOTTERY_NOT_LOTTERY);
        }
        return listing;
    }

    private LotteryRound openRound(Listing listing) {
        return lotteries.round(listing.id).orElseThrow(() -> ApiException.invalidState(MessageKey.LOTTERY_NOT_OPEN));
    }

    private Registration qualified(Actor actor, Listing listing) {
        return registrations.of(listing.id, actor.org()).filter(r -> r.status == RegistrationStatus.QUALIFIED)
                .orElseThrow(() -> ApiException.forbidden(MessageKey.LOTTERY_NOT_QUALIFIED));
    }

    private LotteryView view(Listing listing, LotteryRound round, Long viewerRegistration) {
        List<LotteryEntry> entries = lotteries.entries(listing.id);
        Map<String, LotteryView.Entrant> entrants = new TreeMap<>(Comparator.naturalOrder());
        long capRegistration = lotteries.registrationOfBid(round.capBidId);
        for (LotteryEntry e : entries) {
            entrants.put(e.bidderNo, new LotteryView.Entrant(e.bidderNo, e.bidderNo.equals(round.capBidderNo), e.seq,
                    e.commitment, at(e.enteredAt), e.contribution, at(e.revealedAt),
                    viewerRegistration == null ? null : viewerRegistration == e.registrationId));
        }
        entrants.putIfAbsent(round.capBidderNo, new LotteryView.Entrant(round.capBidderNo, true, null, null, null,
                null, null, viewerRegistration == null ? null : viewerRegistration == capRegistration));
        boolean drawn = round.drawnAt != null;
        LotteryDraw.Result result = drawn ? draw(listing, round, entries) : null;
        return new LotteryView(listing.id, listing.listingNo, stage(listing, round), Money.ofFen(round.capFen),
                round.capBidderNo, at(round.openedAt), at(listing.lotteryEntryDeadline),
                at(listing.lotteryRevealDeadline), round.platformCommitment,
                drawn ? round.platformContribution : null, List.copyOf(entrants.values()),
                drawn ? result.drawn() : null, drawn ? result.seed() : null, drawn ? result.winnerIndex() : null,
                drawn ? result.winnerBidderNo() : null, at(round.drawnAt));
    }

    private LotteryView.Stage stage(Listing listing, LotteryRound round) {
        if (round.drawnAt != null) {
            return LotteryView.Stage.DRAWN;
        }
        if (listing.status == ListingStatus.SUSPENDED) {
            return LotteryView.Stage.SUSPENDED;
        }
        if (listing.status != ListingStatus.LOTTERY) {
            return LotteryView.Stage.TERMINATED;
        }
        Instant now = Instant.now(clock);
        if (now.isBefore(listing.lotteryEntryDeadline)) {
            return LotteryView.Stage.ENTRY;
        }
        return now.isBefore(listing.lotteryRevealDeadline) ? LotteryView.Stage.REVEAL : LotteryView.Stage.DRAW_DUE;
    }

    private OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
