package org.tezuo.app.ui.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The language of the views for one browser session: Simplified Chinese until the user picks English with the
 * language switch, whatever Accept-Language the browser sends. The choice lives in the HTTP session, so it
 * survives the login and lasts until the session ends.
 */
@Component
public class SessionLanguage implements VaadinServiceInitListener {

    /** Languages the views are written in, default first. */
    public static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    private static final String ATTRIBUTE = SessionLanguage.class.getName();

    /** Applies the session's language to every new UI, overriding the locale Vaadin took from the browser. */
    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(uiEvent -> uiEvent.getUI().setLocale(current()));
    }

    /** Returns the session's language, Chinese when none was chosen or outside a Vaadin request. */
    public static Locale current() {
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return SUPPORTED.getFirst();
        }
        return session.getSession().getAttribute(ATTRIBUTE) instanceof Locale chosen ? chosen : SUPPORTED.getFirst();
    }

    /** Stores the language for the session and reloads the page so every caption is rendered again. */
    public static void switchTo(Locale locale) {
        Locale supported = supported(locale);
        WrappedSession session = VaadinSession.getCurrent().getSession();
        session.setAttribute(ATTRIBUTE, supported);
        UI ui = UI.getCurrent();
        ui.setLocale(supported);
        ui.getPage().reload();
    }

    /** Returns English for any English locale and Simplified Chinese for every other locale. */
    public static Locale supported(Locale locale) {
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage()) ? Locale.ENGLISH : SUPPORTED.getFirst();
    }
}
