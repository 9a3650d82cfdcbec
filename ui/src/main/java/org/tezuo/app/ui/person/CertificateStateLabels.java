package org.tezuo.app.ui.person;

import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import java.util.Locale;
import org.tezuo.core.qualification.CertificateState;

/** Label and colour of a certificate state: green when the holder may work, amber when soon not, red when not. */
public final class CertificateStateLabels {

    private CertificateStateLabels() {
    }

    /** Returns the state's label in Chinese, or in English for an English locale. */
    public static String label(CertificateState state, Locale locale) {
        return state.label(locale);
    }

    /** Returns a coloured badge with the state's label. */
    public static Badge badge(CertificateState state, Locale locale) {
        Badge badge = new Badge(label(state, locale));
        badge.addThemeVariants(variant(state));
        badge.getElement().setAttribute("data-state", state.name());
        return badge;
    }

    /** Returns the colour variant of a state. */
    public static BadgeVariant variant(CertificateState state) {
        return switch (state) {
            case VALID -> BadgeVariant.SUCCESS;
            case REVIEW_DUE_SOON, REVIEW_OVERDUE -> BadgeVariant.WARNING;
            case EXPIRED, INVALID, REGISTRY_MISMATCH, REVOKED, CANCELLED -> BadgeVariant.ERROR;
        };
    }
}
