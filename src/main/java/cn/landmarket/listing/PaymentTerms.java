package cn.landmarket.listing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * When the buyer must sign and pay: the confirmation within working days, then either the full
 * price within {@code firstDueDays}, or a first share then the balance within {@code balanceDueDays}
 * (calendar days after signing).
 */
public record PaymentTerms(
        @NotNull Mode mode,
        @NotNull @Min(1) @Max(30) Integer confirmWithinWorkingDays,
        @NotNull @Min(1) @Max(100) Integer firstSharePercent,
        @NotNull @Min(1) @Max(3650) Integer firstDueDays,
        @Min(1) @Max(3650) Integer balanceDueDays) {

    /** Paid in one sum, or in two instalments. */
    public enum Mode {
        FULL, INSTALMENTS
    }
}
