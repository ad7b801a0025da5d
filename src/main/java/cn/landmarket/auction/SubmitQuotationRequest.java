package cn.landmarket.auction;

import jakarta.validation.constraints.NotNull;

/**
 * A sealed quotation: only its commitment, 64 lower-case hex characters (SealedCommitment); the
 * amount and the salt stay with the bidder until the reveal.
 */
public record SubmitQuotationRequest(@NotNull String commitment) {
}
