package cn.landmarket.oversight;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.auction.Registration;
import cn.landmarket.auction.RegistrationRepository;
import cn.landmarket.audit.AuditLog;
import cn.landmarket.calendar.CalendarService;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.escrow.RegistrationStatus;
import cn.landmarket.listing.Listing;
import cn.landmarket.listing.ListingRepository;
import cn.landmarket.oversight.ObjectionView.Visibility;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;
import cn.landmarket.settlement.SettlementService;

/**
 * Objections (异议) to published results (domain.md, "After the sale"): a bidder of the listing
 * lodges one during the result's publication period; a regulator of the listing's region answers it
 * once, upholding or rejecting it with reasons, and when upholding may suspend the settlement of the
 * listing's trade in progress until it lifts the suspension. Every step is logged in the same
 * transaction; the public sees the outcomes, never the reasons nor who objected.
 */
@ApplicationScoped
public class ObjectionService {

    private final ObjectionRepository objections;
    private final ListingRepository listings;
    private final RegistrationRepository registrations;
    private final CalendarService calendar;
    private final SettlementService settlement;
    private final PartyService parties;
    private final AuditLog audit;
    private final ObjectionRules rules;
    private final ZoneId zone;
    private final Clock clock;

    ObjectionService(ObjectionRepository objections, ListingRepository listings,
            RegistrationRepository registrations, CalendarService calendar, SettlementService settlement,
            PartyService parties, AuditLog audit, ResultsConfig config, MarketConfig market, Clock clock) {
        this.objections = objections;
        this.listings = listings;
        this.registrations = registrations;
        this.calendar = calendar;
        this.settlement = settlement;
        this.parties = parties;
        this.audit = audit;
        this.rules = new ObjectionRules(config.objectionWorkingDays(), config.objectionMaxChars());
        this.zone = market.zone();
        this.clock = clock;
    }

    /**
     * A bidder lodges an objection to the published result of a listing, with its reasons, during
     * the result's publication period ({@link ObjectionRules#periodEnds}); logged as
     * {@code objection.lodged} with who and why only as commitments. Raises 400 for reasons blank or
     * too long, 404 for a listing never announced, 409 while the listing has no result (not closed),
     * 403 for an enterprise that is not a qualified bidder of the listing, 409 for a second objection
     * of the same bidder, 409 after the publication period.
     */
    @Transactional
    public ObjectionView lodge(Actor actor, long listingId, LodgeObjectionRequest request) {
        if (!actor.is(Role.ENTERPRISE)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        invalidUnlessEmpty(rules.checkLodge(request));
        Listing listing = listings.lock(listingId).filter(Listing::isPublic)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        if (listing.closedAt == null) {
            throw ApiException.invalidState(MessageKey.OBJECTION_NO_RESULT, listingId);
        }
        Registration bidder = registrations.of(listingId, actor.org())
                .filter(r -> r.status == RegistrationStatus.QUALIFIED)
                .orElseThrow(() -> ApiException.forbidden(MessageKey.OBJECTION_NOT_BIDDER));
        Optional<Objection> earlier = objections.ofRegistration(listingId, bidder.id);
        if (earlier.isPresent()) {
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.OBJECTION_ALREADY_LODGED, earlier.get().id);
        }
        Instant now = Instant.now(clock);
        Instant periodEnds = rules.periodEnds(listing.closedAt, calendar.calendar(), zone);
        if (!ObjectionRules.withinPeriod(now, periodEnds)) {
            throw ApiException.invalidState(MessageKey.OBJECTION_PERIOD_CLOSED, ApiTime.format(periodEnds, zone));
        }
        Objection o = new Objection();
        o.listingId = listingId;
        o.registrationId = bidder.id;
        o.enterpriseCode = bidder.enterpriseCode;
        o.bidderNo = bidder.bidderNo;
        o.reasons = ObjectionRules.reasons(request.reasons());
        o.lodgedAt = now;
        o.periodEnds = periodEnds;
        o.status = ObjectionStatus.LODGED;
        objections.persist(o);
        audit.append(o.lodgedEntry());
        return ObjectionView.of(o, listing.listingNo, Visibility.FULL, true, zone);
    }

    /**
     * A regulator of the listing's region answers an objection once: UPHOLD or REJECT, with reasons,
     * logged as {@code objection.answered}. An upheld objection may suspend the settlement of the
     * listing's trade in progress ({@link SettlementService#suspend}, logged as
     * {@code trade.suspended}) until {@link #lift}. Raises 400 without a decision, for reasons blank
     * or too long, or for a suspension with REJECT; 404 for an unknown objection, 403 outside the
     * jurisdiction, 409 for an objection already answered, 409 when there is no trade in progress
     * to suspend or another objection suspends it already.
     */
    @Transactional
    public ObjectionView answer(Actor actor, long objectionId, AnswerObjectionRequest request) {
        Regulator regulator = parties.regulatorOf(actor);
        invalidUnlessEmpty(rules.checkAnswer(request));
        Objection o = objections.lock(objectionId).orElseThrow(() -> ApiException.notFound("objection", objectionId));
        Listing listing = regulated(regulator, o);
        ObjectionRules.requireUnanswered(o.status);
        Long tradeId = null;
        if (request.suspends()) {
            Optional<Objection> suspending = objections.suspending(o.listingId);
            if (suspending.isPresent()) {
                throw new ApiException(ErrorCode.CONFLICT, MessageKey.TRADE_ALREADY_SUSPENDED, suspending.get().id);
            }
            tradeId = settlement.tradeInProgress(o.listingId).orElseThrow(
                    () -> ApiException.invalidState(MessageKey.OBJECTION_NOTHING_TO_SUSPEND, o.listingId));
        }
        o.status = request.decision().outcome();
        o.answer = ObjectionRules.reasons(request.reasons());
        o.answeredAt = Instant.now(clock);
        o.answeredBy = actor.toString();
        o.suspendedTradeId = tradeId;
        audit.append(o.answeredEntry());
        if (tradeId != null) {
            settlement.suspend(tradeId, o.id, o.answeredAt, actor.toString());
        }
        return ObjectionView.of(o, listing.listingNo, Visibility.FULL, null, zone);
    }

    /**
     * A regulator of the listing's region lifts the suspension of settlement an upheld objection
     * caused, logged as {@code objection.lifted}; the trade resumes with every deadline still ahead
     * at the suspension moved later by its length ({@link SettlementService#resume}). Raises 404 for
     * an unknown objection, 403 outside the jurisdiction, 409 when the objection suspends nothing
     * (never did, or was lifted already).
     */
    @Transactional
    public ObjectionView lift(Actor actor, long objectionId) {
        Regulator regulator = parties.regulatorOf(actor);
        Objection o = objections.lock(objectionId).orElseThrow(() -> ApiException.notFound("objection", objectionId));
        Listing listing = regulated(regulator, o);
        if (!o.suspendsNow()) {
            throw ApiException.invalidState(MessageKey.OBJECTION_NOT_SUSPENDING);
        }
        o.liftedAt = Instant.now(clock);
        o.liftedBy = actor.toString();
        audit.append(o.liftedEntry());
        settlement.resume(o.suspendedTradeId, o.id, o.liftedAt, actor.toString());
        return ObjectionView.of(o, listing.listingNo, Visibility.FULL, null, zone);
    }

    /**
     * The objections to a listing's result as the caller may see them: an enterprise its own, a
     * regulator of the region all of them, the seller township their outcomes. Raises 404 for a
     * listing never announced, 403 for a regulator outside the jurisdiction, another township or
     * any other role.
     */
    @Transactional
    public List<ObjectionView> ofListing(Actor actor, long listingId) {
        parties.regulatorIfRegulator(actor);
        Listing listing = listings.findByIdOptional(listingId).filter(Listing::isPublic)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        return switch (actor.role()) {
            case ENTERPRISE -> objections.ofListing(listingId).stream()
                    .filter(o -> o.enterpriseCode.equals(actor.org()))
                    .map(o -> ObjectionView.of(o, listing.listingNo, Visibility.FULL, true, zone)).toList();
            case REGULATOR -> {
                if (!parties.regulatorOf(actor).covers(listing.regionCode)) {
                    throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
                }
                yield objections.ofListing(listingId).stream()
                        .map(o -> ObjectionView.of(o, listing.listingNo, Visibility.FULL, null, zone)).toList();
            }
            case TOWNSHIP -> {
                if (!parties.townshipOf(actor).code.equals(listing.sellerCode)) {
                    throw ApiException.forbidden(MessageKey.FORBIDDEN_NOT_SELLER);
                }
                yield objections.ofListing(listingId).stream()
                        .map(o -> ObjectionView.of(o, listing.listingNo, Visibility.OUTCOME, null, zone)).toList();
            }
            case OPERATOR -> throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        };
    }

    /**
     * One objection, for its objector and regulators of the listing's region (whole) and the seller
     * township (outcome only); 404 for anyone else.
     */
    @Transactional
    public ObjectionView get(Actor actor, long objectionId) {
        parties.regulatorIfRegulator(actor);
        Objection o = objections.findByIdOptional(objectionId)
                .orElseThrow(() -> ApiException.notFound("objection", objectionId));
        Listing listing = listings.findById(o.listingId);
        Visibility visibility = visibility(actor, o, listing)
                .orElseThrow(() -> ApiException.notFound("objection", objectionId));
        return ObjectionView.of(o, listing.listingNo, visibility,
                actor.is(Role.ENTERPRISE) ? Boolean.TRUE : null, zone);
    }

    /**
     * The objections the caller deals with, newest first, optionally in one status: an enterprise's
     * own, or every objection of a regulator's jurisdiction. 403 for any other role.
     */
    @Transactional
    public PageView<ObjectionView> mine(Actor actor, ObjectionStatus status, PageRequest page) {
        return switch (actor.role()) {
            case ENTERPRISE -> PageView.of(objections.ofEnterprise(actor.org(), status), page,
                    o -> ObjectionView.of(o, listingNo(o), Visibility.FULL, true, zone));
            case REGULATOR -> PageView.of(
                    objections.inJurisdiction(parties.regulatorOf(actor).jurisdictionPrefix(), status), page,
                    o -> ObjectionView.of(o, listingNo(o), Visibility.FULL, null, zone));
            default -> throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        };
    }

    /**
     * For {@link ObjectionCommitments}: returns when the actor may open the commitments of the
     * objection's log entries (its objector, regulators of the listing's region); 403 otherwise.
     */
    @Transactional
    public void authoriseReader(Actor actor, long objectionId) {
        Objection o = objections.findByIdOptional(objectionId)
                .orElseThrow(() -> ApiException.notFound("objection", objectionId));
        Listing listing = listings.findById(o.listingId);
        if (visibility(actor, o, listing).orElse(null) != Visibility.FULL) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_COMMITMENT);
        }
    }

    private Optional<Visibility> visibility(Actor actor, Objection o, Listing listing) {
        boolean full = switch (actor.role()) {
            case ENTERPRISE -> o.enterpriseCode.equals(actor.org());
            case REGULATOR -> parties.regulatorOf(actor).covers(listing.regionCode);
            default -> false;
        };
        if (full) {
            return Optional.of(Visibility.FULL);
        }
        if (actor.is(Role.TOWNSHIP) && actor.org().equals(listing.sellerCode)) {
            return Optional.of(Visibility.OUTCOME);
        }
        return Optional.empty();
    }

    private String listingNo(Objection o) {
        return listings.findById(o.listingId).listingNo;
    }

    private Listing regulated(Regulator regulator, Objection o) {
        Listing listing = listings.findById(o.listingId);
        if (!regulator.covers(listing.regionCode)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
        }
        return listing;
    }

    private static void invalidUnlessEmpty(List<FieldViolation> violations) {
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
    }
}
