package cn.landmarket.escrow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.AuditLog;
import cn.landmarket.calendar.CalendarService;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.PageView;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.party.PartyService;

/** The refunds the platform owes, for the operator who pays them and the regulators who watch. */
@ApplicationScoped
public class RefundService {

    private final RefundRepository refunds;
    private final PartyService parties;
    private final CalendarService calendar;
    private final EscrowConfig bank;
    private final AuditLog audit;
    private final ZoneId zone;
    private final Clock clock;

    RefundService(RefundRepository refunds, PartyService parties, CalendarService calendar, EscrowConfig bank,
            MarketConfig config, Clock clock, AuditLog audit) {
        this.refunds = refunds;
        this.audit = audit;
        this.calendar = calendar;
        this.bank = bank;
        this.parties = parties;
        this.zone = config.zone();
        this.clock = clock;
    }

    /**
     * Refunds, all or only open or only paid ones, soonest due first: every one for an operator,
     * those of listings in its jurisdiction for a regulator (403 for anyone else).
     */
    @Transactional
    public PageView<RefundView> search(Actor actor, Boolean open, PageRequest page) {
        String jurisdiction = jurisdiction(actor);
        Instant now = Instant.now(clock);
        io.quarkus.hibernate.orm.panache.PanacheQuery<Refund> query = refunds.search(open, jurisdiction);
        List<Refund> items = query.page(page.page(), page.size()).list();
        return new PageView<>(views(items, now), page.page(), page.size(), query.count());
    }

    /**
     * The refunds of a listing's registrations, soonest due first: for an operator, or for a
     * regulator when the listing lies in its jurisdiction (none otherwise); 403 for anyone else.
     */
    @Transactional
    public List<RefundView> ofListing(Actor actor, long listingId) {
        String jurisdiction = jurisdiction(actor);
        return views(refunds.ofListing(listingId, jurisdiction), Instant.now(clock));
    }

    /**
     * One refund as operators and regulators see it: any for an operator, for a regulator one of a
     * listing in its jurisdiction (404 otherwise, as for an unknown one); 403 for anyone else.
     */
    @Transactional
    public RefundView get(Actor actor, long refundId) {
        String jurisdiction = jurisdiction(actor);
        Refund refund = refunds.visible(refundId, jurisdiction)
                .orElseThrow(() -> ApiException.notFound("refund", refundId));
        return views(List.of(refund), Instant.now(clock)).get(0);
    }

    /**
     * Whose refunds the actor may read: every one for an operator (null), those of listings whose
     * region starts with this prefix for a regulator; 403 for anyone else.
     */
    private String jurisdiction(Actor actor) {
        if (actor.is(Role.OPERATOR)) {
            return null;
        }
        if (actor.is(Role.REGULATOR)) {
            return parties.regulatorOf(actor).jurisdictionPrefix();
        }
        throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
    }

    /**
     * The refunds owed or paid to the calling enterprise (those of its registrations and their
     * trades), soonest due first; 403 for any other role.
     */
    @Transactional
    public List<RefundView> mine(Actor actor) {
        if (!actor.is(Role.ENTERPRISE)) {
            throw ApiException.forbidden(MessageKey.FORBIDDEN_ROLE);
        }
        return views(refunds.ofEnterprise(actor.org()), Instant.now(clock));
    }

    /** The refunds as operators and regulators see them: by listing and bidder number, the payee masked. */
    private List<RefundView> views(List<Refund> items, Instant now) {
        Map<Long, RefundView.Bidder> bidders = refunds.bidders(items.stream().map(r -> r.registrationId)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));
        return items.stream().map(r -> RefundView.of(r, r.registrationId == null ? null : bidders.get(r.registrationId),
                now, zone)).toList();
    }

    /**
     * The only place a refund is built. Records money owed back to a payer, inside the caller's transaction, due by the end of the
     * bank's refund working days after {@code from}, and logs it ({@code refund.instructed}) as the
     * act of {@code actor} for the listing; the caller records the matching ledger transfer.
     *
     * @return the refund's id, which a paying debit names as REFUND-id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long owe(Long registrationId, String creditTransactionId, long amountFen, String payeeName,
            String payeeAccount, RefundReason reason, Instant from, Long listingId, String actor) {
        Refund refund = new Refund();
        refund.id = refunds.nextId();
        refund.creditTransactionId = creditTransactionId;
        refund.registrationId = registrationId;
        refund.amountFen = amountFen;
        refund.payeeName = payeeName;
        refund.payeeAccount = payeeAccount;
        refund.reason = reason;
        refund.createdAt = Instant.now(clock);
        refund.dueBy = calendar.calendar().endOfWorkingDayAfter(from, bank.refundWorkingDays(), zone);
        refunds.persist(refund);
        audit.append(refund.instructedEntry(listingId, actor));
        return refund.id;
    }
}
