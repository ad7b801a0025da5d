package cn.landmarket.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.regex.Pattern;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An exact, non-negative amount of money in fen (1 yuan = 100 fen), shown and parsed as yuan with two decimals. */
@Schema(type = SchemaType.STRING, pattern = "^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$", examples = "1200000.00",
        description = "Yuan as a decimal string with at most two decimal places; the API always writes two")
public record Money(long fen) implements Comparable<Money> {

    /** Zero fen. */
    public static final Money ZERO = new Money(0);

    private static final Pattern YUAN = Pattern.compile("^(0|[1-9][0-9]{0,12})(\\.[0-9]{1,2})?$");
    private static final long FEN_PER_YUAN = 100;
    private static final int HUNDRED_PERCENT = 100;

    /**
     * Creates an amount of fen.
     *
     * @throws IllegalArgumentException when fen is negative
     */
    public Money {
        if (fen < 0) {
            throw new IllegalArgumentException("Money must not be negative: " + fen + " fen");
        }
    }

    /**
     * Creates an amount from a count of fen.
     *
     * @return the amount
     * @throws IllegalArgumentException when fen is negative
     */
    public static Money ofFen(long fen) {
        return new Money(fen);
    }

    /**
     * Parses a yuan amount strictly: "0" or up to 13 digits without a leading zero, optionally a point and one or
     * two decimals; no sign, exponent, spaces, separators or non-ASCII digits.
     *
     * @return the amount
     * @throws InvalidMoneyException when the text is null or not of that form
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Money ofYuan(String yuan) {
        if (yuan == null || !YUAN.matcher(yuan).matches()) {
            throw new InvalidMoneyException(yuan);
        }
        int point = yuan.indexOf('.');
        String whole = point < 0 ? yuan : yuan.substring(0, point);
        String decimals = point < 0 ? "00" : (yuan.substring(point + 1) + "0").substring(0, 2);
        return new Money(Long.parseLong(whole) * FEN_PER_YUAN + Long.parseLong(decimals));
    }

    /**
     * Formats the amount in yuan with exactly two decimals, e.g. 5 fen as "0.05" and 123456 fen as "1234.56".
     *
     * @return the yuan text
     */
    @JsonValue
    public String toYuan() {
        long cents = fen % FEN_PER_YUAN;
        return (fen / FEN_PER_YUAN) + (cents < 10 ? ".0" : ".") + cents;
    }

    /**
     * Adds two amounts.
     *
     * @return the sum
     * @throws ArithmeticException when the sum overflows
     */
    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    /**
     * Subtracts an amount; money never goes negative.
     *
     * @return the difference
     * @throws IllegalArgumentException when other is larger than this amount
     */
    public Money minus(Money other) {
        if (other.fen > fen) {
            throw new IllegalArgumentException("Cannot subtract " + other.toYuan() + " from " + toYuan());
        }
        return new Money(fen - other.fen);
    }

    /**
     * Multiplies the amount by a non-negative factor, e.g. a unit price by a quantity.
     *
     * @return the product
     * @throws IllegalArgumentException when the factor is negative
     * @throws ArithmeticException when the product overflows
     */
    public Money times(long factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("Factor must not be negative: " + factor);
        }
        return new Money(Math.multiplyExact(fen, factor));
    }

    /**
     * Tells exactly whether this amount is at least the given percentage of a base (this × 100 ≥ base × percent).
     *
     * @return true when this amount reaches the percentage
     * @throws IllegalArgumentException when percent is negative
     * @throws ArithmeticException when an intermediate product overflows
     */
    public boolean isAtLeastPercentOf(Money base, int percent) {
        requireNonNegativePercent(percent);
        return Math.multiplyExact(fen, (long) HUNDRED_PERCENT) >= Math.multiplyExact(base.fen, (long) percent);
    }

    /**
     * Takes a percentage of the amount, rounded half up to the fen (e.g. 5% of 0.10 yuan is 0.01 yuan).
     *
     * @return the percentage of this amount
     * @throws IllegalArgumentException when percent is negative
     * @throws ArithmeticException when fen × percent overflows
     */
    public Money percent(int percent) {
        requireNonNegativePercent(percent);
        long scaled = Math.multiplyExact(fen, (long) percent);
        long whole = scaled / HUNDRED_PERCENT;
        return new Money(scaled % HUNDRED_PERCENT >= HUNDRED_PERCENT / 2 ? whole + 1 : whole);
    }

    /**
     * Orders amounts by their number of fen.
     *
     * @return negative, zero or positive as this amount is smaller than, equal to or larger than the other
     */
    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    private static void requireNonNegativePercent(int percent) {
        if (percent < 0) {
            throw new IllegalArgumentException("Percent must not be negative: " + percent);
        }
    }
}
