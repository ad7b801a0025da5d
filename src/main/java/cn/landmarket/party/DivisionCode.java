package cn.landmarket.party;

/** Validates China administrative division codes (行政区划代码) and decides which regions an authority covers. */
public final class DivisionCode {

    private static final int CODE_LENGTH = 6;
    private static final int TOWNSHIP_LENGTH = 9;

    private DivisionCode() {
    }

    /**
     * Tells whether a string is a 6-digit division code with a valid province prefix (11-15, 21-23, 31-37, 41-46,
     * 50-54, 61-65, 71, 81, 82), at province, prefecture or county level.
     *
     * @return true for a valid 6-digit code; false for null or malformed input
     */
    public static boolean isDivision(String code6) {
        return isDigits(code6, CODE_LENGTH) && isProvince(code6.substring(0, 2));
    }

    /**
     * Tells whether a string is a county-level code: a valid 6-digit code whose last two digits are not "00".
     *
     * @return true for a county-level code; false for null, malformed, province- or prefecture-level input
     */
    public static boolean isCounty(String code6) {
        return isDivision(code6) && !code6.endsWith("00");
    }

    /**
     * Tells whether a string is a 9-digit township code: a county-level code followed by a township number other
     * than "000".
     *
     * @return true for a township code; false for null or malformed input
     */
    public static boolean isTownship(String code9) {
        return isDigits(code9, TOWNSHIP_LENGTH)
                && isCounty(code9.substring(0, CODE_LENGTH))
                && !code9.endsWith("000");
    }

    /**
     * Gives the county a township belongs to.
     *
     * @return the first 6 digits of the township code
     * @throws IllegalArgumentException when the input is not a township code
     */
    public static String countyOf(String township9) {
        if (!isTownship(township9)) {
            throw new IllegalArgumentException("Not a township code: " + township9);
        }
        return township9.substring(0, CODE_LENGTH);
    }

    /**
     * Gives the prefix every region code in an authority's jurisdiction starts with: two digits for a province
     * (510000 gives "51"), four for a prefecture (510700 gives "5107"), all six for a county (510703).
     *
     * @return the jurisdiction prefix
     * @throws IllegalArgumentException when the input is not a valid 6-digit division code
     */
    public static String jurisdictionPrefix(String code6) {
        if (!isDivision(code6)) {
            throw new IllegalArgumentException("Not a division code: " + code6);
        }
        if (code6.endsWith("0000")) {
            return code6.substring(0, 2);
        }
        if (code6.endsWith("00")) {
            return code6.substring(0, 4);
        }
        return code6;
    }

    /**
     * Tells whether a region (a 6-digit division code or a 9-digit township code) lies within the jurisdiction of a
     * 6-digit authority code, i.e. starts with the authority's {@link #jurisdictionPrefix(String)}.
     *
     * @return true when the region is covered; false when it is not, or when either input is null or malformed
     */
    public static boolean covers(String authorityCode6, String regionCode) {
        if (!isDivision(authorityCode6) || !(isDivision(regionCode) || isTownship(regionCode))) {
            return false;
        }
        return regionCode.startsWith(jurisdictionPrefix(authorityCode6));
    }

    /**
     * Tells whether a string is a valid region filter: a 2-digit province prefix, a 4-digit prefecture prefix
     * (valid province, prefecture part not "00"), a valid 6-digit division code or a 9-digit township code.
     *
     * @return true for a valid region filter; false for null or malformed input
     */
    public static boolean isRegionPrefix(String prefix) {
        if (prefix == null) {
            return false;
        }
        switch (prefix.length()) {
            case 2:
                return isDigits(prefix, 2) && isProvince(prefix);
            case 4:
                return isDigits(prefix, 4) && isProvince(prefix.substring(0, 2)) && !prefix.endsWith("00");
            case CODE_LENGTH:
                return isDivision(prefix);
            case TOWNSHIP_LENGTH:
                return isTownship(prefix);
            default:
                return false;
        }
    }

    private static boolean isProvince(String two) {
        int p = (two.charAt(0) - '0') * 10 + (two.charAt(1) - '0');
        return (p >= 11 && p <= 15)
                || (p >= 21 && p <= 23)
                || (p >= 31 && p <= 37)
                || (p >= 41 && p <= 46)
                || (p >= 50 && p <= 54)
                || (p >= 61 && p <= 65)
                || p == 71
                || p == 81
                || p == 82;
    }

    private static boolean isDigits(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
