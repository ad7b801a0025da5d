package cn.landmarket.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** An exact area in square metres with its display in 亩 (mu) and 公顷 (hectares), each to four decimals. */
public record Area(long m2, String mu, String hectares) {

    private static final int SCALE = 4;
    private static final BigDecimal M2_PER_HECTARE = BigDecimal.valueOf(10_000);
    private static final BigDecimal MU_PER_HECTARE = BigDecimal.valueOf(15);

    /**
     * Creates an area whose displays must agree with its square metres.
     *
     * @throws IllegalArgumentException when m2 is negative or mu or hectares is not the value {@link #of(long)} gives
     */
    public Area {
        if (m2 < 0) {
            throw new IllegalArgumentException("Area must not be negative: " + m2 + " m2");
        }
        String expectedMu = toMu(m2);
        String expectedHectares = toHectares(m2);
        if (!expectedMu.equals(mu) || !expectedHectares.equals(hectares)) {
            throw new IllegalArgumentException("Area " + m2 + " m2 is " + expectedMu + " mu and " + expectedHectares
                    + " ha, not " + mu + " mu and " + hectares + " ha");
        }
    }

    /**
     * Creates an area from square metres: mu = m2 × 15 / 10,000 and hectares = m2 / 10,000, each rounded half up
     * to exactly four decimals.
     *
     * @return the area
     * @throws IllegalArgumentException when m2 is negative
     */
    public static Area of(long m2) {
        if (m2 < 0) {
            throw new IllegalArgumentException("Area must not be negative: " + m2 + " m2");
        }
        return new Area(m2, toMu(m2), toHectares(m2));
    }

    private static String toMu(long m2) {
        return BigDecimal.valueOf(m2).multiply(MU_PER_HECTARE)
                .divide(M2_PER_HECTARE, SCALE, RoundingMode.HALF_UP).toPlainString();
    }

    private static String toHectares(long m2) {
        return BigDecimal.valueOf(m2).divide(M2_PER_HECTARE, SCALE, RoundingMode.HALF_UP).toPlainString();
    }
}
