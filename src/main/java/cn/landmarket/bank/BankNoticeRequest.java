package cn.landmarket.bank;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.landmarket.common.Money;

/**
 * One booking on the escrow account as the bank reports it. For a CREDIT, {@code account} is the
 * virtual account credited; for a DEBIT it is the escrow account, and a refund's debit carries
 * {@code reference} "REFUND-&lt;refundId&gt;". {@code bookedAt} carries an offset and may lie at most a
 * few minutes ahead of the server clock.
 */
public record BankNoticeRequest(
        @NotNull @Pattern(regexp = "^[A-Za-z0-9_-]{1,64}$") String transactionId,
        @NotNull NoticeKind kind,
        @NotBlank @Size(max = 34) String account,
        @NotNull Money amount,
        @NotBlank @Size(max = 200) String counterpartyName,
        @NotBlank @Size(max = 34) String counterpartyAccount,
        @NotNull OffsetDateTime bookedAt,
        @Size(max = 100) String reference) {
}
