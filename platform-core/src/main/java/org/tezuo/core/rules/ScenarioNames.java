package org.tezuo.core.rules;

import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;

/** Names the kinds of work a ruleset covers, from the {@code scenario.<key>} entries of the rules catalogue. */
public final class ScenarioNames {

    private ScenarioNames() {
    }

    /** Returns the name of {@code scenario} in {@code locale}, or {@code fallback} when the catalogue has none. */
    public static String label(@Nullable String scenario, LocalizedText fallback, Locale locale) {
        if (scenario == null || !known(scenario)) {
            return fallback.in(locale);
        }
        return UserMessages.render(InvalidExpressionException.BUNDLE, locale, "scenario." + scenario);
    }

    private static boolean known(String scenario) {
        try {
            return ResourceBundle.getBundle(InvalidExpressionException.BUNDLE, Locale.ROOT)
                    .containsKey("scenario." + scenario);
        } catch (MissingResourceException e) {
            return false;
        }
    }
}
