package org.tezuo.app.ui.permit;

import java.util.Locale;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStatus;
import org.tezuo.app.ui.form.FieldDisplay;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.templates.IndustryTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The facts of a permit that lists and headers show, read through the form's bindings so that no field name is
 * fixed here. A value the form does not bind or the permit lacks is an empty string.
 */
public record PermitSummary(String typeName, String status, String applicant, String location, String grade,
        String workStart, String workEnd) {

    public static PermitSummary of(Permit permit, FormDefinition form, IndustryTemplate.PermitType type,
            FieldDisplay display, Locale locale) {
        JsonNode data = permit.data();
        return new PermitSummary(typeName(type, locale), status(permit.status(), locale),
                display.person(permit.applicant()), bound(form, data, "location", display),
                bound(form, data, "grade", display), bound(form, data, "workStart", display),
                bound(form, data, "workEnd", display));
    }

    /** Returns {@code start ~ end}, or whichever of the two is known. */
    public String workWindow() {
        if (workStart.isEmpty() || workEnd.isEmpty()) {
            return workStart + workEnd;
        }
        return workStart + " ~ " + workEnd;
    }

    public static String status(PermitStatus status, Locale locale) {
        return isEnglish(locale) ? status.en() : status.zh();
    }

    public static String typeName(IndustryTemplate.PermitType type, Locale locale) {
        return isEnglish(locale) ? type.nameEn() : type.nameZh();
    }

    public static boolean isEnglish(Locale locale) {
        return locale.getLanguage().equals(Locale.ENGLISH.getLanguage());
    }

    private static String bound(FormDefinition form, JsonNode data, String role, FieldDisplay display) {
        return FieldDisplay.bound(form, data, role).map(value -> display.text(value.field(), value.value()))
                .orElse("");
    }
}
