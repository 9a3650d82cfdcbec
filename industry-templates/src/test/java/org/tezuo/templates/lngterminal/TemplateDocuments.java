package org.tezuo.templates.lngterminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.tezuo.core.rules.MvelExpressionCompiler;
import org.tezuo.core.rules.Ruleset;
import org.tezuo.core.rules.RulesetCompiler;
import org.tezuo.form.check.FormDocumentCheck;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.packs.PolicyPackCatalog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the LNG template's documents and the bundled rulesets the way the installer publishes them. */
final class TemplateDocuments {

    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String TEMPLATE = "/org/tezuo/templates/lng-terminal/";

    private TemplateDocuments() {
    }

    /** Returns a template document, for example {@code form/excavation-permit.json}. */
    static JsonNode read(String path) {
        String resource = TEMPLATE + path;
        try (InputStream in = TemplateDocuments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("Resource is missing: " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
}
