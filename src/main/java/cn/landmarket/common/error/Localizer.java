package cn.landmarket.common.error;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Renders {@link Message}s in English or Chinese from {@code i18n/problems*.properties}. */
public final class Localizer {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.CHINESE;
    private static final String BUNDLE = "i18n.problems";

    private Localizer() {
    }

    /**
     * Picks the first supported language from the client's preferences (already ordered by
     * quality); English when none is supported.
     */
    public static Locale choose(List<Locale> acceptable) {
        for (Locale locale : acceptable) {
            String language = locale.getLanguage();
            if ("zh".equals(language)) {
                return CHINESE;
            }
            if ("en".equals(language) || "*".equals(language)) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    public static String render(Message message, Locale locale) {
        return render(message.key(), locale, message.args().toArray());
    }

    public static String render(MessageKey key, Locale locale, Object... args) {
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, locale, ResourceBundle.Control.getNoFallbackControl(
                    ResourceBundle.Control.FORMAT_PROPERTIES)).getString(key.bundleKey());
        } catch (MissingResourceException e) {
            return key.bundleKey();
        }
        return args.length == 0 ? pattern.replace("''", "'") : new MessageFormat(pattern, locale).format(args);
    }
}
