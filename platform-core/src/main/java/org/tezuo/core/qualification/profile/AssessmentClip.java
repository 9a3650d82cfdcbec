package org.tezuo.core.qualification.profile;

import java.time.Instant;

/**
 * A video clip of an assessment that is shown: its consent was not withdrawn and it was not deleted. Hidden clips are
 * never returned as this type.
 *
 * @param fileId the stored file holding the video (MP4 or WebM)
 * @param consentRecordedBy the user who recorded that the person consented to the recording being kept and shown
 */
public record AssessmentClip(long id, long tenantId, long assessmentId, long personId, String fileId,
        String originalName, String contentType, long sizeBytes, String consentRecordedBy,
        Instant consentRecordedAt) {
}
