package cn.landmarket.ledger;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.landmarket.common.PageRequest;
import cn.landmarket.common.error.ApiException;
import cn.landmarket.common.error.ErrorCode;
import cn.landmarket.common.security.Actor;
import cn.landmarket.common.security.Role;
import cn.landmarket.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** The ledger's rules against the real database: idempotent replays, two-phase transfers, no overdraft. */
@QuarkusTest
class LedgerServiceTest {

    private static final Actor OPERATOR = new Actor("operator-user", Role.OPERATOR, "MYJYZX");

    @Inject
    LedgerService ledger;

    private String run() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Transfer inTx(TransferRequest r) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.transfer(r));
    }

    @Test
    void aReplayIsANoOpAndTheSameIdWithOtherFieldsIsAConflict() {
        String k = run();
        inTx(TransferRequest.money("t-" + k, LedgerService.BANK, "DEPOSIT:T" + k, 500, TransferKind.DEPOSIT, null));
        inTx(TransferRequest.money("t-" + k, LedgerService.BANK, "DEPOSIT:T" + k, 500, TransferKind.DEPOSIT, null));
        assertEquals(500, ledger.balance("DEPOSIT:T" + k, LedgerCode.CNY_FEN).posted());
        ApiException conflict = assertThrows(ApiException.class, () -> inTx(TransferRequest.money("t-" + k,
                LedgerService.BANK, "DEPOSIT:T" + k, 501, TransferKind.DEPOSIT, null)));
        assertEquals(ErrorCode.CONFLICT, conflict.code());
        assertEquals(500, ledger.balance("DEPOSIT:T" + k, LedgerCode.CNY_FEN).posted());
    }

    @Test
    void aPendingTransferReservesAndIsPostedOrVoidedExactlyOnce() {
        String k = run();
        String deposit = "DEPOSIT:P" + k;
        inTx(TransferRequest.money("in-" + k, LedgerService.BANK, deposit, 1_000, TransferKind.DEPOSIT, null));
        inTx(new TransferRequest("hold-" + k, LedgerCode.CNY_FEN, deposit, "TRADE:P" + k, 800,
                TransferKind.DEPOSIT_APPLIED, Phase.PENDING, null, null));
        Balance held = ledger.balance(deposit, LedgerCode.CNY_FEN);
        assertEquals(1_000, held.posted());
        assertEquals(200, held.available());
        ApiException overdraft = assertThrows(ApiException.class, () -> inTx(TransferRequest.money("out-" + k,
                deposit, "REFUND:P" + k, 201, TransferKind.DEPOSIT_REFUND, null)));
        assertEquals(ErrorCode.INVALID_STATE, overdraft.code());
        inTx(new TransferRequest("hold-" + k + ":post", LedgerCode.CNY_FEN, deposit, "TRADE:P" + k, 800,
                TransferKind.DEPOSIT_APPLIED, Phase.POSTED, "hold-" + k, null));
        assertThrows(ApiException.class, () -> inTx(new TransferRequest("hold-" + k + ":void", LedgerCode.CNY_FEN,
                deposit, "TRADE:P" + k, 800, TransferKind.DEPOSIT_APPLIED, Phase.VOIDED, "hold-" + k, null)));
        assertEquals(200, ledger.balance(deposit, LedgerCode.CNY_FEN).posted());
        assertEquals(800, ledger.balance("TRADE:P" + k, LedgerCode.CNY_FEN).posted());
    }

    @Test
    void aVoidedPendingTransferGivesTheReservationBack() {
        String k = run();
        String deposit = "DEPOSIT:V" + k;
        inTx(TransferRequest.money("in-" + k, LedgerService.BANK, deposit, 300, TransferKind.DEPOSIT, null));
        inTx(new TransferRequest("hold-" + k, LedgerCode.CNY_FEN, deposit, "TRADE:V" + k, 300,
                TransferKind.DEPOSIT_APPLIED, Phase.PENDING, null, null));
        inTx(new TransferRequest("hold-" + k + ":void", LedgerCode.CNY_FEN, deposit, "TRADE:V" + k, 300,
                TransferKind.DEPOSIT_APPLIED, Phase.VOIDED, "hold-" + k, null));
        assertEquals(300, ledger.balance(deposit, LedgerCode.CNY_FEN).available());
        assertEquals(0, ledger.balance("TRADE:V" + k, LedgerCode.CNY_FEN).posted());
    }

    @Test
    void aStatementIsPagedWithAtMost100LinesAndTheRunningBalanceCarriesAcrossPages() {
        String k = run();
        String deposit = "DEPOSIT:S" + k;
        for (int i = 1; i <= 5; i++) {
            inTx(TransferRequest.money("in-" + i + "-" + k, LedgerService.BANK, deposit, 100 * i, TransferKind.DEPOSIT,
                    null));
        }
        inTx(new TransferRequest("hold-" + k, LedgerCode.CNY_FEN, deposit, "TRADE:S" + k, 400,
                TransferKind.DEPOSIT_APPLIED, Phase.PENDING, null, null));
        inTx(new TransferRequest("hold-" + k + ":post", LedgerCode.CNY_FEN, deposit, "TRADE:S" + k, 400,
                TransferKind.DEPOSIT_APPLIED, Phase.POSTED, "hold-" + k, null));
        inTx(TransferRequest.money("out-" + k, deposit, "REFUND:S" + k, 50, TransferKind.DEPOSIT_REFUND, null));

        StatementView whole = QuarkusTransaction.requiringNew().call(() -> ledger.statement(OPERATOR, deposit,
                new PageRequest(0, 100)));
        assertEquals(8, whole.total());
        assertEquals(8, whole.lines().size());
        assertEquals("10.50", whole.lines().get(7).balanceAfter(), "15.00 in, 4.00 applied, 0.50 refunded");
        List<StatementView.Line> paged = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            int p = page;
            StatementView view = QuarkusTransaction.requiringNew().call(() -> ledger.statement(OPERATOR, deposit,
                    new PageRequest(p, 3)));
            assertEquals(8, view.total());
            assertEquals(page < 2 ? 3 : 2, view.lines().size());
            paged.addAll(view.lines());
        }
        assertEquals(whole.lines(), paged, "pages of 3 hold every line once, with the same running balance");

        // an account of no jurisdiction's listing: operators read it through the API
        String operator = Tokens.operator();
        given().auth().oauth2(operator).queryParam("size", 101).when()
                .get("/api/ledger/accounts/" + deposit + "/statement").then().statusCode(400)
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].message", containsString("100"));
        given().auth().oauth2(operator).queryParam("page", 2).queryParam("size", 3).when()
                .get("/api/ledger/accounts/" + deposit + "/statement").then().statusCode(200)
                .body("page", equalTo(2)).body("total", equalTo(8))
                .body("lines.balanceAfter", equalTo(whole.lines().subList(6, 8).stream()
                        .map(StatementView.Line::balanceAfter).toList()));
    }

    private List<Transfer> batchInTx(TransferRequest... requests) {
        return QuarkusTransaction.requiringNew().call(() -> ledger.transferAll(java.util.Arrays.stream(requests)
                .map(r -> new LedgerService.Posting(r, null)).toList()));
    }

    @Test
    void aBatchDecidesEachTransferAsIfTheEarlierOnesWereAlreadyRecorded() {
        String k = run();
        String deposit = "DEPOSIT:B" + k;
        TransferRequest in = TransferRequest.money("in-" + k, LedgerService.BANK, deposit, 1_000, TransferKind.DEPOSIT,
                null);
        List<Transfer> recorded = batchInTx(in,
                new TransferRequest("hold-" + k, LedgerCode.CNY_FEN, deposit, "TRADE:B" + k, 800,
                        TransferKind.DEPOSIT_APPLIED, Phase.PENDING, null, null),
                new TransferRequest("hold-" + k + ":post", LedgerCode.CNY_FEN, deposit, "TRADE:B" + k, 800,
                        TransferKind.DEPOSIT_APPLIED, Phase.POSTED, "hold-" + k, null),
                TransferRequest.money("out-" + k, deposit, "REFUND:B" + k, 200, TransferKind.DEPOSIT_REFUND, null),
                in);
        assertEquals(5, recorded.size());
        assertEquals(recorded.get(0).id, recorded.get(4).id, "the repeated request is a replay of the first");
        assertEquals(recorded.get(0).createdAt, recorded.get(4).createdAt);
        assertEquals(0, ledger.balance(deposit, LedgerCode.CNY_FEN).posted(),
                "credited 10.00, then 8.00 applied (reserved and posted in the same batch), then 2.00 refunded");
        assertEquals(800, ledger.balance("TRADE:B" + k, LedgerCode.CNY_FEN).posted());
        assertEquals(200, ledger.balance("REFUND:B" + k, LedgerCode.CNY_FEN).posted());
        assertEquals(4, ledger.statement(OPERATOR, deposit, new PageRequest(0, 100)).total(), "no transfer twice");

        // what a batch reserved and then voided is free again within the same batch
        String voided = "DEPOSIT:W" + k;
        batchInTx(TransferRequest.money("in-w-" + k, LedgerService.BANK, voided, 300, TransferKind.DEPOSIT, null),
                new TransferRequest("hold-w-" + k, LedgerCode.CNY_FEN, voided, "TRADE:W" + k, 300,
                        TransferKind.DEPOSIT_APPLIED, Phase.PENDING, null, null),
                new TransferRequest("hold-w-" + k + ":void", LedgerCode.CNY_FEN, voided, "TRADE:W" + k, 300,
                        TransferKind.DEPOSIT_APPLIED, Phase.VOIDED, "hold-w-" + k, null),
                TransferRequest.money("out-w-" + k, voided, "REFUND:W" + k, 300, TransferKind.DEPOSIT_REFUND, null));
        assertEquals(0, ledger.balance(voided, LedgerCode.CNY_FEN).available());
        assertEquals(300, ledger.balance("REFUND:W" + k, LedgerCode.CNY_FEN).posted());
    }

    @Test
    void aBatchWhoseLaterTransferIsRefusedRaisesAndRecordsNothing() {
        String k = run();
        String deposit = "DEPOSIT:R" + k;
        ApiException overdraft = assertThrows(ApiException.class, () -> batchInTx(
                TransferRequest.money("in-" + k, LedgerService.BANK, deposit, 100, TransferKind.DEPOSIT, null),
                TransferRequest.money("out1-" + k, deposit, "REFUND:R1" + k, 60, TransferKind.DEPOSIT_REFUND, null),
                TransferRequest.money("out2-" + k, deposit, "REFUND:R2" + k, 60, TransferKind.DEPOSIT_REFUND, null)));
        assertEquals(ErrorCode.INVALID_STATE, overdraft.code(), "the second debit finds only 0.40 left");
        assertThrows(ApiException.class, () -> ledger.statement(OPERATOR, deposit, new PageRequest(0, 100)),
                "the account was never created: nothing of the batch was recorded");

        ApiException conflict = assertThrows(ApiException.class, () -> batchInTx(
                TransferRequest.money("c-" + k, LedgerService.BANK, deposit, 100, TransferKind.DEPOSIT, null),
                TransferRequest.money("c-" + k, LedgerService.BANK, deposit, 101, TransferKind.DEPOSIT, null)));
        assertEquals(ErrorCode.CONFLICT, conflict.code(), "the same id with another amount later in the batch");
        assertEquals(0, ledger.balance(deposit, LedgerCode.CNY_FEN).posted());
    }
}
