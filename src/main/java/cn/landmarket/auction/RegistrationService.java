package cn.landmarket.auction;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.escrow.EscrowConfig;
import cn.landmarket.common.Money;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.common.time.ApiTime;
import cn.landmarket.listing.Listing;
import cn.landmarket.listing.ListingRepository;
import cn.landmarket.listing.ListingRescheduled;
import cn.landmarket.listing.ListingStatus;
import cn.landmarket.party.Enterprise;
import cn.landmarket.party.EnterpriseRepository;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;
import cn.landmarket.escrow.RegistrationStatus;
import cn.landmarket.escrow.VirtualAccount;

/**
 * Registration for a lot and the deposit that qualifies it. Every change locks the listing row
 * first and the registration row second, so registrations, deposits and bids of one listing see
 * one order.
 */
@ApplicationScoped
public class RegistrationService {

    private final RegistrationRepository registrations;
    private final ListingRepository listings;
    private final EnterpriseRepository enterprises;
    private final PartyService parties;
    private final VirtualAccount virtualAccounts;
    private final SecureRandom random = new SecureRandom();
    private final BidderNumbers bidderNumbers = new BidderNumbers(random);
    private final AuditLog audit;
    private final EscrowConfig bank;
    private final ZoneId zone;
    private final Clock clock;

    RegistrationService(RegistrationRepository registrations, ListingRepository listings,
            EnterpriseRepository enterprises, PartyService parties, EscrowConfig bank, MarketConfig config,
            Clock clock, AuditLog audit) {
        this.registrations = registrations;
        this.audit = audit;
        this.listings = listings;
        this.enterprises = enterprises;
        this.parties = parties;
        this.virtualAccounts = new VirtualAccount(bank.virtualAccountPrefix());
        this.bank = bank;
        this.zone = config.zone();
        this.clock = clock;
    }

    /**
     * The calling enterprise registers for a listing and is given its own virtual account for the
     * deposit. Raises 403 when the enterprise is not registered, not verified, barred, or outside
     * the listing's eligible regions; 404 for an unknown or unannounced listing; 409 INVALID_STATE
     * when the listing is not announced or listing, or its registration deadline has passed; 409
     * CONFLICT when the enterprise has registered already. The client's network address is kept
     * for the regulator's collusion signals.
     */
    @Transactional
    public RegistrationView register(Actor actor, long listingId, String clientAddress) {
        Enterprise enterprise = verifiedEnterprise(actor);
        Instant now = Instant.now(clock);
        Listing listing = listings.lock(listingId).filter(Listing::isPublic)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        boolean registered = registrations.of(listingId, enterprise.creditCode).isPresent();
        Eligibility.firstUnmet(RegistrationRules.listing(enterprise, listing, now, registered, this::at))
                .ifPresent(unmet -> {
                    throw unmet.exception();
                });
        Registration r = new Registration();
        r.id = registrations.nextId();
        r.listingId = listing.id;
        r.enterpriseCode = enterprise.creditCode;
        r.virtualAccount = virtualAccounts.forRegistration(r.id);
        r.depositFen = listing.depositFen;
        r.depositDeadline = listing.registrationDeadline;
        r.depositReceivedFen = 0;
        r.status = RegistrationStatus.AWAITING_DEPOSIT;
        r.registeredAt = now;
        r.clientAddress = clientAddress;
        r.identitySalt = new byte[16];
        random.nextBytes(r.identitySalt);
        registrations.persist(r);
        audit.append(r.createdEntry());
        return view(r, enterprise.name, RegistrationView.Identity.SHOWN);
    }

    /**
     * Whether the calling enterprise may register for a listing now, by the same rules as
     * {@link #register} (which refuses with the first unmet condition), and its registration if it
     * has one; nothing is changed. 404 for an unknown or unannounced listing.
     */
    @Transactional
    public Eligibility eligibility(Actor actor, long listingId) {
        Listing listing = listings.findByIdOptional(listingId).filter(Listing::isPublic)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        Enterprise enterprise = enterprises.findByIdOptional(actor.org()).orElse(null);
        Optional<Registration> mine = registrations.of(listingId, actor.org());
        List<Eligibility.Check> checks = new java.util.ArrayList<>(RegistrationRules.enterprise(enterprise));
        checks.addAll(RegistrationRules.listing(enterprise, listing, Instant.now(clock), mine.isPresent(), this::at));
        return new Eligibility(listingId, checks, mine.map(r -> view(r, enterprise == null ? null : enterprise.name,
                RegistrationView.Identity.SHOWN)));
    }

    /** Every registration of the calling enterprise, newest first. */
    @Transactional
    public List<RegistrationView> allMine(Actor actor) {
        String name = enterprises.findByIdOptional(actor.org()).map(e -> e.name).orElse(null);
        return registrations.ofEnterprise(actor.org()).stream()
                .map(r -> view(r, name, RegistrationView.Identity.SHOWN)).toList();
    }

    /** The calling enterprise's own registration for a listing (404 when it has none). */
    @Transactional
    public RegistrationView mine(Actor actor, long listingId) {
        listings.findByIdOptional(listingId).filter(Listing::isPublic)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        Registration r = registrations.of(listingId, actor.org())
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, MessageKey.REGISTRATION_NONE, listingId));
        return view(r, enterprises.findByIdOptional(r.enterpriseCode).map(e -> e.name).orElse(null),
                RegistrationView.Identity.SHOWN);
    }

    /**
     * Every registration of a listing: by number only for operators, and for a regulator of its
     * region (403 outside it) also by number only unless it states a reason; with a reason the
     * enterprises' codes and names are shown and the reveal is logged ({@link IdentityReveal}).
     * Raises 400 for a blank or overlong reason, 403 for any other role.
     */
    @Transactional
    public List<RegistrationView> list(Actor actor, long listingId, String reason) {
        Optional<Regulator> regulator = parties.regulatorIfRegulator(actor);
        Listing listing = listings.findByIdOptional(listingId)
                .orElseThrow(() -> ApiException.notFound("listing", listingId));
        Optional<String> why = Optional.empty();
        if (regulator.isPresent()) {
            if (!regulator.get().covers(listing.regionCode)) {
                throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
            }
            why = IdentityReveal.reason(reason);
        } else if (!actor.is(Role.OPERATOR)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        List<Registration> all = registrations.ofListing(listingId);
        if (why.isEmpty()) {
            return all.stream().map(r -> view(r, null, RegistrationView.Identity.HIDDEN)).toList();
        }
        audit.append(IdentityReveal.entry(actor, Instant.now(clock), listingId, why.get(), "registrations",
                all.stream().map(r -> r.bidderNo).filter(java.util.Objects::nonNull).toList(),
                all.stream().map(r -> r.id).toList()));
        return all.stream().map(r -> view(r, enterprises.findByIdOptional(r.enterpriseCode).map(e -> e.name)
                .orElse(null), RegistrationView.Identity.SHOWN)).toList();
    }

    /**
     * Counts money credited to a virtual account towards its registration under {@link DepositRules},
     * inside the caller's transaction. A full deposit qualifies the registration and gives it a
     * fresh bidder number. While the listing is suspended, the deadline is not yet known (it moves
     * when the suspension ends), so a credit made during the suspension is on time. A counted credit
     * is logged ({@code registration.deposit_counted} or {@code registration.qualified}) as the act of
     * {@code actor}, the source of the bank notice {@code transactionId}.
     *
     * @return the outcome, the registration (none when no registration has the account) and the refund owed
     */
    @Transactional
    public DepositCredit creditDeposit(String virtualAccount, Money amount, String payerName, Instant bookedAt,
            String transactionId, String actor) {
        Optional<Long> listingId = virtualAccounts.isValid(virtualAccount)
                ? registrations.listingOfAccount(virtualAccount) : Optional.empty();
        if (listingId.isEmpty()) {
            return DepositCredit.unmatched(amount);
        }
        Listing listing = listings.lock(listingId.get()).orElseThrow();
        Registration r = registrations.lockByAccount(virtualAccount).orElseThrow();
        Enterprise enterprise = enterprises.findById(r.enterpriseCode);
        Instant deadline = listing.status == ListingStatus.SUSPENDED && listing.suspendedAt.isBefore(
                listing.registrationDeadline) ? Instant.MAX : listing.registrationDeadline;
        DepositRules.Decision decision = DepositRules.decide(
                new DepositRules.Account(r.status, Money.ofFen(r.depositFen), Money.ofFen(r.depositReceivedFen),
                        enterprise.bankAccountName, deadline),
                new DepositRules.Credit(amount, payerName, bookedAt));
        long counted = decision.received().fen() - r.depositReceivedFen;
        r.depositReceivedFen = decision.received().fen();
        if (decision.outcome() == DepositOutcome.QUALIFIED) {
            String bidderNo = bidderNumbers.next(candidate -> registrations.bidderNoTaken(r.listingId, candidate));
            r.status = RegistrationStatus.QUALIFIED;
            r.bidderNo = bidderNo;
            r.qualifiedAt = Instant.now(clock);
            audit.append(r.qualifiedEntry(counted, transactionId, actor));
        } else if (decision.outcome() == DepositOutcome.PARTIAL) {
            audit.append(r.depositCountedEntry(counted, transactionId, Instant.now(clock), actor));
        }
        return new DepositCredit(decision.outcome(), r.id, r.listingId, r.status, decision.refund());
    }

    /** Keeps deposit deadlines equal to the listing's registration deadline when a suspension ends. */
    void onRescheduled(@Observes ListingRescheduled event) {
        registrations.moveDeadline(event.listingId(), event.registrationDeadline());
    }

    private Enterprise verifiedEnterprise(Actor actor) {
        Enterprise enterprise = enterprises.findByIdOptional(actor.org()).orElse(null);
        Eligibility.firstUnmet(RegistrationRules.enterprise(enterprise)).ifPresent(unmet -> {
            throw unmet.exception();
        });
        return enterprise;
    }

    private RegistrationView view(Registration r, String enterpriseName, RegistrationView.Identity identity) {
        return RegistrationView.of(r, enterpriseName, identity, bank.escrowAccountName(), bank.bankName(), zone);
    }

    private String at(Instant instant) {
        return ApiTime.format(instant, zone);
    }
}
