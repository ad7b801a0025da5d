package cn.landmarket.settlement;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import cn.landmarket.common.jdbc.SqlArrays;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Queries over trades and the work the settlement clock finds due. */
@ApplicationScoped
public class TradeRepository implements PanacheRepositoryBase<Trade, Long> {

    public long nextId() {
        return ((Number) getEntityManager().createNativeQuery("select nextval('trade_seq')").getSingleResult())
                .longValue();
    }

    public Optional<Trade> lock(long id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The listing's current trade: the runner-up's once the lot was offered to it, else the winner's. */
    public Optional<Trade> ofListing(long listingId) {
        return find("listingId", io.quarkus.panache.common.Sort.by("id").descending(), listingId)
                .firstResultOptional();
    }

    /** The listing's trades, the winner's first (at most two: the winner's and the runner-up's). */
    public List<Trade> allOfListing(long listingId) {
        return list("listingId", io.quarkus.panache.common.Sort.by("id"), listingId);
    }

    /** Whether a registration has a trade it did not decline: then its deposit is the trade's, not owed back. */
    public boolean holdsTrade(long registrationId) {
        return count("registrationId = ?1 and status <> ?2", registrationId, TradeStatus.DECLINED) > 0;
    }

    /** The trades an enterprise bought, newest first. */
    public List<Trade> ofBuyer(String buyerCode) {
        return list("buyerCode", io.quarkus.panache.common.Sort.by("createdAt").descending().and("id").descending(),
                buyerCode);
    }

    public Optional<Trade> lockByAccount(String account) {
        return find("virtualAccount", account).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** SOLD listings that have no trade yet: closed by the listing clock or by a bid at the price cap. */
    @SuppressWarnings("unchecked")
    public List<Long> soldWithoutTrade() {
        return ((List<Number>) getEntityManager().createNativeQuery("""
                select l.id from listing l where l.status = 'SOLD'
                and not exists (select 1 from trade t where t.listing_id = l.id) order by l.id""")
                .getResultList()).stream().map(Number::longValue).toList();
    }

    /**
     * What the money account the SQL expression {@code account} names holds and is free to move, as
     * {@code LedgerService.available} counts it: POSTED credits less the debits not voided (a POSTED
     * one that completes a reservation was counted as its PENDING one).
     */
    static String available(String account) {
        return """
                (coalesce((select sum(amount) from ledger_transfer x
                           where x.credit_account = %1$s and x.phase = 'POSTED'), 0)
                 - coalesce((select sum(amount) from ledger_transfer x
                             where x.debit_account = %1$s and x.phase <> 'VOIDED'
                             and (x.phase = 'POSTED' and x.pending_id is null or x.phase = 'PENDING'
                                  and not exists (select 1 from ledger_transfer v
                                                  where v.pending_id = x.id and v.phase = 'VOIDED'))), 0))"""
                .formatted(account);
    }

    /**
     * Registrations of closed listings whose deposit account still holds money and that did not win
     * (or declined a runner-up's offer), except a runner-up whose deposit is held while the winner's
     * trade is open: their deposits are owed back. Only the deposits that may hold money are looked
     * at (deposit_open, V25), by their ids, so that a pass costs what the open deposits do whatever
     * the planner thinks of the tables' sizes, not the market's whole history.
     */
    @SuppressWarnings("unchecked")
    public List<Long> depositsToRelease() {
        List<Long> open = ((List<Number>) getEntityManager()
                .createNativeQuery("select registration_id from deposit_open order by registration_id").getResultList())
                .stream().map(Number::longValue).toList();
        if (open.isEmpty()) {
            return List.of();
        }
        return ((List<Number>) getEntityManager().createNativeQuery("""
                select r.id from registration r join listing l on l.id = r.listing_id
                where r.id = any(cast(?1 as bigint[]))
                and l.status in ('SOLD', 'UNSOLD', 'TERMINATED', 'AWAITING_PAYMENT', 'SETTLED', 'DEFAULTED')
                and (l.status <> 'SOLD' or exists (select 1 from trade t where t.listing_id = l.id))
                and not exists (select 1 from trade t where t.registration_id = r.id and t.status <> 'DECLINED')
                and not exists (select 1 from runner_up u where u.registration_id = r.id and u.status = 'HELD')
                and """ + available("'DEPOSIT:' || r.id") + """
                 > 0
                order by r.id""").setParameter(1, SqlArrays.bigints(open)).getResultList()).stream()
                .map(Number::longValue).toList();
    }

    /** A deposit that holds nothing available, at the version of deposit_open it was read at. */
    public record EmptyDeposit(long registrationId, long version) {
    }

    /** The open deposits whose account holds nothing available now (a reserved deposit among them). */
    @SuppressWarnings("unchecked")
    public List<EmptyDeposit> emptyDeposits() {
        return ((List<Object[]>) getEntityManager().createNativeQuery("""
                select o.registration_id, o.version from deposit_open o where """ + available("'DEPOSIT:' || o.registration_id") + """
                 <= 0
                order by o.registration_id""").getResultList()).stream()
                .map(r -> new EmptyDeposit(((Number) r[0]).longValue(), ((Number) r[1]).longValue())).toList();
    }

    /**
     * Forgets the deposits read empty, each only if no transfer touched it since it was read (its
     * version is the same): money that arrives meanwhile keeps its registration open. Returns how
     * many were forgotten.
     */
    public int forget(List<EmptyDeposit> empty) {
        if (empty.isEmpty()) {
            return 0;
        }
        return getEntityManager().createNativeQuery("""
                delete from deposit_open o
                using unnest(cast(?1 as bigint[]), cast(?2 as bigint[])) as t(registration_id, version)
                where o.registration_id = t.registration_id and o.version = t.version""")
                .setParameter(1, SqlArrays.bigints(empty.stream().map(EmptyDeposit::registrationId).toList()))
                .setParameter(2, SqlArrays.bigints(empty.stream().map(EmptyDeposit::version).toList()))
                .executeUpdate();
    }

    /** Open trades, not suspended, whose confirmation or payment deadline has passed. */
    public List<Long> pastDeadline(Instant now) {
        return getEntityManager().createQuery("""
                select t.id from Trade t where t.suspendedAt is null and (
                (t.status = cn.landmarket.settlement.TradeStatus.AWAITING_CONFIRMATION and t.confirmDeadline < :now)
                or (t.status = cn.landmarket.settlement.TradeStatus.AWAITING_PAYMENT
                    and (t.firstDueAt < :now or t.balanceDueAt < :now)))
                order by t.id""", Long.class).setParameter("now", now).getResultList();
    }

    /** The listing's trade awaiting confirmation or payment, locked; empty when it has none. */
    public Optional<Trade> lockOpenOfListing(long listingId) {
        return find("listingId = ?1 and status in ?2", listingId,
                List.of(TradeStatus.AWAITING_CONFIRMATION, TradeStatus.AWAITING_PAYMENT))
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }
}
