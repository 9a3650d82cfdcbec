package org.tezuo.form.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.InvalidMetadataException;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Parses form documents into {@link FormDefinition}s. A body must satisfy the form meta-schema; beyond that the
 * parser checks that the layout, bindings, rules and {@code required} lists name properties that exist, that the
 * layout names each field at most once and that each widget suits its field's type. It does not compile
 * expressions: {@code FormDocumentCheck} does that before a document is stored. Thread-safe.
 */
@Component
public class FormDefinitionParser {

    private final MetaSchemaValidator metaSchemaValidator = new MetaSchemaValidator();
    private final FieldParser fieldParser = new FieldParser();

    /**
     * Parses one stored version of a form document.
     *
     * @throws IllegalArgumentException when the document is not a form
     * @throws InvalidMetadataException when the body breaks the form meta-schema
     * @throws InvalidFormDefinitionException listing every problem the meta-schema cannot express
     */
    public FormDefinition parse(MetadataDocument document) {
        if (document.kind() != MetadataKind.FORM) {
            throw new IllegalArgumentException("Expected a form document, got " + document.reference());
        }
        return parse(document.key(), document.version(), document.checksum(), document.body());
    }

    /** Parses a form body that is not stored yet, for example a template file; see {@link #parse(MetadataDocument)}. */
    public FormDefinition parse(String key, int version, JsonNode body) {
        return parse(key, version, DocumentChecksum.of(body), body);
    }

    private FormDefinition parse(String key, int version, String checksum, JsonNode body) {
        String reference = MetadataKind.FORM.code() + ":" + key + "@" + version;
        List<MetaSchemaViolation> violations =
                metaSchemaValidator.validate(MetadataKind.FORM, body, UserMessages.DEFAULT_LOCALE);
        if (!violations.isEmpty()) {
            throw new InvalidMetadataException(reference, violations);
        }

        List<FormDefinitionProblem> problems = new ArrayList<>();
        JsonNode schema = body.get("schema");
        List<FormField> fields = fieldParser.parseProperties(schema, "", "/schema", false, problems);
        FormDefinition draft = new FormDefinition(key, version, checksum, Labels.parse(body.get("title")),
                body.path("permitType").stringValue(null), fields, List.of(), bindings(body), List.of(), schema,
                List.of(), Map.of());
        LayoutParser layout = new LayoutParser(draft, problems);
        List<FormTab> tabs = layout.parse(body.get("layout"));
        List<FormRule> rules = rules(body.path("rules"), draft, problems);
        checkBindings(draft, problems);
        if (!problems.isEmpty()) {
            throw new InvalidFormDefinitionException(reference, problems);
        }
        return new FormDefinition(key, version, checksum, draft.title(), draft.permitType(), fields,
                layout.sections(), draft.bindings(), rules, schema, tabs, constants(body.path("constants")));
    }

    /** Reads the {@code constants} section; the meta-schema has checked its shape. */
    private static Map<String, FormConstant> constants(JsonNode section) {
        Map<String, FormConstant> constants = new LinkedHashMap<>();
        section.forEachEntry((key, node) -> constants.put(key, new FormConstant(key, constantValue(node.get("value")),
                node.path("unit").asString(""), node.has("label") ? Labels.parse(node.get("label")) : null,
                node.path("source").asString(), node.path("unconfirmed").asBoolean(false))));
        return constants;
    }

    private static Object constantValue(JsonNode value) {
        if (value.isArray()) {
            List<Object> items = new ArrayList<>();
            value.forEach(item -> items.add(constantValue(item)));
            return List.copyOf(items);
        }
        if (value.isNumber()) {
            return value.decimalValue().stripTrailingZeros();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.asString();
    }

    private static Map<String, String> bindings(JsonNode body) {
        Map<String, String> bindings = new LinkedHashMap<>();
        body.path("bindings").forEachEntry((role, path) -> bindings.put(role, path.asString()));
        return bindings;
    }

    private static List<FormRule> rules(JsonNode rulesNode, FormDefinition form,
            List<FormDefinitionProblem> problems) {
        List<FormRule> rules = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (int index = 0; index < rulesNode.size(); index++) {
            JsonNode ruleNode = rulesNode.get(index);
            String pointer = "/rules/" + index;
            String id = ruleNode.get("id").asString();
            if (!ids.add(id)) {
                problems.add(FormDefinitionProblem.at(pointer + "/id", "form.rule.duplicateId", id));
            }
            @Nullable String path = ruleNode.path("path").stringValue(null);
            if (path != null && form.fieldAt(path).isEmpty()) {
                problems.add(FormDefinitionProblem.at(pointer + "/path", "form.rule.unknownPath", id, path));
            }
            String when = ruleNode.get("when").asString();
            rules.add(new FormRule(id, when, Labels.parse(ruleNode.get("message")), path,
                    RuleIdentifiers.fieldNames(when, form.fields())));
        }
        return rules;
    }

    private static void checkBindings(FormDefinition form, List<FormDefinitionProblem> problems) {
        form.bindings().forEach((role, path) -> {
            if (form.fieldAt(path).isEmpty()) {
                problems.add(FormDefinitionProblem.at("/bindings/" + JsonPointers.escape(role),
                        "form.binding.unknownPath", role, path));
            }
        });
    }
}
