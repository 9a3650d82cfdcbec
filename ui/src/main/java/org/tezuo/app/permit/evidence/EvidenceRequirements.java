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
 * per measure row (1-based), the start of the measure's text and {@code evidence: {kind, role?}}. Its {@code proofs}
 * name, per start of a measure's text, the risk items of the ruleset the measure proves. The declarations sit beside
 * the form rather than in it, so the form's JSON Schema stays as it is.
 */
@Component
public class EvidenceRequirements {

    private static final String PATTERN = "classpath*:org/tezuo/templates/*/evidence/*.json";

    /** The evidence one measure row needs. {@code role} is the role a tick needs, or null. */
    public record MeasureEvidence(int measure, String itemStartsWith, EvidenceKind kind, @Nullable Role role) {
    }

    /**
     * A measure that proves risk items: the measure rows whose text starts with {@code itemStartsWith} and the codes
     * of the risk items that can be verified on site only if the measure applies.
     */
    public record MeasureProof(String itemStartsWith, List<String> riskItems) {

        public MeasureProof {
            riskItems = List.copyOf(riskItems);
        }

        /** Returns whether a measure row's text is this measure, ignoring leading and trailing blanks. */
        public boolean matches(String measureText) {
            return measureText.strip().startsWith(itemStartsWith);
        }
    }

    private final Map<String, List<MeasureEvidence>> byForm;
    private final Map<String, List<MeasureProof>> proofsByForm;

    EvidenceRequirements(JsonMapper json) {
        Map<String, JsonNode> documents = read(json);
        Map<String, List<MeasureEvidence>> evidence = new HashMap<>();
        Map<String, List<MeasureProof>> proofs = new HashMap<>();
        documents.forEach((resource, document) -> {
            evidence.put(document.path("form").asString(), parse(resource, document));
            proofs.put(document.path("form").asString(), parseProofs(resource, document));
        });
        this.byForm = Map.copyOf(evidence);
        this.proofsByForm = Map.copyOf(proofs);
    }

    /** Returns the declarations of a form, in measure order; empty for a form that declares none. */
    public List<MeasureEvidence> of(String formKey) {
        return byForm.getOrDefault(formKey, List.of());
    }

    /** Returns the declaration of one measure row of a form. */
    public Optional<MeasureEvidence> of(String formKey, int measure) {
        return of(formKey).stream().filter(declared -> declared.measure() == measure).findFirst();
    }

    /** Returns the measures of a form that prove the risk item {@code riskItemCode}; empty when none does. */
    public List<MeasureProof> proofsOf(String formKey, String riskItemCode) {
        return proofsByForm.getOrDefault(formKey, List.of()).stream()
                .filter(proof -> proof.riskItems().contains(riskItemCode))
                .toList();
    }

    /** Reads every declaration document, keyed by its resource description for error messages. */
    private static Map<String, JsonNode> read(JsonMapper json) {
        Map<String, JsonNode> documents = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PATTERN)) {
                try (InputStream in = resource.getInputStream()) {
                    documents.put(resource.getDescription(), json.readTree(in));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the evidence declarations " + PATTERN, e);
        }
        return documents;
    }

    private static List<MeasureProof> parseProofs(String resource, JsonNode document) {
        List<MeasureProof> proofs = new ArrayList<>();
        for (JsonNode proof : document.path("proofs")) {
            String itemStartsWith = proof.path("itemStartsWith").asString("").strip();
            List<String> riskItems = proof.path("riskItems").valueStream().map(code -> code.asString("")).toList();
            // A blank start would match every measure row.
            if (itemStartsWith.isEmpty() || riskItems.isEmpty() || riskItems.contains("")) {
                throw new IllegalStateException("A proof in " + resource
                        + " needs the start of a measure's text and at least one risk item code");
            }
            proofs.add(new MeasureProof(itemStartsWith, riskItems));
        }
        return List.copyOf(proofs);
    }

    private static List<MeasureEvidence> parse(String resource, JsonNode document) {
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
