package org.tezuo.app.ui.designer;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.core.rules.InvalidExpressionException;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.metadata.MetaSchemaViolation;

/**
 * Checks what the form meta-schema cannot: field keys that rule expressions can read, visibility conditions that
 * compile in the rule language against the form's other fields, usable select options and limits in order. The
 * property panel runs the single checks as the administrator types; {@link #problems} runs them all before a
 * save. Messages come from the ui bundle in the requested locale.
 */
public final class DesignChecker {

    /** Field keys: a lower-case letter, then letters, digits or underscores, 64 characters at most. */
    public static final Pattern KEY_PATTERN = Pattern.compile("[a-z][A-Za-z0-9_]{0,63}");

    private final ExpressionCompiler compiler;
    private final I18NProvider captions;

    public DesignChecker(ExpressionCompiler compiler, I18NProvider captions) {
        this.compiler = compiler;
        this.captions = captions;
    }

    /** Returns why {@code key} cannot name the field {@code currentKey} of {@code design}, or empty. */
    public Optional<String> keyProblem(FormDesign design, String currentKey, String key, Locale locale) {
        if (!KEY_PATTERN.matcher(key).matches()) {
            return Optional.of(captions.getTranslation("designer.check.keyPattern", locale, key));
        }
        if (!key.equals(currentKey) && design.field(key).isPresent()) {
            return Optional.of(captions.getTranslation("designer.check.keyTaken", locale, key));
        }
        try {
            // The compiler rejects reserved words and internal prefixes as variable names.
            compiler.compile("true", Set.of(key));
        } catch (InvalidExpressionException e) {
            return Optional.of(captions.getTranslation("designer.check.keyReserved", locale, key));
        }
        return Optional.empty();
    }

    /**
     * Returns why {@code key} cannot name the column {@code currentKey} of the table field {@code table}, or empty.
     * Column keys follow the rules of field keys and must differ from the other columns of the table.
     */
    public Optional<String> columnKeyProblem(FieldDesign table, String currentKey, String key, Locale locale) {
        if (!KEY_PATTERN.matcher(key).matches()) {
            return Optional.of(captions.getTranslation("designer.check.keyPattern", locale, key));
        }
        if (!key.equals(currentKey) && table.columns().stream().anyMatch(column -> column.key().equals(key))) {
            return Optional.of(captions.getTranslation("designer.check.columnKeyTaken", locale, key,
                    table.label().text(locale)));
        }
        try {
            compiler.compile("true", Set.of(key));
        } catch (InvalidExpressionException e) {
            return Optional.of(captions.getTranslation("designer.check.keyReserved", locale, key));
        }
        return Optional.empty();
    }

    /**
     * Returns why {@code condition} cannot be the visibility condition of field {@code fieldKey}, or empty. The
     * condition may read every other top-level field whose key is valid.
     */
    public Optional<String> conditionProblem(FormDesign design, String fieldKey, String condition, Locale locale) {
        if (condition.isBlank()) {
            return Optional.empty();
        }
        Set<String> variables = new TreeSet<>();
        design.fields().stream()
                .map(FieldDesign::key)
                .filter(key -> !key.equals(fieldKey) && keyProblem(design, key, key, locale).isEmpty())
                .forEach(variables::add);
        try {
            compiler.compile(condition, variables);
            return Optional.empty();
        } catch (InvalidExpressionException e) {
            return Optional.of(e.message(locale));
        }
    }

    /** Returns what is wrong with the options of a select field, or empty. */
    public Optional<String> optionsProblem(FieldDesign field, Locale locale) {
        if (field.widget() != FieldWidget.SELECT) {
            return Optional.empty();
        }
        if (field.options().isEmpty()) {
            return Optional.of(captions.getTranslation("designer.check.noOptions", locale));
        }
        Set<String> values = new HashSet<>();
        for (OptionDesign option : field.options()) {
            if (option.value().isEmpty()) {
                return Optional.of(captions.getTranslation("designer.check.optionBlank", locale));
            }
            if (!values.add(option.value())) {
                return Optional.of(captions.getTranslation("designer.check.optionTwice", locale, option.value()));
            }
        }
        return Optional.empty();
    }

    /** Returns what is wrong with the minimum, maximum and maximum length of a field, or empty. */
    public Optional<String> limitsProblem(FieldDesign field, Locale locale) {
        if (field.minimum() != null && field.maximum() != null && field.minimum().compareTo(field.maximum()) > 0) {
            return Optional.of(captions.getTranslation("designer.check.minAboveMax", locale,
                    field.minimum().toPlainString(), field.maximum().toPlainString()));
        }
        if (field.maxLength() != null && field.maxLength() < 1) {
            return Optional.of(captions.getTranslation("designer.check.maxLength", locale, field.maxLength()));
        }
        return Optional.empty();
    }

    /**
     * Returns every problem of the design, each with the JSON pointer of the part of the body it concerns, in
     * field order.
     */
    public List<MetaSchemaViolation> problems(FormDesign design, Locale locale) {
        List<MetaSchemaViolation> problems = new ArrayList<>();
        for (FieldDesign field : design.fields()) {
            String path = "/schema/properties/" + field.key();
            keyProblem(design, field.key(), field.key(), locale)
                    .ifPresent(message -> problems.add(new MetaSchemaViolation(path, message)));
            optionsProblem(field, locale)
                    .ifPresent(message -> problems.add(new MetaSchemaViolation(path + "/enum", message)));
            limitsProblem(field, locale)
                    .ifPresent(message -> problems.add(new MetaSchemaViolation(path, message)));
            columnProblems(field, path, locale, problems);
            if (field.visibleWhen() != null) {
                conditionProblem(design, field.key(), field.visibleWhen(), locale).ifPresent(message ->
                        problems.add(new MetaSchemaViolation(path + "/x-visibleWhen", message)));
            }
        }
        for (int index = 0; index < design.sections().size(); index++) {
            for (String key : design.sections().get(index).fieldKeys()) {
                if (design.field(key).isEmpty()) {
                    problems.add(new MetaSchemaViolation("/layout/sections/" + index + "/fields",
                            captions.getTranslation("designer.check.unknownField", locale, key)));
                }
            }
        }
        return problems;
    }

    private void columnProblems(FieldDesign table, String path, Locale locale, List<MetaSchemaViolation> problems) {
        for (FieldDesign column : table.columns()) {
            String columnPath = path + "/items/properties/" + column.key();
            columnKeyProblem(table, column.key(), column.key(), locale)
                    .ifPresent(message -> problems.add(new MetaSchemaViolation(columnPath, message)));
            optionsProblem(column, locale)
                    .ifPresent(message -> problems.add(new MetaSchemaViolation(columnPath + "/enum", message)));
            limitsProblem(column, locale)
                    .ifPresent(message -> problems.add(new MetaSchemaViolation(columnPath, message)));
        }
        Integer minRows = table.minRows();
        Integer maxRows = table.maxRows();
        if (minRows != null && maxRows != null && minRows > maxRows) {
            problems.add(new MetaSchemaViolation(path, captions.getTranslation("designer.check.rowsOrder", locale,
                    minRows, maxRows)));
        }
    }
}
