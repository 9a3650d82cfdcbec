package org.tezuo.app.permit.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import org.tezuo.app.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence each control measure of a permit form declares, read once from the industry templates'
 * {@code evidence/<form key>.json} documents. A document names the form, the table binding of its measures and,
 * per measure row (1-based), the start of the measure's text and {@code evidence: {kind, role?}}. The declarations
 * sit beside the form rather than in it, so the form's JSON Schema stays as it is.
 */
@Component
public class EvidenceRequirements {

    private static final String PATTERN = "classpath*:org/tezuo/templates/*/evidence/*.json";

    /** The evidence one measure row needs. {@code role} is the role a tick needs, or null. */
    public record MeasureEvidence(int measure, String itemStartsWith, EvidenceKind kind, @Nullable Role role) {
    }

    private final Map<String, List<MeasureEvidence>> byForm;

    EvidenceRequirements(JsonMapper json) {
        this.byForm = load(json);
    }

    /** Returns the declarations of a form, in measure order; empty for a form that declares none. */
    public List<MeasureEvidence> of(String formKey) {
        return byForm.getOrDefault(formKey, List.of());
    }

    /** Returns the declaration of one measure row of a form. */
    public Optional<MeasureEvidence> of(String formKey, int measure) {
        return of(formKey).stream().filter(declared -> declared.measure() == measure).findFirst();
    }

    private static Map<String, List<MeasureEvidence>> load(JsonMapper json) {
        Map<String, List<MeasureEvidence>> declarations = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode document = json.readTree(in);
                    declarations.put(document.path("form").asString(), parse(resource, document));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the evidence declarations " + PATTERN, e);
        }
        return Map.copyOf(declarations);
    }

    private static List<MeasureEvidence> parse(Resource resource, JsonNode document) {
        List<MeasureEvidence> measures = new ArrayList<>();
        for (JsonNode measure : document.path("measures")) {
            String kindCode = measure.path("evidence").path("kind").asString("");
            EvidenceKind kind = EvidenceKind.ofCode(kindCode).orElseThrow(() -> new IllegalStateException(
                    "Evidence kind \"" + kindCode + "\" in " + resource + " is none of photo, reading, signature, tick"));
            String roleCode = measure.path("evidence").path("role").asString("");
            Role role = roleCode.isEmpty() ? null : Role.valueOf(roleCode);
            if (kind == EvidenceKind.TICK && role == null) {
                throw new IllegalStateException("The tick of measure " + measure.path("measure").asInt() + " in "
                        + resource + " names no role");
            }
            measures.add(new MeasureEvidence(measure.path("measure").asInt(), measure.path("itemStartsWith").asString(""),
                    kind, role));
        }
        return List.copyOf(measures);
    }
}
