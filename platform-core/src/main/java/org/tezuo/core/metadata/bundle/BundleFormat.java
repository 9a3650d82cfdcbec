package org.tezuo.core.metadata.bundle;

import java.util.Locale;

/** File layout of a bundle: one JSON file, or a zip of {@code manifest.json} and one file per document. */
public enum BundleFormat {
    JSON("application/json", ".json"),
    ZIP("application/zip", ".zip");

    private final String contentType;
    private final String extension;

    BundleFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    /** Parses {@code json} or {@code zip}, ignoring case; throws {@link IllegalArgumentException} otherwise. */
    public static BundleFormat fromCode(String code) {
        return switch (code.trim().toLowerCase(Locale.ROOT)) {
            case "json" -> JSON;
            case "zip" -> ZIP;
            default -> throw new IllegalArgumentException("Unknown bundle format '" + code + "'");
        };
    }
}
