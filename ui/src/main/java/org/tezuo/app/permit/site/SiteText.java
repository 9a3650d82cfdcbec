package org.tezuo.app.permit.site;

import java.util.Locale;
import org.tezuo.core.i18n.MessageBundle;
import org.tezuo.core.i18n.UserMessages;

/** A text that is rendered in the reader's locale from the site bundle, such as a state or an action name. */
public interface SiteText {

    /** Bundle of the site phase, {@code org/tezuo/app/permit/site/messages*.properties}. */
    MessageBundle BUNDLE = new MessageBundle("org.tezuo.app.permit.site.messages");

    String text(Locale locale);

    /** Renders {@code key} of the site bundle; arguments that are site texts are rendered in {@code locale} too. */
    static String render(Locale locale, String key, Object... arguments) {
        Object[] rendered = new Object[arguments.length];
        for (int index = 0; index < arguments.length; index++) {
            rendered[index] = arguments[index] instanceof SiteText text ? text.text(locale) : arguments[index];
        }
        return UserMessages.render(BUNDLE.baseName(), locale, key, rendered);
    }

    /** Returns a text that renders {@code key} with {@code arguments} when it is shown. */
    static SiteText of(String key, Object... arguments) {
        Object[] kept = arguments.clone();
        return locale -> render(locale, key, kept);
    }

    /** Returns a fixed text in Chinese and English, for values that carry both already. */
    static SiteText fixed(String zh, String en) {
        return locale -> "zh".equals(locale.getLanguage()) ? zh : en;
    }

    /** Joins names, such as step names, with the list separator of the locale. */
    static SiteText join(java.util.List<? extends SiteText> texts) {
        return join(texts, "site.list.separator");
    }

    /** Joins sentences, such as refusal reasons, with the sentence separator of the locale. */
    static SiteText joinSentences(java.util.List<? extends SiteText> texts) {
        return join(texts, "site.sentence.separator");
    }

    private static SiteText join(java.util.List<? extends SiteText> texts, String separatorKey) {
        java.util.List<SiteText> kept = java.util.List.copyOf(texts);
        return locale -> {
            if (kept.isEmpty()) {
                return render(locale, "site.list.none");
            }
            StringBuilder joined = new StringBuilder();
            for (SiteText text : kept) {
                if (!joined.isEmpty()) {
                    joined.append(render(locale, separatorKey));
                }
                joined.append(text.text(locale));
            }
            return joined.toString();
        };
    }
}
