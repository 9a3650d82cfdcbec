package org.tezuo.app.ui.error;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import org.tezuo.app.ui.i18n.LanguageSwitch;

/**
 * Base of the error pages: the language switch, the application's name and one {@link ProblemNotice}, without
 * the main menu, because the reader may not be signed in.
 */
abstract class ProblemPage extends VerticalLayout implements HasDynamicTitle {

    /** Path prefix of the profile pages that badge QR codes open. */
    static final String PROFILE_PATH = "profile";

    private String title = "";

    ProblemPage() {
        addClassName("tezuo-problem-page");
    }

    /** Shows the problem and uses its heading as the page title. */
    void show(String id, String headingKey, String reason, String nextStep) {
        removeAll();
        title = getTranslation(headingKey);
        add(new LanguageSwitch(), new H1(getTranslation("app.name")),
                new ProblemNotice(id, headingKey, reason, nextStep));
    }

    /** Returns whether {@code path} (without a leading slash) is the profile page or lies under it. */
    static boolean isProfilePath(String path) {
        return path.equals(PROFILE_PATH) || path.startsWith(PROFILE_PATH + "/");
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
