package cn.landmarket.party;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.RegisteredRegulators;
import cn.landmarket.common.security.Role;

/** Townships, regulators and the registration and verification of enterprises. */
@ApplicationScoped
public class PartyService implements RegisteredRegulators {

    private final TownshipRepository townships;
    private final RegulatorRepository regulators;
    private final EnterpriseRepository enterprises;
    private final AuditLog audit;
    private final Clock clock;

    PartyService(TownshipRepository townships, RegulatorRepository regulators, EnterpriseRepository enterprises,
            Clock clock, AuditLog audit) {
        this.townships = townships;
        this.audit = audit;
        this.regulators = regulators;
        this.enterprises = enterprises;
        this.clock = clock;
    }

    @Transactional
    public PageView<TownshipView> townships(String countyCode, PageRequest page) {
        return PageView.of(townships.search(countyCode), page, TownshipView::of);
    }

    @Transactional
    public TownshipView township(String code) {
        return TownshipView.of(requireTownship(code));
    }

    /** The name of the township with this code (public, as {@code GET /api/townships/{code}}); empty if none. */
    @Transactional
    public Optional<String> townshipName(String code) {
        return townships.findByIdOptional(code).map(t -> t.name);
    }

    /** The township with this code, or 404. */
    public Township requireTownship(String code) {
        return townships.findByIdOptional(code).orElseThrow(() -> ApiException.notFound("township", code));
    }

    /** The regulator with this code, or 404. */
    public Regulator requireRegulator(String code) {
        return regulators.findByIdOptional(code).orElseThrow(() -> ApiException.notFound("regulator", code));
    }

    /**
     * The township with this code to which something new may be given (a certificate): 404 when it
     * is unknown, 409 when it is deactivated.
     */
    public Township requireActiveTownship(String code) {
        Township township = requireTownship(code);
        if (!township.active()) {
            throw ApiException.invalidState(MessageKey.TOWNSHIP_DEACTIVATED, code);
        }
        return township;
    }

    /**
     * The caller's own township; 403 when the token's organisation is not a registered township, or
     * one an operator deactivated (domain.md, "Organisations").
     */
    public Township townshipOf(Actor actor) {
        if (!actor.is(Role.TOWNSHIP)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return requireActive(townships.findByIdOptional(actor.org())
                .orElseThrow(() -> ApiException.forbidden(MessageKey.FORBIDDEN_UNKNOWN_ORG, actor.org())));
    }

    /**
     * The caller's own registered regulator; 403 when the token's organisation is not a registered
     * regulator. Every regulator read and action goes through this method and the jurisdiction of
     * the regulator it returns ({@link Regulator#covers}), never through the token's raw {@code org}:
     * a token for an unregistered 6-digit code, or for a regulator an operator deactivated, reads
     * and does nothing.
     */
    public Regulator regulatorOf(Actor actor) {
        if (!actor.is(Role.REGULATOR)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return requireActive(regulators.findByIdOptional(actor.org())
                .orElseThrow(() -> ApiException.forbidden(MessageKey.FORBIDDEN_UNKNOWN_ORG, actor.org())));
    }

    /** The caller's organisation, or 403 when an operator deactivated it. */
    private static <O extends Organisation> O requireActive(O organisation) {
        if (!organisation.active()) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_DEACTIVATED_ORG, organisation.code());
        }
        return organisation;
    }

    /**
     * The caller's registered regulator when it acts as a regulator ({@link #regulatorOf}, 403 when
     * its organisation is not registered), empty for any other role. Services call it first, before
     * looking anything up, so that an unregistered regulator learns nothing, not even what exists.
     */
    public Optional<Regulator> regulatorIfRegulator(Actor actor) {
        return actor.is(Role.REGULATOR) ? Optional.of(regulatorOf(actor)) : Optional.empty();
    }

    @Override
    @Transactional
    public void requireRegisteredIfRegulator(Actor actor) {
        regulatorIfRegulator(actor);
    }

    /**
     * Registers the calling enterprise (or re-submits a rejected registration); logged as
     * {@code enterprise.registered}. The credit code
     * must be the one the token is bound to (403), the bank account must be in the enterprise's
     * own name (400), and a pending or verified registration cannot be submitted again (409).
     * Concurrent registrations of one credit code are serialised by a lock on the code: the first
     * registers, the others find it and get the 409.
     */
    @Transactional
    public EnterpriseView register(Actor actor, RegisterEnterpriseRequest request) {
        if (!request.creditCode().equals(actor.org())) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OTHER_ENTERPRISE);
        }
        if (!request.bankAccountName().strip().equals(request.name().strip())) {
            throw ApiException.invalid("bankAccountName", MessageKey.ENTERPRISE_BANK_ACCOUNT_NAME);
        }
        enterprises.lockCreditCode(request.creditCode());
        Enterprise enterprise = enterprises.findByIdOptional(request.creditCode(),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (enterprise != null && enterprise.status != EnterpriseStatus.REJECTED) {
            throw new ApiException(ErrorCode.CONFLICT, MessageKey.ENTERPRISE_ALREADY_REGISTERED, enterprise.status);
        }
        boolean isNew = enterprise == null;
        if (isNew) {
            enterprise = new Enterprise();
            enterprise.creditCode = request.creditCode();
        }
        enterprise.name = request.name().strip();
        enterprise.legalRepresentative = request.legalRepresentative().strip();
        enterprise.contactPerson = request.contactPerson().strip();
        enterprise.contactPhone = request.contactPhone();
        enterprise.address = request.address().strip();
        enterprise.regionCode = CreditCode.divisionCode(request.creditCode());
        enterprise.bankName = request.bankName().strip();
        enterprise.bankAccountName = request.bankAccountName().strip();
        enterprise.bankAccountNo = request.bankAccountNo();
        enterprise.status = EnterpriseStatus.PENDING;
        enterprise.statusReason = null;
        enterprise.registeredAt = Instant.now(clock);
        enterprise.reviewedAt = null;
        enterprise.reviewedBy = null;
        if (isNew) {
            enterprises.persist(enterprise);
        }
        audit.append(enterprise.registeredEntry(!isNew, actor.toString()));
        return EnterpriseView.of(enterprise);
    }

    /** An enterprise as seen by itself, an operator or a regulator (403 for anyone else). */
    /**
     * An enterprise as seen by itself, an operator or a regulator of the region it is registered in
     * (403 outside it, and for anyone else).
     */
    @Transactional
    public EnterpriseView enterprise(Actor actor, String creditCode) {
        if (actor.is(Role.ENTERPRISE) && !actor.org().equals(creditCode) || actor.is(Role.TOWNSHIP)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OTHER_ENTERPRISE);
        }
        Optional<Regulator> regulator = regulatorIfRegulator(actor);
        Enterprise enterprise = requireEnterprise(creditCode);
        if (regulator.isPresent() && !regulator.get().covers(enterprise.regionCode)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
        }
        return EnterpriseView.of(enterprise);
    }

    /** Enterprises, optionally in one status: all for an operator, those registered in its jurisdiction for a regulator. */
    @Transactional
    public PageView<EnterpriseView> enterprises(Actor actor, EnterpriseStatus status, PageRequest page) {
        String jurisdiction = regulatorIfRegulator(actor).map(Regulator::jurisdictionPrefix).orElse(null);
        if (jurisdiction == null && !actor.is(Role.OPERATOR)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return PageView.of(enterprises.search(status, jurisdiction), page, EnterpriseView::of);
    }

    /**
     * An operator verifies or rejects a pending registration (logged as {@code enterprise.verified}
     * or {@code enterprise.rejected}). Only PENDING registrations can be reviewed (409); a rejection
     * needs a reason (400).
     */
    @Transactional
    public EnterpriseView review(Actor actor, String creditCode, ReviewEnterpriseRequest request) {
        Enterprise enterprise = enterprises.findByIdOptional(creditCode, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ApiException.notFound("enterprise", creditCode));
        if (request.decision() == ReviewDecision.REJECT && (request.reason() == null || request.reason().isBlank())) {
            throw ApiException.invalid("reason", MessageKey.REVIEW_REASON_REQUIRED);
        }
        if (enterprise.status != EnterpriseStatus.PENDING) {
            throw ApiException.invalidState(MessageKey.ENTERPRISE_NOT_PENDING, enterprise.status);
        }
        enterprise.status = request.decision() == ReviewDecision.APPROVE ? EnterpriseStatus.VERIFIED : EnterpriseStatus.REJECTED;
        enterprise.statusReason = request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        enterprise.reviewedAt = Instant.now(clock);
        enterprise.reviewedBy = actor.toString();
        audit.append(enterprise.reviewedEntry());
        return EnterpriseView.of(enterprise);
    }

    /**
     * Bars an enterprise from registering until {@code until}, because it defaulted on the trade of a
     * listing; logged as {@code enterprise.barred} in the caller's transaction. The only way a bar is set.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void bar(Enterprise enterprise, Instant until, Long listingId, Long tradeId, String reason, Instant at,
            String actor) {
        enterprise.barredUntil = until;
        audit.append(enterprise.barredEntry(listingId, tradeId, reason, at, actor));
    }

    /** The enterprise with this credit code, or 404. */
    public Enterprise requireEnterprise(String creditCode) {
        return enterprises.findByIdOptional(creditCode).orElseThrow(() -> ApiException.notFound("enterprise", creditCode));
    }

    @Transactional
    public MeView me(Actor actor) {
        return switch (actor.role()) {
            case TOWNSHIP -> townships.findByIdOptional(actor.org())
                    .map(t -> me(actor, t.name, t.active(), null)).orElseGet(() -> me(actor, null, false, null));
            case REGULATOR -> regulators.findByIdOptional(actor.org())
                    .map(r -> me(actor, r.name, r.active(), null)).orElseGet(() -> me(actor, null, false, null));
            case ENTERPRISE -> {
                Optional<Enterprise> e = enterprises.findByIdOptional(actor.org());
                yield me(actor, e.map(x -> x.name).orElse(null), e.isPresent(), e.map(x -> x.status).orElse(null));
            }
            case OPERATOR -> new MeView(actor.subject(), actor.role(), actor.org(), null, true, true, null);
        };
    }

    private static MeView me(Actor actor, String name, boolean active, EnterpriseStatus status) {
        return new MeView(actor.subject(), actor.role(), actor.org(), name, name != null, active, status);
    }

    /**
     * Every active township and regulator and every verified enterprise by code and name, for the dev
     * and test sign-in page (production signs in through the identity provider and never calls this).
     */
    @Transactional
    public PartyDirectory directory() {
        return new PartyDirectory(
                townships.search(null, true).list().stream()
                        .map(t -> new PartyDirectory.Entry(t.code, t.name)).toList(),
                regulators.search(true).list().stream()
                        .map(r -> new PartyDirectory.Entry(r.code, r.name)).toList(),
                enterprises.search(EnterpriseStatus.VERIFIED, null).list().stream()
                        .map(e -> new PartyDirectory.Entry(e.creditCode, e.name)).toList());
    }
}
