package cn.landmarket.asset;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

/** Planning conditions of a collective parcel: plot ratio range, site coverage, green ratio, height. */
public record PlanningConditions(
        @NotNull @DecimalMin("0.00") @DecimalMax("20.00") @Digits(integer = 2, fraction = 2) BigDecimal plotRatioMin,
        @NotNull @DecimalMin("0.01") @DecimalMax("20.00") @Digits(integer = 2, fraction = 2) BigDecimal plotRatioMax,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal buildingDensityMaxPercent,
        @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 1) BigDecimal greenRatioMinPercent,
        @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 4, fraction = 1) BigDecimal heightLimitM) {
}
