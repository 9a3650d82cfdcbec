package org.tezuo.app.ui.designer;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.core.rules.InvalidExpressionException;
import org.tezuo.form.check.FormDocumentCheck;
import org.tezuo.form.definition.FieldWidget;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.definition.InvalidFormDefinitionException;
import org.tezuo.metadata.InvalidMetadataException;
import org.tezuo.metadata.MetaSchemaViolation;

/**
 * Checks what the form meta-schema cannot: field and column keys that rule expressions can read, conditions and
 * formulas as the form engine's {@link FormDocumentCheck} checks them, usable select options, and limits and row
 * counts in order. The property panel runs the single checks as the administrator types. {@link #problems} runs
 * them all before a save. Messages come from the ui and form-engine bundles in the requested locale.
 */
public final class DesignChecker {

    /** Field keys: a lower-case letter, then letters, digits or underscores, 64 characters at most. */
    public static final Pattern KEY_PATTERN = Pattern.compile("[a-z][A-Za-z0-9_]{0,63}");

    private static final Pattern QUOTED = Pattern.compile("'[^']*'|\"[^\"]*\"");

    private final ExpressionCompiler compiler;
    private final FormDefinitionParser parser;
    private final FormDocumentCheck formCheck;
    private final I18NProvider captions;

    public DesignChecker(ExpressionCompiler compiler, FormDefinitionParser parser, FormDocumentCheck formCheck,
            I18NProvider captions) {
        this.compiler = compiler;
        this.parser = parser;
        this.formCheck = formCheck;
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
     * Returns why {@code condition} cannot be a condition or formula of the field {@code fieldPath} (a top-level
     * key, or {@code table.column} for a table column, which may read {@code row}), or empty. The form engine's
     * check runs on the form parsed from the current design. While the design does not parse, the condition is
     * compiled against the other top-level fields whose key is valid.
     */
    public Optional<String> conditionProblem(FormDesign design, String fieldPath, String condition, Locale locale) {
        if (condition.isBlank()) {
            return Optional.empty();
        }
        Optional<FormDefinition> form = parse(design);
        if (form.isPresent()) {
            String owner = form.get().fieldAt(fieldPath).isPresent() ? fieldPath : null;
            // NOTE: the form engine names every problem as one of a visibility condition, also for x-requiredWhen
            // and x-computed, because its designer check takes no keyword.
            List<String> messages = formCheck.checkCondition(condition, form.get(), owner, locale);
            if (!messages.isEmpty()) {
                return Optional.of(String.join("\n", messages));
            }
            return readsItself(condition, fieldPath)
                    ? Optional.of(captions.getTranslation("designer.check.conditionSelf", locale, fieldPath))
                    : Optional.empty();
        }
        return compiledConditionProblem(design, fieldPath, condition, locale);
    }

    /**
     * Returns whether a top-level field's condition reads the field itself, which the form engine allows but
     * which hides or requires a field by its own value. Quoted text is skipped, and so is {@code x.key}.
     */
    private static boolean readsItself(String condition, String fieldPath) {
        if (fieldPath.contains(".")) {
            return false;
        }
        String unquoted = QUOTED.matcher(condition).replaceAll("''");
        return Pattern.compile("(?<![\\w.])" + Pattern.quote(fieldPath) + "(?!\\w)").matcher(unquoted).find();
    }

    private Optional<FormDefinition> parse(FormDesign design) {
        try {
            return Optional.of(parser.parse("designed", 0, FormDesignJson.write(design)));
        } catch (InvalidFormDefinitionException | InvalidMetadataException e) {
            return Optional.empty();
        }
    }

    private Optional<String> compiledConditionProblem(FormDesign design, String fieldKey, String condition,
            Locale locale) {
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
            columnProblems(design, field, path, locale, problems);
            conditionProblems(design, field, field.key(), path, locale, problems);
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

    private void conditionProblems(FormDesign design, FieldDesign field, String fieldPath, String path,
            Locale locale, List<MetaSchemaViolation> problems) {
        Map<String, String> conditions = new LinkedHashMap<>();
        conditions.put("x-visibleWhen", field.visibleWhen());
        conditions.put("x-requiredWhen", field.requiredWhen());
        conditions.put("x-computed", field.computed());
        conditions.forEach((keyword, condition) -> {
            if (condition != null) {
                conditionProblem(design, fieldPath, condition, locale).ifPresent(message ->
                        problems.add(new MetaSchemaViolation(path + "/" + keyword, message)));
            }
        });
    }

    private void columnProblems(FormDesign design, FieldDesign table, String path, Locale locale, List<MetaSchemaViolation> problems) {
        for (FieldDesign column : table.columns()) {
            String columnPath = path + "/items/properties/" + column.key();
            columnKeyProblem(table, column.key(), column.key(), locale)
                    .ifPresent(message -> problems.add(new MetaSchemaViolation(columnPath, message)));
            optionsProblem(column, locale)
                    .ifPresent(message -> problems.add(new MetaSchemaViolation(columnPath + "/enum", message)));
            limitsProblem(column, locale)
                    .ifPresent(message -> problems.add(new MetaSchemaViolation(columnPath, message)));
            conditionProblems(design, column, table.key() + "." + column.key(), columnPath, locale, problems);
        }
        Integer minRows = table.minRows();
        Integer maxRows = table.maxRows();
        if (minRows != null && maxRows != null && minRows > maxRows) {
            problems.add(new MetaSchemaViolation(path, captions.getTranslation("designer.check.rowsOrder", locale,
                    minRows, maxRows)));
        }
    }
}
