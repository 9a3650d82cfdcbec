package org.tezuo.app.ui.placeholder;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/** A page stating that its feature is not available yet. */
abstract class PlaceholderView extends VerticalLayout implements HasDynamicTitle {

    private final String titleKey;

    PlaceholderView(String titleKey) {
        this.titleKey = titleKey;
        Paragraph text = new Paragraph(getTranslation("placeholder.text"));
        text.addClassName("tezuo-muted");
        add(text);
    }

    @Override
    public String getPageTitle() {
        return getTranslation(titleKey);
    }
}
