package org.tezuo.app.ui.profile;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.ui.i18n.ComponentTexts;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.profile.AssessmentKind;
import org.tezuo.core.qualification.profile.AssessmentRecords;
import org.tezuo.core.qualification.profile.AssessmentResult;

/** The form on the profile page with which a recorder adds a training or practical assessment record. */
final class AssessmentForm extends Div {

    private final Select<AssessmentKind> kind = new Select<>();
    private final TextField item = new TextField();
    private final DatePicker heldOn = new DatePicker();
    private final Select<AssessmentResult> result = new Select<>();
    private final TextField assessor = new TextField();
    private final TextArea notes = new TextArea();
    private final Div error = new Div();
    private final long personId;

    AssessmentForm(AssessmentRecords records, CurrentUser user, long personId, Runnable saved) {
        this.personId = personId;
        setId("assessment-form");
        addClassName("tezuo-profile-assessment-form");
        kind.setLabel(getTranslation("assessment.kind"));
        kind.setItems(AssessmentKind.values());
        kind.setItemLabelGenerator(value -> value.label(getLocale()));
        kind.setValue(AssessmentKind.PRACTICAL);
        item.setLabel(getTranslation("assessment.item"));
        item.setId("assessment-item");
        heldOn.setLabel(getTranslation("assessment.heldOn"));
        heldOn.setI18n(ComponentTexts.calendar(heldOn));
        result.setLabel(getTranslation("assessment.result"));
        result.setItems(AssessmentResult.values());
        result.setItemLabelGenerator(value -> value.label(getLocale()));
        result.setValue(AssessmentResult.PASSED);
        assessor.setLabel(getTranslation("assessment.assessor"));
        notes.setLabel(getTranslation("assessment.notes"));
        error.addClassName("tezuo-profile-error");
        error.setId("assessment-error");

        Button save = new Button(getTranslation("assessment.save"), event -> save(records, user, saved));
        save.setId("assessment-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout fields = new FormLayout(kind, item, heldOn, result, assessor, notes);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(new H4(getTranslation("assessment.add")), fields, error, save);
    }

    private void save(AssessmentRecords records, CurrentUser user, Runnable saved) {
        if (heldOn.getValue() == null) {
            error.setText(getTranslation("assessment.heldOnMissing"));
            return;
        }
        try {
            records.record(user.tenantId(), user.username(), personId,
                    new AssessmentRecords.NewAssessment(kind.getValue(), item.getValue(), heldOn.getValue(),
                            result.getValue(), assessor.getValue(), notes.getValue()));
            Notices.success(getTranslation("assessment.saved"));
            saved.run();
        } catch (LocalizedException e) {
            error.setText(e.message(getLocale()));
        }
    }
}
