package org.tezuo.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest
class MetadataStoreTest {

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JsonMapper json;

    private long newTenant() {
        return tenants.create("t-" + UUID.randomUUID(), "测试企业", null, ZoneId.of("Asia/Shanghai")).id();
    }

    @Test
    void publishFreezesVersionAndNextSaveStartsNewVersion() {
        long tenant = newTenant();
        var body = json.readTree("""
                {"job": "certificate-verification", "cron": "0 0 2 * * *", "zone": "Asia/Shanghai"}""");

        MetadataDocument published = store.saveAndPublish(tenant, MetadataKind.SCHEDULE, "nightly", body, "admin");
        MetadataDocument next = store.saveDraft(tenant, MetadataKind.SCHEDULE, "nightly", body, "admin");

        assertThat(published.version()).isEqualTo(1);
        assertThat(published.status()).isEqualTo(DocumentStatus.PUBLISHED);
        assertThat(next.version()).isEqualTo(2);
        assertThat(store.requirePublished(tenant, MetadataKind.SCHEDULE, "nightly").version()).isEqualTo(1);
        assertThat(published.checksum()).hasSize(64);
    }

    @Test
    void invalidBodyIsRejectedWithPathAndNothingSaved() {
        long tenant = newTenant();
        var body = json.readTree("""
                {"job": "certificate-verification", "cron": "every night", "zone": "Asia/Shanghai"}""");

        assertThatThrownBy(() -> store.saveDraft(tenant, MetadataKind.SCHEDULE, "nightly", body, "admin"))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .contains("schedule:nightly@1").contains("cron"));
        assertThat(store.history(tenant, MetadataKind.SCHEDULE, "nightly")).isEmpty();
    }

    @Test
    void listLatestIncludesDrafts() {
        long tenant = newTenant();
        var body = json.readTree("""
                {"job": "certificate-verification", "cron": "0 0 2 * * *", "zone": "Asia/Shanghai"}""");
        store.saveAndPublish(tenant, MetadataKind.SCHEDULE, "nightly", body, "admin");
        store.saveDraft(tenant, MetadataKind.SCHEDULE, "nightly", body, "admin");
        store.saveDraft(tenant, MetadataKind.SCHEDULE, "early", body, "admin");

        var latest = store.listLatest(tenant, MetadataKind.SCHEDULE);

        assertThat(latest).extracting(MetadataDocument::key).containsExactly("early", "nightly");
        assertThat(latest).extracting(MetadataDocument::version).containsExactly(1, 2);
        assertThat(latest).extracting(MetadataDocument::status)
                .containsExactly(DocumentStatus.DRAFT, DocumentStatus.DRAFT);
        assertThat(store.listPublished(tenant, MetadataKind.SCHEDULE)).extracting(MetadataDocument::key)
                .containsExactly("nightly");
    }
}
