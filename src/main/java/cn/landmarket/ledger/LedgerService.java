package cn.landmarket.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import cn.landmarket.audit.AuditEntry;
import cn.landmarket.audit.AuditLog;
import cn.landmarket.common.config.MarketConfig;
import cn.landmarket.common.PageRequest;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.error.MessageKey;
import cn.landmarket.common.security.Actor;
import cn.landmarket.party.PartyService;
import cn.landmarket.party.Regulator;

/**
 * The double-entry ledger: every movement of money or quantity is an immutable transfer between
 * two accounts, recorded inside the caller's transaction. Nothing is ever updated or deleted.
 */
@ApplicationScoped
public class LedgerService {

    /** The platform's bank account (the escrow account): DEBIT-normal. */
    public static final String BANK = "BANK";
    /** Money that left the bank without a known purpose: DEBIT-normal. */
    public static final String SUSPENSE = "SUSPENSE";
    /** Deposits forfeited by defaulting buyers. */
    public static final String FORFEITED = "FORFEITED";

    private final LedgerRepository ledger;
    private final AuditLog audit;
    private final Clock clock;
    private final java.time.ZoneId zone;
    private final PartyService parties;

    LedgerService(LedgerRepository ledger, AuditLog audit, MarketConfig config, Clock clock, PartyService parties) {
        this.ledger = ledger;
        this.parties = parties;
        this.audit = audit;
        this.zone = config.zone();
        this.clock = clock;
    }

    public static String deposit(long registrationId) {
        return "DEPOSIT:" + registrationId;
    }

    public static String trade(long tradeId) {
        return "TRADE:" + tradeId;
    }

    public static String refund(long refundId) {
        return "REFUND:" + refundId;
    }

    public static String proceeds(long tradeId, String party) {
        return "PROCEEDS:" + tradeId + ":" + party;
    }

    public static String quotaIssued(LedgerCode code) {
        return "QUOTA:ISSUED:" + code;
    }

    public static String certificate(long certificateId, LedgerCode code) {
        return "CERT:" + certificateId + ":" + code;
    }

    public static String frozen(long certificateId, LedgerCode code) {
        return "CERT:" + certificateId + ":FROZEN:" + code;
    }

    /** The normal side of an account by its name: the bank, suspense and quota issued are DEBIT-normal. */
    static Account.NormalSide sideOf(String account) {
        return account.equals(BANK) || account.equals(SUSPENSE) || account.startsWith("QUOTA:ISSUED:")
                ? Account.NormalSide.DEBIT : Account.NormalSide.CREDIT;
    }

    /** Records a transfer that concerns no listing; see {@link #transfer(TransferRequest, Long)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer transfer(TransferRequest request) {
        return transfer(request, null);
    }

    /**
     * Records a transfer, creating its accounts on first use, and its audit entry (with the listing
     * it concerns, if any) in the same transaction. A replay of an id with the same fields returns
     * the stored transfer and changes (and logs) nothing; different fields raise 409 CONFLICT; a
     * posting or voiding of an unknown or already resolved pending transfer, or a debit beyond what
     * a CREDIT-normal account holds, raises 409 INVALID_STATE.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer transfer(TransferRequest request, Long listingId) {
        return transferAll(List.of(new Posting(request, listingId))).get(0);
    }

    /** A transfer to record and the listing it concerns, or null. */
    public record Posting(TransferRequest request, Long listingId) {
    }

    /**
     * Records transfers in their order, each decided and recorded exactly as {@link #transfer} would
     * one after the other (a later one sees the earlier ones: a replay of an id recorded earlier in the
     * list, a posting of a pending transfer made earlier, a debit of what an earlier one credited),
     * with the same few statements however many there are: their locks, the stored transfers and
     * balances they depend on, their accounts, the transfers and their audit entries. The first one
     * refused raises as {@link #transfer} would, before anything is written. Returns, for each, the
     * transfer recorded or the one stored earlier under its id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Transfer> transferAll(List<Posting> postings) {
        List<TransferRequest> requests = postings.stream().map(Posting::request).toList();
        Set<String> ids = new LinkedHashSet<>();
        Set<String> pendingIds = new LinkedHashSet<>();
        Set<String> debited = new LinkedHashSet<>();
        for (TransferRequest r : requests) {
            ids.add(r.id());
            if (r.pendingId() != null) {
                pendingIds.add(r.pendingId());
            } else if (sideOf(r.debitAccount()) == Account.NormalSide.CREDIT) {
                debited.add(r.debitAccount());
            }
        }
        ledger.lock(ids, debited);
        Set<String> known = new LinkedHashSet<>(ids);
        known.addAll(pendingIds);
        Map<String, Transfer> stored = ledger.transfers(known);
        Set<String> resolved = ledger.resolvedAmong(pendingIds);
        Map<String, Long> available = ledger.available(requests.stream()
                .filter(r -> r.pendingId() == null && !stored.containsKey(r.id())
                        && sideOf(r.debitAccount()) == Account.NormalSide.CREDIT)
                .map(TransferRequest::debitAccount).collect(Collectors.toCollection(LinkedHashSet::new)));
        Instant now = Instant.now(clock);
        List<Transfer> result = new ArrayList<>(postings.size());
        List<Transfer> recorded = new ArrayList<>();
        List<AuditEntry> entries = new ArrayList<>();
        Map<String, Account> accounts = new LinkedHashMap<>();
        for (Posting posting : postings) {
            TransferRequest request = posting.request();
            Optional<Transfer> existing = Optional.ofNullable(stored.get(request.id()));
            Optional<Transfer> pending = request.pendingId() == null ? Optional.empty()
                    : Optional.ofNullable(stored.get(request.pendingId()));
            boolean isResolved = request.pendingId() != null && resolved.contains(request.pendingId());
            Long debitAvailable = existing.isPresent() || request.pendingId() != null
                    || sideOf(request.debitAccount()) == Account.NormalSide.DEBIT ? null
                            : available.get(request.debitAccount());
            LedgerRules.Verdict verdict = LedgerRules.decide(request, existing, pending, isResolved, debitAvailable);
            switch (verdict) {
                case REPLAY:
                    result.add(existing.orElseThrow());
                    continue;
                case CONFLICT:
                    throw new ApiException(ErrorCode.CONFLICT, MessageKey.LEDGER_TRANSFER_CONFLICT, request.id());
                case APPLY:
                    break;
                default:
                    throw ApiException.invalidState(MessageKey.LEDGER_TRANSFER_REFUSED, request.id(), verdict);
            }
            Transfer t = Transfer.of(request, now);
            stored.put(t.id, t);
            if (t.pendingId != null) {
                resolved.add(t.pendingId);
            }
            LedgerRules.afterwards(t, available);
            accounts.putIfAbsent(t.debitAccount, Account.of(t.debitAccount, t.ledger, sideOf(t.debitAccount)));
            accounts.putIfAbsent(t.creditAccount, Account.of(t.creditAccount, t.ledger, sideOf(t.creditAccount)));
            recorded.add(t);
            entries.add(t.auditEntry(posting.listingId()));
            result.add(t);
        }
        if (!recorded.isEmpty()) {
            ledger.ensureAccounts(accounts.values(), now);
            ledger.append(recorded);
            entries.forEach(audit::append);
        }
        return result;
    }

    /** Records a money transfer that takes effect at once; {@code listingId} is the listing it concerns, or null. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Transfer move(String id, String debit, String credit, long amountFen, TransferKind kind, String reference,
            Long listingId) {
        return transfer(TransferRequest.money(id, debit, credit, amountFen, kind, reference), listingId);
    }

    /** The balance of an account (zero sums for an account never used). */
    @Transactional
    public Balance balance(String account, LedgerCode code) {
        long[] s = ledger.sums(account);
        Account.NormalSide side = ledger.account(account).map(a -> a.normalSide).orElse(sideOf(account));
        LedgerCode ledgerCode = ledger.account(account).map(a -> a.ledger).orElse(code);
        return new Balance(account, ledgerCode, side, s[0], s[1], s[2], s[3]);
    }

    /** What a CREDIT-normal money account holds and is free to move. */
    @Transactional
    public long available(String account) {
        return balance(account, LedgerCode.CNY_FEN).available();
    }

    /** An account's balance, 404 when it was never used; for regulators only accounts of their jurisdiction ({@link #visible}). */
    @Transactional
    public AccountView account(Actor actor, String id) {
        Account a = visible(actor, id);
        return AccountView.of(balance(a.id, a.ledger));
    }

    /**
     * One page of an account's transfers, oldest first, with the running posted balance (carried
     * over from the pages before); 404 when never used; for regulators only accounts of their
     * jurisdiction ({@link #visible}).
     */
    @Transactional
    public StatementView statement(Actor actor, String id, PageRequest page) {
        Account a = visible(actor, id);
        long offset = (long) page.page() * page.size();
        List<Transfer> transfers = ledger.statement(id, offset, page.size());
        long opening = transfers.isEmpty() ? 0 : ledger.postedBalanceAfter(id, offset);
        return StatementView.of(AccountView.of(balance(a.id, a.ledger)), opening, transfers, zone, page.page(),
                page.size(), ledger.statementLength(id));
    }

    /**
     * The account, if the caller may read it: an operator any; a registered regulator (403 when its
     * organisation is not registered, checked first) only the accounts of the listings, registrations,
     * trades, refunds and certificates of its jurisdiction ({@link Owner}). The platform's market-wide
     * accounts (bank, suspense, forfeited deposits, quota issued) hold every jurisdiction's money and
     * are read by operators only; regulators check them through the invariants. 404 when never used.
     */
    private Account visible(Actor actor, String id) {
        Optional<Regulator> regulator = parties.regulatorIfRegulator(actor);
        Account a = ledger.account(id).orElseThrow(() -> ApiException.notFound("ledger account", id));
        if (regulator.isPresent()) {
            Optional<String> region = Owner.ofAccount(a.id).flatMap(ledger::regionOf);
            if (region.isEmpty()) {
                throw ApiException.forbidden(MessageKey.FORBIDDEN_MARKET_WIDE_ACCOUNT, a.id);
            }
            if (!regulator.get().covers(region.get())) {
                throw ApiException.forbidden(MessageKey.FORBIDDEN_OUTSIDE_JURISDICTION);
            }
        }
        return a;
    }
}
