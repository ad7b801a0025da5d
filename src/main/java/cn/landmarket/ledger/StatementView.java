package cn.landmarket.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * One page of an account's transfers, oldest first, each with the posted balance after it (the
 * running balance carries over from the earlier pages). {@code total} counts all its transfers.
 */
public record StatementView(AccountView account, List<Line> lines, int page, int size, long total) {

    /** One transfer as seen from the account: positive when it credits the account. */
    public record Line(String transferId, TransferKind kind, Phase phase, String pendingId, String counterAccount,
            String amount, String balanceAfter, String reference, OffsetDateTime at) {
    }

    static StatementView of(AccountView account, long openingPosted, List<Transfer> transfers, ZoneId zone, int page,
            int size, long total) {
        List<Line> lines = new ArrayList<>();
        long running = openingPosted;
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
        return new StatementView(account, lines, page, size, total);
    }
}
