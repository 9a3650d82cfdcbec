package org.tezuo.app.ui.epermit;

import com.vaadin.flow.component.html.Paragraph;
import java.util.Locale;
import org.tezuo.app.permit.evidence.EvidenceVerification;

/**
 * One line on the e-permit page with the result of checking the permit's evidence chain: how many pieces of
 * evidence were checked, or in red what broke.
 */
class EvidenceIntegrityLine extends Paragraph {

    EvidenceIntegrityLine(EvidenceVerification verification, Locale locale) {
        setId("epermit-integrity");
        if (verification.intact()) {
            setText(getTranslation("epermit.integrity.intact", verification.evidenceCount()));
            return;
        }
        String problems = String.join(getTranslation("list.separator"), verification.problems().stream()
                .map(problem -> problem.message(locale)).toList());
        setText(getTranslation("epermit.integrity.broken", verification.problems().size(), problems));
        addClassName("tezuo-epermit-integrity-broken");
        getStyle().set("color", "var(--lumo-error-text-color)");
    }
}
