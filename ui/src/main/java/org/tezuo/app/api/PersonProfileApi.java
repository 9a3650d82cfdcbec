package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.tezuo.app.profile.ProfileAccess;
import org.tezuo.app.profile.ProfileLinks;
import org.tezuo.app.qualification.CertificateNumbers;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.profile.AssessmentClip;
import org.tezuo.core.qualification.profile.AssessmentClips;
import org.tezuo.core.qualification.profile.AssessmentKind;
import org.tezuo.core.qualification.profile.AssessmentRecord;
import org.tezuo.core.qualification.profile.AssessmentRecords;
import org.tezuo.core.qualification.profile.AssessmentResult;
import org.tezuo.core.qualification.profile.PersonProfiles;
import org.tezuo.core.qualification.profile.PersonProfiles.PersonProfile;
import org.tezuo.core.qualification.profile.ProfileToken;
import org.tezuo.core.qualification.profile.ProfileTokens;

/**
 * The per-person QR badge: its token, the profile it opens, the training and practical assessment records and
 * their video clips. A token or clip of another tenant is reported as not found. Clips are served with HTTP range
 * support (206 Partial Content), so a browser's video player can seek.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "person-profiles", description = "一人一码：二维码胸卡、培训与实操考核记录、考核视频")
class PersonProfileApi {

    private final ApiCaller caller;
    private final QualificationStore qualifications;
    private final ProfileTokens tokens;
    private final ProfileLinks links;
    private final PersonProfiles profiles;
    private final AssessmentRecords records;
    private final AssessmentClips clips;
    private final FileStore files;

    PersonProfileApi(ApiCaller caller, QualificationStore qualifications, ProfileTokens tokens, ProfileLinks links,
            PersonProfiles profiles, AssessmentRecords records, AssessmentClips clips, FileStore files) {
        this.caller = caller;
        this.qualifications = qualifications;
        this.tokens = tokens;
        this.links = links;
        this.profiles = profiles;
        this.records = records;
        this.clips = clips;
        this.files = files;
    }

    /** The badge code of a person: the URL its QR code encodes and whether it still opens the profile. */
    record BadgeCodeView(long personId, String url, Instant issuedAt, String issuedBy, boolean active) {
    }

    @GetMapping("/persons/{personId}/profile-token")
    @Operation(summary = "人员二维码（首次读取时生成）")
    BadgeCodeView badgeCode(@PathVariable long personId, HttpServletRequest request) {
        CurrentUser user = badgeManager();
        requirePerson(user.tenantId(), personId);
        return view(tokens.issue(user.tenantId(), personId, user.username()), request);
    }

    @PostMapping("/persons/{personId}/profile-token")
    @Operation(summary = "重新生成人员二维码（旧胸卡随即失效）")
    BadgeCodeView regenerate(@PathVariable long personId, HttpServletRequest request) {
        CurrentUser user = badgeManager();
        requirePerson(user.tenantId(), personId);
        return view(tokens.regenerate(user.tenantId(), personId, user.username()), request);
    }

    @DeleteMapping("/persons/{personId}/profile-token")
    @Operation(summary = "撤销人员二维码")
    ResponseEntity<Void> revoke(@PathVariable long personId) {
        CurrentUser user = badgeManager();
        requirePerson(user.tenantId(), personId);
        tokens.revoke(user.tenantId(), personId, user.username());
        return ResponseEntity.noContent().build();
    }

    /** The content of the profile page, with the ID number masked. */
    record ProfileView(String name, String maskedIdNumber, @Nullable String orgUnit, @Nullable String position,
            List<CertificateView> certificates, List<AssessmentView> assessments) {
    }

    /** A certificate of the profile; the number is masked unless the reader is a system administrator. */
    record CertificateView(String certNumber, String certificateClass, String item, String state, LocalDate validUntil,
            @Nullable Instant registryCheckedAt, @Nullable String registryResult, String authenticity,
            @Nullable LocalDate reviewDueOn, @Nullable LocalDate reviewDoneOn, List<CheckView> checks) {
    }

    record CheckView(Instant checkedAt, String result, String stateBefore, String stateAfter) {
    }

    record AssessmentView(long id, AssessmentKind kind, String item, LocalDate heldOn, AssessmentResult result,
            String assessor, @Nullable String notes, List<ClipView> clips) {

        static AssessmentView of(AssessmentRecord record, List<AssessmentClip> clips) {
            return new AssessmentView(record.id(), record.kind(), record.item(), record.heldOn(), record.result(),
                    record.assessor(), record.notes(), clips.stream().map(ClipView::of).toList());
        }
    }

    record ClipView(long id, String fileName, String contentType, long sizeBytes, String consentRecordedBy,
            Instant consentRecordedAt, String url) {

        static ClipView of(AssessmentClip clip) {
            return new ClipView(clip.id(), clip.originalName(), clip.contentType(), clip.sizeBytes(),
                    clip.consentRecordedBy(), clip.consentRecordedAt(), contentPath(clip.id()));
        }
    }

    @GetMapping("/person-profiles/{token}")
    @Operation(summary = "扫码查看人员持证与考核情况")
    ProfileView profile(@PathVariable String token) {
        CurrentUser reader = reader();
        long tenantId = reader.tenantId();
        // The token is not echoed: a message or log line that quotes it would open the profile to its reader.
        PersonProfile profile = profiles.byToken(tenantId, token)
                .orElseThrow(() -> new ApiProblem(HttpStatus.NOT_FOUND, "profile.tokenNotFound",
                        locale -> UserMessages.render(locale, "profile.tokenNotFound"),
                        locale -> List.of()));
        return view(profile, reader);
    }

    @PostMapping("/persons/{personId}/assessments")
    @Operation(summary = "登记培训或实操考核记录")
    ResponseEntity<AssessmentView> record(@PathVariable long personId,
            @RequestBody AssessmentRecords.NewAssessment body) {
        CurrentUser user = recorder();
        requirePerson(user.tenantId(), personId);
        AssessmentRecord record = records.record(user.tenantId(), user.username(), personId, body);
        return ResponseEntity.status(HttpStatus.CREATED).body(AssessmentView.of(record, List.of()));
    }

    @GetMapping("/persons/{personId}/assessments")
    @Operation(summary = "人员的培训与实操考核记录")
    List<AssessmentView> assessments(@PathVariable long personId) {
        long tenantId = reader().tenantId();
        Person person = requirePerson(tenantId, personId);
        return profiles.of(person).assessments().stream()
                .map(entry -> AssessmentView.of(entry.record(), entry.clips()))
                .toList();
    }

    /**
     * Streams the request body to disk as a clip. The body is the raw video (Content-Type video/mp4, video/webm
     * or application/octet-stream), never a multipart form, so Spring's multipart limits do not apply and the
     * store's video limit is the only one.
     */
    @PostMapping(path = "/assessments/{assessmentId}/clips",
            consumes = {"video/mp4", "video/webm", MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "上传考核视频（须勾选本人同意，MP4 或 WebM）")
    ResponseEntity<ClipView> upload(@PathVariable long assessmentId, @RequestParam String fileName,
            @RequestParam(defaultValue = "false") boolean consent, HttpServletRequest request) throws IOException {
        CurrentUser user = recorder();
        records.find(user.tenantId(), assessmentId)
                .orElseThrow(() -> new NotFoundException("培训或考核记录", assessmentId));
        long declaredBytes = request.getContentLengthLong();
        AssessmentClip clip;
        try (InputStream body = request.getInputStream()) {
            clip = clips.upload(user.tenantId(), user.username(), assessmentId, consent, fileName,
                    request.getContentType(), declaredBytes < 0 ? null : declaredBytes, body);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(ClipView.of(clip));
    }

    @GetMapping("/assessment-clips/{clipId}/content")
    @Operation(summary = "播放考核视频（支持 Range 请求）；本人撤回同意或已删除的视频返回 410")
    ResponseEntity<Resource> clipContent(@PathVariable long clipId) {
        long tenantId = reader().tenantId();
        AssessmentClip clip = clips.findShown(tenantId, clipId).orElseThrow(() -> notShown(tenantId, clipId));
        StoredFile file = files.find(tenantId, clip.fileId())
                .orElseThrow(() -> new NotFoundException("考核视频", clipId));
        // For a Resource body, Spring MVC handles a Range header: it returns 206 with the requested bytes only.
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(file.originalName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", FileApi.CONTENT_POLICY)
                .cacheControl(CacheControl.noStore())
                .body(new FileSystemResource(files.contentPath(file)));
    }

    @PostMapping("/assessment-clips/{clipId}/consent-withdrawal")
    @Operation(summary = "登记本人撤回同意（视频不再显示，文件随即从磁盘删除）")
    ResponseEntity<Void> withdrawConsent(@PathVariable long clipId) {
        CurrentUser user = recorder();
        clips.findShown(user.tenantId(), clipId).orElseThrow(() -> notShown(user.tenantId(), clipId));
        clips.withdrawConsent(user.tenantId(), clipId, user.username());
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/assessment-clips/{clipId}")
    @Operation(summary = "删除考核视频（视频文件随即从磁盘删除）")
    ResponseEntity<Void> deleteClip(@PathVariable long clipId) {
        CurrentUser user = recorder();
        clips.findShown(user.tenantId(), clipId).orElseThrow(() -> notShown(user.tenantId(), clipId));
        clips.delete(user.tenantId(), clipId, user.username());
        return ResponseEntity.noContent().build();
    }

    /**
     * Returns the rejection for a clip that is not shown: 410 Gone with the reason when the consent was withdrawn
     * or the clip deleted, 404 when the tenant never had it.
     */
    private RuntimeException notShown(long tenantId, long clipId) {
        return clips.removal(tenantId, clipId)
                .<RuntimeException>map(removal -> {
                    String key = removal == AssessmentClips.Removal.DELETED ? "clip.gone.deleted"
                            : "clip.gone.withdrawn";
                    return new ApiProblem(HttpStatus.GONE, key,
                            locale -> UserMessages.render(locale, key, clipId),
                            locale -> List.of());
                })
                .orElseGet(() -> new NotFoundException("考核视频", clipId));
    }

    /** Returns the path of a clip's content, which the profile page's video player loads. */
    static String contentPath(long clipId) {
        return "/api/assessment-clips/" + clipId + "/content";
    }

    private ProfileView view(PersonProfile profile, CurrentUser reader) {
        var locale = ApiCaller.locale();
        Person person = profile.person();
        List<CertificateView> certificates = profile.certificates().stream().map(entry -> {
            Certificate c = entry.certificate();
            return new CertificateView(CertificateNumbers.readable(reader, c.certNumber()),
                    c.certificateClass().label(locale), c.item(), c.state().label(locale), c.validUntil(),
                    c.registryCheckedAt(), c.registryResult() == null ? null : c.registryResult().label(locale),
                    entry.authenticity().label(locale), c.reviewDueOn(), c.reviewDoneOn(),
                    entry.checks().stream().map(check -> new CheckView(check.checkedAt(),
                            check.result().label(locale), check.stateBefore().label(locale),
                            check.stateAfter().label(locale))).toList());
        }).toList();
        List<AssessmentView> assessments = profile.assessments().stream()
                .map(entry -> AssessmentView.of(entry.record(), entry.clips()))
                .toList();
        return new ProfileView(person.name(), person.maskedIdNumber(), person.orgUnit(), person.position(),
                certificates, assessments);
    }

    private BadgeCodeView view(ProfileToken token, HttpServletRequest request) {
        String requestBase = ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
        return new BadgeCodeView(token.personId(), links.url(requestBase, token), token.issuedAt(),
                token.issuedBy(), token.active());
    }

    private Person requirePerson(long tenantId, long personId) {
        return qualifications.findPerson(tenantId, personId).orElseThrow(() -> new NotFoundException("人员", personId));
    }

    private CurrentUser reader() {
        caller.requireAnyRole(ProfileAccess.READERS.toArray(Role[]::new));
        return caller.user();
    }

    private CurrentUser badgeManager() {
        caller.requireAnyRole(ProfileAccess.BADGE_MANAGERS.toArray(Role[]::new));
        return caller.user();
    }

    private CurrentUser recorder() {
        caller.requireAnyRole(ProfileAccess.RECORDERS.toArray(Role[]::new));
        return caller.user();
    }
}
