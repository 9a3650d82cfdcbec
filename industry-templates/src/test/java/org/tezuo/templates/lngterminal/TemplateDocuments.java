package org.tezuo.templates.lngterminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.Ruleset;
import org.tezuo.core.rules.RulesetCompiler;
import org.tezuo.form.check.FormDocumentCheck;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.packs.PolicyPackCatalog;
import org.tezuo.workflow.condition.ConditionFacts;
import org.tezuo.workflow.condition.FlowConditionEvaluator;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.BranchNode;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the LNG terminal template's documents and runs the checks a publish would run on them. */
final class TemplateDocuments {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String FOLDER = "/org/tezuo/templates/lng-terminal/";

    private TemplateDocuments() {
    }

    /** Reads a document of the template, for example {@code form/lifting-permit.json}. */
    static JsonNode read(String relativePath) {
        String resource = FOLDER + relativePath;
        try (InputStream in = TemplateDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Resource is missing: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Returns every problem the form meta-schema and the form document check find, in Chinese. */
    static List<MetaSchemaViolation> formProblems(String key, JsonNode body) {
        List<MetaSchemaViolation> problems = new ArrayList<>(new MetaSchemaValidator().validate(MetadataKind.FORM,
                body, Locale.SIMPLIFIED_CHINESE));
        MetadataDocument document = new MetadataDocument(1L, MetadataKind.FORM, key, 1, DocumentStatus.DRAFT, body,
                "checksum", "test", Instant.EPOCH);
        problems.addAll(new FormDocumentCheck(new FormDefinitionParser(), new MvelExpressionCompiler())
                .check(document, Locale.SIMPLIFIED_CHINESE));
        return problems;
    }

    /** Returns every problem the save-time document check finds in a form document. */
    static List<MetaSchemaViolation> formCheck(String key, JsonNode body) {
        MetadataDocument document = new MetadataDocument(1, MetadataKind.FORM, key, 1, DocumentStatus.DRAFT, body,
                DocumentChecksum.of(body), "test", Instant.EPOCH);
        return new FormDocumentCheck(new FormDefinitionParser(), new MvelExpressionCompiler())
                .check(document, Locale.SIMPLIFIED_CHINESE);
    }

    /** Returns a bundled ruleset of the policy packs, parsed and compiled. */
    static Ruleset packRuleset(String id) {
        return new RulesetCompiler(new MvelExpressionCompiler())
                .loadResource(PolicyPackCatalog.ruleset(id).orElseThrow().resourcePath()).ruleset();
    }

    /**
     * Returns the Chinese names of the approver nodes that run for {@code formData}, in order, taking at each branch
     * node the branch its conditions select.
     */
    static List<String> approversFor(FlowDefinition flow, JsonNode formData) {
        List<String> names = new ArrayList<>();
        collect(flow.nodes(), ConditionFacts.of(formData), names);
        return names;
    }

    private static void collect(List<FlowNode> nodes, ConditionFacts facts, List<String> names) {
        for (FlowNode node : nodes) {
            switch (node) {
                case ApproverNode approver -> names.add(approver.name().zh());
                case BranchNode branch -> collect(new FlowConditionEvaluator().select(branch, facts).nodes(), facts,
                        names);
                default -> {
                }
            }
        }
    }
}
