package cn.landmarket.web;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import cn.landmarket.common.Grouping;
import cn.landmarket.common.Money;
import cn.landmarket.common.time.ApiTime;
import io.quarkus.qute.TemplateExtension;

/**
 * How pages write money, areas and times: yuan with a ¥ sign and thousands separators, areas in m²,
 * 亩 and 公顷, times as minutes in the market's time zone (the API's times already carry it).
 */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private Formats() {
    }

    /** ¥1,234,567.89 (always two decimals: amounts are exact fen). */
    public static String yuan(Money money) {
        return money == null ? "—" : yuanOfFen(money.fen());
    }

    public static String yuanOfFen(long fen) {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return "¥" + format.format(BigDecimal.valueOf(fen, 2));
    }

    /** 12,345 (integers with thousands separators). */
    public static String grouped(long value) {
        return Grouping.grouped(value);
    }

    /** A decimal string of the API (such as an area in 亩) with thousands separators in its integer part. */
    public static String grouped(String decimal) {
        return Grouping.grouped(decimal);
    }

    /**
     * 2026-12-25 10:00, in the time's own offset (the API's times are in the market zone). Not named
     * {@code minute}: Qute resolves {@link OffsetDateTime#getMinute()} first and would print the minute of the hour.
     */
    public static String toMinute(OffsetDateTime time) {
        return time == null ? "—" : MINUTE.format(time);
    }

    /** 2026-12-25 (named so that no {@code OffsetDateTime} getter shadows it). */
    public static String toDay(OffsetDateTime time) {
        return time == null ? "—" : DAY.format(time);
    }

    /** The instant as the API writes it, for scripts (the countdown) to read from a data attribute. */
    public static String iso(OffsetDateTime time) {
        return time == null ? "" : ApiTime.format(time);
    }

    /** A value for a query string. */
    public static String urlEncode(String value) {
        return Links.encode(value);
    }
}
