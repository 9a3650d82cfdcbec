package org.tezuo.core.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a policy pack file. A pack is either one JSON object
 * <pre>{"format": "tezuo-policy-pack", "formatVersion": 1, "manifest": {…}, "signature": {…},
 *  "documents": [{"kind": "ruleset", "key": "hot-work", "body": {…}}]}</pre>
 * or a zip with {@code manifest.json}, {@code signature.json} and one {@code documents/<kind>/<key>.json} per
 * document. A pack shipped on the class path may name a document by {@code resource} (relative to the pack file)
 * in its manifest instead of carrying the body.
 */
public final class PolicyPackReader {

    /** Value of the {@code format} member. */
    public static final String FORMAT = "tezuo-policy-pack";
    /** The only layout this version reads and writes. */
    public static final int FORMAT_VERSION = 1;
    /** Largest pack file accepted. */
    public static final int MAX_BYTES = 8 * 1024 * 1024;

    static final String MANIFEST = "manifest.json";
    static final String SIGNATURE = "signature.json";
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private final JsonMapper json;
    private final Locale locale;
    private final List<PackProblem> problems = new ArrayList<>();

    public PolicyPackReader(JsonMapper json, Locale locale) {
        this.json = json;
        this.locale = locale;
    }

    /** The pack, when readable, and every problem of the file itself. */
    public record Result(@Nullable PolicyPack pack, List<PackProblem> problems) {
    }

    /** Reads an uploaded pack file, JSON or zip. */
    public Result read(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            problem("", "pack.tooLarge", bytes.length, MAX_BYTES);
            return result(null);
        }
        if (isZip(bytes)) {
            return readZip(bytes);
        }
        JsonNode root = parse(bytes, "");
        if (root == null || !formatMatches(root)) {
            return result(null);
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        JsonNode documents = root.path("documents");
        for (int i = 0; i < documents.size(); i++) {
            JsonNode document = documents.get(i);
            bodies.put(document.path("kind").asString("") + ":" + document.path("key").asString(""),
                    document.path("body"));
        }
        return result(pack(root.path("manifest"), root.path("signature"), bodies, null));
    }

    /**
     * Reads a pack shipped as a class-path resource, whose manifest names its documents by {@code resource}.
     *
     * @param resourcePath absolute location such as {@code /org/tezuo/packs/gb30871-2022/pack.json}
     */
    public Result readResource(String resourcePath) {
        byte[] bytes = resource(resourcePath);
        if (bytes == null) {
            problem(resourcePath, "pack.resourceMissing", resourcePath);
            return result(null);
        }
        JsonNode root = parse(bytes, resourcePath);
        if (root == null || !formatMatches(root)) {
            return result(null);
        }
        String directory = resourcePath.substring(0, resourcePath.lastIndexOf('/') + 1);
        return result(pack(root.path("manifest"), root.path("signature"), Map.of(), directory));
    }

    /** Writes {@code pack} as one JSON file with every body included, the form stored for a scheduled pack. */
    public static byte[] writeJson(JsonMapper json, PolicyPack pack) {
        ObjectNode root = json.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", FORMAT_VERSION);
        root.set("manifest", pack.manifestJson());
        if (pack.signature() != null) {
            ObjectNode signature = root.putObject("signature");
            signature.put("keyId", pack.signature().keyId());
            signature.put("algorithm", pack.signature().algorithm());
            signature.put("value", pack.signature().value());
        }
        ArrayNode documents = root.putArray("documents");
        pack.bodies().forEach((reference, body) -> {
            int colon = reference.indexOf(':');
            ObjectNode document = documents.addObject();
            document.put("kind", reference.substring(0, colon));
            document.put("key", reference.substring(colon + 1));
            document.set("body", body);
        });
        return json.writeValueAsBytes(root);
    }

    private Result readZip(byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            long expanded = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    byte[] content = zip.readNBytes(MAX_BYTES + 1);
                    expanded += content.length;
                    if (expanded > MAX_BYTES) {
                        problem("", "pack.tooLarge", expanded, MAX_BYTES);
                        return result(null);
                    }
                    entries.put(entry.getName(), content);
                }
            }
        } catch (IOException e) {
            problem("", "pack.unreadable", String.valueOf(e.getMessage()));
            return result(null);
        }
        byte[] manifest = entries.remove(MANIFEST);
        if (manifest == null) {
            problem(MANIFEST, "pack.manifestMissing", MANIFEST);
            return result(null);
        }
        JsonNode manifestJson = parse(manifest, MANIFEST);
        byte[] signatureBytes = entries.remove(SIGNATURE);
        JsonNode signatureJson = signatureBytes == null ? json.missingNode() : parse(signatureBytes, SIGNATURE);
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        entries.forEach((name, content) -> {
            String[] parts = name.split("/");
            if (parts.length != 3 || !parts[0].equals("documents") || !parts[2].endsWith(".json")) {
                problem(name, "pack.entryUnexpected", name);
                return;
            }
            JsonNode body = parse(content, name);
            if (body != null) {
                bodies.put(parts[1] + ":" + parts[2].substring(0, parts[2].length() - ".json".length()), body);
            }
        });
        if (manifestJson == null) {
            return result(null);
        }
        return result(pack(manifestJson, signatureJson == null ? json.missingNode() : signatureJson, bodies, null));
    }

    private @Nullable PolicyPack pack(JsonNode manifestJson, JsonNode signatureJson, Map<String, JsonNode> bodies,
            @Nullable String resourceDirectory) {
        PolicyPackManifest manifest = manifest(manifestJson);
        if (manifest == null) {
            return null;
        }
        Map<String, JsonNode> allBodies = new LinkedHashMap<>(bodies);
        if (resourceDirectory != null) {
            for (JsonNode entry : manifestJson.path("documents")) {
                String resource = entry.path("resource").asString("");
                String reference = entry.path("kind").asString("") + ":" + entry.path("key").asString("");
                byte[] body = resource.isEmpty() ? null : resource(resourceDirectory + resource);
                if (body != null) {
                    JsonNode parsed = parse(body, resource);
                    if (parsed != null) {
                        allBodies.put(reference, parsed);
                    }
                }
            }
        }
        PackSignature signature = null;
        if (signatureJson.isObject()) {
            signature = new PackSignature(signatureJson.path("keyId").asString(""),
                    signatureJson.path("algorithm").asString(""), signatureJson.path("value").asString(""));
        }
        return new PolicyPack(manifest, manifestJson, signature, allBodies);
    }

    private @Nullable PolicyPackManifest manifest(JsonNode node) {
        if (!node.isObject()) {
            problem(MANIFEST, "pack.manifestMissing", MANIFEST);
            return null;
        }
        int before = problems.size();
        String id = text(node, "id");
        String regulation = text(node, "regulation");
        String version = text(node, "version");
        String nameZh = node.path("name").path("zh").asString("");
        if (nameZh.isBlank()) {
            problem(MANIFEST, "pack.fieldMissing", "name.zh");
        }
        String nameEn = node.path("name").path("en").isString() ? node.path("name").path("en").asString() : null;
        LocalDate from = date(node, "effectiveFrom", true);
        LocalDate to = date(node, "effectiveTo", false);
        if (from != null && to != null && to.isBefore(from)) {
            problem(MANIFEST, "pack.datesReversed", to, from);
        }
        String supersedes = node.path("supersedes").isString() ? node.path("supersedes").asString() : null;
        List<String> requires = new ArrayList<>();
        node.path("requires").forEach(reference -> requires.add(reference.asString("")));
        List<PolicyPackManifest.Entry> entries = new ArrayList<>();
        JsonNode documents = node.path("documents");
        if (!documents.isArray() || documents.isEmpty()) {
            problem(MANIFEST, "pack.fieldMissing", "documents");
        }
        for (JsonNode entry : documents) {
            String kind = entry.path("kind").asString("");
            String key = entry.path("key").asString("");
            if (Arrays.stream(MetadataKind.values()).noneMatch(known -> known.code().equals(kind))
                    && PackDeltaKind.fromCode(kind).isEmpty()) {
                problem(MANIFEST, "pack.unknownKind", kind, key, MetadataKind.codes() + ", " + PackDeltaKind.codes());
            }
            if (key.isBlank()) {
                problem(MANIFEST, "pack.fieldMissing", "documents[].key");
            }
            entries.add(new PolicyPackManifest.Entry(kind, key, entry.path("checksum").asString(""),
                    entry.path("source").isString() ? entry.path("source").asString() : null));
        }
        if (problems.size() > before || from == null) {
            return null;
        }
        return new PolicyPackManifest(id, nameZh, nameEn, regulation, version, from, to, supersedes, requires,
                entries);
    }

    private String text(JsonNode node, String field) {
        String value = node.path(field).asString("");
        if (value.isBlank()) {
            problem(MANIFEST, "pack.fieldMissing", field);
        }
        return value;
    }

    private @Nullable LocalDate date(JsonNode node, String field, boolean required) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            if (required) {
                problem(MANIFEST, "pack.fieldMissing", field);
            }
            return null;
        }
        try {
            return LocalDate.parse(value.asString(""));
        } catch (DateTimeParseException e) {
            problem(MANIFEST, "pack.badDate", field, value.toString());
            return null;
        }
    }

    private boolean formatMatches(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asString("")) || root.path("formatVersion").asInt(0) != FORMAT_VERSION) {
            problem("", "pack.format", root.path("format").asString(""), FORMAT, FORMAT_VERSION);
            return false;
        }
        return true;
    }

    private @Nullable JsonNode parse(byte[] bytes, String where) {
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            String reason = String.valueOf(e.getOriginalMessage());
            problem(where, "pack.unreadable", reason.lines().findFirst().orElse(reason));
            return null;
        }
    }

    private static byte @Nullable [] resource(String path) {
        try (InputStream in = PolicyPackReader.class.getResourceAsStream(path)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    private Result result(@Nullable PolicyPack pack) {
        return new Result(pack, List.copyOf(problems));
    }

    private void problem(String where, String key, Object... arguments) {
        problems.add(PackMessages.problem(locale, where, key, arguments));
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= ZIP_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(bytes, ZIP_SIGNATURE.length), ZIP_SIGNATURE);
    }
}
