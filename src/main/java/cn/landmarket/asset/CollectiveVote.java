package cn.landmarket.asset;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/** The village collective's decision to transfer a parcel: who voted, how many in favour, when. */
public record CollectiveVote(
        @NotNull Body body,
        @Min(1) @Max(1_000_000) int eligible,
        @Min(0) @Max(1_000_000) int inFavour,
        @NotNull @PastOrPresent LocalDate votedOn,
        @NotBlank @Size(max = 100) String resolutionNo) {

    /** The members' assembly (村民会议) or the villagers' representatives (村民代表会议). */
    public enum Body {
        MEMBERS, REPRESENTATIVES
    }

    /** True when at least numerator/denominator of the eligible voters were in favour. */
    public boolean approvedBy(int numerator, int denominator) {
        return (long) inFavour * denominator >= (long) eligible * numerator;
    }
}
