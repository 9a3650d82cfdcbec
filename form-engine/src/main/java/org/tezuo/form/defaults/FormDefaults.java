package org.tezuo.form.defaults;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.form.definition.FieldType;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.evaluation.ComputedValues;
import org.tezuo.form.evaluation.EvaluationContext;
import org.tezuo.form.evaluation.FormEvaluator;
import org.tezuo.form.evaluation.FormVariables;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the initial data of a new record. A property marked {@code x-default} takes its value from the context:
 * {@code currentUser} the user name, {@code currentOrgUnit} the user's org unit code, {@code now} the current time
 * in the tenant zone with its offset (whole seconds), {@code today} the tenant's date; any other text is a
 * rule-language expression over those four names, for example {@code 'LNG-' + currentOrgUnit}. Otherwise a
 * property takes its JSON Schema {@code default}, and a nested object is filled the same way. Properties with
 * neither stay absent. Computed fields are then computed and hidden fields dropped, as {@link FormEvaluator} does.
 */
@Component
public class FormDefaults {

    private final Clock clock;
    private final ExpressionCompiler compiler;
    private final FormEvaluator evaluator;

    @Autowired
    public FormDefaults(Clock clock, ExpressionCompiler compiler, FormEvaluator evaluator) {
        this.clock = clock;
        this.compiler = compiler;
        this.evaluator = evaluator;
    }

    /** Creates defaults that compile expressions with the platform's rule language. */
    public FormDefaults(Clock clock) {
        this(clock, new MvelExpressionCompiler(), new FormEvaluator(new MvelExpressionCompiler()));
    }

    /** Returns new, mutable initial data for a record of {@code form}. */
    public ObjectNode initialData(FormDefinition form, InitialDataContext context) {
        return initialData(form, new EvaluationContext(context.currentUser(), context.currentOrgUnit(),
                clock.instant(), context.zone(), UserMessages.DEFAULT_LOCALE));
    }

    /** Returns new, mutable initial data for a record of {@code form}, with the context's user, org unit and time. */
    public ObjectNode initialData(FormDefinition form, EvaluationContext context) {
        ObjectNode data = fill(form.dataSchema(), context);
        return evaluator.evaluate(form, data, context).data();
    }

    /**
     * Returns the initial values of one new row of the table at {@code tablePath} (dotted, for example
     * {@code gasAnalyses}), for a renderer's add-row button.
     */
    public ObjectNode newRow(FormDefinition form, String tablePath, EvaluationContext context) {
        JsonNode schema = form.dataSchema();
        for (String name : tablePath.split("\\.")) {
            schema = schema.path("properties").path(name);
            if ("array".equals(schema.path("type").stringValue(null))) {
                schema = schema.path("items");
            }
        }
        return fill(schema, context);
    }

    private ObjectNode fill(JsonNode objectSchema, EvaluationContext context) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        objectSchema.path("properties").forEachEntry((name, property) -> {
            JsonNode value = initialValue(property, context);
            if (value != null) {
                data.set(name, value);
            }
        });
        return data;
    }

    private @Nullable JsonNode initialValue(JsonNode property, EvaluationContext context) {
        String source = property.path("x-default").stringValue(null);
        if (source != null) {
            return contextValue(property, source, context);
        }
        if (property.has("default")) {
            return property.get("default").deepCopy();
        }
        if ("object".equals(property.path("type").stringValue(null))) {
            ObjectNode nested = fill(property, context);
            return nested.isEmpty() ? null : nested;
        }
        return null;
    }

    private @Nullable JsonNode contextValue(JsonNode property, String source, EvaluationContext context) {
        Map<String, @Nullable Object> variables = FormVariables.context(context);
        Object value = variables.containsKey(source) ? variables.get(source)
                : compiler.compile(source, FormVariables.contextNames()).evaluate(variables);
        return ComputedValues.toJson(value, type(property));
    }

    private static FieldType type(JsonNode property) {
        return FieldType.valueOf(property.path("type").asString("string").toUpperCase(Locale.ROOT));
    }
}
