package org.tezuo.core.metadata.bundle;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.metadata.DocumentChecksum;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an uploaded bundle, JSON or zip (recognised by the zip signature), and lists every problem of the bundle
 * as a whole: unreadable file, wrong format or version, missing members, unknown kinds, invalid keys, checksum
 * mismatches and duplicates. Documents with such a problem are left out of the result.
 */
final class BundleReader {

    /** Keys become zip entry names, so they are limited to characters that are safe in a file name. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private final JsonMapper json;
    private final BundleLimits limits;
    private final Locale locale;
    private final List<BundleProblem> problems = new ArrayList<>();

    BundleReader(JsonMapper json, BundleLimits limits, Locale locale) {
        this.json = json;
        this.limits = limits;
        this.locale = locale;
    }

    /** The readable part of a bundle and every problem found. */
    record Result(@Nullable String sourceTenant, List<MetadataBundle.Document> documents,
            List<BundleProblem> problems) {
    }

    /**
     * Reads {@code bytes}.
     *
     * @throws BundleTooLargeException when the upload, its document count or a zip's expanded size breaks a limit
     */
    Result read(byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw new BundleTooLargeException("metadata.bundle.tooLarge", bytes.length, limits.maxBytes());
        }
        return isZip(bytes) ? readZip(bytes) : readJson(bytes);
    }

    private Result readJson(byte[] bytes) {
        JsonNode root = parse(bytes, "");
        if (root == null) {
            return new Result(null, List.of(), problems);
        }
        return readRoot(root, (index, entry) -> entry.get("body"));
    }

    private Result readZip(byte[] bytes) {
        Map<String, byte[]> entries = unzip(bytes);
        if (entries == null) {
            return new Result(null, List.of(), problems);
        }
        byte[] manifestBytes = entries.remove(BundleWriter.MANIFEST);
        if (manifestBytes == null) {
            problem(BundleWriter.MANIFEST, "metadata.bundle.manifestMissing", BundleWriter.MANIFEST);
            return new Result(null, List.of(), problems);
        }
        JsonNode manifest = parse(manifestBytes, BundleWriter.MANIFEST);
        if (manifest == null) {
            return new Result(null, List.of(), problems);
        }
        Result result = readRoot(manifest, (index, entry) -> {
            String name = BundleWriter.entryName(entry.path("kind").asString(""), entry.path("key").asString(""));
            byte[] body = entries.remove(name);
            if (body == null) {
                problem(name, "metadata.bundle.entryMissing", reference(entry), name);
                return null;
            }
            return parse(body, name);
        });
        for (String unlisted : entries.keySet()) {
            problem(unlisted, "metadata.bundle.entryUnlisted", unlisted, BundleWriter.MANIFEST);
        }
        return new Result(result.sourceTenant(), result.documents(), problems);
    }

    private @Nullable Map<String, byte[]> unzip(byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long expanded = 0;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                if (entries.size() > limits.maxDocuments()) {
                    throw new BundleTooLargeException("metadata.bundle.tooManyDocuments", entries.size(),
                            limits.maxDocuments());
                }
                byte[] content = readLimited(zip, limits.maxUncompressedBytes() - expanded);
                expanded += content.length;
                if (entries.put(entry.getName(), content) != null) {
                    problem(entry.getName(), "metadata.bundle.entryDuplicate", entry.getName());
                }
            }
        } catch (IOException e) {
            problem("", "metadata.bundle.unreadable", String.valueOf(e.getMessage()));
            return null;
        }
        return entries;
    }

    private byte[] readLimited(ZipInputStream zip, long allowed) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        for (int read = zip.read(buffer); read >= 0; read = zip.read(buffer)) {
            content.write(buffer, 0, read);
            if (content.size() > allowed) {
                throw new BundleTooLargeException("metadata.bundle.zipTooLarge", limits.maxUncompressedBytes());
            }
        }
        return content.toByteArray();
    }

    private Result readRoot(JsonNode root, BiFunction<Integer, JsonNode, @Nullable JsonNode> bodyOf) {
        if (!root.isObject()) {
            problem("", "metadata.bundle.notObject");
            return new Result(null, List.of(), problems);
        }
        String format = root.path("format").asString("");
        if (!MetadataBundle.FORMAT.equals(format)) {
            problem("/format", "metadata.bundle.format", format, MetadataBundle.FORMAT);
            return new Result(null, List.of(), problems);
        }
        JsonNode formatVersion = root.path("formatVersion");
        if (!formatVersion.isInt() || formatVersion.asInt() != MetadataBundle.FORMAT_VERSION) {
            problem("/formatVersion", "metadata.bundle.formatVersion", formatVersion.toString(),
                    MetadataBundle.FORMAT_VERSION);
            return new Result(null, List.of(), problems);
        }
        String sourceTenant = root.path("sourceTenant").isString() ? root.path("sourceTenant").asString() : null;
        JsonNode list = root.path("documents");
        if (!list.isArray()) {
            problem("/documents", "metadata.bundle.missing", "documents");
            return new Result(sourceTenant, List.of(), problems);
        }
        if (list.size() > limits.maxDocuments()) {
            throw new BundleTooLargeException("metadata.bundle.tooManyDocuments", list.size(),
                    limits.maxDocuments());
        }
        return new Result(sourceTenant, documents(list, bodyOf), problems);
    }

    private List<MetadataBundle.Document> documents(JsonNode list,
            BiFunction<Integer, JsonNode, @Nullable JsonNode> bodyOf) {
        Map<String, Integer> firstIndex = new HashMap<>();
        List<MetadataBundle.Document> documents = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode entry = list.get(i);
            String at = "/documents/" + i;
            MetadataBundle.Document document = document(at, entry, entry.isObject() ? bodyOf.apply(i, entry) : null);
            if (document == null) {
                continue;
            }
            Integer earlier = firstIndex.putIfAbsent(document.reference(), i);
            if (earlier != null) {
                problem(at, "metadata.bundle.duplicate", document.reference(), earlier);
                continue;
            }
            documents.add(document);
        }
        return documents;
    }

    private MetadataBundle.@Nullable Document document(String at, JsonNode entry, @Nullable JsonNode body) {
        if (!entry.isObject()) {
            problem(at, "metadata.bundle.notObject");
            return null;
        }
        String kind = entry.path("kind").asString("");
        String key = entry.path("key").asString("");
        int problemsBefore = problems.size();
        if (Arrays.stream(MetadataKind.values()).noneMatch(known -> known.code().equals(kind))) {
            problem(at + "/kind", "metadata.bundle.unknownKind", kind, MetadataKind.codes());
        }
        if (!KEY.matcher(key).matches()) {
            problem(at + "/key", "metadata.bundle.badKey", key);
        }
        JsonNode version = entry.path("version");
        if (!version.isInt() || version.asInt() < 1) {
            problem(at + "/version", "metadata.bundle.badVersion", version.toString(), kind + ":" + key);
        }
        String checksum = entry.path("checksum").asString("");
        if (body != null && !body.isObject()) {
            problem(at + "/body", "metadata.bundle.bodyNotObject", kind + ":" + key);
        } else if (body != null && !DocumentChecksum.of(body).equals(checksum)) {
            problem(at + "/checksum", "metadata.bundle.checksum", kind + ":" + key, checksum,
                    DocumentChecksum.of(body));
        } else if (body == null && problems.size() == problemsBefore) {
            problem(at + "/body", "metadata.bundle.missing", "body");
        }
        if (body == null || problems.size() > problemsBefore) {
            return null;
        }
        return new MetadataBundle.Document(kind, key, version.asInt(), checksum, body);
    }

    private @Nullable JsonNode parse(byte[] bytes, String where) {
        try {
            return json.readTree(bytes);
        } catch (JacksonException e) {
            String reason = String.valueOf(e.getOriginalMessage());
            problem(where, "metadata.bundle.unreadable", reason.lines().findFirst().orElse(reason));
            return null;
        }
    }

    private static String reference(JsonNode entry) {
        return entry.path("kind").asString("") + ":" + entry.path("key").asString("");
    }

    private void problem(String path, String messageKey, Object... arguments) {
        problems.add(new BundleProblem(path, UserMessages.render(locale, messageKey, arguments)));
    }

    private static boolean isZip(byte[] bytes) {
        return bytes.length >= ZIP_SIGNATURE.length
                && Arrays.equals(Arrays.copyOf(bytes, ZIP_SIGNATURE.length), ZIP_SIGNATURE);
    }
}
