package org.tezuo.app.ui.profile;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import org.jspecify.annotations.Nullable;

/** One "caption: value" line of the badge and the profile page, with a dash for a missing value. */
final class ProfileFacts {

    private ProfileFacts() {
    }

    /** Returns a line with the caption of {@code captionKey} and {@code value}; {@code id} may be null. */
    static Div fact(Component owner, @Nullable String id, String captionKey, @Nullable String value) {
        Span caption = new Span(owner.getTranslation(captionKey) + owner.getTranslation("epermit.separator"));
        caption.addClassName("tezuo-profile-caption");
        Span text = new Span(value == null || value.isBlank() ? owner.getTranslation("value.none") : value);
        text.addClassName("tezuo-profile-value");
        Div line = new Div(caption, text);
        line.addClassName("tezuo-profile-fact");
        if (id != null) {
            line.setId(id);
        }
        return line;
    }
}
