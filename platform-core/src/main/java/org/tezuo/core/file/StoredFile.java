package org.tezuo.core.file;

import java.time.Instant;

/**
 * A file in the store.
 *
 * @param id random, unguessable id (43 URL-safe Base64 characters, 256 bits) that form data stores as the value
 * @param originalName the name the uploader's device gave the file
 * @param contentType the media type the content was checked to be, for example {@code image/png}
 * @param sizeBytes length of the content in bytes
 * @param sha256 lower-case hex SHA-256 of the content
 */
public record StoredFile(String id, long tenantId, String originalName, String contentType, long sizeBytes,
        String sha256, String uploadedBy, Instant uploadedAt) {

    /** Returns whether the file is an image that a browser can show as a thumbnail. */
    public boolean isImage() {
        return contentType.startsWith("image/");
    }
}
