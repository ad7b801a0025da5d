package cn.landmarket.auction;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import cn.landmarket.asset.CertificateService;
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
import cn.landmarket.ledger.LedgerService;
import cn.landmarket.ledger.TransferKind;
import cn.landmarket.listing.Listing;
import cn.landmarket.listing.ListingPhaseChanged;
import cn.landmarket.listing.ListingRepository;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;

/**
 * The sealed one-time quotation (domain.md, "Sale formats"): commitments during the quotation
 * period, reveals in the reveal window after it, and the opening when the window closes, exactly
 * once under the listing's row lock. The server never holds an amount before its reveal.
 */
@ApplicationScoped
public class QuotationService {

    /** The actor of openings. */
    static final String OPENER = "system:opening";
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[A-Za-z0-9_:.-]{1,100}$");
    /** Under which field the outcome of an opening is committed; a listing that opens is always public. */
    private static final String OUTCOME = "outcome";

    private final ListingRepository listings;
    private final RegistrationRepository registrations;
    private final SealedQuotationRepository quotations;
    private final CertificateService certificates;
    private final LedgerService ledger;
    private final AuditLog audit;
    private final PartyService parties;
    private final Event<ListingPhaseChanged> phaseChanged;
    private final MarketConfig.Rules rules;
    private final ZoneId zone;
    private final Clock clock;

    QuotationService(ListingRepository listings, RegistrationRepository registrations,
            SealedQuotationRepository quotations, CertificateService certificates, LedgerService ledger,
            AuditLog audit, PartyService parties, Event<ListingPhaseChanged> phaseChanged, MarketConfig config,
            Clock clock) {
        this.listings = listings;
        this.registrations = registrations;
        this.quotations = quotations;
        this.certificates = certificates;
        this.ledger = ledger;
        this.audit = audit;
        this.parties = parties;
        this.phaseChanged = phaseChanged;
        this.rules = config.rules();
        this.zone = config.zone();
        this.clock = clock;
    }

    /** A submitted quotation, and whether this call only repeated an earlier identical one. */
    public record Submitted(QuotationView quotation, boolean replayed) {
    }

    /** The result of a reveal: the quotation, or a refusal because amount and salt did not open the commitment. */
    public record Revealed(QuotationView quotation, boolean refused, Instant revealDeadline) {
    }

    /**
     * A qualified bidder submits its one sealed quotation on a sealed listing during its quotation
     * period (the listing period): only the commitment is stored and logged
     * ({@code quotation.committed}). A repeat with the same Idempotency-Key and commitment returns the
     * same quotation. Raises 400 without a usable Idempotency-Key or for a commitment that is not 64
     * lower-case hex characters, 404 for a listing not announced, 409 for a listing sold by open bids,
     * 403 for a caller that is not a qualified bidder, 409 for a second quotation, 409 outside the
     * quotation period.
     */
    @Transactional
    public Submitted submit(Actor actor, long listingId, SubmitQuotationRequest request, String idempotencyKey) {
        if (idempotencyKey == null || !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw ApiException.invalid("Idempotency-Key", MessageKey.QUOTATION_KEY_MISSING);
        }
        if (!SealedCommitment.isHex64(request.commitment())) {
            throw ApiException.invalid("commitment", MessageKey.QUOTATION_COMMITMENT_FORMAT);
        }
        Listing listing = sealedListing(listingId);
        Registration bidder = qualified(actor, listing);
        Optional<SealedQuotation> existing = quotations.of(listingId, bidder.id);
        if (existing.isPresent()) {
            SealedQuotation q = existing.get();
            if (q.idempotencyKey.equals(idempotencyKey) && q.commitment.equals(request.commitment())) {
                return new Submitted(view(q, listing, bidder.id, null), true);
            }
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.QUOTATION_ALREADY_SUBMITTED);
        }
        Instant now = Instant.now(clock);
        if (listing.status != ListingStatus.LISTING || !now.isBefore(listing.listingEnd)) {
            throw ApiException.invalidState(MessageKey.QUOTATION_PERIOD_CLOSED,
                    ApiTime.format(listing.listingStart, zone), ApiTime.format(listing.listingEnd, zone));
        }
        SealedQuotation q = new SealedQuotation();
        q.listingId = listingId;
        q.seq = quotations.nextSeq(listingId);
        q.registrationId = bidder.id;
        q.bidderNo = bidder.bidderNo;
        q.commitment = request.commitment();
        q.idempotencyKey = idempotencyKey;
        q.committedAt = now;
        quotations.persist(q);
        audit.append(q.committedEntry());
        return new Submitted(view(q, listing, bidder.id, null), false);
    }

    /**
     * A bidder reveals its quotation in the reveal window (from the listing end to its reveal
     * deadline): when amount and salt open the commitment ({@link SealedCommitment}) they are stored
     * and logged ({@code quotation.revealed}, with the quotation's validity); when they do not,
     * nothing is stored, the refusal is logged ({@code quotation.reveal_refused}, without what was
     * presented) and committed, and the result says so (the API answers 422): the bidder may try
     * again until the window closes. Revealing again what was revealed returns it. Raises 400 for a
     * salt that is not 64 lower-case hex characters, 404 / 409 / 403 as {@link #submit} does, 409
     * without a quotation, 409 for a different reveal of a revealed quotation, 409 outside the window.
     */
    @Transactional
    public Revealed reveal(Actor actor, long listingId, RevealQuotationRequest request) {
        if (!SealedCommitment.isHex64(request.salt())) {
            throw ApiException.invalid("salt", MessageKey.QUOTATION_SALT_FORMAT);
        }
        Listing listing = sealedListing(listingId);
        Registration bidder = qualified(actor, listing);
        SealedQuotation q = quotations.of(listingId, bidder.id)
                .orElseThrow(() -> ApiException.invalidState(MessageKey.QUOTATION_NONE, listingId));
        long amountFen = request.amount().fen();
        if (q.revealed()) {
            if (q.amountFen == amountFen && q.salt.equals(request.salt())) {
                return new Revealed(view(q, listing, bidder.id, null), false, listing.revealDeadline);
            }
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.QUOTATION_ALREADY_REVEALED);
        }
        Instant now = Instant.now(clock);
        if (listing.status != ListingStatus.LISTING || now.isBefore(listing.listingEnd)
                || !now.isBefore(listing.revealDeadline)) {
            throw ApiException.invalidState(MessageKey.QUOTATION_REVEAL_NOT_OPEN,
                    ApiTime.format(listing.listingEnd, zone), ApiTime.format(listing.revealDeadline, zone));
        }
        if (!SealedCommitment.opens(q.commitment, listing.listingNo, q.bidderNo, amountFen, request.salt())) {
            q.failedReveals++;
            audit.append(q.revealRefusedEntry(now));
            return new Revealed(view(q, listing, bidder.id, null), true, listing.revealDeadline);
        }
        q.amountFen = amountFen;
        q.salt = request.salt();
        q.revealedAt = now;
        audit.append(q.revealedEntry(listing.listingNo, SealedOpening.validity(amountFen, listing.startPriceFen)));
        return new Revealed(view(q, listing, bidder.id, null), false, listing.revealDeadline);
    }

    /**
     * The quotations of a sealed listing in commitment order, by bidder number (an empty list for a
     * listing sold by open bids): commitments for everyone who may see the listing, amounts and salts
     * from their reveal on, validity and the winner after the opening, {@code mine} for the bidder.
     * Regulators see the listings of their region (403 outside it), everyone else only announced ones
     * (404). Nobody sees an identity here.
     */
    @Transactional
    public List<QuotationView> list(Actor actor, long listingId) {
        Optional<Regulator> regulator = parties.regulatorIfRegulator(actor);
        Listing listing = listings.findByIdOptional(listingId)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        if (regulator.isPresent() && !regulator.get().covers(listing.regionCode)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
        }
        if (regulator.isEmpty() && !listing.isPublic()) {
            throw ApiException.notFound("listing", listingId);
        }
        if (!listing.isSealed()) {
            return List.of();
        }
        Long mine = actor.is(Role.ENTERPRISE)
                ? registrations.of(listingId, actor.org()).map(r -> r.id).orElse(-1L) : null;
        List<SealedQuotation> all = quotations.ofListing(listingId);
        Integer winner = null;
        if (listing.closedAt != null) {
            winner = opening(all, listing).winner().map(SealedOpening.Judged::sequence).orElse(null);
        }
        List<QuotationView> views = new ArrayList<>();
        for (SealedQuotation q : all) {
            views.add(view(q, listing, mine, winner));
        }
        return views;
    }

    /** Ids of sealed listings whose reveal window has closed, for the opener to take one by one. */
    @Transactional
    public List<Long> dueForOpening() {
        return quotations.dueForOpening(Instant.now(clock));
    }

    /**
     * Opens a sealed listing whose reveal window has closed, under the listing's row lock so it
     * happens once whatever the number of instances (domain.md, "Sale formats"): quotations not
     * revealed are invalid and their deposits forfeited (setting
     * {@code market.rules.sealed-unrevealed-deposit}, else refunded as any loser's), the highest
     * valid quotation at or above the reserve wins (earlier commitment on a tie) and becomes the
     * listing's one accepted bid: SOLD; else UNSOLD and the lot is released. The move carries every
     * quotation's sequence, bidder number, commitment, amount and validity, the start price, the
     * reserve and the winner, so anyone can recompute the opening from the public log.
     */
    @Transactional
    public ListingStatus openIfDue(long listingId) {
        Listing listing = listings.lock(listingId).orElseThrow();
        Instant now = Instant.now(clock);
        if (!listing.isSealed() || listing.status != ListingStatus.LISTING || listing.revealDeadline.isAfter(now)) {
            return listing.status;
        }
        List<SealedQuotation> all = quotations.ofListing(listingId);
        SealedOpening.Opening opening = opening(all, listing);
        MarketConfig.UnrevealedDeposit depositRule = rules.sealedUnrevealedDeposit();
        if (depositRule == MarketConfig.UnrevealedDeposit.FORFEIT) {
            for (SealedQuotation q : all) {
                if (!q.revealed()) {
                    forfeit(q, listing, now);
                }
            }
        }
        Map<String, Object> facts = new HashMap<>();
        facts.put("saleFormat", listing.saleFormat.name());
        facts.put("listingNo", listing.listingNo);
        facts.put("result", opening.result().name());
        facts.put("startPriceFen", listing.startPriceFen);
        facts.put("reservePriceFen", listing.reservePriceFen);
        facts.put("revealDeadline", listing.revealDeadline.toString());
        facts.put("unrevealedDeposit", depositRule.name());
        facts.put("quotations", quotationFacts(all, opening));
        listing.closedAt = now;
        ListingStatus to;
        String reason;
        if (opening.winner().isPresent()) {
            SealedOpening.Judged best = opening.winner().get();
            SealedQuotation won = all.stream().filter(q -> q.seq == best.sequence()).findFirst().orElseThrow();
            long bidId = quotations.insertWinningBid(won, now, listing.revealDeadline);
            listing.winningBidId = bidId;
            listing.highestBidFen = won.amountFen;
            listing.bidCount = 1;
            to = ListingStatus.SOLD;
            reason = "sold at " + Money.ofFen(won.amountFen).toYuan() + " by sealed quotation";
            facts.put("outcome", ListingStatus.SOLD.name());
            facts.put("winningBidId", bidId);
            facts.put("winningSequence", won.seq);
            facts.put("winningBidderNo", won.bidderNo);
            facts.put("winningAmountFen", won.amountFen);
        } else {
            certificates.release(listing.certificateId, listing.lot(), listing.id, OPENER);
            to = ListingStatus.UNSOLD;
            reason = opening.result() == SealedOpening.Result.BELOW_RESERVE ? "highest quotation below the reserve"
                    : "no valid quotation";
            facts.put("outcome", ListingStatus.UNSOLD.name());
            facts.put("unsoldReason", opening.result() == SealedOpening.Result.BELOW_RESERVE ? "BELOW_RESERVE"
                    : "NO_VALID_QUOTATION");
            facts.put("highestValidAmountFen", opening.best().map(SealedOpening.Judged::amountFen).orElse(null));
        }
        listings.transition(listing, to, now, OPENER, reason, OUTCOME, facts);
        phaseChanged.fire(new ListingPhaseChanged(listing.id, to, null, now));
        return to;
    }

    private void forfeit(SealedQuotation q, Listing listing, Instant now) {
        long held = ledger.available(LedgerService.deposit(q.registrationId));
        if (held <= 0) {
            return;
        }
        audit.append(q.depositForfeitedEntry(held, now, OPENER));
        ledger.move("registration:" + q.registrationId + ":unrevealed-forfeit", LedgerService.deposit(q.registrationId),
                LedgerService.FORFEITED, held, TransferKind.DEPOSIT_FORFEIT,
                "quotation " + listing.listingNo + "/" + q.seq, listing.id);
    }

    private static SealedOpening.Opening opening(List<SealedQuotation> all, Listing listing) {
        return SealedOpening.open(all.stream()
                .map(q -> new SealedOpening.Quotation(q.seq, q.bidderNo, q.amountFen)).toList(),
                listing.startPriceFen, listing.reservePriceFen);
    }

    private static List<Map<String, Object>> quotationFacts(List<SealedQuotation> all, SealedOpening.Opening opening) {
        List<Map<String, Object>> facts = new ArrayList<>();
        for (SealedOpening.Judged j : opening.quotations()) {
            SealedQuotation q = all.stream().filter(x -> x.seq == j.sequence()).findFirst().orElseThrow();
            Map<String, Object> f = new HashMap<>();
            f.put("sequence", q.seq);
            f.put("bidderNo", q.bidderNo);
            f.put("commitment", q.commitment);
            f.put("amountFen", q.amountFen);
            f.put("salt", q.salt);
            f.put("validity", j.validity().name());
            facts.add(f);
        }
        return facts;
    }

    private Listing sealedListing(long listingId) {
        Listing listing = listings.lock(listingId).filter(Listing::isPublic)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        if (!listing.isSealed()) {
            throw ApiException.invalidState(MessageKey.QUOTATION_NOT_SEALED);
        }
        return listing;
    }

    private Registration qualified(Actor actor, Listing listing) {
        return registrations.of(listing.id, actor.org()).filter(r -> r.status == RegistrationStatus.QUALIFIED)
                .orElseThrow(() -> ApiException.forbidden(MessageKey.QUOTATION_NOT_QUALIFIED));
    }

    private QuotationView view(SealedQuotation q, Listing listing, Long viewerRegistration, Integer winner) {
        QuotationValidity validity = q.revealed() || listing.closedAt != null
                ? SealedOpening.validity(q.amountFen, listing.startPriceFen) : null;
        return new QuotationView(q.listingId, q.seq, q.bidderNo, q.commitment, at(q.committedAt), at(q.revealedAt),
                q.amountFen == null ? null : Money.ofFen(q.amountFen), q.salt, validity,
                winner == null ? null : winner == q.seq, viewerRegistration == null ? null
                        : viewerRegistration == q.registrationId);
    }

    private java.time.OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
