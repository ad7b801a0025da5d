package cn.landmarket.common.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The one text form of a moment that the API, the live feed and problem details share: ISO-8601 with
 * the market zone's offset and always with seconds ({@code 2027-01-07T16:44:00+08:00}), as Jackson
 * writes an {@code OffsetDateTime}. {@code OffsetDateTime.toString()} drops zero seconds and must not
 * be used for text a client compares.
 */
public final class ApiTime {

    private ApiTime() {
    }

    /** The instant in the zone, written as the API's JSON writes it. */
    public static String format(Instant instant, ZoneId zone) {
        return format(instant.atZone(zone).toOffsetDateTime());
    }

    /** The moment, written as the API's JSON writes it. */
    public static String format(OffsetDateTime moment) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(moment);
    }
}
