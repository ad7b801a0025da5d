package cn.landmarket.listing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import cn.landmarket.asset.CertificateService;
import cn.landmarket.calendar.CalendarService;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;

/**
 * What a regulator decides about a listing of its region: approval or rejection of a submitted
 * listing, and suspension, resumption and termination of a live one. Every decision locks the
 * listing row and goes through {@link ListingRepository#transition}; the last three are fired as
 * {@link ListingPhaseChanged}, so the rooms watching the listing follow them live.
 */
@ApplicationScoped
public class ListingReviewService {

    private final ListingRepository listings;
    private final CertificateService certificates;
    private final PartyService parties;
    private final CalendarService calendar;
    private final ListingRules rules;
    private final ZoneId zone;
    private final Clock clock;
    private final Event<ListingRescheduled> rescheduled;
    private final Event<ListingPhaseChanged> phaseChanged;

    ListingReviewService(ListingRepository listings, CertificateService certificates, PartyService parties,
            CalendarService calendar, MarketConfig config, Clock clock, Event<ListingRescheduled> rescheduled,
            Event<ListingPhaseChanged> phaseChanged) {
        this.listings = listings;
        this.certificates = certificates;
        this.parties = parties;
        this.calendar = calendar;
        this.rules = new ListingRules(config.rules(), config.zone());
        this.zone = config.zone();
        this.clock = clock;
        this.rescheduled = rescheduled;
        this.phaseChanged = phaseChanged;
    }

    /**
     * A regulator of the listing's region approves it. The announcement period is counted from now
     * if the scheduled announcement time has passed (400 if that leaves it too short); an
     * announcement time that has come announces the listing at once.
     */
    @Transactional
    public ListingView approve(Actor actor, long id) {
        Listing listing = reviewable(actor, id, ListingStatus.PENDING_REVIEW);
        Instant now = Instant.now(clock);
        rules.require(ListingRequest.of(listing, zone), certificates.require(listing.certificateId), calendar.calendar(),
                now, true);
        listing.reviewedAt = now;
        listing.reviewedBy = actor.toString();
        move(listing, ListingStatus.APPROVED, now, actor, null);
        if (!listing.announceAt.isAfter(now)) {
            listing.announceAt = now;
            listing.announcedAt = now;
            move(listing, ListingStatus.ANNOUNCED, now, actor, null);
        }
        return ListingView.of(listing, ListingView.Visibility.FULL, zone);
    }

    /** A regulator rejects a listing under review, with a reason; the lot is released. */
    @Transactional
    public ListingView reject(Actor actor, long id, String reason) {
        Listing listing = reviewable(actor, id, ListingStatus.PENDING_REVIEW);
        Instant now = Instant.now(clock);
        listing.reviewedAt = now;
        listing.reviewedBy = actor.toString();
        listing.statusReason = reason.strip();
        move(listing, ListingStatus.REJECTED, now, actor, listing.statusReason);
        certificates.release(listing.certificateId, listing.lot(), listing.id, actor.toString());
        return ListingView.of(listing, ListingView.Visibility.FULL, zone);
    }

    /** A regulator suspends a live listing: its clock stops until it is resumed (409 when not live). */
    @Transactional
    public ListingView suspend(Actor actor, long id, String reason) {
        Listing listing = regulated(actor, id);
        if (!listing.status.isLive()) {
            throw ApiException.invalidState(MessageKey.LISTING_NOT_LIVE, listing.status);
        }
        Instant now = Instant.now(clock);
        listing.suspendedFrom = listing.status;
        listing.suspendedAt = now;
        listing.statusReason = reason.strip();
        move(listing, ListingStatus.SUSPENDED, now, actor, listing.statusReason);
        phaseChanged.fire(ListingPhaseChanged.of(listing, now));
        return ListingView.of(listing, ListingView.Visibility.FULL, zone);
    }

    /**
     * A regulator resumes a suspended listing: every moment still ahead when it was suspended moves
     * later by the length of the suspension, so no party loses time (409 when not suspended).
     */
    @Transactional
    public ListingView resume(Actor actor, long id) {
        Listing listing = regulated(actor, id);
        if (listing.status != ListingStatus.SUSPENDED) {
            throw ApiException.invalidState(MessageKey.LISTING_NOT_SUSPENDED, listing.status);
        }
        Instant now = Instant.now(clock);
        Duration paused = Duration.between(listing.suspendedAt, now);
        listing.announceAt = shift(listing.announceAt, listing.suspendedAt, paused);
        listing.registrationDeadline = shift(listing.registrationDeadline, listing.suspendedAt, paused);
        listing.listingStart = shift(listing.listingStart, listing.suspendedAt, paused);
        listing.listingEnd = shift(listing.listingEnd, listing.suspendedAt, paused);
        if (listing.countdownDeadline != null) {
            listing.countdownDeadline = shift(listing.countdownDeadline, listing.suspendedAt, paused);
        }
        if (listing.revealDeadline != null) {
            listing.revealDeadline = shift(listing.revealDeadline, listing.suspendedAt, paused);
        }
        if (listing.lotteryEntryDeadline != null) {
            listing.lotteryEntryDeadline = shift(listing.lotteryEntryDeadline, listing.suspendedAt, paused);
            listing.lotteryRevealDeadline = shift(listing.lotteryRevealDeadline, listing.suspendedAt, paused);
        }
        ListingStatus back = listing.suspendedFrom;
        listing.suspendedFrom = null;
        listing.suspendedAt = null;
        listing.statusReason = null;
        Map<String, Object> schedule = listing.scheduleFacts();
        schedule.put("pausedSeconds", paused.toSeconds());
        listings.transition(listing, back, now, actor.toString(), "resumed after " + paused.toSeconds() + " s",
                ListingRepository.DETAILS, schedule);
        rescheduled.fire(new ListingRescheduled(listing.id, listing.registrationDeadline));
        phaseChanged.fire(ListingPhaseChanged.of(listing, now));
        return ListingView.of(listing, ListingView.Visibility.FULL, zone);
    }

    /** A regulator terminates a live or suspended listing, with a reason; the lot is released. */
    @Transactional
    public ListingView terminate(Actor actor, long id, String reason) {
        Listing listing = regulated(actor, id);
        if (!listing.status.isLive() && listing.status != ListingStatus.SUSPENDED) {
            throw ApiException.invalidState(MessageKey.LISTING_NOT_LIVE, listing.status);
        }
        Instant now = Instant.now(clock);
        listing.suspendedFrom = null;
        listing.suspendedAt = null;
        listing.statusReason = reason.strip();
        move(listing, ListingStatus.TERMINATED, now, actor, listing.statusReason);
        phaseChanged.fire(ListingPhaseChanged.of(listing, now));
        certificates.release(listing.certificateId, listing.lot(), listing.id, actor.toString());
        return ListingView.of(listing, ListingView.Visibility.FULL, zone);
    }

    private Listing regulated(Actor actor, long id) {
        Regulator regulator = parties.regulatorOf(actor);
        Listing listing = listings.lock(id).orElseThrow(() -> ApiException.notFound("listing", id));
        if (!regulator.covers(listing.regionCode)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
        }
        return listing;
    }

    private Listing reviewable(Actor actor, long id, ListingStatus expected) {
        Listing listing = regulated(actor, id);
        if (listing.status != expected) {
            throw ApiException.invalidState(MessageKey.LISTING_NOT_PENDING, listing.status);
        }
        return listing;
    }

    private void move(Listing listing, ListingStatus to, Instant at, Actor actor, String reason) {
        listings.move(listing, to, at, actor.toString(), reason);
    }

    private static Instant shift(Instant moment, Instant suspendedAt, Duration paused) {
        return moment.isAfter(suspendedAt) ? moment.plus(paused) : moment;
    }
}
