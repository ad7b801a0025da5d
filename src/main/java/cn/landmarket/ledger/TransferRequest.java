package cn.landmarket.ledger;

/**
 * A transfer as a client asks for it. For a posting or voiding of a pending transfer, {@code pendingId}
 * names it and debit, credit and amount must be those of the pending transfer.
 */
public record TransferRequest(String id, LedgerCode ledger, String debitAccount, String creditAccount, long amount,
        TransferKind kind, Phase phase, String pendingId, String reference) {

    public static TransferRequest posted(String id, LedgerCode ledger, String debit, String credit, long amount,
            TransferKind kind, String reference) {
        return new TransferRequest(id, ledger, debit, credit, amount, kind, Phase.POSTED, null, reference);
    }

    public static TransferRequest money(String id, String debit, String credit, long amount, TransferKind kind,
            String reference) {
        return posted(id, LedgerCode.CNY_FEN, debit, credit, amount, kind, reference);
    }
}
