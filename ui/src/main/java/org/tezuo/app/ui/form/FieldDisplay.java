package org.tezuo.app.ui.form;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;

/**
 * Renders one stored value as read-only text the way its field shows it: option labels for selects, display
 * names for persons, date-times in the tenant's zone, yes or no for check boxes.
 */
public final class FieldDisplay {

    private final FormContext context;
    private final Map<String, String> displayNames;
    private final String yes;
    private final String no;

    /** @param yes and {@code no} the words for a ticked and an unticked check box in the context's language */
    public FieldDisplay(FormContext context, String yes, String no) {
        this.context = context;
        this.displayNames = context.persons().stream().collect(Collectors.toMap(FormContext.PersonChoice::username,
                FormContext.PersonChoice::displayName, (first, second) -> first));
        this.yes = yes;
        this.no = no;
    }

    /** Returns the value at the data path bound to {@code role} in the form, with its field, when both exist. */
    public static Optional<BoundValue> bound(FormDefinition form, JsonNode data, String role) {
        return form.binding(role).flatMap(path -> form.fieldAt(path)
                        .map(field -> new BoundValue(field, FormDefinition.valueAt(data, path))))
                .filter(value -> !value.value().isMissingNode() && !value.value().isNull());
    }

    /** A field and its value in one record. */
    public record BoundValue(FormField field, JsonNode value) {
    }

    /** Returns the text of a value, or an empty string for a missing one. */
    public String text(FormField field, JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        return switch (field.widget()) {
            case SELECT -> field.option(value.asString()).map(option -> option.label().text(context.locale()))
                    .orElse(value.asString());
            case PERSON -> displayNames.getOrDefault(value.asString(), value.asString());
            case CHECKBOX -> value.asBoolean() ? yes : no;
            case DATETIME -> dateTime(value.asString());
            case DATE -> date(value.asString());
            default -> value.isValueNode() ? value.asString() : value.toString();
        };
    }

    /** Returns the name of the user, or the text itself when it is no user's name. */
    public String person(String username) {
        return displayNames.getOrDefault(username, username);
    }

    private String dateTime(String text) {
        try {
            return DisplayFormats.dateTime(OffsetDateTime.parse(text).toInstant(), context.zone());
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String date(String text) {
        try {
            return DisplayFormats.date(LocalDate.parse(text), null);
        } catch (DateTimeParseException e) {
            return text;
        }
    }
}
