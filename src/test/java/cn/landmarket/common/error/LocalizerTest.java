package cn.landmarket.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class LocalizerTest {

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = LocalizerTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndChineseBundlesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(bundle("problems.properties").stringPropertyNames()),
                new TreeSet<>(bundle("problems_zh.properties").stringPropertyNames()));
    }

    @Test
    void everyPatternIsAValidMessageFormat() throws IOException {
        for (String name : List.of("problems.properties", "problems_zh.properties")) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                new MessageFormat(p.getProperty(key));
            }
        }
    }

    @Test
    void everyMessageKeyHasATranslationInBothLanguagesAndEveryTranslationAKey() throws IOException {
        Set<String> constants = new TreeSet<>();
        for (MessageKey key : MessageKey.values()) {
            constants.add(key.bundleKey());
        }
        assertEquals(new TreeSet<>(bundle("problems.properties").stringPropertyNames()), constants);
        assertEquals(new TreeSet<>(bundle("problems_zh.properties").stringPropertyNames()), constants);
    }

    @Test
    void aKeyBuiltFromDataIsFoundOnlyWhenItExists() {
        assertEquals(Optional.of(MessageKey.HTTP_404), MessageKey.find("http.404"));
        assertEquals(Optional.empty(), MessageKey.find("http.418"));
        assertEquals("problem.invalid-state.title", ErrorCode.INVALID_STATE.titleKey().bundleKey());
    }

    @Test
    void chineseIsChosenWhenPreferredAndEnglishOtherwise() {
        assertEquals(Localizer.CHINESE, Localizer.choose(List.of(Locale.forLanguageTag("zh-CN"), Locale.ENGLISH)));
        assertEquals(Localizer.ENGLISH, Localizer.choose(List.of(Locale.ENGLISH, Locale.CHINESE)));
        assertEquals(Localizer.ENGLISH, Localizer.choose(List.of(Locale.FRENCH)));
        assertEquals(Localizer.CHINESE, Localizer.choose(List.of(Locale.FRENCH, Locale.forLanguageTag("zh-TW"))));
        assertEquals(Localizer.ENGLISH, Localizer.choose(List.of()));
    }

    @Test
    void messagesAreRenderedWithTheirArguments() {
        assertEquals("The deposit must be at least 20% of the start price (4000000.00 yuan).",
                Localizer.render(Message.of(MessageKey.LISTING_DEPOSIT_TOO_LOW, 20, "4000000.00"), Localizer.ENGLISH));
        assertEquals("竞买保证金不得低于起始价的 20%（4000000.00 元）。",
                Localizer.render(Message.of(MessageKey.LISTING_DEPOSIT_TOO_LOW, 20, "4000000.00"), Localizer.CHINESE));
        assertTrue(Localizer.render(MessageKey.ENTERPRISE_BANK_ACCOUNT_NAME, Localizer.ENGLISH).contains("enterprise's"));
    }
}
