package cn.landmarket.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LedgerRulesTest {

    private static TransferRequest req(String id, long amount) {
        return TransferRequest.money(id, "DEPOSIT:1", "TRADE:2", amount, TransferKind.DEPOSIT_APPLIED, null);
    }

    private static Transfer stored(TransferRequest r) {
        return Transfer.of(r, java.time.Instant.EPOCH);
    }

    @Test
    void aReplayWithIdenticalFieldsIsANoOpAndWithDifferentFieldsAConflict() {
        Transfer first = stored(req("a", 100));
        assertEquals(LedgerRules.Verdict.REPLAY, LedgerRules.decide(req("a", 100), Optional.of(first),
                Optional.empty(), false, 0L));
        assertEquals(LedgerRules.Verdict.CONFLICT, LedgerRules.decide(req("a", 101), Optional.of(first),
                Optional.empty(), false, 1000L));
    }

    @Test
    void amountsMustBePositiveBetweenTwoAccountsAndCoveredByTheDebitAccount() {
        assertEquals(LedgerRules.Verdict.INVALID, LedgerRules.decide(req("b", 0), Optional.empty(), Optional.empty(),
                false, 10L));
        assertEquals(LedgerRules.Verdict.INVALID, LedgerRules.decide(TransferRequest.money("c", "X", "X", 5,
                TransferKind.PAYMENT, null), Optional.empty(), Optional.empty(), false, null));
        assertEquals(LedgerRules.Verdict.INSUFFICIENT_FUNDS, LedgerRules.decide(req("d", 11), Optional.empty(),
                Optional.empty(), false, 10L));
        assertEquals(LedgerRules.Verdict.APPLY, LedgerRules.decide(req("d", 10), Optional.empty(), Optional.empty(),
                false, 10L));
    }

    @Test
    void aPendingTransferIsPostedOrVoidedOnceWithItsOwnAccountsAndAmount() {
        TransferRequest pending = new TransferRequest("p", LedgerCode.CNY_FEN, "DEPOSIT:1", "TRADE:2", 50,
                TransferKind.DEPOSIT_APPLIED, Phase.PENDING, null, null);
        Transfer p = stored(pending);
        TransferRequest post = new TransferRequest("p:post", LedgerCode.CNY_FEN, "DEPOSIT:1", "TRADE:2", 50,
                TransferKind.DEPOSIT_APPLIED, Phase.POSTED, "p", null);
        TransferRequest wrongAmount = new TransferRequest("p:post2", LedgerCode.CNY_FEN, "DEPOSIT:1", "TRADE:2", 49,
                TransferKind.DEPOSIT_APPLIED, Phase.POSTED, "p", null);
        assertEquals(LedgerRules.Verdict.APPLY, LedgerRules.decide(post, Optional.empty(), Optional.of(p), false, null));
        assertEquals(LedgerRules.Verdict.PENDING_ALREADY_RESOLVED,
                LedgerRules.decide(post, Optional.empty(), Optional.of(p), true, null));
        assertEquals(LedgerRules.Verdict.INVALID,
                LedgerRules.decide(wrongAmount, Optional.empty(), Optional.of(p), false, null));
        assertEquals(LedgerRules.Verdict.PENDING_NOT_FOUND,
                LedgerRules.decide(post, Optional.empty(), Optional.empty(), false, null));
    }

    @Test
    void whatAnAccountHoldsFreeIsKeptUpToDateAfterEachKindOfTransfer() {
        java.util.Map<String, Long> available = new java.util.HashMap<>(java.util.Map.of("DEPOSIT:1", 1_000L,
                "TRADE:2", 0L));
        LedgerRules.afterwards(stored(req("a", 100)), available);
        assertEquals(900L, available.get("DEPOSIT:1"), "a posted debit");
        assertEquals(100L, available.get("TRADE:2"), "a posted credit");
        TransferRequest pending = new TransferRequest("p", LedgerCode.CNY_FEN, "DEPOSIT:1", "TRADE:2", 300,
                TransferKind.DEPOSIT_APPLIED, Phase.PENDING, null, null);
        LedgerRules.afterwards(stored(pending), available);
        assertEquals(600L, available.get("DEPOSIT:1"), "a pending debit is reserved");
        assertEquals(100L, available.get("TRADE:2"), "a pending credit is not there yet");
        LedgerRules.afterwards(stored(new TransferRequest("p:post", LedgerCode.CNY_FEN, "DEPOSIT:1", "TRADE:2", 300,
                TransferKind.DEPOSIT_APPLIED, Phase.POSTED, "p", null)), available);
        assertEquals(600L, available.get("DEPOSIT:1"), "posting uses what was reserved");
        assertEquals(400L, available.get("TRADE:2"), "posting credits the amount");
        LedgerRules.afterwards(stored(pending), available);
        LedgerRules.afterwards(stored(new TransferRequest("p:void", LedgerCode.CNY_FEN, "DEPOSIT:1", "TRADE:2", 300,
                TransferKind.DEPOSIT_APPLIED, Phase.VOIDED, "p", null)), available);
        assertEquals(600L, available.get("DEPOSIT:1"), "voiding frees the reservation");
        assertEquals(400L, available.get("TRADE:2"), "voiding credits nothing");
        LedgerRules.afterwards(stored(TransferRequest.money("x", "DEPOSIT:1", "REFUND:3", 50,
                TransferKind.DEPOSIT_REFUND, null)), available);
        assertEquals(550L, available.get("DEPOSIT:1"));
        assertEquals(false, available.containsKey("REFUND:3"), "an account not tracked stays untracked");
    }
}
