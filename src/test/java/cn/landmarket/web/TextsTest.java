package cn.landmarket.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.i18n.Message;

/**
 * Every text of the pages exists in both languages: the Chinese in {@link Texts}, the English in
 * messages/t_en.properties, with the same keys (the build already fails on a key a template uses
 * that {@link Texts} lacks).
 */
class TextsTest {

    private static Properties english() throws IOException {
        Properties p = new Properties();
        try (InputStream in = TextsTest.class.getResourceAsStream("/messages/t_en.properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyChineseTextHasAnEnglishOneAndNoEnglishTextIsOrphaned() throws IOException {
        Set<String> chinese = Arrays.stream(Texts.class.getDeclaredMethods()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(chinese, new TreeSet<>(english().stringPropertyNames()));
    }

    @Test
    void noTextIsBlankInEitherLanguage() throws IOException {
        for (Method m : Texts.class.getDeclaredMethods()) {
            assertFalse(m.getAnnotation(Message.class).value().isBlank(), m.getName() + " has no Chinese text");
        }
        Properties english = english();
        for (String key : english.stringPropertyNames()) {
            assertFalse(english.getProperty(key).isBlank(), key + " has no English text");
        }
    }
}
