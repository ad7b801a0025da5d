package cn.landmarket.oversight;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The average price per 亩 of a volume of sales, in exact arithmetic: 1 亩 = 10,000/15 m², so
 * fen per 亩 = total fen × 10,000 / (total m² × 15), rounded half-even to the whole fen.
 */
public final class PricePerMu {

    private static final BigDecimal M2_PER_HECTARE = BigDecimal.valueOf(10_000);
    private static final BigDecimal MU_PER_HECTARE = BigDecimal.valueOf(15);

    private PricePerMu() {
    }

    /**
     * Fen per 亩 of {@code totalFen} paid for {@code areaM2} square metres.
     *
     * @throws IllegalArgumentException when the area is not positive or the price is negative
     */
    public static long fenPerMu(long totalFen, long areaM2) {
        if (areaM2 <= 0) {
            throw new IllegalArgumentException("Area must be positive: " + areaM2 + " m2");
        }
        if (totalFen < 0) {
            throw new IllegalArgumentException("Price must not be negative: " + totalFen + " fen");
        }
        return BigDecimal.valueOf(totalFen).multiply(M2_PER_HECTARE)
                .divide(BigDecimal.valueOf(areaM2).multiply(MU_PER_HECTARE), 0, RoundingMode.HALF_EVEN)
                .longValueExact();
    }
}
