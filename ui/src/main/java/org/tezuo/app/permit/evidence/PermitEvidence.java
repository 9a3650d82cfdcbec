package org.tezuo.app.permit.evidence;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A piece of evidence as stored.
 *
 * @param measureNumber the 1-based row of the form's safety measures it proves, or null
 * @param fileId the original photo or signature, unchanged as uploaded
 * @param watermarkedFileId the watermarked copy of a photo
 * @param content canonical JSON of the facts: reading values, location, the role of a tick
 * @param sha256 SHA-256 (hex) of the original file, or of {@code content} when there is no file
 */
public record PermitEvidence(long id, long tenantId, long permitId, EvidenceKind kind,
        @Nullable Integer measureNumber, @Nullable String fileId, @Nullable String watermarkedFileId,
        @Nullable String watermarkedSha256, String content, String sha256, String recordedBy, Instant recordedAt) {
}
