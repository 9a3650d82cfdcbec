package org.tezuo.app.ui.form;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasComponents;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.tezuo.app.ui.i18n.ComponentTexts;
import org.tezuo.core.environment.FlammableGas;
import org.tezuo.core.environment.LowerExplosiveLimits;
import org.tezuo.core.file.FileKind;
import org.tezuo.form.definition.FieldConditions;
import org.tezuo.form.definition.FieldLimits;
import org.tezuo.form.definition.FieldOption;
import org.tezuo.form.definition.FieldType;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.Label;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Creates the input of a field from its widget: text, text area, number, select, date, date-time, person, check
 * box, table, group, photo, file, signature, geo-point, gas reading, org unit and reference. Every input gets its
 * label in the form's language, the required mark, the help text, the element id {@code field-<path>} and the
 * attribute {@code data-path} with its JSON path. Labels, help texts and option texts from the form document are
 * set as text, never as HTML.
 */
final class InputFactory {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Gases a gas-reading field offers: the flammable gases of the LEL table, then oxygen and two toxic gases. */
    private static final List<String> GAS_KEYS = Stream.concat(
            LowerExplosiveLimits.all().stream().map(FlammableGas::key),
            Stream.of("oxygen", "carbonMonoxide", "hydrogenSulfide")).toList();
    private static final List<String> GAS_UNITS = List.of("%LEL", "%VOL", "ppm", "mg/m³");

    private final FormContext context;
    private final Component translator;
    private final JsonNode dataSchema;
    private final Map<String, String> displayNames = new LinkedHashMap<>();
    /** Every input created, by JSON path; a row editor opened again replaces its row's entries. */
    private final Map<String, CreatedInput> created = new LinkedHashMap<>();

    /**
     * @param translator the component whose {@code getTranslation} renders the renderer's own captions
     * @param dataSchema the form's data schema, read for limits such as a table's {@code minItems}
     */
    InputFactory(FormContext context, Component translator, JsonNode dataSchema) {
        this.context = context;
        this.translator = translator;
        this.dataSchema = dataSchema;
        context.persons().forEach(person -> displayNames.put(person.username(), person.displayName()));
    }

    FormContext context() {
        return context;
    }

    FieldInput create(FormField field, FieldPath path) {
        FieldInput input = switch (field.widget()) {
            case TEXT -> text(new TextField(), field);
            case TEXTAREA -> text(new TextArea(), field);
            case NUMBER -> number(field);
            case SELECT -> select(field);
            case DATE -> date(field);
            case DATETIME -> dateTime(field);
            case PERSON -> person(field);
            case CHECKBOX -> checkbox(field);
            case TABLE -> new TableInput(field, path, this);
            case GROUP -> new GroupInput(field, path, this);
            case PHOTO -> new UploadInput(field, FileKind.IMAGE, this);
            case FILE -> new UploadInput(field, FileKind.DOCUMENT, this);
            case SIGNATURE -> new SignatureInput(field, this);
            case GEO_POINT -> new GeoPointInput(field, path, this);
            case GAS_READING -> new GroupInput(field.children().isEmpty() ? withGasReadingParts(field) : field, path,
                    this);
            case ORG_UNIT -> orgUnit(field);
            // TODO: pick the record from a list once the records API exists; until then the id is typed.
            case REFERENCE -> reference(field, path);
        };
        input.component().setId(path.elementId("field"));
        input.component().getElement().setAttribute("data-path", path.jsonPath());
        created.put(path.jsonPath(), new CreatedInput(field, path, input));
        return input;
    }

    /** Returns the inputs created so far, outermost first. */
    Collection<CreatedInput> created() {
        return created.values();
    }

    /** An input with its field and path, for decisions such as {@link FieldStates} that apply after creation. */
    record CreatedInput(FormField field, FieldPath path, FieldInput input) {
    }

    /**
     * Returns the value a field's input writes while empty, or null when it writes nothing: an unticked check box
     * stores false. A table applies it to rows it has not opened, so they are written as if edited.
     */
    static @Nullable JsonNode emptyValue(FormField field) {
        return field.widget() == FieldWidget.CHECKBOX ? NODES.booleanNode(false) : null;
    }

    String label(FormField field) {
        return field.label().text(context.locale());
    }

    /** Creates the caption of a field that has no label of its own, such as a table, group or upload. */
    Span heading(FormField field) {
        Span heading = new Span(label(field));
        heading.addClassName("tezuo-form-group-heading");
        heading.setClassName("tezuo-required", field.required());
        return heading;
    }

    /** Adds the field's help text to {@code container}, when it has one. */
    void addHelp(HasComponents container, FormField field) {
        if (field.help() != null) {
            Span help = new Span(field.help().text(context.locale()));
            help.addClassName("tezuo-muted");
            container.add(help);
        }
    }

    /**
     * Returns the schema of the value at {@code path}: row indexes step into {@code items}, names into
     * {@code properties}. A path the schema does not describe yields a missing node.
     */
    JsonNode schemaOf(FieldPath path) {
        JsonNode node = dataSchema;
        for (Object segment : path.segments()) {
            node = segment instanceof Integer ? node.path("items") : node.path("properties").path((String) segment);
        }
        return node;
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

    /**
     * Creates a combo box of the records of the entity named by the schema's {@code x-entity}, storing the record
     * id. Without {@code x-entity}, or when the context offers no records, the id is typed.
     */
    private FieldInput reference(FormField field, FieldPath path) {
        String entity = schemaOf(path).path("x-entity").asString("");
        List<FormContext.RecordChoice> choices = entity.isEmpty() ? List.of() : context.records().of(entity);
        if (choices.isEmpty()) {
            return field.type() == FieldType.INTEGER ? number(field) : text(new TextField(), field);
        }
        Map<Long, String> captions = new LinkedHashMap<>();
        choices.forEach(choice -> captions.put(choice.id(), choice.caption()));
        ComboBox<Long> component = new ComboBox<>();
        decorate(component, field);
        component.setWidthFull();
        component.setItems(captions.keySet());
        component.setItemLabelGenerator(id -> captions.getOrDefault(id, "#" + id));
        return new ValueInput<>(component, node -> node.canConvertToLong() ? node.asLong() : parseLong(node),
                value -> value == null ? null : referenceNode(field, value), false);
    }

    private static @Nullable Long parseLong(JsonNode node) {
        try {
            return Long.valueOf(node.asString().strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode referenceNode(FormField field, long id) {
        return field.type() == FieldType.INTEGER ? NODES.numberNode(id) : NODES.stringNode(Long.toString(id));
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
        // The empty selection reaches the generator as null; its caption is set separately below.
        component.setItemLabelGenerator(value -> value == null ? "" : field.option(value)
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

    /** Creates a combo box of the tenant's org units that stores the code; an unknown stored code stays as is. */
    private FieldInput orgUnit(FormField field) {
        ComboBox<String> component = new ComboBox<>();
        decorate(component, field);
        component.setWidthFull();
        Map<String, String> names = new LinkedHashMap<>();
        context.orgUnits().forEach(unit -> names.put(unit.code(), unit.name()));
        List<String> codes = new ArrayList<>(names.keySet());
        component.setItems(codes);
        component.setItemLabelGenerator(code -> names.containsKey(code) ? names.get(code) + " (" + code + ")" : code);
        return new ValueInput<>(component, node -> {
            offer(component, codes, node.asString());
            return node.asString();
        }, value -> value == null || value.isBlank() ? null : NODES.stringNode(value), false);
    }

    /**
     * Returns the field with the parts of a gas reading when its schema names none: gas, value, unit and the
     * reading time, stored as {@code gas}, {@code value}, {@code unit} and {@code time}.
     */
    private FormField withGasReadingParts(FormField field) {
        List<FieldOption> gases = GAS_KEYS.stream()
                .map(key -> new FieldOption(key, shownText("form.gas." + key)))
                .toList();
        List<FieldOption> units = GAS_UNITS.stream().map(unit -> new FieldOption(unit, new Label(unit, null))).toList();
        List<FormField> parts = List.of(
                part(field, "gas", "form.gasReading.gas", FieldType.STRING, FieldWidget.SELECT, null, gases),
                part(field, "value", "form.gasReading.value", FieldType.NUMBER, FieldWidget.NUMBER, null, List.of()),
                part(field, "unit", "form.gasReading.unit", FieldType.STRING, FieldWidget.SELECT, null, units),
                part(field, "time", "form.gasReading.time", FieldType.STRING, FieldWidget.DATETIME, "date-time",
                        List.of()));
        return new FormField(field.name(), field.label(), field.type(), field.widget(), field.required(),
                field.format(), field.options(), parts, field.help(), field.patternHint(), field.path(),
                field.pointer(), field.limits(), field.conditions(), field.defaultSource(), field.inRow());
    }

    private FormField part(FormField reading, String name, String labelKey, FieldType type, FieldWidget widget,
            @Nullable String format, List<FieldOption> options) {
        return new FormField(name, shownText(labelKey), type, widget, false, format, options, List.of(), null, null,
                reading.path() + "." + name, reading.pointer() + "/properties/" + name, FieldLimits.NONE,
                FieldConditions.NONE, null, reading.inRow());
    }

    /** Returns a UI bundle text in the form's language as a label, which shows it in any locale. */
    private Label shownText(String key) {
        return new Label(translator.getTranslation(context.locale(), key), null);
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

    /** Returns an integer as the node type a JSON parser reads it as: int, then long, then big integer. */
    private static JsonNode numberNode(FormField field, BigDecimal value) {
        if (field.type() == FieldType.INTEGER && value.stripTrailingZeros().scale() <= 0) {
            BigInteger integer = value.toBigIntegerExact();
            if (integer.bitLength() < Integer.SIZE) {
                return NODES.numberNode(integer.intValue());
            }
            return integer.bitLength() < Long.SIZE ? NODES.numberNode(integer.longValue()) : NODES.numberNode(integer);
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
