package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/**
 * Every text of the pages exists in both languages: the Chinese in each message bundle ({@link Texts}
 * and the bundles of single pages), the English in messages/&lt;bundle&gt;_en.properties, with the same
 * keys (the build already fails on a key a template uses that its bundle lacks).
 */
class TextsTest {

    /** Each bundle interface and the name of its English file. */
    private static final Map<Class<?>, String> BUNDLES = Map.ofEntries(
            Map.entry(Texts.class, "/messages/t_en.properties"),
            Map.entry(VerifyTexts.class, "/messages/verify_en.properties"),
            Map.entry(RoomTexts.class, "/messages/room_en.properties"),
            Map.entry(LotTexts.class, "/messages/lot_en.properties"),
            Map.entry(EntTexts.class, "/messages/ent_en.properties"),
            Map.entry(OidcTexts.class, "/messages/oidc_en.properties"),
            Map.entry(TownshipTexts.class, "/messages/tw_en.properties"),
            Map.entry(RegulatorTexts.class, "/messages/rg_en.properties"),
            Map.entry(CentreTexts.class, "/messages/ct_en.properties"),
            Map.entry(SealedTexts.class, "/messages/sq_en.properties"),
            Map.entry(LotteryTexts.class, "/messages/lt_en.properties"),
            Map.entry(NoticeTexts.class, "/messages/nf_en.properties"));

    private static Properties english(String file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream(file)) {
            assertNotNull(in, file + " is missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyChineseTextHasAnEnglishOneAndNoEnglishTextIsOrphaned() throws IOException {
        for (Map.Entry<Class<?>, String> bundle : BUNDLES.entrySet()) {
            Set<String> chinese = Arrays.stream(bundle.getKey().getDeclaredMethods()).map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(chinese, new TreeSet<>(english(bundle.getValue()).stringPropertyNames()),
                    bundle.getKey().getSimpleName() + " and " + bundle.getValue());
        }
    }

    @Test
    void noTextIsBlankInEitherLanguage() throws IOException {
        for (Map.Entry<Class<?>, String> bundle : BUNDLES.entrySet()) {
            for (Method m : bundle.getKey().getDeclaredMethods()) {
                assertFalse(m.getAnnotation(Message.class).value().isBlank(), m.getName() + " has no Chinese text");
            }
            Properties english = english(bundle.getValue());
            for (String key : english.stringPropertyNames()) {
                assertFalse(english.getProperty(key).isBlank(), key + " has no English text in " + bundle.getValue());
            }
        }
    }
}
