package cn.landmarket.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Marks a date as a working day or a holiday, with the reason shown to users. */
public record SetCalendarDayRequest(@NotNull Boolean working, @NotBlank @Size(max = 100) String note) {
}
