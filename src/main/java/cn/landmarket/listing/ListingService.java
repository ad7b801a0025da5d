package cn.landmarket.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import cn.landmarket.asset.Certificate;
import cn.landmarket.asset.CertificateService;
import cn.landmarket.asset.Quantity;
import cn.landmarket.calendar.CalendarService;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.party.DivisionCode;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Township;
import cn.landmarket.party.TownshipDeactivating;

/**
 * Listings from draft to submission and announcement, relisting, and what each caller may read.
 * The regulator's decisions (review, suspension, termination) are {@link ListingReviewService}'s.
 * Every change locks the listing row, so concurrent requests and instances see one order.
 */
@ApplicationScoped
public class ListingService {

    /** The field under which a draft's terms are committed in the log until it is announced. */
    private static final String TERMS = "terms";

    private final ListingRepository listings;
    private final CertificateService certificates;
    private final PartyService parties;
    private final CalendarService calendar;
    private final ListingRules rules;
    private final MarketConfig.Rules numbers;
    private final ZoneId zone;
    private final Clock clock;
    private final Event<ListingPhaseChanged> opened;

    ListingService(ListingRepository listings, CertificateService certificates, PartyService parties,
            CalendarService calendar, MarketConfig config, Clock clock, Event<ListingPhaseChanged> opened) {
        this.listings = listings;
        this.certificates = certificates;
        this.parties = parties;
        this.calendar = calendar;
        this.rules = new ListingRules(config.rules(), config.zone());
        this.numbers = config.rules();
        this.zone = config.zone();
        this.clock = clock;
        this.opened = opened;
    }

    /**
     * A township drafts a listing on one of its certificates and freezes the lot. Raises 400 for
     * terms that break {@link ListingRules}, 403 when the certificate is not the township's, 409 when
     * the lot exceeds what is still free on the certificate.
     */
    @Transactional
    public ListingView draft(Actor actor, ListingRequest request) {
        Township seller = parties.townshipOf(actor);
        Instant now = Instant.now(clock);
        Certificate certificate = certificates.lockHeld(seller.code, request.certificateId());
        rules.require(request, certificate, calendar.calendar(), now, false);
        return create(actor, seller, certificate, request, now, null);
    }

    /**
     * What {@link #draft} would meet with these terms at this instant, without saving or freezing
     * anything: the same checks on the same certificate (every {@link ListingRules} violation, and
     * whether the lot is still free), and the dates the rules derive from the schedule. For a form
     * that explains the rules as they are typed. Raises as draft does for a certificate the township
     * does not hold (403) or that does not exist (404). The request must already satisfy its bean
     * constraints, as the API checks them before draft is called.
     */
    @Transactional
    public ListingPreview preview(Actor actor, ListingRequest request) {
        return preview(actor, request, null);
    }

    /**
     * What {@link #update} of the draft {@code editing} would meet with these terms, as {@link
     * #preview(Actor, ListingRequest)} says it for a new draft: the lot the draft holds now counts as
     * free when the terms keep its certificate. Raises as update does for a listing that is not the
     * township's own draft (404, 403, 409); {@code editing} null previews a new draft.
     */
    @Transactional
    public ListingPreview preview(Actor actor, ListingRequest request, Long editing) {
        Township seller = parties.townshipOf(actor);
        Quantity held = new Quantity(0, null, null);
        if (editing != null) {
            // read, not locked: a preview changes nothing and runs on every keystroke
            Listing draft = ownDraft(actor, listings.findByIdOptional(editing), editing);
            if (request.certificateId() != null && draft.certificateId == request.certificateId()) {
                held = draft.lot();
            }
        }
        Certificate certificate = certificates.held(seller.code, request.certificateId());
        var workingDays = calendar.calendar();
        List<FieldViolation> violations = rules.check(request, certificate, workingDays, Instant.now(clock), false);
        return new ListingPreview(violations,
                CertificateService.shortfall(certificate, lotOf(request), held).orElse(null),
                rules.dates(request, workingDays));
    }

    /**
     * The dates the rules derive from a schedule, as {@link #preview} reports them (each null while
     * the time it is counted from is missing); no certificate or other term is needed.
     */
    public ListingDates dates(ListingRequest schedule) {
        return rules.dates(schedule, calendar.calendar());
    }

    /** The rule numbers listings are checked against (this deployment's {@link MarketConfig.Rules}). */
    public MarketConfig.Rules ruleNumbers() {
        return numbers;
    }

    /**
     * The township relists the lot of a DEFAULTED or UNSOLD listing as a new DRAFT (see
     * {@link ListingRules#relistTerms}): the failed listing's reserve, public since its close, is
     * never carried over. A failed listing is relisted at most once: the failed listing's row lock
     * orders concurrent relists, and the second is a 409 (so is a relist of a relist's draft that
     * still exists). The two listings link both ways ({@code relistedFrom}, {@code relistedAs}).
     * Raises 404 for another township's listing, 409 INVALID_STATE for any other status, 400 with a
     * field error for every rule the new terms break (a start price more than the configured
     * percentage below the failed listing's; a deposit or price cap out of range of the new start
     * price), and 409 when the lot is no longer free on the certificate.
     */
    @Transactional
    public ListingView relist(Actor actor, long id, RelistRequest request) {
        Township seller = parties.townshipOf(actor);
        Listing failed = listings.lock(id).filter(l -> l.sellerCode.equals(seller.code))
                .orElseThrow(() -> ApiException.notFound("listing", id));
        if (failed.status != ListingStatus.DEFAULTED && failed.status != ListingStatus.UNSOLD) {
            throw ApiException.invalidState(MessageKey.LISTING_RELIST_NOT_FAILED, failed.status);
        }
        if (failed.relistedAs != null) {
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.LISTING_ALREADY_RELISTED, failed.relistedAs);
        }
        Instant now = Instant.now(clock);
        ListingRequest terms = ListingRules.relistTerms(failed, request);
        Certificate certificate = certificates.lockHeld(seller.code, terms.certificateId());
        List<FieldViolation> violations = rules.checkRelist(failed.startPriceFen, terms, certificate,
                calendar.calendar(), now);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        ListingView relisted = create(actor, seller, certificate, terms, now, failed.id);
        failed.relistedAs = relisted.id();
        listings.record(ListingHistory.of(failed.id, failed.status, failed.status, now,
                actor.toString(), "relisted as " + relisted.id()), Map.of("relistedAs", relisted.id()));
        return ListingView.of(listings.findById(relisted.id()), ListingView.Visibility.FULL, zone);
    }

    private ListingView create(Actor actor, Township seller, Certificate certificate, ListingRequest request,
            Instant now, Long relistedFrom) {
        Listing listing = new Listing();
        listing.listingNo = "pending";
        listing.sellerCode = seller.code;
        listing.status = ListingStatus.DRAFT;
        listing.createdAt = now;
        listing.relistedFrom = relistedFrom;
        apply(listing, request, certificate);
        listings.persist(listing);
        listing.listingNo = "GT-%s-%d-%06d".formatted(DivisionCode.countyOf(seller.code),
                now.atZone(zone).getYear(), listing.id);
        certificates.freeze(certificate, lotOf(request), listing.id, actor.toString());
        Map<String, Object> facts = listing.termsFacts();
        if (relistedFrom != null) {
            facts.put("relistedFrom", relistedFrom);
        }
        listings.record(listing, ListingHistory.of(listing.id, null, ListingStatus.DRAFT, now, actor.toString(), null),
                TERMS, facts);
        return ListingView.of(listing, ListingView.Visibility.FULL, zone);
    }

    /**
     * Replaces a draft's terms (and lot); only the owning township, only while DRAFT (409). The
     * change stays DRAFT and is recorded in the history and the audit log with the new terms.
     */
    @Transactional
    public ListingView update(Actor actor, long id, ListingRequest request) {
        Township seller = parties.townshipOf(actor);
        Listing listing = ownDraft(actor, id);
        Certificate certificate = certificates.lockHeld(seller.code, request.certificateId());
        Instant now = Instant.now(clock);
        rules.require(request, certificate, calendar.calendar(), now, false);
        certificates.release(listing.certificateId, listing.lot(), listing.id, actor.toString());
        certificates.freeze(certificate, lotOf(request), listing.id, actor.toString());
        apply(listing, request, certificate);
        listings.record(listing, ListingHistory.of(listing.id, ListingStatus.DRAFT, ListingStatus.DRAFT, now,
                actor.toString(), "terms updated"), TERMS, listing.termsFacts());
        return ListingView.of(listing, ListingView.Visibility.FULL, zone);
    }

    /**
     * Deletes a draft and releases its lot; only the owning township, only while DRAFT (409). A
     * relist's draft frees its failed listing to be relisted again.
     */
    @Transactional
    public void delete(Actor actor, long id) {
        Listing listing = ownDraft(actor, id);
        if (listing.relistedFrom != null) {
            Listing failed = listings.lock(listing.relistedFrom).orElseThrow();
            failed.relistedAs = null;
            listings.record(ListingHistory.of(failed.id, failed.status, failed.status, Instant.now(clock),
                    actor.toString(), "relist " + listing.id + " deleted"), Map.of("relistDeleted", listing.id));
        }
        certificates.release(listing.certificateId, listing.lot(), listing.id, actor.toString());
        listings.deleteDraft(listing, Instant.now(clock), actor.toString());
    }

    /** The owning township submits a draft for review; the rules are checked again at this instant. */
    @Transactional
    public ListingView submit(Actor actor, long id) {
        Listing listing = ownDraft(actor, id);
        Instant now = Instant.now(clock);
        rules.require(ListingRequest.of(listing, zone), certificates.require(listing.certificateId), calendar.calendar(),
                now, false);
        listing.submittedAt = now;
        move(listing, ListingStatus.PENDING_REVIEW, now, actor, null);
        return ListingView.of(listing, ListingView.Visibility.FULL, zone);
    }

    /** One listing as the caller may see it; enterprises see announced listings only. */
    @Transactional
    public ListingView get(Actor actor, long id) {
        parties.regulatorIfRegulator(actor); // 403 for an unregistered regulator before anything is looked up
        Listing listing = listings.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("listing", id));
        return ListingView.of(listing, visibility(actor, listing), zone);
    }

    /** The status history of a listing the caller may see. */
    @Transactional
    public List<ListingHistoryView> history(Actor actor, long id) {
        parties.regulatorIfRegulator(actor); // 403 for an unregistered regulator before anything is looked up
        Listing listing = listings.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("listing", id));
        visibility(actor, listing);
        return listings.history(id).stream().map(h -> ListingHistoryView.of(h, zone)).toList();
    }

    /** Listings the caller may see: its own (township), its jurisdiction (regulator), all (operator), public (enterprise). */
    @Transactional
    public PageView<ListingView> search(Actor actor, ListingSearch search, PageRequest page) {
        return switch (actor.role()) {
            case TOWNSHIP -> PageView.of(listings.search(search, parties.townshipOf(actor).code, null, false), page,
                    l -> ListingView.of(l, ListingView.Visibility.FULL, zone));
            case REGULATOR -> PageView.of(listings.search(search, null,
                    parties.regulatorOf(actor).jurisdictionPrefix(), false), page,
                    l -> ListingView.of(l, ListingView.Visibility.FULL, zone));
            case OPERATOR -> PageView.of(listings.search(search, null, null, false), page,
                    l -> ListingView.of(l, ListingView.Visibility.PLATFORM, zone));
            case ENTERPRISE -> publicSearch(search, page);
        };
    }

    /** Announced and later listings, for anyone. */
    @Transactional
    public PageView<ListingView> publicSearch(ListingSearch search, PageRequest page) {
        return PageView.of(listings.search(search, null, null, true), page,
                l -> ListingView.of(l, ListingView.Visibility.PUBLIC, zone));
    }

    /** One announced listing, for anyone (404 before its announcement). */
    @Transactional
    public ListingView publicGet(long id) {
        return listings.findByIdOptional(id).filter(Listing::isPublic)
                .map(l -> ListingView.of(l, ListingView.Visibility.PUBLIC, zone))
                .orElseThrow(() -> ApiException.notFound("listing", id));
    }

    /**
     * Raises unless {@code actor} sees more of the listing than the public does (its township,
     * regulators of its region, operators): those may open the commitments of its unannounced facts
     * in the audit log. 404 for an unknown (or deleted) listing, 403 for anyone else.
     */
    @Transactional
    public void authoriseUnpublishedFacts(Actor actor, long id) {
        Listing listing = listings.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("listing", id));
        if (visibility(actor, listing) == ListingView.Visibility.PUBLIC) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_COMMITMENT);
        }
    }

    /**
     * Raises unless {@code actor} is a registered regulator whose jurisdiction covers the listing's
     * region: the only readers of what a regulator's reveal of bidder identities was for. 404 for an
     * unknown listing, 403 for anyone else.
     */
    @Transactional
    public void authoriseRegulatorOf(Actor actor, long id) {
        String jurisdiction = parties.regulatorOf(actor).code;
        Listing listing = listings.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("listing", id));
        if (!DivisionCode.covers(jurisdiction, listing.regionCode)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
        }
    }

    private ListingView.Visibility visibility(Actor actor, Listing listing) {
        return switch (actor.role()) {
            case TOWNSHIP -> {
                if (!listing.sellerCode.equals(actor.org())) {
                    if (listing.isPublic()) {
                        yield ListingView.Visibility.PUBLIC;
                    }
                    throw ApiException.forbidden(MessageKey.FORBIDDEN_NOT_SELLER);
                }
                yield ListingView.Visibility.FULL;
            }
            case REGULATOR -> {
                if (!parties.regulatorOf(actor).covers(listing.regionCode)) {
                    throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
                }
                yield ListingView.Visibility.FULL;
            }
            case OPERATOR -> ListingView.Visibility.PLATFORM;
            case ENTERPRISE -> {
                if (!listing.isPublic()) {
                    throw ApiException.notFound("listing", listing.id);
                }
                yield ListingView.Visibility.PUBLIC;
            }
        };
    }

    private Listing ownDraft(Actor actor, long id) {
        return ownDraft(actor, listings.lock(id), id);
    }

    /**
     * The township's own draft {@code found} (404 when absent, 403 another township's, 409 no longer
     * a draft): locked by the caller to change it, or only read to preview a change.
     */
    private Listing ownDraft(Actor actor, Optional<Listing> found, long id) {
        Township seller = parties.townshipOf(actor);
        Listing listing = found.orElseThrow(() -> ApiException.notFound("listing", id));
        if (!listing.sellerCode.equals(seller.code)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_NOT_SELLER);
        }
        if (listing.status != ListingStatus.DRAFT) {
            throw ApiException.invalidState(MessageKey.LISTING_NOT_DRAFT, listing.status);
        }
        return listing;
    }

    private void move(Listing listing, ListingStatus to, Instant at, Actor actor, String reason) {
        listings.move(listing, to, at, actor.toString(), reason);
    }

    private static cn.landmarket.asset.Quantity lotOf(ListingRequest r) {
        return new cn.landmarket.asset.Quantity(r.lotAreaM2(), r.lotPaddyAreaM2(), r.lotGrainCapacityKg());
    }

    private void apply(Listing l, ListingRequest r, Certificate c) {
        l.certificateId = c.id;
        l.title = r.title().strip();
        l.description = r.description() == null ? null : r.description().strip();
        l.assetType = c.assetType;
        l.regionCode = c.regionCode;
        l.lotAreaM2 = r.lotAreaM2();
        l.lotPaddyAreaM2 = r.lotPaddyAreaM2();
        l.lotGrainCapacityKg = r.lotGrainCapacityKg();
        l.landUse = c.landUse;
        l.termYears = r.termYears() == null ? null : r.termYears().shortValue();
        l.startPriceFen = r.startPrice().fen();
        l.incrementFen = r.increment().fen();
        l.depositFen = r.deposit().fen();
        l.priceCapFen = r.priceCap() == null ? null : r.priceCap().fen();
        l.reservePriceFen = r.reservePrice() == null ? null : r.reservePrice().fen();
        l.announceAt = r.announceAt().toInstant();
        l.registrationDeadline = r.registrationDeadline().toInstant();
        l.listingStart = r.listingStart().toInstant();
        l.listingEnd = r.listingEnd().toInstant();
        l.countdownSeconds = r.countdownSeconds();
        l.eligibleRegions = r.eligibleRegions() == null ? List.of() : List.copyOf(r.eligibleRegions());
        l.paymentTerms = r.paymentTerms();
        l.saleFormat = r.format();
        l.runnerUpAward = r.awardsRunnerUp();
        l.revealDeadline = l.isSealed() ? l.listingEnd.plus(Duration.ofMinutes(numbers.sealedRevealMinutes())) : null;
        l.capAction = r.capActionOrDefault();
        l.lotteryEntryMinutes = l.drawsLotsAtCap() ? numbers.lotteryEntryMinutes() : null;
        l.lotteryRevealMinutes = l.drawsLotsAtCap() ? numbers.lotteryRevealMinutes() : null;
    }

    /**
     * Refuses (409) to let an operator deactivate a township that still has a listing under review, on
     * sale or awaiting payment: deactivated, it could no longer confirm or be paid for it.
     */
    void onTownshipDeactivating(@Observes TownshipDeactivating event) {
        long open = listings.countInProgress(event.townshipCode());
        if (open > 0) {
            throw ApiException.invalidState(MessageKey.TOWNSHIP_OPEN_LISTINGS, event.townshipCode(), open);
        }
    }

    /**
     * Advances listings whose scheduled moment has come; run by {@link ListingTimeline}. Each opening
     * is fired as {@link ListingPhaseChanged} in the same transaction (the live feed tells its watchers).
     */
    @Transactional
    public int advanceTimeline() {
        Instant now = Instant.now(clock);
        int moved = 0;
        for (Long id : listings.advance(ListingStatus.APPROVED, ListingStatus.ANNOUNCED, "announce_at", now)) {
            Listing announced = listings.findById(id);
            listings.record(announced, ListingHistory.of(id, ListingStatus.APPROVED, ListingStatus.ANNOUNCED, now,
                    ListingTimeline.ACTOR, null), ListingRepository.DETAILS, announced.termsFacts());
            moved++;
        }
        for (Long id : listings.advance(ListingStatus.ANNOUNCED, ListingStatus.LISTING, "listing_start", now)) {
            listings.record(ListingHistory.of(id, ListingStatus.ANNOUNCED, ListingStatus.LISTING, now,
                    ListingTimeline.ACTOR, null));
            // The bulk UPDATE left any loaded copy's status stale; the end of the listing period it did not touch.
            opened.fire(new ListingPhaseChanged(id, ListingStatus.LISTING, listings.findById(id).listingEnd, now));
            moved++;
        }
        return moved;
    }
}
