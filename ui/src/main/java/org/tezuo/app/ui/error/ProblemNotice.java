package org.tezuo.app.ui.error;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/**
 * A short explanation of why a page cannot be shown: a heading, what happened, what to do next and a link to the
 * home page, laid out to read on a phone.
 */
public class ProblemNotice extends Div {

    /**
     * @param id element id of the paragraph that explains what happened, for tests and support
     * @param headingKey message key of the heading
     * @param reason what happened, already translated
     * @param nextStep what the reader should do, already translated
     */
    public ProblemNotice(String id, String headingKey, String reason, String nextStep) {
        addClassName("tezuo-problem");
        H2 heading = new H2(getTranslation(headingKey));
        heading.addClassName("tezuo-problem-heading");
        Paragraph what = new Paragraph(reason);
        what.setId(id);
        Paragraph next = new Paragraph(nextStep);
        next.setId(id + "-next");
        next.addClassName("tezuo-problem-next");
        Anchor home = new Anchor("", getTranslation("problem.home"));
        home.setId("problem-home");
        add(heading, what, next, home);
    }
}
