package org.tezuo.form.evaluation;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.rules.CompiledExpression;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.form.definition.FieldConditions;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.FormSection;
import org.tezuo.form.evaluation.FieldLocations.Location;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Evaluates a form's {@code x-visibleWhen}, {@code x-requiredWhen} and {@code x-computed} expressions over one set
 * of data. The server validator and the Vaadin renderer both call it, so what a user sees hidden or required is
 * what the server enforces.
 *
 * <p>Steps, repeated until the hidden fields no longer change (a condition may read a field that another
 * condition hides): compute every computed field in dependency order, then decide section and field visibility
 * in layout order and drop the values of hidden fields. An expression that fails on the data (for example
 * arithmetic on a missing value) counts as: visible, not required, no computed value. An expression that does not
 * compile is a fault of the document and raises {@link InvalidFormExpressionException}.
 *
 * <p>Compiled expressions are cached per form checksum. Thread-safe.
 */
@Component
public class FormEvaluator {

    private static final Logger log = LoggerFactory.getLogger(FormEvaluator.class);

    private final ExpressionCompiler compiler;
    // NOTE: unbounded, one entry per distinct form body evaluated since start; published versions are few.
    private final Map<String, CompiledForm> compiledForms = new ConcurrentHashMap<>();

    public FormEvaluator(ExpressionCompiler compiler) {
        this.compiler = compiler;
    }

    /** Evaluates {@code form} over {@code data}; {@code data} itself is not changed. */
    public FormState evaluate(FormDefinition form, JsonNode data, EvaluationContext context) {
        CompiledForm compiled = compiledForms.computeIfAbsent(form.checksum(), checksum -> compile(form));
        ObjectNode working = data instanceof ObjectNode object ? object.deepCopy()
                : JsonNodeFactory.instance.objectNode();
        Pass pass = new Pass(form, compiled, context, working);
        Set<String> hidden = Set.of();
        // NOTE: a value dropped in one round stays dropped even if a later round shows its field again, which
        // happens only when a computed value that a condition reads depends on a field hidden in an earlier round.
        int limit = form.allFields().size() + 1;
        for (int round = 0; round < limit; round++) {
            pass.compute();
            pass.decideVisibility();
            if (pass.hiddenPaths.equals(hidden)) {
                break;
            }
            hidden = Set.copyOf(pass.hiddenPaths);
        }
        return new FormState(working, pass.hiddenPaths, pass.requiredPaths, pass.requiredByCondition,
                pass.hiddenSections, pass.computedValues);
    }

    /** Returns the variables a cross-field rule of the form reads over {@code data}. */
    public Map<String, @Nullable Object> ruleVariables(FormDefinition form, JsonNode data, EvaluationContext context) {
        return FormVariables.of(form, data, context);
    }

    private CompiledForm compile(FormDefinition form) {
        ComputedOrder.Result order = ComputedOrder.of(form);
        if (order.hasCycle()) {
            throw new InvalidFormExpressionException(form.reference(), order.cycle().getFirst(),
                    String.join(" → ", order.cycle()), null);
        }
        Map<String, CompiledExpression> expressions = new HashMap<>();
        for (FormSection section : form.sections()) {
            compileConditions(form, "section:" + section.id(), section.conditions(), FormVariables.names(form, false),
                    expressions);
        }
        for (FormField field : form.allFields()) {
            compileConditions(form, field.path(), field.conditions(), FormVariables.names(form, field.inRow()),
                    expressions);
        }
        log.debug("Compiled {} condition(s) and computed field(s) of {}", expressions.size(), form.reference());
        return new CompiledForm(order.order(), expressions);
    }

    private void compileConditions(FormDefinition form, String owner, FieldConditions conditions,
            Set<String> variables, Map<String, CompiledExpression> expressions) {
        Map<String, @Nullable String> sources = new LinkedHashMap<>();
        sources.put(Kind.VISIBLE.key(owner), conditions.visibleWhen());
        sources.put(Kind.REQUIRED.key(owner), conditions.requiredWhen());
        sources.put(Kind.COMPUTED.key(owner), conditions.computed());
        sources.forEach((key, source) -> {
            if (source != null) {
                try {
                    expressions.put(key, compiler.compile(source, variables));
                } catch (RuntimeException e) {
                    throw new InvalidFormExpressionException(form.reference(), owner, source, e);
                }
            }
        });
    }

    enum Kind {
        VISIBLE, REQUIRED, COMPUTED;

        String key(String owner) {
            return name() + ":" + owner;
        }
    }

    private record CompiledForm(List<FormField> computedOrder, Map<String, CompiledExpression> expressions) {

        Optional<CompiledExpression> expression(Kind kind, String owner) {
            return Optional.ofNullable(expressions.get(kind.key(owner)));
        }
    }

    /** The mutable state of one evaluation. */
    private static final class Pass {

        private final FormDefinition form;
        private final CompiledForm compiled;
        private final EvaluationContext context;
        private final ObjectNode data;
        private final Set<String> hiddenPaths = new HashSet<>();
        private final Set<String> requiredPaths = new HashSet<>();
        private final Set<String> requiredByCondition = new HashSet<>();
        private final Set<String> hiddenSections = new HashSet<>();
        private final Map<String, JsonNode> computedValues = new HashMap<>();
        private @Nullable Map<String, @Nullable Object> topLevelVariables;

        Pass(FormDefinition form, CompiledForm compiled, EvaluationContext context, ObjectNode data) {
            this.form = form;
            this.compiled = compiled;
            this.context = context;
            this.data = data;
        }

        void compute() {
            computedValues.clear();
            for (FormField field : compiled.computedOrder()) {
                CompiledExpression expression = compiled.expression(Kind.COMPUTED, field.path()).orElseThrow();
                for (Location location : FieldLocations.of(form, field, data, true)) {
                    Object result = evaluate(expression, field, location);
                    JsonNode value = ComputedValues.toJson(result, field);
                    topLevelVariables = null;
                    if (value == null) {
                        location.container().remove(location.name());
                    } else {
                        location.container().set(location.name(), value);
                        computedValues.put(location.path(), value);
                    }
                }
            }
        }

        void decideVisibility() {
            hiddenPaths.clear();
            requiredPaths.clear();
            requiredByCondition.clear();
            hiddenSections.clear();
            for (FormSection section : form.sections()) {
                String owner = "section:" + section.id();
                boolean visible = test(Kind.VISIBLE, owner, null, null, true);
                boolean required = visible && test(Kind.REQUIRED, owner, null, null, false);
                if (!visible) {
                    hiddenSections.add(section.id());
                }
                for (FormField field : section.fields()) {
                    decide(field, visible, required);
                }
            }
            computedValues.keySet().removeIf(path -> !isVisible(path));
        }

        /** Decides one field at every place it has, then its children; drops the values of hidden places. */
        private void decide(FormField field, boolean sectionVisible, boolean sectionRequired) {
            for (Location location : FieldLocations.of(form, field, data, false)) {
                boolean parentVisible = sectionVisible && isVisible(parentPath(location.path()));
                boolean visible = parentVisible && test(Kind.VISIBLE, field.path(), field, location, true);
                if (!visible) {
                    hiddenPaths.add(location.path());
                    location.container().remove(location.name());
                    topLevelVariables = null;
                    continue;
                }
                boolean byCondition = test(Kind.REQUIRED, field.path(), field, location, false)
                        || (sectionRequired && !field.path().contains("."));
                if (field.required() || byCondition) {
                    requiredPaths.add(location.path());
                }
                if (byCondition && !field.required()) {
                    requiredByCondition.add(location.path());
                }
            }
            for (FormField child : field.children()) {
                decide(child, sectionVisible, false);
            }
        }

        private boolean isVisible(String path) {
            for (String prefix = path; !prefix.isEmpty(); prefix = parentPath(prefix)) {
                if (hiddenPaths.contains(prefix)) {
                    return false;
                }
            }
            return true;
        }

        private static String parentPath(String path) {
            int dot = path.lastIndexOf('.');
            return dot < 0 ? "" : path.substring(0, dot);
        }

        private boolean test(Kind kind, String owner, @Nullable FormField field, @Nullable Location location,
                boolean absent) {
            Optional<CompiledExpression> expression = compiled.expression(kind, owner);
            if (expression.isEmpty()) {
                return absent;
            }
            Object result = evaluate(expression.get(), field, location);
            return result instanceof Boolean value ? value : absent;
        }

        private @Nullable Object evaluate(CompiledExpression expression, @Nullable FormField field,
                @Nullable Location location) {
            if (topLevelVariables == null) {
                topLevelVariables = FormVariables.of(form, data, context);
            }
            Map<String, @Nullable Object> variables = new HashMap<>(topLevelVariables);
            if (field != null && field.inRow() && location != null && location.row() != null) {
                ExpressionReferences.enclosingTable(form, field)
                        .ifPresent(table -> variables.put(FormVariables.ROW,
                                FormVariables.row(table, location.row(), context.zone())));
            }
            try {
                return expression.evaluate(variables);
            } catch (RuntimeException e) {
                log.debug("Expression '{}' of {} failed on the data and counts as unset: {}", expression.source(),
                        form.reference(), e.getMessage());
                return null;
            }
        }
    }
}
