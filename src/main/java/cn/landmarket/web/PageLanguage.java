package cn.landmarket.web;

import java.util.List;
import java.util.Locale;

/**
 * The language a page is written in: Chinese unless the reader chose English with the switch (the
 * {@value #COOKIE} cookie) or, without a choice, prefers English over Chinese in Accept-Language.
 */
public final class PageLanguage {

    /** The cookie the language switch sets. */
    public static final String COOKIE = "lang";
    public static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private PageLanguage() {
    }

    /** {@code choice} is the cookie's value or null; {@code acceptable} the Accept-Language list by preference. */
    public static Locale choose(String choice, List<Locale> acceptable) {
        if (choice != null) {
            if (choice.equals("en")) {
                return ENGLISH;
            }
            if (choice.equals("zh")) {
                return CHINESE;
            }
        }
        for (Locale locale : acceptable) {
            if (locale.getLanguage().equals("zh")) {
                return CHINESE;
            }
            if (locale.getLanguage().equals("en")) {
                return ENGLISH;
            }
        }
        return CHINESE;
    }

    /** The value of the {@value #COOKIE} cookie and of {@code <html lang>} for a language. */
    public static String tag(Locale locale) {
        return locale.getLanguage().equals("en") ? "en" : "zh-CN";
    }
}
