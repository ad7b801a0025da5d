package cn.landmarket.settlement;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.escrow.EscrowConfig;
import cn.landmarket.calendar.CalendarService;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.security.Actor;
import cn.landmarket.ledger.LedgerRepository;
import cn.landmarket.ledger.Owner;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;

/**
 * Checks the invariants of money and quantity across the whole ledger, for regulators. Each
 * regulator sees its jurisdiction: an offending id that belongs to a listing, registration, trade,
 * refund or certificate ({@link Owner}) is shown only to regulators whose jurisdiction covers it,
 * and a check passes for a regulator when nothing of its jurisdiction (and nothing market-wide)
 * offends. What belongs to no region is market-wide and shown to every regulator: the sum per
 * ledger, the platform's own accounts, and transfers between them.
 */
@ApplicationScoped
public class InvariantService {

    private final LedgerRepository ledger;
    private final CalendarService calendar;
    private final EscrowConfig bank;
    private final ZoneId zone;
    private final Clock clock;
    private final PartyService parties;

    InvariantService(LedgerRepository ledger, CalendarService calendar, EscrowConfig bank, MarketConfig config,
            Clock clock, PartyService parties) {
        this.ledger = ledger;
        this.parties = parties;
        this.calendar = calendar;
        this.bank = bank;
        this.zone = config.zone();
        this.clock = clock;
    }

    /**
     * Runs every check in one read-only snapshot, as the calling registered regulator sees it (403
     * when its organisation is not registered).
     */
    @Transactional
    public InvariantsView check(Actor actor) {
        Regulator regulator = parties.regulatorOf(actor);
        Function<String, Optional<String>> transfer = id -> regionOfTransfer(regulator, id);
        Function<String, Optional<String>> account = id -> Owner.ofAccount(id).flatMap(ledger::regionOf);
        Function<String, Optional<String>> certificate = owned(Owner.Kind.CERTIFICATE);
        Function<String, Optional<String>> listing = owned(Owner.Kind.LISTING);
        Function<String, Optional<String>> registration = owned(Owner.Kind.REGISTRATION);
        Function<String, Optional<String>> marketWide = id -> Optional.empty();
        List<InvariantsView.Check> checks = new ArrayList<>();
        add(checks, regulator, transfer, "every transfer balances", """
                select id from ledger_transfer where amount <= 0 or debit_account = credit_account
                or exists (select 1 from ledger_account a where a.id in (debit_account, credit_account)
                           and a.ledger <> ledger_transfer.ledger)
                or (pending_id is not null and not exists (select 1 from ledger_transfer p where p.id = ledger_transfer.pending_id
                    and p.phase = 'PENDING' and p.debit_account = ledger_transfer.debit_account
                    and p.credit_account = ledger_transfer.credit_account and p.amount = ledger_transfer.amount))""");
        add(checks, regulator, marketWide, "the sum over all accounts is zero", """
                select ledger from (
                  select ledger, sum(case when phase = 'POSTED' then amount else 0 end) c from ledger_transfer group by ledger
                  union all
                  select ledger, -sum(case when phase = 'POSTED' then amount else 0 end) from ledger_transfer group by ledger) s
                group by ledger having sum(c) <> 0""");
        add(checks, regulator, account, "no escrow or holding is negative", """
                select a.id from ledger_account a where a.normal_side = 'CREDIT' and
                  coalesce((select sum(amount) from ledger_transfer t where t.credit_account = a.id and t.phase = 'POSTED'), 0)
                - coalesce((select sum(amount) from ledger_transfer t where t.debit_account = a.id and t.phase = 'POSTED'), 0)
                - coalesce((select sum(amount) from ledger_transfer t where t.debit_account = a.id and t.phase = 'PENDING'
                            and not exists (select 1 from ledger_transfer r where r.pending_id = t.id)), 0) < 0""");
        add(checks, regulator, certificate, "every certificate's quantity is its children's plus its remainder", """
                select c.id from certificate c where
                  c.transferred_area_m2 <> coalesce((select sum(k.area_m2) from certificate k where k.parent_id = c.id), 0)
                  or c.transferred_paddy_area_m2
                     <> coalesce((select sum(k.paddy_area_m2) from certificate k where k.parent_id = c.id), 0)
                  or c.transferred_grain_capacity_kg
                     <> coalesce((select sum(k.grain_capacity_kg) from certificate k where k.parent_id = c.id), 0)""");
        add(checks, regulator, certificate, "every certificate's ledger holding matches its free and frozen quantity",
                holdingMismatch("AREA_M2", "area_m2", "frozen_area_m2", "transferred_area_m2") + " union "
                + holdingMismatch("PADDY_M2", "paddy_area_m2", "frozen_paddy_area_m2", "transferred_paddy_area_m2")
                + " union " + holdingMismatch("GRAIN_KG", "grain_capacity_kg", "frozen_grain_capacity_kg",
                        "transferred_grain_capacity_kg"));
        add(checks, regulator, listing,
                "every sold listing has exactly one trade (a new sale gets its trade within seconds), "
                + "and at most one runner-up's trade, after the winner's default", """
                select l.id from listing l where
                  (l.status in ('AWAITING_PAYMENT', 'SETTLED', 'DEFAULTED')
                   or (l.status = 'SOLD' and l.closed_at < now() - interval '1 minute'))
                  and (select count(*) from trade t where t.listing_id = l.id and t.runner_up_of is null) <> 1
                union
                select t.listing_id from trade t group by t.listing_id
                having count(*) filter (where t.runner_up_of is null) > 1
                    or count(*) filter (where t.runner_up_of is not null) > 1
                union
                select t.listing_id from trade t join trade w on w.id = t.runner_up_of
                where w.listing_id <> t.listing_id or w.status <> 'DEFAULTED'""");
        add(checks, regulator, registration, "every deposit is held, credited, refunded or forfeited, never two", """
                select substr(debit_account, 9) from ledger_transfer where debit_account like 'DEPOSIT:%'
                and phase = 'POSTED' and kind in ('DEPOSIT_APPLIED', 'DEPOSIT_REFUND', 'DEPOSIT_FORFEIT')
                group by debit_account having count(distinct kind) > 1""");
        add(checks, regulator, registration, "every deposit that holds money is watched by the settlement sweep", """
                select substr(a.id, 9) from ledger_account a where a.id ~ '^DEPOSIT:[0-9]{1,18}$'
                and not exists (select 1 from deposit_open o where o.registration_id = cast(substr(a.id, 9) as bigint))
                and """ + TradeRepository.available("a.id") + " > 0");
        checks.add(depositsHeldPastRefundDeadline(regulator, registration));
        return new InvariantsView(checks.stream().allMatch(InvariantsView.Check::pass), checks);
    }

    /**
     * A deposit of a closed listing that is neither the open trade's nor refunded, credited or
     * forfeited by the end of the bank's refund working days after the close, or, for a runner-up,
     * after its deposit stopped being held (the winner settled, or it declined the offer). A held
     * runner-up's deposit is held on purpose while the winner's trade is open.
     */
    private InvariantsView.Check depositsHeldPastRefundDeadline(Regulator regulator,
            Function<String, Optional<String>> region) {
        Instant now = Instant.now(clock);
        List<String> offending = new ArrayList<>();
        for (Object[] row : ledger.rows("""
                select r.id, coalesce(u.decided_at, l.closed_at) from registration r
                join listing l on l.id = r.listing_id
                left join runner_up u on u.registration_id = r.id
                where l.closed_at is not null
                and l.status in ('UNSOLD', 'TERMINATED', 'SETTLED', 'DEFAULTED', 'AWAITING_PAYMENT', 'SOLD')
                and (u.status is null or u.status <> 'HELD')
                and not exists (select 1 from trade t where t.registration_id = r.id
                                and t.status in ('AWAITING_CONFIRMATION', 'AWAITING_PAYMENT'))
                and coalesce((select sum(amount) from ledger_transfer x
                              where x.credit_account = 'DEPOSIT:' || r.id and x.phase = 'POSTED'), 0)
                  > coalesce((select sum(amount) from ledger_transfer x
                              where x.debit_account = 'DEPOSIT:' || r.id and x.phase = 'POSTED'), 0)""")) {
            Instant deadline = calendar.calendar().endOfWorkingDayAfter(instant(row[1]), bank.refundWorkingDays(),
                    zone);
            if (now.isAfter(deadline)) {
                offending.add(String.valueOf(row[0]));
            }
        }
        List<String> seen = seen(regulator, region, offending);
        return new InvariantsView.Check("no deposit of a closed listing is still held after the refund deadline",
                seen.isEmpty(), seen);
    }

    /** Certificates whose ledger accounts of one dimension disagree with their free or frozen columns. */
    private static String holdingMismatch(String code, String total, String frozen, String transferred) {
        String free = "'CERT:' || c.id || ':" + code + "'";
        String held = "'CERT:' || c.id || ':FROZEN:" + code + "'";
        return "select c.id from certificate c where exists (select 1 from ledger_account a where a.id = 'CERT:' || c.id"
                + " || ':AREA_M2') and (coalesce(c." + total + ", 0) - c." + frozen + " - c." + transferred + " <> "
                + net(free) + " or c." + frozen + " <> " + net(held) + ")";
    }

    private static String net(String account) {
        return "(coalesce((select sum(amount) from ledger_transfer t where t.credit_account = " + account
                + " and t.phase = 'POSTED'), 0) - coalesce((select sum(amount) from ledger_transfer t where "
                + "t.debit_account = " + account + " and t.phase = 'POSTED'), 0))";
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    private void add(List<InvariantsView.Check> checks, Regulator regulator, Function<String, Optional<String>> region,
            String name, String sql) {
        List<String> offending = seen(regulator, region, ledger.ids(sql));
        checks.add(new InvariantsView.Check(name, offending.isEmpty(), offending));
    }

    /** The offending ids the regulator may see: those of its jurisdiction and those of no region (market-wide). */
    private static List<String> seen(Regulator regulator, Function<String, Optional<String>> region,
            List<String> offending) {
        return offending.stream().filter(id -> region.apply(id).map(regulator::covers).orElse(true)).toList();
    }

    private Function<String, Optional<String>> owned(Owner.Kind kind) {
        return id -> {
            try {
                return ledger.regionOf(new Owner(kind, Long.parseLong(id)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        };
    }

    /**
     * The region a transfer is shown under: the regulator's own when either account lies in its
     * jurisdiction, another region when an account lies elsewhere, none when both are market-wide.
     */
    private Optional<String> regionOfTransfer(Regulator regulator, String transferId) {
        Optional<String> elsewhere = Optional.empty();
        for (String account : ledger.accountsOf(transferId)) {
            Optional<String> region = Owner.ofAccount(account).flatMap(ledger::regionOf);
            if (region.isPresent() && regulator.covers(region.get())) {
                return region;
            }
            elsewhere = elsewhere.or(() -> region);
        }
        return elsewhere;
    }
}
