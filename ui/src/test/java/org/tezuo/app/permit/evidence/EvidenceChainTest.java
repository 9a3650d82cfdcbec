package org.tezuo.app.permit.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.security.Role;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.node.ObjectNode;

/** Records evidence for a hot-work permit, seals it to a risk item, then tampers with rows and files. */
@SpringBootTest(properties = "tezuo.files.dir=target/evidence-files")
class EvidenceChainTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Autowired
    TemplateInstaller installer;

    @Autowired
    PermitDrafter drafter;

    @Autowired
    EvidenceRecorder recorder;

    @Autowired
    EvidenceSealer sealer;

    @Autowired
    EvidenceVerifier verifier;

    @Autowired
    FileStore files;

    @Autowired
    JdbcClient jdbc;

    private Actor engineer;
    private Permit permit;

    @BeforeEach
    void draftPermit() {
        long tenantId = installer.createTenant("evidence-" + UUID.randomUUID(), "证据链测试化工", "lng-terminal",
                SHANGHAI, "test").tenant().id();
        Actor applicant = new Actor(tenantId, "welder-1", Locale.SIMPLIFIED_CHINESE);
        ObjectNode data = drafter.initialData(applicant, "hot-work");
        data.put("location", "1 号储罐区东侧管廊");
        permit = drafter.create(applicant, "hot-work", data);
        engineer = new Actor(tenantId, "engineer", Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    @DisplayName("Sealed evidence verifies intact and names an edited seal and a changed file")
    void sealedEvidenceDetectsTampering() throws Exception {
        PermitEvidence photo = recorder.recordPhoto(engineer, permit.id(), 1, "IMG_0001.jpg", "image/jpeg",
                jpeg(), EvidenceRecorder.location(new BigDecimal("31.230416"), new BigDecimal("121.473701")));
        PermitEvidence reading = recorder.recordReading(engineer, permit.id(), 13, new EvidenceRecorder.Reading(
                "GD-01", "CH4", new BigDecimal("0.2"), "%LEL", null));
        PermitEvidence tick = recorder.recordTick(engineer, Set.of(Role.SAFETY_ENGINEER), permit.id(), 12);
        sealer.seal(engineer, permit, "lelHigh", List.of(photo.id(), reading.id()));
        sealer.seal(engineer, permit, "windHigh", List.of(tick.id()));

        EvidenceVerification intact = verifier.verify(engineer.tenantId(), permit.id());

        assertThat(intact.problems()).isEmpty();
        assertThat(intact.evidenceCount()).isEqualTo(3);
        assertThat(intact.sealCount()).isEqualTo(3);
        assertThat(photo.watermarkedFileId()).isNotNull();
        assertThat(photo.watermarkedSha256()).isNotEqualTo(photo.sha256());
        assertThat(photo.content()).contains("31.230416", "121.473701");

        jdbc.sql("update evidence_seal set risk_item_code = 'other' where permit_id = ? and seq = 2")
                .param(permit.id()).update();
        Path content = files.contentPath(files.find(engineer.tenantId(), photo.fileId()).orElseThrow());
        Files.write(content, new byte[] {1, 2, 3});

        EvidenceVerification broken = verifier.verify(engineer.tenantId(), permit.id());

        assertThat(broken.intact()).isFalse();
        assertThat(broken.problems()).extracting(problem -> problem.message(Locale.SIMPLIFIED_CHINESE))
                .containsExactlyInAnyOrder("第 2 个封存记录（风险项 other）的内容被修改：哈希不符",
                        "证据 " + photo.id() + " 的文件 " + photo.fileId() + " 被修改：SHA-256 应为 " + photo.sha256()
                                + "，实为 039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");
    }

    @Test
    @DisplayName("A tick by a user without the declared role is rejected")
    void tickNeedsDeclaredRole() {
        assertThatThrownBy(() -> recorder.recordTick(engineer, Set.of(Role.WORKER), permit.id(), 12))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("第 12 项安全措施须由安全工程师勾选确认，用户 engineer 没有该角色；请由安全工程师勾选"));
    }

    @Test
    @DisplayName("Evidence of the wrong kind for a declared measure is rejected")
    void wrongKindIsRejected() {
        assertThatThrownBy(() -> recorder.recordReading(engineer, permit.id(), 1, new EvidenceRecorder.Reading(
                "GD-01", "CH4", BigDecimal.ONE, "%LEL", null)))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("作业票 #" + permit.id() + " 的第 1 项安全措施要求的证据是“照片”，不是“检测读数”；请按要求提交"));
    }

    @Test
    @DisplayName("Sealing evidence of another permit is rejected")
    void foreignEvidenceIsRejected() {
        Permit other = drafter.create(new Actor(engineer.tenantId(), "welder-1", Locale.SIMPLIFIED_CHINESE),
                "hot-work", permit.data());
        PermitEvidence reading = recorder.recordReading(engineer, other.id(), null, new EvidenceRecorder.Reading(
                "GD-01", "CH4", BigDecimal.ONE, "%LEL", null));

        assertThatThrownBy(() -> sealer.seal(engineer, permit, "lelHigh", List.of(reading.id())))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("证据 " + reading.id() + " 不属于作业票 #" + permit.id()
                                + "；请先为该作业票提交证据，再在确认风险时引用"));
    }

    private static byte[] jpeg() throws Exception {
        BufferedImage image = new BufferedImage(320, 240, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(new Color(90, 120, 150));
        graphics.fillRect(0, 0, 320, 240);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        return out.toByteArray();
    }
}
