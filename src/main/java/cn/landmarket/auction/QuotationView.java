package cn.landmarket.auction;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.landmarket.common.Money;

/**
 * A sealed quotation as a caller may see it: by bidder number only, with its commitment; the amount
 * and salt only once it has been revealed (never before: the server does not hold them), its
 * validity from its reveal or the opening on, and {@code mine} for the bidder itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuotationView(long listingId, int sequence, String bidderNo, String commitment,
        OffsetDateTime committedAt, OffsetDateTime revealedAt, Money amount, String salt,
        QuotationValidity validity, Boolean winner, Boolean mine) {
}
