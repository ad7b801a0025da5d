package cn.landmarket.auction;

import cn.landmarket.common.error.ApiException;

/** The answer to one bid request once its batch has committed. */
public sealed interface BidOutcome {

    /** Accepted now, or earlier under the same idempotency key ({@code replayed}). */
    record Placed(BidReceipt receipt, boolean replayed) implements BidOutcome {
    }

    /** Refused, with the problem to report. */
    record Refused(ApiException problem) implements BidOutcome {
    }
}
