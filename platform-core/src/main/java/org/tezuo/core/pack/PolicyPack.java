package org.tezuo.core.pack;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A policy pack as read from a file, not yet verified.
 *
 * @param manifest the parsed manifest
 * @param manifestJson the manifest as written, which the signature covers in canonical form
 * @param signature the detached signature, or null for an unsigned pack
 * @param bodies document bodies by {@code kind:key}, in file order
 */
public record PolicyPack(PolicyPackManifest manifest, JsonNode manifestJson, @Nullable PackSignature signature,
        Map<String, JsonNode> bodies) {

    public PolicyPack {
        bodies = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(bodies));
    }
}
