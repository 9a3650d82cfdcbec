package org.tezuo.form.check;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.DocumentCheck;
import org.tezuo.core.rules.ExpressionCompiler;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.form.definition.FormDefinitionProblem;
import org.tezuo.form.definition.FormField;
import org.tezuo.form.definition.InvalidFormDefinitionException;
import org.tezuo.form.definition.JsonPointers;
import org.tezuo.form.validation.FormSchemaDialect;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Rejects a form document that the form engine could not run, at save and at publish. After the form meta-schema
 * (which {@code MetadataStore} checks first) it checks that the data schema is a valid JSON Schema 2020-12 that
 * compiles, that layout, bindings, rules and {@code required} name defined fields and the layout shows each
 * top-level field once, that widgets suit their types, that every expression compiles in the rule language and
 * reads only defined fields and context values, and that computed fields do not read each other in a cycle.
 * Every problem carries the JSON pointer of the offending value, the reason and the fix.
 */
@Component
public class FormDocumentCheck implements DocumentCheck {

    static final String BUNDLE = "org.tezuo.form.definition.messages";
    private static final String METASCHEMA_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private final FormDefinitionParser parser;
    private final FormExpressionChecker expressions;
    private final SchemaRegistry registry = FormSchemaDialect.registry();
    private final Schema metaSchema = registry.getSchema(SchemaLocation.of(METASCHEMA_2020_12));

    public FormDocumentCheck(FormDefinitionParser parser, ExpressionCompiler compiler) {
        this.parser = parser;
        this.expressions = new FormExpressionChecker(compiler);
    }

    @Override
    public boolean appliesTo(MetadataDocument candidate) {
        return candidate.kind() == MetadataKind.FORM;
    }

    @Override
    public List<MetaSchemaViolation> check(MetadataDocument candidate, Locale locale) {
        List<MetaSchemaViolation> violations = new ArrayList<>(checkDataSchema(candidate.body().get("schema"),
                locale));
        if (!violations.isEmpty()) {
            return violations;
        }
        FormDefinition form;
        try {
            form = parser.parse(candidate);
        } catch (InvalidFormDefinitionException e) {
            return render(e.problems(), locale);
        }
        List<FormDefinitionProblem> problems = new ArrayList<>(fieldsMissingFromLayout(form));
        problems.addAll(expressions.check(form));
        return render(problems, locale);
    }

    /** Every top-level field must be in the layout, or users could never fill it in. */
    private static List<FormDefinitionProblem> fieldsMissingFromLayout(FormDefinition form) {
        Set<String> fieldsInLayout = form.sections().stream()
                .flatMap(section -> section.fields().stream())
                .map(FormField::name)
                .collect(Collectors.toSet());
        return form.fields().stream()
                .filter(field -> !fieldsInLayout.contains(field.name()))
                .map(field -> FormDefinitionProblem.at(field.pointer(), "form.layout.missingField", field.name()))
                .toList();
    }

    /**
     * Checks a condition as a form designer types it, without saving anything: that it reads only fields of
     * {@code form} and context values and compiles in the rule language.
     *
     * @param fieldPath dotted path of the field the condition belongs to, for example {@code gasAnalyses.point},
     *     so that a table column's condition may read {@code row}; null for a top-level field or a section
     * @return every problem in {@code locale}, each saying what is wrong and how to fix it; empty when the
     *     condition is usable
     */
    public List<String> checkCondition(String expression, FormDefinition form, @Nullable String fieldPath,
            Locale locale) {
        return expressions.checkCondition(expression, form, fieldPath).stream()
                .map(problem -> problem.message(locale))
                .toList();
    }

    /** Checks a condition of a top-level field or a section; see {@link #checkCondition(String, FormDefinition, String, Locale)}. */
    public List<String> checkCondition(String expression, FormDefinition form, Locale locale) {
        return checkCondition(expression, form, null, locale);
    }

    private List<MetaSchemaViolation> checkDataSchema(JsonNode schema, Locale locale) {
        List<Error> errors = metaSchema.validate(schema, execution -> execution.executionConfig(
                config -> config.locale(locale)));
        List<MetaSchemaViolation> violations = new ArrayList<>();
        for (Error error : errors) {
            String pointer = "/schema" + pointer(error.getInstanceLocation());
            violations.add(new MetaSchemaViolation(pointer, UserMessages.render(BUNDLE, locale,
                    "form.schema.invalid", pointer, error.getMessage())));
        }
        if (violations.isEmpty()) {
            try {
                registry.getSchema(schema).validate(schema);
            } catch (SchemaException | IllegalArgumentException e) {
                violations.add(new MetaSchemaViolation("/schema", UserMessages.render(BUNDLE, locale,
                        "form.schema.uncompilable", String.valueOf(e.getMessage()))));
            }
        }
        return violations;
    }

    private static String pointer(NodePath path) {
        StringBuilder pointer = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            pointer.append('/').append(JsonPointers.escape(String.valueOf(path.getElement(i))));
        }
        return pointer.toString();
    }

    private static List<MetaSchemaViolation> render(List<FormDefinitionProblem> problems, Locale locale) {
        return problems.stream()
                .map(problem -> new MetaSchemaViolation(problem.pointer(), problem.message(locale)))
                .toList();
    }
}
