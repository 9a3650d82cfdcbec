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
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileRejectedException;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;
import org.tezuo.core.i18n.LocalizedException;

/**
 * Stores the video clips of assessments and finds those that may be shown. A clip is stored only when the
 * uploader confirms the person's consent, which is kept with who recorded it and when. Once the consent is
 * withdrawn or the clip is deleted, the clip is never returned again, and its video is deleted from disk after
 * that change commits. The clip's row stays, so a player that still requests it learns why it is gone. Content
 * goes through {@link FileStore} as {@link FileKind#VIDEO}, so it is streamed to disk, limited by
 * {@code tezuo.files.max-video-size} and must be MP4 or WebM by its first bytes.
 */
@Component
public class AssessmentClips {

    private static final Logger LOG = LoggerFactory.getLogger(AssessmentClips.class);

    /**
     * Selects the clips whose consent was not withdrawn and that were not deleted, with their file's name, type and
     * size. The tenant id is the first parameter.
     */
    private static final String SHOWN = """
            select c.*, f.original_name, f.content_type, f.size_bytes
            from assessment_clip c join stored_file f on f.id = c.file_id and f.tenant_id = c.tenant_id
            where c.tenant_id = ? and c.consent_given = true and c.consent_withdrawn_at is null
              and c.deleted_at is null""";

    /** The reason a clip that once existed is no longer shown. */
    public enum Removal {
        /** The person withdrew consent. */
        CONSENT_WITHDRAWN,
        /** A recorder deleted the clip. */
        DELETED
    }

    private final JdbcClient jdbc;
    private final AssessmentRecords records;
    private final FileStore files;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    public AssessmentClips(JdbcClient jdbc, AssessmentRecords records, FileStore files, AuditLog audit, Clock clock,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.records = records;
        this.files = files;
        this.audit = audit;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        // The video is deleted after the caller's transaction commits, when that transaction may still be bound.
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
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
     * Returns why a clip of the tenant is no longer shown. The result is empty when the clip is still shown or the
     * tenant has no clip with this id.
     */
    public Optional<Removal> removal(long tenantId, long clipId) {
        Optional<HiddenState> state = jdbc.sql("""
                select consent_withdrawn_at, deleted_at from assessment_clip where tenant_id = ? and id = ?""")
                .params(tenantId, clipId)
                .query((rs, row) -> new HiddenState(rs.getTimestamp("consent_withdrawn_at") != null,
                        rs.getTimestamp("deleted_at") != null))
                .optional();
        if (state.isEmpty()) {
            return Optional.empty();
        }
        if (state.get().deleted()) {
            return Optional.of(Removal.DELETED);
        }
        return state.get().withdrawn() ? Optional.of(Removal.CONSENT_WITHDRAWN) : Optional.empty();
    }

    /**
     * Records that the person withdrew consent, so the clip is no longer listed or served, and audits it. The video
     * is deleted from disk once the transaction commits.
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
        deleteVideoAfterCommit(tenantId, clipId, clip.fileId());
    }

    /**
     * Deletes a clip, for example one recorded by mistake, and audits it. The clip is no longer listed or served,
     * and its video is deleted from disk once the transaction commits.
     *
     * @throws LocalizedException when no shown clip of the tenant has this id
     */
    @Transactional
    public void delete(long tenantId, long clipId, String actor) {
        AssessmentClip clip = findShown(tenantId, clipId)
                .orElseThrow(() -> new LocalizedException("clip.notFound", clipId));
        Instant now = clock.instant();
        jdbc.sql("update assessment_clip set deleted_by = ?, deleted_at = ? where tenant_id = ? and id = ?")
                .params(actor, Timestamp.from(now), tenantId, clipId)
                .update();
        audit.append(tenantId, actor, "assessment.clip-delete", "assessment_clip", String.valueOf(clipId),
                Map.of("fileName", clip.originalName(), "sizeBytes", clip.sizeBytes()),
                Map.of("deletedAt", now.toString()));
        LOG.info("Deleted clip {} (file {}) of tenant {} by {}", clipId, clip.fileId(), tenantId, actor);
        deleteVideoAfterCommit(tenantId, clipId, clip.fileId());
    }

    /** Runs {@link #deleteLeftoverVideos} once the application is ready. */
    @EventListener(ApplicationReadyEvent.class)
    public void onApplicationReady() {
        deleteLeftoverVideos();
    }

    /**
     * Deletes the videos of withdrawn or deleted clips that are still on disk, because the process stopped between
     * the commit and the deletion or the deletion failed.
     *
     * @return the number of videos deleted
     */
    public int deleteLeftoverVideos() {
        List<LeftoverVideo> leftovers = jdbc.sql("""
                select tenant_id, id, file_id from assessment_clip
                where file_id is not null and (consent_withdrawn_at is not null or deleted_at is not null)""")
                .query((rs, row) -> new LeftoverVideo(rs.getLong("tenant_id"), rs.getLong("id"),
                        rs.getString("file_id")))
                .list();
        int deleted = 0;
        for (LeftoverVideo leftover : leftovers) {
            if (deleteVideo(leftover.tenantId(), leftover.clipId(), leftover.fileId())) {
                deleted++;
            }
        }
        if (!leftovers.isEmpty()) {
            LOG.info("Deleted {} of {} leftover video(s) of withdrawn or deleted clips", deleted, leftovers.size());
        }
        return deleted;
    }

    private void deleteVideoAfterCommit(long tenantId, long clipId, String fileId) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            deleteVideo(tenantId, clipId, fileId);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                deleteVideo(tenantId, clipId, fileId);
            }
        });
    }

    /**
     * Deletes the video of a hidden clip from disk and its stored file row, and detaches the clip from it, in a
     * transaction of its own. A failure is logged and left to {@link #deleteLeftoverVideos} at the next start.
     */
    private boolean deleteVideo(long tenantId, long clipId, String fileId) {
        try {
            ownTransaction.executeWithoutResult(status -> {
                jdbc.sql("update assessment_clip set file_id = null where tenant_id = ? and id = ? and file_id = ?")
                        .params(tenantId, clipId, fileId)
                        .update();
                files.delete(tenantId, fileId);
            });
            LOG.info("Deleted the video (file {}) of hidden clip {} of tenant {}", fileId, clipId, tenantId);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not delete the video (file {}) of hidden clip {} of tenant {}; the next start retries",
                    fileId, clipId, tenantId, e);
            return false;
        }
    }

    private static AssessmentClip map(ResultSet rs, int row) throws SQLException {
        return new AssessmentClip(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("assessment_id"),
                rs.getLong("person_id"), rs.getString("file_id"), rs.getString("original_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("consent_recorded_by"),
                rs.getTimestamp("consent_recorded_at").toInstant());
    }

    private record LeftoverVideo(long tenantId, long clipId, String fileId) {
    }

    private record HiddenState(boolean withdrawn, boolean deleted) {
    }
}
