package org.tezuo.app.ui.form;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import org.tezuo.app.ui.i18n.ComponentTexts;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldOption;
import org.tezuo.form.definition.FieldType;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Creates the input of a field from its widget: text, text area, number, select, date, date-time, person, check
 * box, table or group. Every input gets its label in the form's language, the required mark, the help text, the
 * element id {@code field-<path>} and the attribute {@code data-path} with its JSON path.
 */
final class InputFactory {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final FormContext context;
    private final Map<String, String> displayNames = new LinkedHashMap<>();

    InputFactory(FormContext context) {
        this.context = context;
        context.persons().forEach(person -> displayNames.put(person.username(), person.displayName()));
    }

    FormContext context() {
        return context;
    }

    FieldInput create(FormField field, FieldPath path) {
        FieldInput input = switch (field.widget()) {
            case TEXTAREA -> text(new TextArea(), field);
            case NUMBER -> number(field);
            case SELECT -> select(field);
            case DATE -> date(field);
            case DATETIME -> dateTime(field);
            case PERSON -> person(field);
            case CHECKBOX -> checkbox(field);
            case TABLE -> new TableInput(field, path, this);
            case GROUP -> new GroupInput(field, path, this);
            // TODO: photo, file, signature, geo-point, gas-reading, org-unit and reference fields still use a text field
            case TEXT, SIGNATURE, PHOTO, FILE, ORG_UNIT, REFERENCE -> text(new TextField(), field);
            case GEO_POINT, GAS_READING -> new GroupInput(field, path, this);
        };
        input.component().setId(path.elementId("field"));
        input.component().getElement().setAttribute("data-path", path.jsonPath());
        return input;
    }

    String label(FormField field) {
        return field.label().text(context.locale());
    }

    private <C extends AbstractField<?, String> & HasLabel & HasHelper> FieldInput text(C component,
            FormField field) {
        decorate(component, field);
        if (component instanceof TextField textField) {
            textField.setWidthFull();
        } else if (component instanceof TextArea textArea) {
            textArea.setWidthFull();
        }
        return new ValueInput<>(component, JsonNode::asString,
                value -> value == null || value.isBlank() ? null : NODES.stringNode(value.strip()), false);
    }

    private FieldInput number(FormField field) {
        BigDecimalField component = new BigDecimalField();
        decorate(component, field);
        component.setWidthFull();
        return new ValueInput<>(component, node -> node.isNumber() ? node.decimalValue() : parseDecimal(node),
                value -> value == null ? null : numberNode(field, value), false);
    }

    private FieldInput select(FormField field) {
        Select<String> component = new Select<>();
        decorate(component, field);
        component.setWidthFull();
        List<String> values = field.options().stream().map(FieldOption::value).toList();
        component.setItems(values);
        component.setItemLabelGenerator(value -> field.option(value)
                .map(option -> option.label().text(context.locale()))
                .orElse(value));
        if (!field.required()) {
            component.setEmptySelectionAllowed(true);
            component.setEmptySelectionCaption(component.getTranslation("form.select.none"));
        }
        return new ValueInput<>(component, JsonNode::asString, value -> value == null ? null : optionNode(field,
                value), false);
    }

    private FieldInput date(FormField field) {
        DatePicker component = new DatePicker();
        component.setI18n(ComponentTexts.calendar(component));
        decorate(component, field);
        component.setWidthFull();
        return new ValueInput<>(component, node -> parseDate(node.asString()),
                value -> value == null ? null : NODES.stringNode(value.toString()), false);
    }

    private FieldInput dateTime(FormField field) {
        DateTimePicker component = new DateTimePicker();
        component.setDatePickerI18n(ComponentTexts.calendar(component));
        decorate(component, field);
        component.setWidthFull();
        return new ValueInput<>(component, node -> parseDateTime(node.asString()),
                value -> value == null ? null : NODES.stringNode(value.atZone(context.zone()).toOffsetDateTime()
                        .truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)), false);
    }

    /**
     * Creates a combo box of the tenant's users that stores the user name. A typed name that is no user's name
     * or display name is kept as typed, for people without an account.
     */
    private FieldInput person(FormField field) {
        ComboBox<String> component = new ComboBox<>();
        decorate(component, field);
        component.setWidthFull();
        List<String> usernames = new ArrayList<>(displayNames.keySet());
        component.setItems(usernames);
        component.setItemLabelGenerator(username -> displayNames.getOrDefault(username, username));
        component.setAllowCustomValue(true);
        component.addCustomValueSetListener(event -> {
            String typed = event.getDetail().strip();
            String username = displayNames.entrySet().stream()
                    .filter(entry -> entry.getKey().equals(typed) || entry.getValue().equals(typed))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(typed);
            offer(component, usernames, username);
            component.setValue(username.isEmpty() ? null : username);
        });
        return new ValueInput<>(component, node -> {
            offer(component, usernames, node.asString());
            return node.asString();
        }, value -> value == null || value.isBlank() ? null : NODES.stringNode(value), false);
    }

    private static void offer(ComboBox<String> component, List<String> usernames, String username) {
        if (!username.isEmpty() && !usernames.contains(username)) {
            usernames.add(username);
            component.setItems(usernames);
        }
    }

    private FieldInput checkbox(FormField field) {
        Checkbox component = new Checkbox(label(field));
        if (field.help() != null) {
            component.setHelperText(field.help().text(context.locale()));
        }
        return new ValueInput<>(component, JsonNode::asBoolean, value -> NODES.booleanNode(Boolean.TRUE.equals(value)),
                true);
    }

    private <C extends HasLabel & HasHelper & HasValue<?, ?>> void decorate(C component, FormField field) {
        component.setLabel(label(field));
        component.setRequiredIndicatorVisible(field.required());
        if (field.help() != null) {
            component.setHelperText(field.help().text(context.locale()));
        }
    }

    private static JsonNode numberNode(FormField field, BigDecimal value) {
        if (field.type() == FieldType.INTEGER && value.stripTrailingZeros().scale() <= 0) {
            return NODES.numberNode(value.toBigIntegerExact());
        }
        return NODES.numberNode(value);
    }

    private static JsonNode optionNode(FormField field, String value) {
        return switch (field.type()) {
            case INTEGER, NUMBER -> numberNode(field, new BigDecimal(value));
            case BOOLEAN -> NODES.booleanNode(Boolean.parseBoolean(value));
            default -> NODES.stringNode(value);
        };
    }

    private static @Nullable BigDecimal parseDecimal(JsonNode node) {
        try {
            return new BigDecimal(node.asString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Reads an ISO date-time with offset as local time in the tenant's zone; one without offset as it is. */
    private @Nullable LocalDateTime parseDateTime(String text) {
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(context.zone()).toLocalDateTime();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text);
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
