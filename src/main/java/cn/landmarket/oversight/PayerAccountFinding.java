package cn.landmarket.oversight;

import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.landmarket.common.Money;

/**
 * Deposits for different bidders on one listing paid from the same payer account (account numbers
 * compared without spaces and dashes): a token of the account ({@link SignalToken}; the account
 * itself would name the bidders), how many bidders used it and each deposit.
 */
public record PayerAccountFinding(long listingId, String payerAccountToken, int bidders, List<Deposit> deposits) {

    /** One page of findings. */
    @Schema(name = "PayerAccountFindingPage")
    public record Page(List<PayerAccountFinding> items, int page, int size, long total) {
    }

    /** One deposit credit: the registration and bidder number it was for, the bank's transaction and what it counted as. */
    @Schema(name = "PayerAccountDeposit")
    public record Deposit(long registrationId, String bidderNo, String transactionId, Money amount,
            OffsetDateTime bookedAt, String outcome) {
    }

    /** The columns of the CSV export: one row per deposit. */
    static final List<Csv.Column<EvidenceRow<PayerAccountFinding, Deposit>>> CSV = List.of(
            Csv.column("listingId", r -> r.finding().listingId()),
            Csv.column("payerAccountToken", r -> r.finding().payerAccountToken()),
            Csv.column("bidders", r -> r.finding().bidders()),
            Csv.column("registrationId", r -> r.item().registrationId()),
            Csv.column("bidderNo", r -> r.item().bidderNo()),
            Csv.column("transactionId", r -> r.item().transactionId()),
            Csv.column("amount", r -> r.item().amount()),
            Csv.column("bookedAt", r -> r.item().bookedAt()),
            Csv.column("outcome", r -> r.item().outcome()));
}
