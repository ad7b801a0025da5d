package cn.landmarket.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** How the trading centre's console writes what the other pages do not need: times to the second. */
@TemplateExtension
public final class CentreFormats {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CentreFormats() {
    }

    /** 2026-12-25 10:00:05, in the time's own offset (the API's times are in the market zone). */
    public static String toSecond(OffsetDateTime time) {
        return time == null ? "—" : SECOND.format(time);
    }
}
