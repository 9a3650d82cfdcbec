package org.tezuo.core.pack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.metadata.bundle.DocumentPreview;
import org.tezuo.core.metadata.bundle.ImportStatus;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.node.ObjectNode;

/** Applies, schedules, rejects and rolls back policy packs on PostgreSQL. */
@SpringBootTest
class PolicyPackApplierTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String PAST = "2023-04-01";

    @DynamicPropertySource
    static void trustedKeys(DynamicPropertyRegistry registry) {
        registry.add("tezuo.packs.trusted-keys", PackFixture.TRUSTED_DIRECTORY::toString);
    }

    @Autowired
    PolicyPackApplier applier;

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JdbcClient jdbc;

    private Tenant tenantWithWindRuleset() {
        Tenant tenant = tenants.create("pack-" + UUID.randomUUID(), "政策包测试企业", null, ZoneId.of("Asia/Shanghai"));
        store.saveAndPublish(tenant.id(), MetadataKind.RULESET, "wind", PackFixture.JSON.readTree(
                PackFixture.ruleset(6)), "engineer");
        return tenant;
    }

    private long permitInApproval(Tenant tenant) {
        return jdbc.sql("""
                insert into permit (tenant_id, permit_type, form_key, form_version, flow_key, ruleset_key,
                    ruleset_version, status, applicant, data, created_at, updated_at)
                values (?, 'hot-work', 'hot-work', 1, 'hot-work', 'wind', 1, 'IN_APPROVAL', 'worker', '{}', ?, ?)
                returning id""")
                .params(tenant.id(), Timestamp.from(java.time.Instant.now()), Timestamp.from(java.time.Instant.now()))
                .query(Long.class).single();
    }

    private static byte[] pack(String version, String from, int maxLevel) {
        return PackFixture.bytes(PackFixture.pack(version, from, PackFixture.ruleset(maxLevel), root -> { }));
    }

    private int windThreshold(Tenant tenant) {
        return store.requirePublished(tenant.id(), MetadataKind.RULESET, "wind").body()
                .path("thresholds").path("maxLevel").path("value").asInt();
    }

    @Test
    @DisplayName("Preview lists the changed threshold and the permit in approval that uses the ruleset")
    void previewShowsDiffAndAffectedPermits() {
        Tenant tenant = tenantWithWindRuleset();
        long permit = permitInApproval(tenant);

        PolicyPackPreview preview = applier.preview(tenant.id(), pack("2023.1", PAST, 5), ZH);

        assertThat(preview.allProblems()).isEmpty();
        assertThat(preview.scheduled()).isFalse();
        assertThat(preview.documents()).extracting(DocumentPreview::kind, DocumentPreview::key,
                DocumentPreview::status).containsExactly(tuple("ruleset", "wind", ImportStatus.CHANGED));
        assertThat(preview.documents().getFirst().changes()).isNotEmpty();
        assertThat(preview.affectedPermits()).extracting(PolicyPackPreview.AffectedPermit::permitId,
                PolicyPackPreview.AffectedPermit::documentReference).containsExactly(tuple(permit, "ruleset:wind"));
    }

    @Test
    @DisplayName("Apply publishes the pack's ruleset and rollback publishes the earlier body again")
    void applyThenRollBack() {
        Tenant tenant = tenantWithWindRuleset();

        InstalledPack applied = applier.apply(tenant.id(), pack("2023.1", PAST, 5), "director", ZH);

        assertThat(applied.status()).isEqualTo(InstalledPack.Status.ACTIVE);
        assertThat(applied.previousVersions()).containsEntry("ruleset:wind", 1);
        assertThat(applied.publishedVersions()).containsEntry("ruleset:wind", 2);
        assertThat(windThreshold(tenant)).isEqualTo(5);

        InstalledPack rolledBack = applier.rollback(tenant.id(), applied.id(), "director");

        assertThat(rolledBack.status()).isEqualTo(InstalledPack.Status.ROLLED_BACK);
        assertThat(windThreshold(tenant)).isEqualTo(6);
        assertThat(store.requirePublished(tenant.id(), MetadataKind.RULESET, "wind").version()).isEqualTo(3);
    }

    @Test
    @DisplayName("A pack dated ahead is scheduled and applied by the activation on its date")
    void futurePackIsScheduledThenActivated() {
        Tenant tenant = tenantWithWindRuleset();
        String tomorrow = LocalDate.now(tenant.zone()).plusDays(1).toString();

        InstalledPack scheduled = applier.apply(tenant.id(), pack("2027.1", tomorrow, 4), "director", ZH);

        assertThat(scheduled.status()).isEqualTo(InstalledPack.Status.SCHEDULED);
        assertThat(windThreshold(tenant)).isEqualTo(6);
        assertThat(applier.activateDue()).isZero();

        // The date comes: moving the stored date back stands for the calendar moving forward.
        jdbc.sql("update policy_pack_install set effective_from = ? where id = ?")
                .params(LocalDate.now(tenant.zone()), scheduled.id()).update();
        applier.activateDue();

        assertThat(windThreshold(tenant)).isEqualTo(4);
        assertThat(applier.installed(tenant.id())).extracting(InstalledPack::status)
                .containsExactly(InstalledPack.Status.ACTIVE);
    }

    @Test
    @DisplayName("A newer pack that names the installed one in supersedes replaces it, and rollback restores it")
    void supersedingPack() {
        Tenant tenant = tenantWithWindRuleset();
        applier.apply(tenant.id(), pack("2023.1", PAST, 5), "director", ZH);
        byte[] overlapping = pack("2024.1", "2024-01-01", 4);
        byte[] superseding = PackFixture.bytes(PackFixture.pack("2024.1", "2024-01-01", PackFixture.ruleset(4),
                root -> ((ObjectNode) root.path("manifest")).put("supersedes", "gb30871-wind@2023.1")));

        assertThat(applier.preview(tenant.id(), overlapping, ZH).allProblems()).extracting(PackProblem::message)
                .containsExactly("政策包 gb30871-wind@2024.1 的有效期与已安装的 gb30871-wind@2023.1（2023-04-01 至 —）"
                        + "重叠；请让新包声明 supersedes 取代它，或调整生效日期");

        InstalledPack newer = applier.apply(tenant.id(), superseding, "director", ZH);

        assertThat(windThreshold(tenant)).isEqualTo(4);
        assertThat(applier.installed(tenant.id())).extracting(InstalledPack::status)
                .containsExactly(InstalledPack.Status.ACTIVE, InstalledPack.Status.SUPERSEDED);

        applier.rollback(tenant.id(), newer.id(), "director");

        assertThat(windThreshold(tenant)).isEqualTo(5);
        assertThat(applier.installed(tenant.id())).extracting(InstalledPack::status)
                .containsExactly(InstalledPack.Status.ROLLED_BACK, InstalledPack.Status.ACTIVE);
    }

    private void assertRejected(Tenant tenant, byte[] file, String message) {
        assertThatThrownBy(() -> applier.apply(tenant.id(), file, "director", ZH))
                .isInstanceOfSatisfying(PolicyPackException.Rejected.class, rejected ->
                        assertThat(rejected.problems()).extracting(PackProblem::message).contains(message));
        assertThat(windThreshold(tenant)).isEqualTo(6);
        assertThat(applier.installed(tenant.id())).isEmpty();
    }

    private static byte[] edited(Consumer<ObjectNode> afterSigning) {
        ObjectNode root = PackFixture.pack("2023.1", PAST, PackFixture.ruleset(5), r -> { });
        afterSigning.accept(root);
        return PackFixture.bytes(root);
    }

    @Test
    @DisplayName("An unsigned pack is rejected and nothing is stored")
    void unsignedPackIsRejected() {
        assertRejected(tenantWithWindRuleset(), edited(root -> root.remove("signature")),
                "政策包 gb30871-wind@2023.1 没有签名；请用受信任的密钥签名后再上传");
    }

    @Test
    @DisplayName("A pack signed by a key the installation does not trust is rejected")
    void untrustedKeyIsRejected() {
        String keyId = TrustedPackKeys.keyId(PackFixture.STRANGER.getPublic());

        assertRejected(tenantWithWindRuleset(), edited(root -> PackFixture.sign(root, PackFixture.STRANGER)),
                "政策包的签名密钥 " + keyId + " 不受本系统信任；请改用受信任的密钥签名，或由管理员把该公钥放入 "
                        + "tezuo.packs.trusted-keys 目录");
    }

    @Test
    @DisplayName("A manifest changed after signing fails the signature check")
    void changedManifestIsRejected() {
        String keyId = TrustedPackKeys.keyId(PackFixture.TRUSTED.getPublic());

        assertRejected(tenantWithWindRuleset(), edited(root -> ((ObjectNode) root.path("manifest"))
                        .put("effectiveFrom", "2020-01-01")),
                "政策包 gb30871-wind@2023.1 的签名与清单不符（密钥 " + keyId + "）；清单在签名后被改动过，请从发布方重新获取政策包");
    }

    @Test
    @DisplayName("A document changed after signing fails its checksum")
    void tamperedDocumentIsRejected() {
        byte[] file = edited(root -> ((ObjectNode) root.path("documents").get(0).path("body")
                .path("thresholds").path("maxLevel")).put("value", 9));

        assertThatThrownBy(() -> applier.apply(tenantWithWindRuleset().id(), file, "director", ZH))
                .isInstanceOfSatisfying(PolicyPackException.Rejected.class, rejected ->
                        assertThat(rejected.problems().getFirst().message()).startsWith(
                                "文档 ruleset:wind 的内容与清单中的校验和不符"));
    }

    @Test
    @DisplayName("A ruleset that reads an undeclared threshold is rejected with the document check's message")
    void schemaInvalidDocumentIsRejected() {
        String broken = PackFixture.ruleset(5).replace("level > thresholds.maxLevel", "level > thresholds.maxLevle");
        byte[] file = PackFixture.bytes(PackFixture.pack("2023.1", PAST, broken, root -> { }));

        assertThatThrownBy(() -> applier.apply(tenantWithWindRuleset().id(), file, "director", ZH))
                .isInstanceOfSatisfying(PolicyPackException.Rejected.class, rejected ->
                        assertThat(rejected.problems()).extracting(PackProblem::where)
                                .containsExactly("ruleset:wind$.rules[0].when"));
    }

    @Test
    @DisplayName("A pack that needs a document neither it nor the tenant has is rejected")
    void unknownReferenceIsRejected() {
        byte[] file = PackFixture.bytes(PackFixture.pack("2023.1", PAST, PackFixture.ruleset(5),
                root -> ((ObjectNode) root.path("manifest")).putArray("requires").add("ruleset:lng-gas")));

        assertRejected(tenantWithWindRuleset(), file,
                "政策包引用的 ruleset:lng-gas 既不在包中，也未在本企业发布；请先发布该文档，或使用包含它的政策包");
    }

    @Test
    @DisplayName("Every problem of a rejected pack is reported at once")
    void problemsAreListedTogether() {
        byte[] file = edited(root -> {
            root.remove("signature");
            ((ObjectNode) root.path("documents").get(0).path("body")).put("extra", 1);
        });

        List<PackProblem> problems = applier.preview(tenantWithWindRuleset().id(), file, ZH).allProblems();

        assertThat(problems).extracting(PackProblem::where).startsWith("signature.json", "ruleset:wind");
    }
}
