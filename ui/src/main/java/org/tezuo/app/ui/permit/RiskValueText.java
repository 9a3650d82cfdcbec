package org.tezuo.app.ui.permit;

import com.vaadin.flow.component.Component;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.ui.i18n.TranslationProvider;

/**
 * The text of a value that a risk item or a risk-score item carries. Rules report coded values as stored, such as the
 * area class {@code zone-1}, the certificate state {@code valid} or a boolean. A code with a {@code riskValue.} caption
 * shows that caption, and any other value (a number, a grade such as III级) shows as it is.
 */
final class RiskValueText {

    private static final String PREFIX = "riskValue.";

    private RiskValueText() {
    }

    static String of(Component page, @Nullable String value) {
        if (value == null) {
            return page.getTranslation("value.none");
        }
        return TranslationProvider.defines(PREFIX + value) ? page.getTranslation(PREFIX + value) : value;
    }
}
