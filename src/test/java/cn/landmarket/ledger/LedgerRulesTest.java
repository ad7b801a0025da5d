package cn.landmarket.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LedgerRulesTest {

    private static TransferRequest req(String id, long amount) {
        return TransferRequest.money(id, "DEPOSIT:1", "TRADE:2", amount, TransferKind.DEPOSIT_APPLIED, null);
    }

    private static Transfer stored(TransferRequest r) {
        Transfer t = new Transfer();
        t.id = r.id();
        t.ledger = r.ledger();
        t.debitAccount = r.debitAccount();
        t.creditAccount = r.creditAccount();
        t.amount = r.amount();
        t.kind = r.kind();
        t.phase = r.phase();
        t.pendingId = r.pendingId();
        return t;
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
}
