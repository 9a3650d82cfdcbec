package org.tezuo.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.metadata.diff.ChangeType;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class MetadataVersionsTest {

    @Autowired
    MetadataVersions versions;

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    AuditLog audit;

    @Autowired
    JsonMapper json;

    private long newTenant() {
        return tenants.create("v-" + UUID.randomUUID(), "版本测试企业", null, ZoneId.of("Asia/Shanghai")).id();
    }

    private JsonNode schedule(String cron) {
        return json.readTree("{\"job\": \"certificate-verification\", \"cron\": \"" + cron
                + "\", \"zone\": \"Asia/Shanghai\"}");
    }

    private long tenantWithTwoVersions() {
        long id = newTenant();
        store.saveAndPublish(id, MetadataKind.SCHEDULE, "nightly", schedule("0 0 2 * * *"), "admin");
        store.saveAndPublish(id, MetadataKind.SCHEDULE, "nightly", schedule("0 30 1 * * *"), "admin");
        return id;
    }

    @Test
    void rollbackPublishesNewVersionEqualToChosenOne() {
        long id = tenantWithTwoVersions();
        MetadataDocument first = store.find(id, MetadataKind.SCHEDULE, "nightly", 1).orElseThrow();

        MetadataDocument rolledBack = versions.rollback(id, MetadataKind.SCHEDULE, "nightly", 1, "admin");

        assertThat(rolledBack.version()).isEqualTo(3);
        assertThat(rolledBack.status()).isEqualTo(DocumentStatus.PUBLISHED);
        assertThat(rolledBack.body()).isEqualTo(first.body());
        assertThat(rolledBack.checksum()).isEqualTo(first.checksum());
        assertThat(store.requirePublished(id, MetadataKind.SCHEDULE, "nightly").version()).isEqualTo(3);
        assertThat(store.find(id, MetadataKind.SCHEDULE, "nightly", 2).orElseThrow().body())
                .isEqualTo(schedule("0 30 1 * * *"));
    }

    @Test
    void rollbackIsAuditedWithReplacedAndRestoredVersion() {
        long id = tenantWithTwoVersions();

        versions.rollback(id, MetadataKind.SCHEDULE, "nightly", 1, "admin");

        List<AuditEntry> entries = audit.forSubject(id, "metadata", "schedule:nightly@3");
        assertThat(entries).extracting(AuditEntry::action)
                .containsExactly("metadata.save-draft", "metadata.publish", "metadata.rollback");
        AuditEntry rollback = entries.getLast();
        assertThat(rollback.actor()).isEqualTo("admin");
        assertThat(json.readTree(rollback.beforeState()).path("version").asInt()).isEqualTo(2);
        assertThat(json.readTree(rollback.afterState()).path("version").asInt()).isEqualTo(3);
        assertThat(json.readTree(rollback.afterState()).path("restoredFrom").asInt()).isEqualTo(1);
    }

    @Test
    void rollbackWhileDraftIsOpenIsRejected() {
        long id = tenantWithTwoVersions();
        store.saveDraft(id, MetadataKind.SCHEDULE, "nightly", schedule("0 0 3 * * *"), "admin");

        assertThatThrownBy(() -> versions.rollback(id, MetadataKind.SCHEDULE, "nightly", 1, "admin"))
                .isInstanceOfSatisfying(MetadataConflictException.class, e -> {
                    assertThat(e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                            "元数据 schedule:nightly 有未发布的草稿（版本 3），不能回滚到版本 1；请先发布该草稿，再回滚");
                    assertThat(e.message(Locale.ENGLISH)).startsWith(
                            "Metadata schedule:nightly has an unpublished draft (version 3)");
                });
        assertThat(store.history(id, MetadataKind.SCHEDULE, "nightly")).hasSize(3);
    }

    @Test
    void rollbackToMissingVersionIsRejected() {
        long id = tenantWithTwoVersions();

        assertThatThrownBy(() -> versions.rollback(id, MetadataKind.SCHEDULE, "nightly", 7, "admin"))
                .isInstanceOfSatisfying(MetadataVersionNotFoundException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("元数据 schedule:nightly 没有版本 7；现有版本为 1 至 2，请从版本列表中选择"));
        assertThat(store.history(id, MetadataKind.SCHEDULE, "nightly")).hasSize(2);
    }

    @Test
    void rollbackToNewestVersionIsRejected() {
        long id = tenantWithTwoVersions();

        assertThatThrownBy(() -> versions.rollback(id, MetadataKind.SCHEDULE, "nightly", 2, "admin"))
                .isInstanceOfSatisfying(MetadataConflictException.class, e -> assertThat(
                        e.message(Locale.ENGLISH)).isEqualTo("Version 2 of metadata schedule:nightly is already the "
                        + "newest published version; pick an earlier version to roll back to"));
    }

    @Test
    void compareIncludesOpenDraft() {
        long id = tenantWithTwoVersions();
        store.saveDraft(id, MetadataKind.SCHEDULE, "nightly", schedule("0 0 3 * * *"), "admin");

        MetadataVersions.VersionComparison comparison = versions.compare(id, MetadataKind.SCHEDULE, "nightly", 1, 3);

        assertThat(comparison.to().status()).isEqualTo(DocumentStatus.DRAFT);
        assertThat(comparison.changes()).singleElement().satisfies(change -> {
            assertThat(change.type()).isEqualTo(ChangeType.CHANGED);
            assertThat(change.path()).isEqualTo("/cron");
            assertThat(change.description(Locale.SIMPLIFIED_CHINESE)).isEqualTo("/cron 由 0 0 2 * * * 改为 0 0 3 * * *");
        });
    }
}
