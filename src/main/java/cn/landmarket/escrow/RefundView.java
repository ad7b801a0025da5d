package cn.landmarket.escrow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import cn.landmarket.common.Money;

/**
 * A refund owed or paid, and whether it is overdue (still open after its due time). Operators and
 * regulators see whom it is owed to only as the listing and bidder number of its registration (none
 * for money that matched no registration) and the payee account masked to its last four digits
 * (enough to match the bank's statement): the payer's name and full account would name a bidder
 * without a logged reveal. The bank returns the money to the account the named credit
 * ({@code creditTransactionId}) came from.
 */
public record RefundView(long id, Long listingId, String bidderNo, Money amount, String payeeAccountMasked,
        RefundReason reason, String creditTransactionId, Long registrationId, OffsetDateTime createdAt,
        OffsetDateTime dueBy, boolean open, boolean overdue, String debitTransactionId, OffsetDateTime confirmedAt) {

    /** Digits of an account shown in the clear, at its end. */
    static final int SHOWN_DIGITS = 4;

    /** Where a refund's registration belongs: its listing and bidder number (null before qualifying). */
    record Bidder(long listingId, String bidderNo) {
    }

    static RefundView of(Refund r, Bidder bidder, Instant now, ZoneId zone) {
        return new RefundView(r.id, bidder == null ? null : bidder.listingId(), bidder == null ? null : bidder.bidderNo(),
                Money.ofFen(r.amountFen), maskAccount(r.payeeAccount), r.reason, r.creditTransactionId,
                r.registrationId, at(r.createdAt, zone), at(r.dueBy, zone), r.isOpen(), r.isOpen() && r.dueBy.isBefore(now),
                r.debitTransactionId, at(r.confirmedAt, zone));
    }

    /**
     * An account number with all but its last {@link #SHOWN_DIGITS} digits hidden: {@code 6217 0000-0001}
     * gives {@code ****0001}; an account of no more than that many digits is hidden whole ({@code ****}).
     * Spaces, dashes and other separators are dropped first. Null stays null.
     */
    public static String maskAccount(String account) {
        if (account == null) {
            return null;
        }
        String digits = account.replaceAll("[^0-9A-Za-z]", "");
        return "****" + (digits.length() > SHOWN_DIGITS ? digits.substring(digits.length() - SHOWN_DIGITS) : "");
    }

    private static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
