package cn.landmarket.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
        ledger.lockId(request.id());
        if (request.pendingId() == null && sideOf(request.debitAccount()) == Account.NormalSide.CREDIT) {
            ledger.lockAccount(request.debitAccount());
        }
        Optional<Transfer> existing = ledger.transfer(request.id());
        Optional<Transfer> pending = request.pendingId() == null ? Optional.empty()
                : ledger.transfer(request.pendingId());
        boolean resolved = request.pendingId() != null && ledger.resolved(request.pendingId());
        Long available = existing.isPresent() || request.pendingId() != null
                || sideOf(request.debitAccount()) == Account.NormalSide.DEBIT ? null
                        : balance(request.debitAccount(), request.ledger()).available();
        LedgerRules.Verdict verdict = LedgerRules.decide(request, existing, pending, resolved, available);
        switch (verdict) {
            case REPLAY:
                return existing.orElseThrow();
            case CONFLICT:
                throw new ApiException(ErrorCode.CONFLICT, MessageKey.LEDGER_TRANSFER_CONFLICT, request.id());
            case APPLY:
                break;
            default:
                throw ApiException.invalidState(MessageKey.LEDGER_TRANSFER_REFUSED, request.id(), verdict);
        }
        Instant now = Instant.now(clock);
        ledger.ensureAccount(request.debitAccount(), request.ledger(), sideOf(request.debitAccount()), now);
        ledger.ensureAccount(request.creditAccount(), request.ledger(), sideOf(request.creditAccount()), now);
        Transfer t = new Transfer();
        t.id = request.id();
        t.ledger = request.ledger();
        t.debitAccount = request.debitAccount();
        t.creditAccount = request.creditAccount();
        t.amount = request.amount();
        t.kind = request.kind();
        t.phase = request.phase();
        t.pendingId = request.pendingId();
        t.reference = request.reference();
        t.createdAt = now;
        ledger.append(t);
        audit.append(t.auditEntry(listingId));
        return t;
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
