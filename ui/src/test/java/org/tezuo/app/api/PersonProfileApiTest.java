package org.tezuo.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.app.profile.ProfileFixture;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.profile.AssessmentClips;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The person profile endpoints over real HTTP against real PostgreSQL: badge tokens and their tenant isolation,
 * assessment records, and clip upload with consent, content sniffing, the size limit (set to 1 MB here) and range
 * requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "tezuo.files.max-video-size=1MB")
class PersonProfileApiTest {

    private static final int ONE_MEGABYTE = 1024 * 1024;

    @LocalServerPort
    int port;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditLog audit;

    @Autowired
    JsonMapper json;

    @Autowired
    FileStore files;

    @Autowired
    AssessmentClips clips;

    private final HttpClient http = HttpClient.newHttpClient();
    private ProfileFixture company;
    private ProfileFixture otherCompany;

    @BeforeEach
    void createCompanies() {
        company = ProfileFixture.create(installer, accounts, qualifications, jdbc);
        otherCompany = ProfileFixture.create(installer, accounts, qualifications, jdbc);
    }

    @Test
    void tokenOpensProfileWithMaskedIdNumber() throws Exception {
        String token = badgeToken(company);

        HttpResponse<String> response = get(company.admin, "/api/person-profiles/" + token, null);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        // The certificate number embeds the ID number, as printed on the certificate; nothing else shows it.
        assertThat(response.body().replace(ProfileFixture.CERT_NUMBER, "")).doesNotContain(ProfileFixture.ID_NUMBER);
        JsonNode profile = json.readTree(response.body());
        assertThat(profile.path("name").asString()).isEqualTo("王焊工");
        assertThat(profile.path("maskedIdNumber").asString()).isEqualTo("3201**********1234");
        JsonNode certificate = profile.path("certificates").get(0);
        assertThat(certificate.path("item").asString()).isEqualTo("熔化焊接与热切割作业");
        assertThat(certificate.path("authenticity").asString()).isEqualTo("真实");
        assertThat(certificate.path("registryCheckedAt").asString()).isEqualTo("2026-12-01T01:00:00Z");
        assertThat(certificate.path("checks").size()).isEqualTo(2);
    }

    @Test
    void profileShowsFullCertificateNumberToAdministratorOnly() throws Exception {
        String token = badgeToken(company);

        JsonNode forAdmin = json.readTree(get(company.admin, "/api/person-profiles/" + token, null).body());
        HttpResponse<String> forHrbp = get(company.hrbp, "/api/person-profiles/" + token, null);

        assertThat(forAdmin.path("certificates").get(0).path("certNumber").asString())
                .isEqualTo(ProfileFixture.CERT_NUMBER);
        assertThat(forHrbp.statusCode()).as(forHrbp.body()).isEqualTo(200);
        assertThat(forHrbp.body()).doesNotContain(ProfileFixture.ID_NUMBER);
        JsonNode certificate = json.readTree(forHrbp.body()).path("certificates").get(0);
        assertThat(certificate.path("certNumber").asString()).isEqualTo("T3201**********1234");
        assertThat(certificate.path("certificateClass").asString()).isEqualTo("特种作业操作证");
    }

    @Test
    void tokenOfAnotherTenantDoesNotResolve() throws Exception {
        String token = badgeToken(company);

        HttpResponse<String> foreign = get(otherCompany.admin, "/api/person-profiles/" + token, null);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain(token).doesNotContain("王焊工");
        assertThat(json.readTree(foreign.body()).path("message").asString()).startsWith("这个二维码无效");
    }

    @Test
    void regeneratedAndRevokedTokensStopResolving() throws Exception {
        String first = badgeToken(company);

        HttpResponse<String> regenerated = send(company.hrbp, "POST",
                "/api/persons/" + company.personId + "/profile-token", null);
        String second = tokenOf(json.readTree(regenerated.body()));
        HttpResponse<String> revoked = send(company.admin, "DELETE",
                "/api/persons/" + company.personId + "/profile-token", null);

        assertThat(regenerated.statusCode()).as(regenerated.body()).isEqualTo(200);
        assertThat(second).isNotEqualTo(first).hasSize(43);
        assertThat(revoked.statusCode()).isEqualTo(204);
        assertThat(get(company.admin, "/api/person-profiles/" + first, null).statusCode()).isEqualTo(404);
        assertThat(get(company.admin, "/api/person-profiles/" + second, null).statusCode()).isEqualTo(404);
        List<AuditEntry> entries = audit.forSubject(company.tenantId, "person", String.valueOf(company.personId));
        assertThat(entries).extracting(AuditEntry::action).containsExactly("person.profile-token-issue",
                "person.profile-token-regenerate", "person.profile-token-revoke");
        assertThat(entries).allSatisfy(entry -> assertThat(String.valueOf(entry.afterState())).doesNotContain(second));
    }

    @Test
    void workerCannotManageOrReadProfiles() throws Exception {
        String token = badgeToken(company);

        HttpResponse<String> read = get(company.worker, "/api/person-profiles/" + token, null);
        HttpResponse<String> regenerate = send(company.worker, "POST",
                "/api/persons/" + company.personId + "/profile-token", null);

        assertThat(read.statusCode()).isEqualTo(403);
        assertThat(regenerate.statusCode()).isEqualTo(403);
    }

    @Test
    void assessmentRecordIsCheckedAndListed() throws Exception {
        HttpResponse<String> future = recordAssessment(company, "PRACTICAL", "2999-01-01", "PASSED");
        HttpResponse<String> attended = recordAssessment(company, "PRACTICAL", "2026-11-20", "ATTENDED");
        HttpResponse<String> created = recordAssessment(company, "PRACTICAL", "2026-11-20", "PASSED");

        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(message(future)).startsWith("日期 2999-01-01 晚于今天");
        assertThat(attended.statusCode()).isEqualTo(422);
        assertThat(message(attended)).startsWith("实操考核的结果只能是“合格”或“不合格”");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> listed = get(company.admin, "/api/persons/" + company.personId + "/assessments", null);
        JsonNode records = json.readTree(listed.body());
        assertThat(records.size()).isEqualTo(1);
        assertThat(records.get(0).path("assessor").asString()).isEqualTo("张考评");
    }

    @Test
    void clipWithoutConsentIsRejected() throws Exception {
        long assessment = assessmentId(company);

        HttpResponse<String> response = upload(company.admin, assessment, "weld.mp4", false,
                ProfileFixture.mp4(1000), "video/mp4", false);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).isEqualTo(
                "未确认本人同意，视频“weld.mp4”没有保存；请先取得本人同意并勾选“本人已同意”，再上传");
        assertThat(clipCount(company)).isZero();
    }

    @Test
    void textFileNamedMp4IsRejected() throws Exception {
        long assessment = assessmentId(company);
        byte[] text = "这不是视频，只是一段文字。\n".repeat(20).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = upload(company.admin, assessment, "weld.mp4", true, text, "video/mp4", false);

        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(message(response)).isEqualTo(
                "文件“weld.mp4”不是 MP4 或 WebM 视频（按文件内容识别，上传时声明的类型为 video/mp4）；请上传 MP4 或 WebM 格式的视频");
        assertThat(clipCount(company)).isZero();
    }

    @Test
    void clipOverLimitIsRejectedWithBothSizes() throws Exception {
        long assessment = assessmentId(company);
        byte[] tooLarge = ProfileFixture.mp4(ONE_MEGABYTE + ONE_MEGABYTE / 2);

        HttpResponse<String> declared = upload(company.admin, assessment, "long.mp4", true, tooLarge, "video/mp4",
                false);
        HttpResponse<String> streamed = upload(company.admin, assessment, "long.mp4", true, tooLarge, "video/mp4",
                true);

        assertThat(declared.statusCode()).isEqualTo(422);
        assertThat(message(declared)).isEqualTo("视频“long.mp4”大小为 1.5 MB，超过 1 MB 的上限；请剪短或压缩后重新上传");
        assertThat(streamed.statusCode()).isEqualTo(422);
        assertThat(message(streamed)).isEqualTo("文件“long.mp4”超过 1 MB 的上限；请压缩或缩小后重新上传");
        assertThat(clipCount(company)).isZero();
    }

    @Test
    void clipIsServedWithRangeSupport() throws Exception {
        long assessment = assessmentId(company);
        byte[] video = ProfileFixture.mp4(50_000);
        JsonNode clip = json.readTree(upload(company.admin, assessment, "weld.mp4", true, video,
                "application/octet-stream", true).body());
        String content = clip.path("url").asString();

        HttpResponse<byte[]> whole = getBytes(company.hrbp, content, null);
        HttpResponse<byte[]> head = getBytes(company.admin, content, "bytes=0-99");
        HttpResponse<byte[]> tail = getBytes(company.admin, content, "bytes=" + (video.length - 10) + "-");
        HttpResponse<byte[]> outside = getBytes(company.admin, content, "bytes=" + (video.length + 10) + "-");

        assertThat(clip.path("contentType").asString()).isEqualTo("video/mp4");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.headers().firstValue("Accept-Ranges")).hasValue("bytes");
        assertThat(whole.body()).isEqualTo(video);
        assertThat(head.statusCode()).isEqualTo(206);
        assertThat(head.headers().firstValue("Content-Range")).hasValue("bytes 0-99/" + video.length);
        assertThat(head.body()).isEqualTo(Arrays.copyOfRange(video, 0, 100));
        assertThat(tail.statusCode()).isEqualTo(206);
        assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(video, video.length - 10, video.length));
        assertThat(outside.statusCode()).isEqualTo(416);
    }

    @Test
    void clipOfAnotherTenantIsNotFound() throws Exception {
        long assessment = assessmentId(company);
        JsonNode clip = json.readTree(upload(company.admin, assessment, "weld.mp4", true, ProfileFixture.mp4(1000),
                "video/mp4", false).body());

        HttpResponse<byte[]> foreign = getBytes(otherCompany.admin, clip.path("url").asString(), "bytes=0-9");
        HttpResponse<String> foreignUpload = upload(otherCompany.admin, assessment, "weld.mp4", true,
                ProfileFixture.mp4(1000), "video/mp4", false);

        assertThat(foreign.statusCode()).isEqualTo(404);
        assertThat(foreignUpload.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("Withdrawn consent hides the clip, deletes its video and answers 410 in Chinese")
    void withdrawnConsentHidesClip() throws Exception {
        long assessment = assessmentId(company);
        JsonNode clip = json.readTree(upload(company.admin, assessment, "weld.mp4", true, ProfileFixture.mp4(1000),
                "video/mp4", false).body());
        long clipId = clip.path("id").asLong();
        String fileId = fileIdOf(clipId);
        Path video = files.contentPath(files.find(company.tenantId, fileId).orElseThrow());
        assertThat(video).exists();

        HttpResponse<String> withdrawn = send(company.hrbp, "POST",
                "/api/assessment-clips/" + clipId + "/consent-withdrawal", null);

        assertThat(withdrawn.statusCode()).isEqualTo(204);
        assertThat(video).doesNotExist();
        assertThat(files.find(company.tenantId, fileId)).isEmpty();
        assertThat(fileIdOf(clipId)).isNull();
        HttpResponse<String> played = get(company.admin, clip.path("url").asString(), "bytes=0-9");
        assertThat(played.statusCode()).isEqualTo(410);
        assertThat(message(played)).isEqualTo("考核视频 " + clipId
                + " 已删除：本人撤回了同意，视频不能再播放。如需保留考核视频，请重新取得本人同意后再上传");
        JsonNode records = json.readTree(get(company.admin,
                "/api/persons/" + company.personId + "/assessments", null).body());
        assertThat(records.get(0).path("clips").size()).isZero();
        JsonNode profile = json.readTree(get(company.admin, "/api/person-profiles/" + badgeToken(company), null)
                .body());
        assertThat(profile.path("assessments").get(0).path("clips").size()).isZero();
        assertThat(audit.forSubject(company.tenantId, "assessment_clip", String.valueOf(clipId)))
                .extracting(AuditEntry::action)
                .containsExactly("assessment.clip-upload", "assessment.clip-consent-withdraw");
    }

    @Test
    @DisplayName("Deleted clip loses its video and answers 410, an unknown clip 404")
    void deletedClipIsGone() throws Exception {
        long assessment = assessmentId(company);
        JsonNode clip = json.readTree(upload(company.admin, assessment, "weld.mp4", true, ProfileFixture.mp4(1000),
                "video/mp4", false).body());
        long clipId = clip.path("id").asLong();
        Path video = files.contentPath(files.find(company.tenantId, fileIdOf(clipId)).orElseThrow());

        HttpResponse<String> byWorker = send(company.worker, "DELETE", "/api/assessment-clips/" + clipId, null);
        HttpResponse<String> deleted = send(company.admin, "DELETE", "/api/assessment-clips/" + clipId, null);
        HttpResponse<String> deletedAgain = send(company.admin, "DELETE", "/api/assessment-clips/" + clipId, null);

        assertThat(byWorker.statusCode()).isEqualTo(403);
        assertThat(deleted.statusCode()).isEqualTo(204);
        assertThat(video).doesNotExist();
        HttpResponse<String> played = get(company.hrbp, clip.path("url").asString(), null);
        assertThat(played.statusCode()).isEqualTo(410);
        assertThat(message(played)).isEqualTo("考核视频 " + clipId + " 已被记录人删除，不能再播放；如仍需要，请联系培训记录人重新上传");
        assertThat(deletedAgain.statusCode()).isEqualTo(410);
        HttpResponse<String> unknown = get(company.admin, "/api/assessment-clips/" + (clipId + 1000) + "/content",
                null);
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> foreign = get(otherCompany.admin, clip.path("url").asString(), null);
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    @DisplayName("Videos of withdrawn clips left on disk are deleted by the sweep")
    void leftoverVideoIsDeletedBySweep() throws Exception {
        long assessment = assessmentId(company);
        long clipId = json.readTree(upload(company.admin, assessment, "weld.mp4", true, ProfileFixture.mp4(1000),
                "video/mp4", false).body()).path("id").asLong();
        String fileId = fileIdOf(clipId);
        Path video = files.contentPath(files.find(company.tenantId, fileId).orElseThrow());
        // As if the process had stopped between the commit of the withdrawal and the deletion of the video.
        jdbc.sql("update assessment_clip set consent_given = false, consent_withdrawn_by = 'hrbp', "
                + "consent_withdrawn_at = current_timestamp where id = ?").param(clipId).update();

        int deleted = clips.deleteLeftoverVideos();

        assertThat(deleted).isPositive();
        assertThat(video).doesNotExist();
        assertThat(files.find(company.tenantId, fileId)).isEmpty();
        assertThat(fileIdOf(clipId)).isNull();
    }

    private String badgeToken(ProfileFixture fixture) throws Exception {
        HttpResponse<String> response = get(fixture.admin, "/api/persons/" + fixture.personId + "/profile-token",
                null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode code = json.readTree(response.body());
        assertThat(code.path("url").asString()).startsWith("http://127.0.0.1:" + port + "/profile/");
        return tokenOf(code);
    }

    private static String tokenOf(JsonNode code) {
        String url = code.path("url").asString();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private HttpResponse<String> recordAssessment(ProfileFixture fixture, String kind, String heldOn, String result)
            throws Exception {
        return send(fixture.admin, "POST", "/api/persons/" + fixture.personId + "/assessments",
                "{\"kind\":\"" + kind + "\",\"item\":\"熔化焊接与热切割作业\",\"heldOn\":\"" + heldOn
                        + "\",\"result\":\"" + result + "\",\"assessor\":\"张考评\",\"notes\":\"平焊、立焊各一件\"}");
    }

    private long assessmentId(ProfileFixture fixture) throws Exception {
        HttpResponse<String> created = recordAssessment(fixture, "PRACTICAL", "2026-11-20", "PASSED");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json.readTree(created.body()).path("id").asLong();
    }

    private @Nullable String fileIdOf(long clipId) {
        List<String> fileIds = jdbc.sql("select file_id from assessment_clip where id = ?").param(clipId)
                .query(String.class).list();
        assertThat(fileIds).hasSize(1);
        return fileIds.get(0);
    }

    private long clipCount(ProfileFixture fixture) {
        return jdbc.sql("select count(*) from assessment_clip where tenant_id = ?").param(fixture.tenantId)
                .query(Long.class).single();
    }

    private String message(HttpResponse<String> response) {
        return json.readTree(response.body()).path("message").asString();
    }

    /**
     * Uploads a clip as the raw request body; {@code chunked} sends it without Content-Length, so only the
     * streaming check can stop it.
     */
    private HttpResponse<String> upload(String username, long assessmentId, String fileName, boolean consent,
            byte[] content, String contentType, boolean chunked) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher body = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(content))
                : HttpRequest.BodyPublishers.ofByteArray(content);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url("/api/assessments/" + assessmentId
                        + "/clips?consent=" + consent + "&fileName="
                        + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8))))
                .header("Authorization", basic(username))
                .header("Content-Type", contentType)
                .POST(body)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String username, String path, String range)
            throws IOException, InterruptedException {
        return http.send(getRequest(username, path, range), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<byte[]> getBytes(String username, String path, String range)
            throws IOException, InterruptedException {
        return http.send(getRequest(username, path, range), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest getRequest(String username, String path, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(username))
                .GET();
        if (range != null) {
            request.header("Range", range);
        }
        return request.build();
    }

    private HttpResponse<String> send(String username, String method, String path, String body)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Authorization", basic(username))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private static String basic(String username) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + ProfileFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    }
}
