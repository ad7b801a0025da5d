package cn.landmarket.auction;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The opening of a sealed one-time quotation (domain.md, "Sale formats"), from what the public log
 * holds: each quotation's sequence (its commitment's order in the log), bidder number and revealed
 * amount. A quotation is valid when it was revealed in time and is at least the start price; the
 * highest valid quotation wins when it is at least the reserve, and of equal amounts the earlier
 * commitment wins.
 */
public final class SealedOpening {

    private SealedOpening() {
    }

    /** How an opening ends. */
    public enum Result {
        SOLD, NO_VALID_QUOTATION, BELOW_RESERVE
    }

    /** One quotation as the opening sees it; {@code amountFen} is null when it was not revealed. */
    public record Quotation(int sequence, String bidderNo, Long amountFen) {
    }

    /** A quotation with its validity. */
    public record Judged(int sequence, String bidderNo, Long amountFen, QuotationValidity validity) {
    }

    /**
     * The opening: every quotation judged (in sequence order), the best valid one (absent when none
     * is valid, present but not the winner when below the reserve) and the result.
     */
    public record Opening(List<Judged> quotations, Optional<Judged> best, Result result) {

        /** The winning quotation: the best one, when the lot is sold. */
        public Optional<Judged> winner() {
            return result == Result.SOLD ? best : Optional.empty();
        }
    }

    /** The validity of a quotation revealed with {@code amountFen} (null: not revealed). */
    public static QuotationValidity validity(Long amountFen, long startPriceFen) {
        if (amountFen == null) {
            return QuotationValidity.NOT_REVEALED;
        }
        return amountFen >= startPriceFen ? QuotationValidity.VALID : QuotationValidity.BELOW_START;
    }

    /** Opens the quotations against the start price and the reserve (null: no reserve). */
    public static Opening open(List<Quotation> quotations, long startPriceFen, Long reserveFen) {
        List<Judged> judged = quotations.stream().sorted(Comparator.comparingInt(Quotation::sequence))
                .map(q -> new Judged(q.sequence(), q.bidderNo(), q.amountFen(), validity(q.amountFen(), startPriceFen)))
                .toList();
        Optional<Judged> best = judged.stream().filter(j -> j.validity() == QuotationValidity.VALID)
                .max(Comparator.comparingLong(Judged::amountFen)
                        .thenComparing(Comparator.comparingInt(Judged::sequence).reversed()));
        Result result = best.isEmpty() ? Result.NO_VALID_QUOTATION
                : reserveFen != null && best.get().amountFen() < reserveFen ? Result.BELOW_RESERVE : Result.SOLD;
        return new Opening(judged, best, result);
    }
}
