package cn.landmarket.asset;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.error.Message;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.ledger.LedgerCode;
import cn.landmarket.ledger.LedgerService;
import cn.landmarket.ledger.TransferKind;
import cn.landmarket.ledger.TransferRequest;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.FieldViolation;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.DivisionCode;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;
import cn.landmarket.party.Township;

/** The indicator registry: issuing certificates, showing holdings and lineage, freezing lots. */
@ApplicationScoped
public class CertificateService {

    private final CertificateRepository certificates;
    private final PartyService parties;
    private final CertificateRules rules;
    private final MarketConfig config;
    private final Clock clock;
    private final LedgerService ledger;
    private final AuditLog audit;

    CertificateService(CertificateRepository certificates, PartyService parties, MarketConfig config, Clock clock,
            LedgerService ledger, AuditLog audit) {
        this.certificates = certificates;
        this.ledger = ledger;
        this.audit = audit;
        this.parties = parties;
        this.config = config;
        this.clock = clock;
        this.rules = new CertificateRules(config.rules().maxTermYears());
    }

    /**
     * A regulator issues a certificate to a township within its jurisdiction (403 outside it, 404
     * for an unknown township, 409 for a deactivated one, 400 for data that breaks {@link CertificateRules}).
     */
    @Transactional
    public CertificateView issue(Actor actor, IssueCertificateRequest request) {
        Regulator regulator = parties.regulatorOf(actor);
        LocalDate today = LocalDate.now(clock.withZone(config.zone()));
        List<FieldViolation> violations = rules.check(request, today);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        Township holder = parties.requireActiveTownship(request.holderTownship());
        String region = request.regionCode() == null ? holder.code : request.regionCode();
        if (!regulator.covers(holder.code) || !regulator.covers(region)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
        }
        Certificate c = new Certificate();
        c.assetType = request.assetType();
        c.holderKind = HolderKind.TOWNSHIP;
        c.holderCode = holder.code;
        c.regionCode = region;
        c.sourceProject = request.sourceProject().strip();
        c.sourceProjectType = request.sourceProjectType();
        c.documents = List.copyOf(request.documents());
        c.areaM2 = request.areaM2();
        c.paddyAreaM2 = request.paddyAreaM2();
        c.grainCapacityKg = request.grainCapacityKg();
        c.qualityGrade = request.qualityGrade() == null ? null : request.qualityGrade().shortValue();
        c.nationalFilingNo = request.nationalFilingNo();
        c.planYear = request.planYear() == null ? null : request.planYear().shortValue();
        c.acceptanceDocNo = request.acceptanceDocNo();
        c.validUntil = request.validUntil();
        c.parcelCode = request.parcelCode();
        c.landUse = request.landUse();
        c.maxTermYears = request.maxTermYears() == null ? null : request.maxTermYears().shortValue();
        c.planningConditions = request.planningConditions();
        c.collectiveVote = request.collectiveVote();
        c.countyFilingDate = request.countyFilingDate();
        c.issuedAt = Instant.now(clock);
        c.issuedBy = actor.toString();
        c.certNo = "pending";
        certificates.persist(c);
        certificates.flush();
        c.certNo = "%s-%s-%d-%06d".formatted(c.assetType.prefix(), DivisionCode.countyOf(holder.code),
                today.getYear(), c.id);
        audit.append(c.issuedEntry(null));
        recordQuota(c.id, "issue", LedgerService::quotaIssued, code -> LedgerService.certificate(c.id, code),
                new Quantity(c.areaM2, c.paddyAreaM2, c.grainCapacityKg), TransferKind.ISSUE, c.certNo, null);
        return CertificateView.of(c);
    }

    /**
     * Certificates the caller may see: a township or enterprise its own holdings, a regulator those
     * in its jurisdiction, an operator all. 403 when a township's or regulator's organisation is not
     * registered.
     */
    @Transactional
    public PageView<CertificateView> search(Actor actor, AssetType type, PageRequest page) {
        return switch (actor.role()) {
            case TOWNSHIP -> PageView.of(certificates.search(HolderKind.TOWNSHIP, parties.townshipOf(actor).code, null,
                    type), page, CertificateView::of);
            case ENTERPRISE -> PageView.of(certificates.search(HolderKind.ENTERPRISE, actor.org(), null, type), page,
                    CertificateView::of);
            case REGULATOR -> PageView.of(certificates.search(null, null,
                    parties.regulatorOf(actor).jurisdictionPrefix(), type), page, CertificateView::of);
            case OPERATOR -> PageView.of(certificates.search(null, null, null, type), page, CertificateView::of);
        };
    }

    @Transactional
    public CertificateView get(Actor actor, long id) {
        return CertificateView.of(visible(actor, id));
    }

    /** The certificate's ancestors, children and source project, for those who may see it. */
    @Transactional
    public LineageView lineage(Actor actor, long id) {
        Certificate c = visible(actor, id);
        List<LineageView.Link> ancestors = new ArrayList<>();
        Set<Long> seen = new HashSet<>(Set.of(c.id));
        Long parentId = c.parentId;
        while (parentId != null && seen.add(parentId)) {
            Certificate parent = certificates.findById(parentId);
            if (parent == null) {
                break;
            }
            ancestors.add(LineageView.Link.of(parent));
            parentId = parent.parentId;
        }
        List<LineageView.Link> children = certificates.children(c.id).stream().map(LineageView.Link::of).toList();
        return new LineageView(LineageView.Link.of(c), c.sourceProject, ancestors, children);
    }

    /**
     * Locks a certificate the township holds, so that what it checks and freezes next cannot change
     * under it. Raises 404 for an unknown certificate and 403 when the township does not hold it.
     */
    public Certificate lockHeld(String townshipCode, long certificateId) {
        return heldBy(townshipCode, certificates.lock(certificateId)
                .orElseThrow(() -> ApiException.notFound("certificate", certificateId)));
    }

    /**
     * A certificate the township holds, read without a lock, for checking terms without acting on
     * them. Raises as {@link #lockHeld}: 404 for an unknown certificate, 403 when the township does
     * not hold it.
     */
    public Certificate held(String townshipCode, long certificateId) {
        return heldBy(townshipCode, require(certificateId));
    }

    private static Certificate heldBy(String townshipCode, Certificate c) {
        if (c.holderKind != HolderKind.TOWNSHIP || !c.holderCode.equals(townshipCode)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_NOT_HOLDER);
        }
        return c;
    }

    /**
     * Freezes a listing's lot on a certificate locked by {@link #lockHeld}; 409 when the lot exceeds
     * what is free. Logged as {@code certificate.frozen} by {@code actor}.
     */
    public void freeze(Certificate locked, Quantity lot, long listingId, String actor) {
        Optional<Message> shortfall = shortfall(locked, lot);
        if (shortfall.isPresent()) {
            throw new ApiException(ErrorCode.QUANTITY_UNAVAILABLE, shortfall.get(), List.of());
        }
        locked.freeze(lot);
        audit.append(locked.frozenEntry(lot, listingId, Instant.now(clock), actor));
        String op = "freeze:" + UUID.randomUUID();
        recordQuota(locked.id, op, code -> LedgerService.certificate(locked.id, code),
                code -> LedgerService.frozen(locked.id, code), lot, TransferKind.FREEZE, locked.certNo, listingId);
    }

    /**
     * Why {@link #freeze} would refuse to freeze {@code lot} on the certificate (the 409's detail): the
     * lot exceeds what is free; empty when it fits.
     */
    public static Optional<Message> shortfall(Certificate c, Quantity lot) {
        return shortfall(c, lot, new Quantity(0, null, null));
    }

    /**
     * As {@link #shortfall(Certificate, Quantity)} for a lot that would replace {@code held}, a lot
     * frozen on the same certificate now (a draft's, while its terms are edited): that counts as free.
     */
    public static Optional<Message> shortfall(Certificate c, Quantity lot, Quantity held) {
        Quantity free = c.available().plus(held);
        if (free.covers(lot)) {
            return Optional.empty();
        }
        return Optional.of(Message.of(MessageKey.CERTIFICATE_QUANTITY_UNAVAILABLE, c.certNo, free.areaM2(),
                free.paddyAreaM2OrZero(), free.grainCapacityKgOrZero()));
    }

    /** Locks a certificate and releases a lot a listing froze on it earlier; logged as {@code certificate.released}. */
    public void release(long certificateId, Quantity lot, long listingId, String actor) {
        releaseAll(List.of(new Release(certificateId, lot, listingId)), actor);
    }

    /** A lot that a listing froze on a certificate and that goes back to it. */
    public record Release(long certificateId, Quantity lot, long listingId) {
    }

    /**
     * {@link #release}s in their order, with the same few statements however many there are: the
     * certificates are locked together in the order of their ids, and their ledger transfers are
     * recorded together ({@link LedgerService#transferAll}).
     */
    public void releaseAll(List<Release> releases, String actor) {
        if (releases.isEmpty()) {
            return;
        }
        Map<Long, Certificate> locked = certificates.lockAll(releases.stream().map(Release::certificateId).toList());
        Instant now = Instant.now(clock);
        List<LedgerService.Posting> postings = new ArrayList<>();
        for (Release r : releases) {
            Certificate c = locked.get(r.certificateId());
            if (c == null) {
                throw new java.util.NoSuchElementException("certificate " + r.certificateId());
            }
            c.release(r.lot());
            audit.append(c.releasedEntry(r.lot(), r.listingId(), now, actor));
            String op = "release:" + UUID.randomUUID();
            postings.addAll(quota(c.id, op, code -> LedgerService.frozen(c.id, code),
                    code -> LedgerService.certificate(c.id, code), r.lot(), TransferKind.RELEASE, c.certNo,
                    r.listingId()));
        }
        ledger.transferAll(postings);
    }

    /**
     * Settles a sold lot (domain.md, "What is traded"): the frozen lot leaves the certificate, which
     * keeps the remainder, and becomes a child certificate held by the buying enterprise with the
     * parent's source, documents and planning conditions; a collective parcel's child carries the
     * term that was sold ({@code soldTermYears}, null for indicators). Exactly once per reference: a
     * second call with the same reference returns the child made the first time.
     *
     * @return the child certificate's id
     */
    public long split(long certificateId, Quantity lot, Integer soldTermYears, String enterpriseCode,
            String reference, String actor, long listingId) {
        Certificate parent = certificates.lock(certificateId).orElseThrow();
        Certificate child = new Certificate();
        child.certNo = childNumber(parent.certNo, reference);
        Optional<Certificate> existing = certificates.find("certNo", child.certNo).firstResultOptional();
        if (existing.isPresent()) {
            return existing.get().id;
        }
        parent.release(lot);
        parent.transfer(lot);
        child.assetType = parent.assetType;
        child.holderKind = HolderKind.ENTERPRISE;
        child.holderCode = enterpriseCode;
        child.regionCode = parent.regionCode;
        child.sourceProject = parent.sourceProject;
        child.sourceProjectType = parent.sourceProjectType;
        child.documents = parent.documents;
        child.areaM2 = lot.areaM2();
        child.paddyAreaM2 = parent.paddyAreaM2 == null ? null : lot.paddyAreaM2OrZero();
        child.grainCapacityKg = parent.grainCapacityKg == null ? null : lot.grainCapacityKgOrZero();
        child.qualityGrade = parent.qualityGrade;
        child.nationalFilingNo = parent.nationalFilingNo;
        child.planYear = parent.planYear;
        child.acceptanceDocNo = parent.acceptanceDocNo;
        child.validUntil = parent.validUntil;
        child.parcelCode = parent.parcelCode;
        child.landUse = parent.landUse;
        child.maxTermYears = soldTermYears == null ? parent.maxTermYears : Short.valueOf(soldTermYears.shortValue());
        child.planningConditions = parent.planningConditions;
        child.collectiveVote = parent.collectiveVote;
        child.countyFilingDate = parent.countyFilingDate;
        child.parentId = parent.id;
        child.issuedAt = Instant.now(clock);
        child.issuedBy = actor;
        certificates.persist(child);
        certificates.flush();
        audit.append(parent.splitEntry(child, lot, listingId, reference, child.issuedAt, actor));
        audit.append(child.issuedEntry(listingId));
        recordQuota(parent.id, "split:" + reference, code -> LedgerService.frozen(parent.id, code),
                code -> LedgerService.certificate(child.id, code), lot, TransferKind.SPLIT, reference, listingId);
        return child.id;
    }

    private static String childNumber(String parentNo, String reference) {
        String suffix = "/" + reference;
        return parentNo.substring(0, Math.min(parentNo.length(), 40 - suffix.length())) + suffix;
    }

    /** One posted quota transfer per non-zero dimension of the quantity. */
    private void recordQuota(long certificateId, String op, Function<LedgerCode, String> debit,
            Function<LedgerCode, String> credit, Quantity q, TransferKind kind, String reference, Long listingId) {
        ledger.transferAll(quota(certificateId, op, debit, credit, q, kind, reference, listingId));
    }

    /** The ledger transfers of a quantity's movement: one per unit it has (area, paddy area, grain capacity). */
    private static List<LedgerService.Posting> quota(long certificateId, String op, Function<LedgerCode, String> debit,
            Function<LedgerCode, String> credit, Quantity q, TransferKind kind, String reference, Long listingId) {
        long[] amounts = {q.areaM2(), q.paddyAreaM2OrZero(), q.grainCapacityKgOrZero()};
        LedgerCode[] codes = {LedgerCode.AREA_M2, LedgerCode.PADDY_M2, LedgerCode.GRAIN_KG};
        List<LedgerService.Posting> postings = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            if (amounts[i] > 0) {
                postings.add(new LedgerService.Posting(TransferRequest.posted("cert:" + certificateId + ":" + op + ":"
                        + codes[i], codes[i], debit.apply(codes[i]), credit.apply(codes[i]), amounts[i], kind,
                        reference), listingId));
            }
        }
        return postings;
    }

    /** The certificate, or 404. */
    public Certificate require(long id) {
        return certificates.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("certificate", id));
    }

    /**
     * Raises unless {@code actor} may see the certificate's details through the API (holder,
     * regulators of its region, operators): those may open the commitments to them in the audit log.
     */
    @Transactional
    public void authoriseDetails(Actor actor, long id) {
        visible(actor, id);
    }

    private Certificate visible(Actor actor, long id) {
        java.util.Optional<Regulator> regulator = parties.regulatorIfRegulator(actor);
        Certificate c = require(id);
        boolean allowed = switch (actor.role()) {
            case TOWNSHIP -> c.holderKind == HolderKind.TOWNSHIP && c.holderCode.equals(actor.org());
            case ENTERPRISE -> c.holderKind == HolderKind.ENTERPRISE && c.holderCode.equals(actor.org());
            case REGULATOR -> regulator.orElseThrow().covers(c.regionCode);
            case OPERATOR -> true;
        };
        if (!allowed) {
            throw ApiException.forbidden(actor.is(Role.REGULATOR) ? MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION : MessageKey.FORBIDDEN_NOT_HOLDER);
        }
        return c;
    }
}
