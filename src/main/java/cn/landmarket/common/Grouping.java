package cn.landmarket.common;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Numbers with thousands separators, as pages and documents print them. */
public final class Grouping {

    private Grouping() {
    }

    /** {@code 1234567} as {@code 1,234,567}. */
    public static String grouped(long value) {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }

    /** A decimal string of the API (such as an area in 亩) with thousands separators in its integer part. */
    public static String grouped(String decimal) {
        if (decimal == null) {
            return "—";
        }
        int dot = decimal.indexOf('.');
        String whole = dot < 0 ? decimal : decimal.substring(0, dot);
        return grouped(Long.parseLong(whole)) + (dot < 0 ? "" : decimal.substring(dot));
    }
}
