package org.tezuo.app.permit.evidence;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitStore;
import org.tezuo.app.security.Role;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.PhotoWatermarker;
import org.tezuo.core.file.StoredFile;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.tenant.TenantDirectory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records evidence for a permit's control measures: a photo (kept as uploaded plus a copy watermarked with the
 * server time in the tenant's zone, the uploader, the permit and the location), a detector reading, a signature
 * image or a tick. When the measure declares its evidence, the kind must match, and a tick needs the declared role.
 */
@Component
public class EvidenceRecorder {

    private static final DateTimeFormatter WATERMARK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final PermitStore permits;
    private final EvidenceStore store;
    private final EvidenceRequirements requirements;
    private final PhotoWatermarker watermarker;
    private final FileStore files;
    private final TenantDirectory tenants;
    private final AuditLog audit;
    private final JsonMapper json;
    private final Clock clock;

    EvidenceRecorder(PermitStore permits, EvidenceStore store, EvidenceRequirements requirements,
            PhotoWatermarker watermarker, FileStore files, TenantDirectory tenants, AuditLog audit, JsonMapper json,
            Clock clock) {
        this.permits = permits;
        this.store = store;
        this.requirements = requirements;
        this.watermarker = watermarker;
        this.files = files;
        this.tenants = tenants;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** A place on the earth in WGS 84 decimal degrees, as a phone's browser reports it. */
    public record GpsLocation(BigDecimal latitude, BigDecimal longitude) {
    }

    /** A detector reading; {@code measuredAt} is null when the detector gives no time. */
    public record Reading(String detectorId, String gas, BigDecimal value, String unit, @Nullable Instant measuredAt) {
    }

    /**
     * Stores a photo unchanged and as a watermarked copy.
     *
     * @param location where the client took the photo, or null when it sent none
     */
    @Transactional
    public PermitEvidence recordPhoto(Actor actor, long permitId, @Nullable Integer measure, String fileName,
            String contentType, byte[] content, @Nullable GpsLocation location) {
        Permit permit = permit(actor, permitId);
        checkDeclaredKind(permit, measure, EvidenceKind.PHOTO);
        Instant now = clock.instant();
        List<String> lines = watermark(actor, permit, now, location);

        PhotoWatermarker.WatermarkedPhoto photo = watermarker.store(actor.tenantId(), actor.username(), fileName,
                contentType, content, lines);

        Map<String, Object> facts = new LinkedHashMap<>();
        if (location != null) {
            facts.put("latitude", location.latitude().toPlainString());
            facts.put("longitude", location.longitude().toPlainString());
        }
        facts.put("watermark", lines);
        return save(actor, permit, EvidenceKind.PHOTO, measure, photo.original(), photo.watermarked(), facts, now);
    }

    /** Stores the image of a handwritten signature as uploaded. */
    @Transactional
    public PermitEvidence recordSignature(Actor actor, long permitId, @Nullable Integer measure, String fileName,
            String contentType, byte[] content) {
        Permit permit = permit(actor, permitId);
        checkDeclaredKind(permit, measure, EvidenceKind.SIGNATURE);
        StoredFile signature = files.store(actor.tenantId(), actor.username(), FileKind.IMAGE, fileName, contentType,
                new ByteArrayInputStream(content));
        return save(actor, permit, EvidenceKind.SIGNATURE, measure, signature, null, Map.of(), clock.instant());
    }

    /** Records a detector reading as evidence. */
    @Transactional
    public PermitEvidence recordReading(Actor actor, long permitId, @Nullable Integer measure, Reading reading) {
        Permit permit = permit(actor, permitId);
        checkDeclaredKind(permit, measure, EvidenceKind.READING);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("detectorId", reading.detectorId().strip());
        facts.put("gas", reading.gas().strip());
        facts.put("value", reading.value().toPlainString());
        facts.put("unit", reading.unit().strip());
        if (reading.measuredAt() != null) {
            facts.put("measuredAt", reading.measuredAt().toString());
        }
        return save(actor, permit, EvidenceKind.READING, measure, null, null, facts, clock.instant());
    }

    /**
     * Records a tick of a measure that declares a tick by a role.
     *
     * @param roles the roles the actor has
     */
    @Transactional
    public PermitEvidence recordTick(Actor actor, Set<Role> roles, long permitId, int measure) {
        Permit permit = permit(actor, permitId);
        checkMeasureNumber(measure);
        EvidenceRequirements.MeasureEvidence declared = requirements.of(permit.formKey(), measure)
                .filter(candidate -> candidate.kind() == EvidenceKind.TICK && candidate.role() != null)
                .orElseThrow(() -> new LocalizedException("evidence.tickNotDeclared", name(permit), measure));
        Role role = declared.role();
        if (!roles.contains(role)) {
            throw new LocalizedException("evidence.tickRoleMissing", actor.username(), measure,
                    UserMessages.render(actor.locale(), "evidence.role." + role.code()));
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("role", role.code());
        facts.put("measureText", measureText(permit, measure));
        return save(actor, permit, EvidenceKind.TICK, measure, null, null, facts, clock.instant());
    }

    /**
     * Checks a location before anything is stored: both or neither coordinate, latitude within ±90 and longitude
     * within ±180 degrees.
     */
    public static @Nullable GpsLocation location(@Nullable BigDecimal latitude, @Nullable BigDecimal longitude) {
        if (latitude == null && longitude == null) {
            return null;
        }
        if (latitude == null || longitude == null || latitude.abs().compareTo(BigDecimal.valueOf(90)) > 0
                || longitude.abs().compareTo(BigDecimal.valueOf(180)) > 0) {
            throw new LocalizedException("evidence.locationInvalid", String.valueOf(latitude),
                    String.valueOf(longitude));
        }
        return new GpsLocation(latitude, longitude);
    }

    private PermitEvidence save(Actor actor, Permit permit, EvidenceKind kind, @Nullable Integer measure,
            @Nullable StoredFile original, @Nullable StoredFile watermarked, Map<String, Object> facts, Instant now) {
        String content = json.writeValueAsString(facts);
        String sha256 = original != null ? original.sha256()
                : SealChain.sha256(content.getBytes(StandardCharsets.UTF_8));
        long id = store.insertEvidence(actor.tenantId(), permit.id(), kind, measure,
                original == null ? null : original.id(), watermarked == null ? null : watermarked.id(),
                watermarked == null ? null : watermarked.sha256(), content, sha256, actor.username(), now);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("evidence", id);
        after.put("kind", kind.name());
        after.put("sha256", sha256);
        if (measure != null) {
            after.put("measure", measure);
        }
        audit.append(actor.tenantId(), actor.username(), "permit.evidence-record", "permit",
                String.valueOf(permit.id()), null, after);
        return store.find(actor.tenantId(), id).orElseThrow();
    }

    private List<String> watermark(Actor actor, Permit permit, Instant now, @Nullable GpsLocation location) {
        ZoneId zone = tenants.require(actor.tenantId()).zone();
        List<String> lines = new ArrayList<>();
        lines.add(text("evidence.watermark.time", WATERMARK_TIME.format(now.atZone(zone)), zone.getId()));
        lines.add(text("evidence.watermark.uploader", actor.username()));
        lines.add(text("evidence.watermark.permit", name(permit), permit.id()));
        lines.add(location == null ? text("evidence.watermark.noLocation")
                : text("evidence.watermark.location", location.latitude().toPlainString(),
                        location.longitude().toPlainString()));
        return lines;
    }

    private void checkDeclaredKind(Permit permit, @Nullable Integer measure, EvidenceKind kind) {
        if (measure == null) {
            return;
        }
        checkMeasureNumber(measure);
        requirements.of(permit.formKey(), measure)
                .filter(declared -> declared.kind() != kind)
                .ifPresent(declared -> {
                    throw new LocalizedException("evidence.kindMismatch", name(permit), measure,
                            text("evidence.kind." + declared.kind().name()), text("evidence.kind." + kind.name()));
                });
    }

    private static void checkMeasureNumber(int measure) {
        if (measure < 1) {
            throw new LocalizedException("evidence.measureInvalid", measure);
        }
    }

    private static String measureText(Permit permit, int measure) {
        return permit.data().path("safetyMeasures").path(measure - 1).path("item").asString("");
    }

    private Permit permit(Actor actor, long permitId) {
        return permits.find(actor.tenantId(), permitId).orElseThrow(() -> new NotFoundException("作业票", permitId));
    }

    private static String name(Permit permit) {
        return permit.permitNumber() == null ? "#" + permit.id() : permit.permitNumber();
    }

    private static String text(String key, Object... arguments) {
        return UserMessages.render(UserMessages.DEFAULT_LOCALE, key, arguments);
    }
}
