package org.tezuo.core.metadata.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a bundle as one JSON file ({@code {"format", "formatVersion", "exportedAt", "sourceTenant", "documents"}}
 * with each document's body inline) or as a zip of {@code manifest.json} (the same without bodies) and one
 * {@code <kind>/<key>.json} file per body.
 */
@Component
public class BundleWriter {

    /** Name of the zip entry that lists the documents. */
    public static final String MANIFEST = "manifest.json";

    private final JsonMapper json;

    public BundleWriter(JsonMapper json) {
        this.json = json;
    }

    public byte[] write(MetadataBundle bundle, BundleFormat format) {
        return switch (format) {
            case JSON -> json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root(bundle, true));
            case ZIP -> zip(bundle);
        };
    }

    /** Returns the name of a document's body file inside a zip bundle. */
    static String entryName(String kind, String key) {
        return kind + "/" + key + ".json";
    }

    private ObjectNode root(MetadataBundle bundle, boolean withBodies) {
        ObjectNode root = json.createObjectNode();
        root.put("format", MetadataBundle.FORMAT);
        root.put("formatVersion", MetadataBundle.FORMAT_VERSION);
        root.put("exportedAt", bundle.exportedAt().toString());
        root.put("sourceTenant", bundle.sourceTenant());
        ArrayNode documents = root.putArray("documents");
        for (MetadataBundle.Document document : bundle.documents()) {
            ObjectNode entry = documents.addObject();
            entry.put("kind", document.kind());
            entry.put("key", document.key());
            entry.put("version", document.version());
            entry.put("checksum", document.checksum());
            if (withBodies) {
                entry.set("body", document.body());
            }
        }
        return root;
    }

    private byte[] zip(MetadataBundle bundle) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(MANIFEST));
            zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(root(bundle, false)));
            zip.closeEntry();
            for (MetadataBundle.Document document : bundle.documents()) {
                zip.putNextEntry(new ZipEntry(entryName(document.kind(), document.key())));
                zip.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(document.body()));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Writing a zip to memory failed", e);
        }
        return bytes.toByteArray();
    }
}
