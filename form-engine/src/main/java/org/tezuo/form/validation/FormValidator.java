package org.tezuo.form.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tezuo.core.rules.CompiledExpression;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormRule;
import org.tezuo.form.evaluation.EvaluationContext;
import org.tezuo.form.evaluation.FormEvaluator;
import org.tezuo.form.evaluation.FormState;
import org.tezuo.form.evaluation.FormVariables;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates form data against the exact form version it belongs to. First {@link FormEvaluator} normalizes the
 * data: computed fields are recomputed (a value sent by the client is replaced, never trusted) and the values of
 * hidden fields are dropped, so a hidden field is never required and never checked. Then the normalized data is
 * checked against the data schema (JSON Schema draft 2020-12, format assertions on), fields made required by an
 * {@code x-requiredWhen} condition must have a value, and the form's cross-field rules run. Every problem is
 * returned at once, worded for the user. Schemas and rules are compiled once per form version, keyed by the
 * document checksum. Thread-safe.
 *
 * <p>Hidden values are dropped rather than rejected because a user who answers a question and then changes an
 * earlier answer that hides it has done nothing wrong; callers store {@link FormValidation#data()} so that the
 * stored record contains exactly what was visible.
 */
@Component
public class FormValidator {

    private static final Logger log = LoggerFactory.getLogger(FormValidator.class);

    private final ExpressionCompiler expressionCompiler;
    private final FormEvaluator evaluator;
    private final Clock clock;
    private final SchemaRegistry schemaRegistry = FormSchemaDialect.registry();
    // NOTE: unbounded, one entry per distinct form body validated since start; published versions are few.
    private final Map<String, CompiledForm> compiledForms = new ConcurrentHashMap<>();

    @Autowired
    public FormValidator(ExpressionCompiler expressionCompiler, FormEvaluator evaluator, Clock clock) {
        this.expressionCompiler = expressionCompiler;
        this.evaluator = evaluator;
        this.clock = clock;
    }

    /** Creates a validator whose evaluator compiles with {@code expressionCompiler}. */
    public FormValidator(ExpressionCompiler expressionCompiler, Clock clock) {
        this(expressionCompiler, new FormEvaluator(expressionCompiler), clock);
    }

    /**
     * Validates {@code data} with {@code form}, the version the record was created under, without a user or org
     * unit in the context; see {@link #validate(FormDefinition, JsonNode, EvaluationContext)}.
     *
     * @param locale language of the messages (Simplified Chinese or English)
     * @param zone the tenant's zone, which fixes {@code now} for rules
     * @return every schema error in field order, then every rule that fired; empty when the data is valid
     * @throws FormRuleException when a rule of the form cannot be compiled or evaluated
     */
    public List<FieldError> validate(FormDefinition form, JsonNode data, Locale locale, ZoneId zone) {
        return validate(form, data, new EvaluationContext(null, null, clock.instant(), zone, locale)).errors();
    }

    /**
     * Normalizes and validates {@code data} with {@code form}, the version the record was created under.
     *
     * @return the normalized data to store and every error: schema and required-when errors in field order, then
     *     every rule that fired
     * @throws FormRuleException when a rule of the form cannot be compiled or evaluated
     * @throws org.tezuo.form.evaluation.InvalidFormExpressionException when a condition or computed expression of
     *     the form does not compile (a document that bypassed {@code FormDocumentCheck})
     */
    public FormValidation validate(FormDefinition form, JsonNode data, EvaluationContext context) {
        CompiledForm compiled = compiledForms.computeIfAbsent(form.checksum(), checksum -> compile(form));
        FormErrorMessages messages = new FormErrorMessages(form, context.locale());
        FormState state = evaluator.evaluate(form, withoutBlankStrings(data), context);
        ObjectNode normalized = state.data();

        List<Error> schemaErrors = compiled.schema().validate(normalized, execution -> execution.executionConfig(
                config -> config.locale(context.locale()).formatAssertionsEnabled(true)));
        List<Located> located = new ArrayList<>();
        Set<String> fieldsWithErrors = new HashSet<>();
        for (Error error : schemaErrors) {
            DataPath location = errorLocation(error);
            if (state.isVisible(location.dotted())) {
                located.add(new Located(location, messages.translate(error)));
                fieldsWithErrors.add(location.topLevelName());
            }
        }
        Set<DataPath> schemaErrorLocations = new HashSet<>(located.stream().map(Located::location).toList());
        for (String path : state.requiredByCondition()) {
            DataPath location = DataPath.ofDotted(path);
            if (isEmpty(location.valueIn(normalized)) && !schemaErrorLocations.contains(location)) {
                located.add(new Located(location, messages.required(location)));
                fieldsWithErrors.add(location.topLevelName());
            }
        }
        located.sort(Comparator.comparing(Located::location, new FieldOrder(form)));
        List<FieldError> errors = new ArrayList<>(located.stream().map(Located::error).toList());

        Map<String, @Nullable Object> variables = evaluator.ruleVariables(form, normalized, context);
        for (CompiledRule rule : compiled.rules()) {
            if (readsFieldWithError(rule.rule(), fieldsWithErrors)) {
                continue;
            }
            if (fires(form, rule, variables)) {
                errors.add(messages.ruleError(rule.rule().path(), rule.rule().message()));
            }
        }
        log.debug("Validated data of {}: {} schema error(s), {} error(s) in total", form.reference(),
                schemaErrors.size(), errors.size());
        return new FormValidation(errors, normalized);
    }

    private CompiledForm compile(FormDefinition form) {
        Schema schema = schemaRegistry.getSchema(form.dataSchema());
        Set<String> variableNames = FormVariables.names(form, false);
        List<CompiledRule> rules = new ArrayList<>();
        for (FormRule rule : form.rules()) {
            try {
                rules.add(new CompiledRule(rule, expressionCompiler.compile(rule.when(), variableNames)));
            } catch (RuntimeException e) {
                throw new FormRuleException(form.reference(), rule.id(), e);
            }
        }
        log.debug("Compiled schema and {} rule(s) of {}", rules.size(), form.reference());
        return new CompiledForm(schema, rules);
    }

    /** Returns the location an error concerns: for a missing or extra property, the property itself. */
    private static DataPath errorLocation(Error error) {
        DataPath location = DataPath.of(error.getInstanceLocation());
        String keyword = error.getKeyword();
        boolean namesProperty = "required".equals(keyword) || "additionalProperties".equals(keyword);
        return namesProperty && error.getProperty() != null ? location.child(error.getProperty()) : location;
    }

    /** Absent, null, blank text and an empty list count as no value. */
    private static boolean isEmpty(JsonNode value) {
        return value.isMissingNode() || value.isNull() || (value.isString() && value.asString().isBlank())
                || (value.isArray() && value.isEmpty()) || (value.isObject() && value.isEmpty());
    }

    private record Located(DataPath location, FieldError error) {
    }

    private static boolean fires(FormDefinition form, CompiledRule rule, Map<String, @Nullable Object> variables) {
        try {
            return rule.expression().test(variables);
        } catch (RuntimeException e) {
            throw new FormRuleException(form.reference(), rule.rule().id(), e);
        }
    }

    /** A rule over a field that already has a schema error would judge a value the user must fix first. */
    private static boolean readsFieldWithError(FormRule rule, Set<String> fieldsWithErrors) {
        return rule.fieldNames().stream().anyMatch(fieldsWithErrors::contains);
    }

    private record CompiledForm(Schema schema, List<CompiledRule> rules) {
    }

    private record CompiledRule(FormRule rule, CompiledExpression expression) {
    }

    /**
     * Returns a copy of {@code data} without string values that are empty or only white space, at any depth, so
     * that a required field cannot be satisfied by blanks. The renderer leaves cleared fields out the same way.
     */
    static JsonNode withoutBlankStrings(JsonNode data) {
        JsonNode copy = data.deepCopy();
        removeBlankStrings(copy);
        return copy;
    }

    private static void removeBlankStrings(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<String> blank = new ArrayList<>();
            object.properties().forEach(entry -> {
                if (entry.getValue().isString() && entry.getValue().asString().isBlank()) {
                    blank.add(entry.getKey());
                } else {
                    removeBlankStrings(entry.getValue());
                }
            });
            blank.forEach(object::remove);
        } else if (node.isArray()) {
            node.forEach(FormValidator::removeBlankStrings);
        }
    }
}
