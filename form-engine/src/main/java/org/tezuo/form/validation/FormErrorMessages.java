package org.tezuo.form.validation;

import com.networknt.schema.Error;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.form.definition.FieldOption;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.Label;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON Schema errors into {@link FieldError}s with the form's own wording: the field by its label path, the
 * offending value and what to enter instead. The library's English text is never shown.
 */
final class FormErrorMessages {

    static final String BUNDLE = "org.tezuo.form.validation.messages";

    private static final int MAX_VALUE_LENGTH = 60;
    private static final java.util.Set<String> FORMATS_WITH_OWN_MESSAGE = java.util.Set.of("date", "date-time",
            "time", "email", "idn-email", "uri", "uuid", "ipv4", "ipv6", "hostname");

    private final FormDefinition form;
    private final Locale locale;

    FormErrorMessages(FormDefinition form, Locale locale) {
        this.form = form;
        this.locale = locale;
    }

    FieldError translate(Error error) {
        DataPath location = DataPath.of(error.getInstanceLocation());
        String keyword = error.getKeyword();
        if ("required".equals(keyword)) {
            DataPath missing = location.child(error.getProperty());
            return fieldError(missing, "form.error.required", labelPath(missing));
        }
        if ("additionalProperties".equals(keyword)) {
            return fieldError(location.child(error.getProperty()), "form.error.additionalProperties",
                    labelPath(location), error.getProperty());
        }

        JsonNode value = error.getInstanceNode();
        String label = labelPath(location);
        String shownValue = render(value);
        JsonNode keywordValue = error.getSchemaNode();
        String limit = keywordValue.isValueNode() ? keywordValue.asString() : keywordValue.toString();
        return switch (keyword) {
            case "type" -> value.isNull()
                    ? fieldError(location, "form.error.null", label)
                    : fieldError(location, "form.error.type", label, shownValue, typeName(limit));
            case "format" -> formatError(location, label, shownValue, limit);
            case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" ->
                    fieldError(location, "form.error." + keyword, label, shownValue, limit);
            case "enum" -> fieldError(location, "form.error.enum", label, shownValue, options(location, error));
            case "minItems", "maxItems" ->
                    fieldError(location, "form.error." + keyword, label, String.valueOf(value.size()), limit);
            case "minLength", "maxLength" -> fieldError(location, "form.error." + keyword, label, shownValue,
                    String.valueOf(value.asString().codePointCount(0, value.asString().length())), limit);
            case "pattern" -> fieldError(location, "form.error.pattern", label, shownValue,
                    patternHint(location, limit));
            case "const" -> fieldError(location, "form.error.const", label, shownValue,
                    render(error.getSchemaNode()));
            default -> fieldError(location, "form.error.other", label, shownValue, keyword);
        };
    }

    /** Reports that the field at {@code location}, required by a condition, has no value. */
    FieldError required(DataPath location) {
        return fieldError(location, "form.error.required", labelPath(location));
    }

    private FieldError formatError(DataPath location, String label, String shownValue, String format) {
        String key = FORMATS_WITH_OWN_MESSAGE.contains(format) ? "form.error.format." + format : "form.error.format";
        return fieldError(location, key, label, shownValue, format);
    }

    private FieldError fieldError(DataPath location, String key, Object... arguments) {
        return new FieldError(location.jsonPath(), labelPath(location), message(key, arguments));
    }

    private String labelPath(DataPath location) {
        return LabelPathResolver.labelPath(form, location, locale);
    }

    private String message(String key, Object... arguments) {
        return UserMessages.render(BUNDLE, locale, key, arguments);
    }

    private String typeName(String jsonType) {
        return message("form.type." + jsonType);
    }

    /** Lists the allowed values by their labels when the field has them, otherwise as written in the schema. */
    private String options(DataPath location, Error error) {
        Optional<FormField> field = LabelPathResolver.fieldAt(form, location);
        List<String> shown = field.filter(f -> !f.options().isEmpty())
                .map(f -> f.options().stream().map(FieldOption::label).map(l -> l.text(locale)).toList())
                .orElseGet(() -> error.getSchemaNode().values().stream().map(this::render).toList());
        return shown.stream().collect(Collectors.joining(message("form.list.separator")));
    }

    private String patternHint(DataPath location, String regex) {
        return LabelPathResolver.fieldAt(form, location)
                .map(FormField::patternHint)
                .map(hint -> hint.text(locale))
                .orElseGet(() -> message("form.pattern.regex", regex));
    }

    /** Renders a value for a message: text as written, booleans in words, other JSON compactly, cut at 60 chars. */
    private String render(JsonNode value) {
        String text;
        if (value.isString() || value.isNumber()) {
            text = value.asString();
        } else if (value.isBoolean()) {
            text = message(value.asBoolean() ? "form.value.true" : "form.value.false");
        } else if (value.isNull() || value.isMissingNode()) {
            text = message("form.value.empty");
        } else {
            text = value.toString();
        }
        return text.length() <= MAX_VALUE_LENGTH ? text : text.substring(0, MAX_VALUE_LENGTH) + "…";
    }

    /** Renders a rule's message at its path. */
    FieldError ruleError(@Nullable String dottedPath, Label ruleMessage) {
        DataPath location = dottedPath == null ? DataPath.ROOT : DataPath.ofDotted(dottedPath);
        return new FieldError(location.jsonPath(), labelPath(location), ruleMessage.text(locale));
    }
}
