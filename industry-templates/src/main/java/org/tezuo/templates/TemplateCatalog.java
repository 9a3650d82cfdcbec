package org.tezuo.templates;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the industry templates bundled on the class path and the documents they reference. */
@Component
public class TemplateCatalog {

    private static final String TEMPLATE_ROOT = "/org/tezuo/templates/";
    private static final String PACK_ROOT = "/org/tezuo/packs/";

    private final JsonMapper json;
    private final Map<String, IndustryTemplate> cache = new ConcurrentHashMap<>();

    public TemplateCatalog(JsonMapper json) {
        this.json = json;
    }

    /** Returns the template with this id, parsed once. */
    public IndustryTemplate template(String id) {
        return cache.computeIfAbsent(id, this::parse);
    }

    /** Returns the body of one document of a template, from the template folder or from its policy pack. */
    public JsonNode documentBody(IndustryTemplate template, IndustryTemplate.DocumentEntry entry) {
        String path = entry.pack() != null ? PACK_ROOT + entry.pack() : TEMPLATE_ROOT + template.id() + "/" + entry.resource();
        return read(path);
    }

    /** Returns a resource of a template folder as bytes, such as the demo ledger. */
    public byte[] resource(String templateId, String relativePath) {
        String path = TEMPLATE_ROOT + templateId + "/" + relativePath;
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("Template resource not found: " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private IndustryTemplate parse(String id) {
        JsonNode manifest = read(TEMPLATE_ROOT + id + "/template.json");
        List<IndustryTemplate.DocumentEntry> documents = new ArrayList<>();
        for (JsonNode node : manifest.path("documents")) {
            documents.add(new IndustryTemplate.DocumentEntry(MetadataKind.fromCode(node.path("kind").asString()),
                    node.path("key").asString(), textOrNull(node, "resource"), textOrNull(node, "pack")));
        }
        List<IndustryTemplate.PermitType> permitTypes = new ArrayList<>();
        for (JsonNode node : manifest.path("permitTypes")) {
            permitTypes.add(new IndustryTemplate.PermitType(node.path("type").asString(),
                    node.path("name").path("zh").asString(), node.path("name").path("en").asString(),
                    node.path("numberPrefix").asString(), node.path("form").asString(), node.path("flow").asString(),
                    node.path("ruleset").asString(), node.path("qualificationRuleset").asString()));
        }
        List<IndustryTemplate.OrgUnitSeed> orgUnits = new ArrayList<>();
        for (JsonNode node : manifest.path("orgUnits")) {
            orgUnits.add(new IndustryTemplate.OrgUnitSeed(node.path("code").asString(), node.path("name").asString(),
                    node.path("kind").asString(), textOrNull(node, "parent")));
        }
        List<IndustryTemplate.PostSeed> posts = new ArrayList<>();
        for (JsonNode node : manifest.path("posts")) {
            List<String> items = new ArrayList<>();
            node.path("requiredItems").forEach(item -> items.add(item.asString()));
            posts.add(new IndustryTemplate.PostSeed(node.path("code").asString(), node.path("name").asString(),
                    items, node.path("source").asString()));
        }
        return new IndustryTemplate(id, manifest.path("name").path("zh").asString(),
                manifest.path("name").path("en").asString(), List.copyOf(documents), List.copyOf(permitTypes),
                List.copyOf(orgUnits), List.copyOf(posts));
    }

    private JsonNode read(String path) {
        try (InputStream in = TemplateCatalog.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("Template resource not found: " + path);
            }
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String textOrNull(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
