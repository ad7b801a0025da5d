package cn.landmarket.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
    void everyMessageKeyUsedInTheCodeHasATranslation() throws IOException {
        Set<String> keys = bundle("problems.properties").stringPropertyNames();
        Pattern literal = Pattern.compile("\"((?:listing|certificate|forbidden|enterprise|calendar|json|review|dev|bid|registration|bank|audit|ledger|trade|reveal|oversight)\\.[a-z-]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    if (!keys.contains(m.group(1))) {
                        missing.add(m.group(1) + " in " + file.getFileName());
                    }
                }
            }
        }
        assertEquals(Set.of(), missing);
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
                Localizer.render(Message.of("listing.deposit-too-low", 20, "4000000.00"), Localizer.ENGLISH));
        assertEquals("竞买保证金不得低于起始价的 20%（4000000.00 元）。",
                Localizer.render(Message.of("listing.deposit-too-low", 20, "4000000.00"), Localizer.CHINESE));
        assertTrue(Localizer.render("enterprise.bank-account-name", Localizer.ENGLISH).contains("enterprise's"));
        assertEquals("no.such.key", Localizer.render("no.such.key", Localizer.ENGLISH));
    }
}
