package cn.landmarket.web;

import java.time.OffsetDateTime;

import io.quarkus.qute.TemplateExtension;

/**
 * Times on the lot and results pages. {@code {time.minute}} of {@link Formats} loses to
 * {@link OffsetDateTime#getMinute()} (Qute resolves the object's own property first) and prints the
 * minute of the hour, so these pages use names no {@code OffsetDateTime} getter has.
 */
@TemplateExtension
public final class LotFormats {

    private LotFormats() {
    }

    /** 2026-12-25 10:00, in the time's own offset (the API's times are in the market zone). */
    public static String toMinute(OffsetDateTime time) {
        return Formats.minute(time);
    }

    /** 2026-12-25. */
    public static String toDay(OffsetDateTime time) {
        return Formats.day(time);
    }
}
