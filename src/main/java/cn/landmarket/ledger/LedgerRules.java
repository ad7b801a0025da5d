package cn.landmarket.ledger;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rules a transfer must pass (TigerBeetle's model): a positive amount between two different
 * accounts of one ledger; a replay of an id with identical fields changes nothing while different
 * fields are a conflict; a pending transfer is resolved once, by a posting or voiding with its
 * accounts and amount; a CREDIT-normal account never goes below zero counting pending debits.
 */
public final class LedgerRules {

    private LedgerRules() {
    }

    /** What to do with a request. */
    public enum Verdict {
        APPLY, REPLAY, CONFLICT, INVALID, PENDING_NOT_FOUND, PENDING_ALREADY_RESOLVED, INSUFFICIENT_FUNDS
    }

    /**
     * Decides a request.
     *
     * @param existing the transfer already stored under the request's id, if any
     * @param pending the pending transfer the request resolves, if it names one
     * @param pendingResolved whether that pending transfer has been posted or voided already
     * @param debitAvailable for a CREDIT-normal debit account its balance minus pending debits; null when it may go negative
     */
    public static Verdict decide(TransferRequest request, Optional<Transfer> existing, Optional<Transfer> pending,
            boolean pendingResolved, Long debitAvailable) {
        if (existing.isPresent()) {
            return same(existing.get(), request) ? Verdict.REPLAY : Verdict.CONFLICT;
        }
        if (request.amount() <= 0 || request.debitAccount().equals(request.creditAccount())
                || request.id() == null || request.id().isBlank() || request.phase() == null) {
            return Verdict.INVALID;
        }
        boolean resolving = request.pendingId() != null;
        if (request.phase() == Phase.VOIDED && !resolving || request.phase() == Phase.PENDING && resolving) {
            return Verdict.INVALID;
        }
        if (resolving) {
            if (pending.isEmpty() || pending.get().phase != Phase.PENDING) {
                return Verdict.PENDING_NOT_FOUND;
            }
            Transfer p = pending.get();
            if (pendingResolved) {
                return Verdict.PENDING_ALREADY_RESOLVED;
            }
            if (!p.debitAccount.equals(request.debitAccount()) || !p.creditAccount.equals(request.creditAccount())
                    || p.amount != request.amount() || p.ledger != request.ledger()) {
                return Verdict.INVALID;
            }
            return Verdict.APPLY; // the amount was reserved when the pending transfer was made
        }
        if (debitAvailable != null && debitAvailable < request.amount()) {
            return Verdict.INSUFFICIENT_FUNDS;
        }
        return Verdict.APPLY;
    }

    /**
     * Brings {@code available} (what CREDIT-normal accounts hold and are free to move, as
     * {@link Balance#available}; only the accounts it has) up to date after {@code t} was recorded:
     * a posted transfer moves its amount from the debit to the credit account; a pending one
     * reserves it on the debit account; posting a pending transfer moves it to the credit account
     * (the debit was reserved already); voiding one frees the debit account's reservation.
     */
    static void afterwards(Transfer t, Map<String, Long> available) {
        boolean resolving = t.pendingId != null;
        long debit = switch (t.phase) {
            case POSTED -> resolving ? 0 : -t.amount;
            case PENDING -> -t.amount;
            case VOIDED -> t.amount;
        };
        long credit = t.phase == Phase.POSTED ? t.amount : 0;
        available.computeIfPresent(t.debitAccount, (a, v) -> v + debit);
        available.computeIfPresent(t.creditAccount, (a, v) -> v + credit);
    }

    static boolean same(Transfer t, TransferRequest r) {
        return t.ledger == r.ledger() && t.debitAccount.equals(r.debitAccount())
                && t.creditAccount.equals(r.creditAccount()) && t.amount == r.amount() && t.kind == r.kind()
                && t.phase == r.phase() && Objects.equals(t.pendingId, r.pendingId());
    }
}
