package org.tezuo.app.ui.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Captions of every view from {@code org/tezuo/app/ui/messages*.properties}: Simplified Chinese (the default
 * bundle) and English. Any locale other than English renders in Chinese, so a browser requesting German gets
 * Chinese. A missing key renders as {@code !key!} and is logged, so a gap is visible on the page.
 */
@Component
public class TranslationProvider implements I18NProvider {

    static final String BUNDLE = "org.tezuo.app.ui.messages";

    private static final Logger log = LoggerFactory.getLogger(TranslationProvider.class);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    @Override
    public List<Locale> getProvidedLocales() {
        return SessionLanguage.SUPPORTED;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = SessionLanguage.supported(locale);
        String pattern;
        try {
            pattern = ResourceBundle.getBundle(BUNDLE, bundleLocale(supported), NO_FALLBACK).getString(key);
        } catch (MissingResourceException e) {
            log.warn("Caption key \"{}\" is missing from {} for {}", key, BUNDLE, supported);
            return "!" + key + "!";
        }
        return params.length == 0 ? pattern : new MessageFormat(pattern, supported).format(params);
    }

    /**
     * Returns whether the captions define {@code key}. The Chinese and English bundles hold the same keys (a test
     * checks this), so a lookup in the base bundle covers both.
     */
    public static boolean defines(String key) {
        return ResourceBundle.getBundle(BUNDLE, Locale.ROOT, NO_FALLBACK).containsKey(key);
    }

    /** Maps Chinese to the base bundle, which is written in Chinese, and English to messages_en. */
    private static Locale bundleLocale(Locale supported) {
        return supported.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.ENGLISH : Locale.ROOT;
    }
}
