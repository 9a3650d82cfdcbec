package org.tezuo.core.qualification.profile;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileRejectedException;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;
import org.tezuo.core.i18n.LocalizedException;

/**
 * Stores the video clips of assessments and finds those that may be shown. A clip is stored only when the
 * uploader confirms the person's consent, which is kept with who recorded it and when. Once the consent is
 * withdrawn, the clip is never returned again. Content goes through {@link FileStore} as {@link FileKind#VIDEO}, so
 * it is streamed to disk, limited by {@code tezuo.files.max-video-size} and must be MP4 or WebM by its first bytes.
 */
@Component
public class AssessmentClips {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentClips.class);

    /** Selects the clips whose consent was not withdrawn, with their file's name, type and size; the tenant id is first. */
    private static final String SHOWN = """
            select c.*, f.original_name, f.content_type, f.size_bytes
            from assessment_clip c join stored_file f on f.id = c.file_id and f.tenant_id = c.tenant_id
            where c.tenant_id = ? and c.consent_given = true and c.consent_withdrawn_at is null""";

    private final JdbcClient jdbc;
    private final AssessmentRecords records;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;

    public AssessmentClips(JdbcClient jdbc, AssessmentRecords records, FileStore files, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.records = records;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
    }

    /** Returns the largest clip accepted, in bytes. */
    public long maxBytes() {
        return files.maxBytes(FileKind.VIDEO);
    }

    /**
     * Stores a clip of an assessment with the person's consent.
     *
     * <p>NOTE: when the row insert fails after the content was placed, the stored file's row rolls back with it
     * but its content stays on disk, like any file whose form is never saved.
     *
     * @param consentGiven whether the uploader confirms that the person consented; false rejects the upload
     * @param declaredBytes the length the client announced (Content-Length), or null; a length over the limit is
     *     rejected before a byte is read
     * @throws LocalizedException when consent is missing or the assessment is not the tenant's
     * @throws FileRejectedException when the content is too large or not MP4 or WebM
     */
    @Transactional
    public AssessmentClip upload(long tenantId, String actor, long assessmentId, boolean consentGiven,
            String fileName, @Nullable String declaredType, @Nullable Long declaredBytes, InputStream content) {
        AssessmentRecord assessment = records.find(tenantId, assessmentId)
                .orElseThrow(() -> new LocalizedException("clip.assessmentNotFound", assessmentId));
        if (!consentGiven) {
            throw new LocalizedException("clip.consentMissing", fileName);
        }
        if (declaredBytes != null && declaredBytes > maxBytes()) {
            LOG.info("Rejected clip \"{}\" of tenant {} by {}: declared {} bytes over the limit", fileName, tenantId,
                    actor, declaredBytes);
            throw FileRejectedException.declaredTooLarge(fileName, declaredBytes, maxBytes());
        }

        StoredFile file = files.store(tenantId, actor, FileKind.VIDEO, fileName, declaredType, content);
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into assessment_clip (tenant_id, assessment_id, person_id, file_id, consent_given,
                    consent_recorded_by, consent_recorded_at)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, assessmentId, assessment.personId(), file.id(), true, actor, Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Long.class);
        audit.append(tenantId, actor, "assessment.clip-upload", "assessment_clip", String.valueOf(id), null,
                Map.of("assessment", assessmentId, "person", assessment.personId(), "file", file.id(),
                        "sizeBytes", file.sizeBytes(), "consentRecordedBy", actor, "consentRecordedAt",
                        now.toString()));
        return new AssessmentClip(id, tenantId, assessmentId, assessment.personId(), file.id(), file.originalName(),
                file.contentType(), file.sizeBytes(), actor, now);
    }

    /** Returns the clips of a person whose consent was not withdrawn, oldest first. */
    public List<AssessmentClip> shownClipsOf(long tenantId, long personId) {
        return jdbc.sql(SHOWN + " and c.person_id = ? order by c.id")
                .params(tenantId, personId)
                .query(AssessmentClips::map)
                .list();
    }

    /** Finds a clip whose consent was not withdrawn; empty when unknown, withdrawn or another tenant's. */
    public Optional<AssessmentClip> findShown(long tenantId, long clipId) {
        return jdbc.sql(SHOWN + " and c.id = ?")
                .params(tenantId, clipId)
                .query(AssessmentClips::map)
                .optional();
    }

    /**
     * Records that the person withdrew consent, so the clip is no longer listed or served, and audits it.
     *
     * <p>NOTE: the video stays on disk and in {@code stored_file}; no job deletes the content of withdrawn clips yet.
     *
     * @throws LocalizedException when no shown clip of the tenant has this id
     */
    @Transactional
    public void withdrawConsent(long tenantId, long clipId, String actor) {
        AssessmentClip clip = findShown(tenantId, clipId)
                .orElseThrow(() -> new LocalizedException("clip.notFound", clipId));
        Instant now = clock.instant();
        jdbc.sql("""
                update assessment_clip set consent_given = false, consent_withdrawn_by = ?, consent_withdrawn_at = ?
                where tenant_id = ? and id = ?""")
                .params(actor, Timestamp.from(now), tenantId, clipId)
                .update();
        audit.append(tenantId, actor, "assessment.clip-consent-withdraw", "assessment_clip", String.valueOf(clipId),
                Map.of("consentGiven", true), Map.of("consentGiven", false, "withdrawnAt", now.toString()));
        LOG.info("Consent withdrawn for clip {} (file {}) of tenant {} by {}", clipId, clip.fileId(), tenantId,
                actor);
    }

    private static AssessmentClip map(ResultSet rs, int row) throws SQLException {
        return new AssessmentClip(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("assessment_id"),
                rs.getLong("person_id"), rs.getString("file_id"), rs.getString("original_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("consent_recorded_by"),
                rs.getTimestamp("consent_recorded_at").toInstant());
    }
}
