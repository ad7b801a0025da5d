package cn.landmarket.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** An account's transfers, oldest first, each with the posted balance after it. */
public record StatementView(AccountView account, List<Line> lines) {

    /** One transfer as seen from the account: positive when it credits the account. */
    public record Line(String transferId, TransferKind kind, Phase phase, String pendingId, String counterAccount,
            String amount, String balanceAfter, String reference, OffsetDateTime at) {
    }

    static StatementView of(AccountView account, List<Transfer> transfers, ZoneId zone) {
        List<Line> lines = new ArrayList<>();
        long running = 0;
        for (Transfer t : transfers) {
            boolean credit = t.creditAccount.equals(account.id());
            long signed = credit ? t.amount : -t.amount;
            if (t.phase == Phase.POSTED) {
                running += signed;
            }
            lines.add(new Line(t.id, t.kind, t.phase, t.pendingId, credit ? t.debitAccount : t.creditAccount,
                    AccountView.amount(t.ledger, signed), AccountView.amount(t.ledger, running), t.reference,
                    t.createdAt.atZone(zone).toOffsetDateTime()));
        }
        return new StatementView(account, lines);
    }
}
