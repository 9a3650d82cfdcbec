package org.tezuo.form.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import java.time.Clock;
import java.time.OffsetDateTime;
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
import org.springframework.stereotype.Component;
import org.tezuo.core.rules.CompiledExpression;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.FormRule;
import tools.jackson.databind.JsonNode;

/**
 * Validates form data against the exact form version it belongs to: the data schema (JSON Schema draft 2020-12,
 * format assertions on) and then the form's cross-field rules. Every problem is returned at once, worded for the
 * user. Schemas and rules are compiled once per form version, keyed by the document checksum. Thread-safe.
 */
@Component
public class FormValidator {

    private static final Logger log = LoggerFactory.getLogger(FormValidator.class);

    private final ExpressionCompiler expressionCompiler;
    private final Clock clock;
    private final SchemaRegistry schemaRegistry = SchemaRegistry.withDefaultDialect(FormSchemaDialect.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    // NOTE: unbounded, one entry per distinct form body validated since start; published versions are few.
    private final Map<String, CompiledForm> compiledForms = new ConcurrentHashMap<>();

    public FormValidator(ExpressionCompiler expressionCompiler, Clock clock) {
        this.expressionCompiler = expressionCompiler;
        this.clock = clock;
    }

    /**
     * Validates {@code data} with {@code form}, the version the record was created under.
     *
     * @param locale language of the messages (Simplified Chinese or English)
     * @param zone the tenant's zone, which fixes {@code now} for rules
     * @return every schema error in field order, then every rule that fired; empty when the data is valid
     * @throws FormRuleException when a rule of the form cannot be compiled or evaluated
     */
    public List<FieldError> validate(FormDefinition form, JsonNode data, Locale locale, ZoneId zone) {
        CompiledForm compiled = compiledForms.computeIfAbsent(form.checksum(), checksum -> compile(form));
        FormErrorMessages messages = new FormErrorMessages(form, locale);

        List<Error> schemaErrors = compiled.schema().validate(data, context -> context.executionConfig(
                config -> config.locale(locale).formatAssertionsEnabled(true)));
        List<FieldError> errors = new ArrayList<>();
        Set<String> fieldsWithErrors = new HashSet<>();
        schemaErrors.stream()
                .sorted(Comparator.comparingInt(error -> fieldOrder(form, DataPath.of(error.getInstanceLocation()),
                        error.getProperty())))
                .forEach(error -> {
                    errors.add(messages.translate(error));
                    fieldsWithErrors.add(topLevelName(error));
                });

        OffsetDateTime now = OffsetDateTime.now(clock.withZone(zone));
        Map<String, @Nullable Object> variables = RuleVariables.of(form, data, now);
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
        return List.copyOf(errors);
    }

    private CompiledForm compile(FormDefinition form) {
        Schema schema = schemaRegistry.getSchema(form.dataSchema());
        Set<String> variableNames = new HashSet<>();
        form.fields().forEach(field -> variableNames.add(field.name()));
        variableNames.add(RuleVariables.NOW);
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

    private static String topLevelName(Error error) {
        DataPath location = DataPath.of(error.getInstanceLocation());
        return location.segments().isEmpty() && error.getProperty() != null
                ? error.getProperty()
                : location.topLevelName();
    }

    /** Orders errors by the position of their top-level field in the schema; unknown properties go last. */
    private static int fieldOrder(FormDefinition form, DataPath location, @Nullable String property) {
        String name = location.segments().isEmpty() && property != null ? property : location.topLevelName();
        List<FormField> fields = form.fields();
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).name().equals(name)) {
                return i;
            }
        }
        return fields.size();
    }

    private record CompiledForm(Schema schema, List<CompiledRule> rules) {
    }

    private record CompiledRule(FormRule rule, CompiledExpression expression) {
    }
}
