package cn.landmarket.web;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import io.quarkus.qute.TemplateExtension;

/** How the bidding room writes the moment of a bid: to the second, in the market's zone (the API's times carry it). */
@TemplateExtension
public final class RoomFormats {

    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private RoomFormats() {
    }

    public static String toTheSecond(OffsetDateTime time) {
        return time == null ? "—" : SECOND.format(time);
    }
}
