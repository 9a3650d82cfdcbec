package org.tezuo.app.ui.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationProviderTest {

    private final TranslationProvider translations = new TranslationProvider();

    @Test
    void otherLocalesRenderChinese() {
        String caption = translations.getTranslation("menu.persons", Locale.GERMANY);

        assertThat(caption).isEqualTo("人员与证书");
    }

    @Test
    void englishLocaleRendersEnglish() {
        String caption = translations.getTranslation("menu.persons", Locale.US);

        assertThat(caption).isEqualTo("Persons and certificates");
    }

    @Test
    void argumentsAreFormatted() {
        assertThat(translations.getTranslation("home.greeting", Locale.SIMPLIFIED_CHINESE, "张安全"))
                .isEqualTo("张安全，您好");
        assertThat(translations.getTranslation("home.greeting", Locale.ENGLISH, "Zhang"))
                .isEqualTo("Hello, Zhang");
    }

    @Test
    void missingKeyRendersMarked() {
        String caption = translations.getTranslation("no.such.key", Locale.ENGLISH);

        assertThat(caption).isEqualTo("!no.such.key!");
    }

    @Test
    void bundlesHaveSameKeys() throws IOException {
        Properties chinese = load("messages.properties");
        Properties chineseExplicit = load("messages_zh_CN.properties");
        Properties english = load("messages_en.properties");

        assertThat(english.stringPropertyNames()).isEqualTo(chinese.stringPropertyNames());
        assertThat(chineseExplicit).isEqualTo(chinese);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = TranslationProviderTest.class.getResourceAsStream("/org/tezuo/app/ui/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
