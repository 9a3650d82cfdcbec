package org.tezuo.app.ui.record;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.core.entity.EntityField;
import org.tezuo.core.entity.EntityFieldType;
import org.tezuo.form.definition.FormField;

/**
 * Writes the value of one list cell as text. An enum code becomes its option label from the entity's form, which
 * is the dictionary label when the field names a dictionary. Dates and times are shown in the tenant's zone, and a
 * boolean as yes or no.
 */
final class CellText {

    private final RecordListLayout layout;
    private final Locale locale;
    private final String yes;
    private final String no;

    /** @param yes and {@code no} the words for true and false in {@code locale} */
    CellText(RecordListLayout layout, Locale locale, String yes, String no) {
        this.layout = layout;
        this.locale = locale;
        this.yes = yes;
        this.no = no;
    }

    String text(ListColumn column, @Nullable Object value) {
        if (value == null) {
            return "";
        }
        EntityField field = column.field();
        if (field != null && field.type() == EntityFieldType.ENUM) {
            return optionLabel(field, value.toString());
        }
        return switch (value) {
            case Instant instant -> DisplayFormats.dateTime(instant, layout.zone());
            case LocalDate date -> DisplayFormats.date(date, null);
            case Boolean flag -> flag ? yes : no;
            case BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }

    /** Returns the label of an enum code, or the code itself when the form has no option for it. */
    String optionLabel(EntityField field, String code) {
        return layout.form().field(field.name())
                .flatMap((FormField formField) -> formField.option(code))
                .map(option -> option.label().text(locale))
                .orElse(code);
    }
}
