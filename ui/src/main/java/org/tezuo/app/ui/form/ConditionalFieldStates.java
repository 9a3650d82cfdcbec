package org.tezuo.app.ui.form;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.FormSection;
import org.tezuo.form.evaluation.EvaluationContext;
import org.tezuo.form.evaluation.FormEvaluator;
import org.tezuo.form.evaluation.FormState;
import tools.jackson.databind.JsonNode;

/**
 * Field states from the form's {@code x-visibleWhen} and {@code x-requiredWhen} conditions, evaluated by the same
 * {@link FormEvaluator} the server validator uses, so a field the user sees hidden is one the server ignores.
 * Unbound it shows every field as declared; {@link #forForm} binds it to the form being rendered.
 */
final class ConditionalFieldStates implements FieldStates {

    private final FormEvaluator evaluator;
    private final @Nullable String username;
    private final @Nullable String orgUnitCode;
    private final ZoneId zone;
    private final Locale locale;
    private final Clock clock;

    ConditionalFieldStates(FormEvaluator evaluator, @Nullable String username, @Nullable String orgUnitCode,
            ZoneId zone, Locale locale, Clock clock) {
        this.evaluator = evaluator;
        this.username = username;
        this.orgUnitCode = orgUnitCode;
        this.zone = zone;
        this.locale = locale;
        this.clock = clock;
    }

    @Override
    public FieldStates forForm(FormDefinition form) {
        return new Bound(form);
    }

    /**
     * States of one form. The last evaluation is cached because the renderer queries every input with the same
     * data.
     */
    private final class Bound implements FieldStates {

        private final FormDefinition form;
        private @Nullable JsonNode evaluatedData;
        private @Nullable FormState state;

        private Bound(FormDefinition form) {
            this.form = form;
        }

        @Override
        public boolean visible(FormField field, String jsonPath, JsonNode data) {
            return stateFor(data).isVisible(dottedPath(jsonPath));
        }

        @Override
        public boolean required(FormField field, String jsonPath, JsonNode data) {
            String path = dottedPath(jsonPath);
            FormState current = stateFor(data);
            return current.isRequired(path) || field.required() && current.isVisible(path);
        }

        @Override
        public boolean sectionVisible(FormSection section, JsonNode data) {
            return stateFor(data).isSectionVisible(section.id());
        }

        @Override
        public Optional<JsonNode> computedValue(FormField field, String jsonPath, JsonNode data) {
            return Optional.ofNullable(stateFor(data).computedValues().get(dottedPath(jsonPath)));
        }

        private FormState stateFor(JsonNode data) {
            if (state == null || !Objects.equals(evaluatedData, data)) {
                EvaluationContext context = EvaluationContext.of(username, orgUnitCode, zone, locale, clock);
                state = evaluator.evaluate(form, data, context);
                evaluatedData = data.deepCopy();
            }
            return state;
        }
    }

    /** Turns {@code $.gasAnalyses[1].time} into the evaluator's {@code gasAnalyses.1.time}. */
    static String dottedPath(String jsonPath) {
        String withoutRoot = jsonPath.startsWith("$.") ? jsonPath.substring(2) : jsonPath.replaceFirst("^\\$", "");
        return withoutRoot.replaceAll("\\[(\\d+)]", ".$1");
    }
}
