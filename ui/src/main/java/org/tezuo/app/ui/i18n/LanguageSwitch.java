package org.tezuo.app.ui.i18n;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Locale;

/** Two buttons, 中文 and English, that switch the session's language; the active one is highlighted. */
public class LanguageSwitch extends HorizontalLayout {

    public LanguageSwitch() {
        setSpacing(false);
        addClassName("tezuo-language-switch");
        add(button("language.zh", Locale.SIMPLIFIED_CHINESE), button("language.en", Locale.ENGLISH));
    }

    private Button button(String captionKey, Locale locale) {
        Button button = new Button(getTranslation(captionKey), event -> SessionLanguage.switchTo(locale));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL,
                SessionLanguage.current().equals(locale) ? ButtonVariant.LUMO_PRIMARY : ButtonVariant.LUMO_TERTIARY);
        button.setId("language-" + locale.getLanguage());
        return button;
    }
}
