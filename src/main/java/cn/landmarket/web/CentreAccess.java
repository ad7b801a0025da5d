package cn.landmarket.web;

/** What the forms of the trading centre's console share. */
final class CentreAccess {

    private CentreAccess() {
    }

    /** A typed value, stripped; null when nothing was typed. */
    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
