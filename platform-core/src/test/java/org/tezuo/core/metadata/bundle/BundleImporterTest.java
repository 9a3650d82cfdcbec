package org.tezuo.core.metadata.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.metadata.PublicationStep;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Moves configuration from a test tenant to a production tenant through JSON and zip bundles on PostgreSQL. A
 * publication step that rejects documents keyed {@code rejected-on-publish} when user {@code admin} publishes them
 * stands for a step that fails in the middle of an apply.
 */
@SpringBootTest
class BundleImporterTest {

    private static final String REJECTED_KEY = "rejected-on-publish";

    @TestConfiguration
    static class RejectingStep {
        @Bean
        PublicationStep rejectingStep() {
            return new PublicationStep() {
                @Override
                public boolean appliesTo(MetadataDocument draft) {
                    return draft.key().equals(REJECTED_KEY) && draft.author().equals("admin");
                }

                @Override
                public void beforePublish(MetadataDocument draft, Optional<MetadataDocument> previous) {
                    throw new LocalizedException("test.publicationRejected", draft.reference());
                }
            };
        }
    }

    private static final String ENTITY = """
            {"name": "person_certificate", "label": {"zh": "持证台账", "en": "Certificates"},
             "fields": [{"name": "name", "type": "text", "label": {"zh": "姓名", "en": "Name"}, "required": true}]}""";

    private static final String FORM_V1 = """
            {"title": {"zh": "动火安全作业票", "en": "Hot-work permit"},
             "schema": {"type": "object", "required": ["location"],
                        "properties": {"location": {"type": "string", "x-label": {"zh": "动火地点", "en": "Location"}},
                                       "method": {"type": "string", "x-label": {"zh": "动火方式", "en": "Method"}}}},
             "layout": {"sections": [{"title": {"zh": "动火作业"}, "fields": ["location", "method"]}]}}""";

    private static final String SCHEDULE = """
            {"job": "certificate-verification", "cron": "0 0 2 * * *", "zone": "Asia/Shanghai"}""";

    private static final String CONNECTOR = """
            {"type": "weather", "baseUrl": "http://127.0.0.1:18092/weather",
             "credentials": {"apiKeyEnv": "TEZUO_WEATHER_API_KEY"}, "connectTimeoutMs": 2000}""";

    @Autowired
    BundleExporter exporter;

    @Autowired
    BundleImporter importer;

    @Autowired
    BundleWriter writer;

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    AuditLog audit;

    @Autowired
    JsonMapper json;

    private Tenant newTenant(String prefix) {
        return tenants.create(prefix + "-" + UUID.randomUUID(), "导入测试企业", null, ZoneId.of("Asia/Shanghai"));
    }

    private JsonNode formV2() {
        ObjectNode form = (ObjectNode) json.readTree(FORM_V1);
        ((ObjectNode) form.path("schema").path("properties").path("location").path("x-label"))
                .put("zh", "动火地点及部位");
        ((ArrayNode) form.path("schema").path("required")).add("method");
        return form;
    }

    /** Creates a test tenant with four documents, of which the form has two versions. */
    private Tenant sourceTenant() {
        Tenant source = newTenant("test");
        store.saveAndPublish(source.id(), MetadataKind.ENTITY, "person-certificate", json.readTree(ENTITY), "dev");
        store.saveAndPublish(source.id(), MetadataKind.FORM, "hot-work-permit", json.readTree(FORM_V1), "dev");
        store.saveAndPublish(source.id(), MetadataKind.FORM, "hot-work-permit", formV2(), "dev");
        store.saveAndPublish(source.id(), MetadataKind.SCHEDULE, "nightly", json.readTree(SCHEDULE), "dev");
        store.saveAndPublish(source.id(), MetadataKind.CONNECTOR, "weather", json.readTree(CONNECTOR), "dev");
        return source;
    }

    /** Creates a production tenant with the first form version and the same schedule. */
    private Tenant productionTenant() {
        Tenant target = newTenant("prod");
        store.saveAndPublish(target.id(), MetadataKind.FORM, "hot-work-permit", json.readTree(FORM_V1), "ops");
        store.saveAndPublish(target.id(), MetadataKind.SCHEDULE, "nightly", json.readTree(SCHEDULE), "ops");
        return target;
    }

    @ParameterizedTest
    @EnumSource(BundleFormat.class)
    void bundleMovesTestConfigurationToProduction(BundleFormat format) {
        Tenant source = sourceTenant();
        Tenant target = productionTenant();
        byte[] bundle = writer.write(exporter.export(source.id(), ""), format);

        BundlePreview preview = importer.preview(target.id(), bundle, Locale.SIMPLIFIED_CHINESE);

        assertThat(preview.problems()).isEmpty();
        assertThat(preview.sourceTenant()).isEqualTo(source.code());
        assertThat(preview.documents()).extracting(DocumentPreview::kind, DocumentPreview::key, DocumentPreview::status)
                .containsExactly(
                        tuple("entity", "person-certificate", ImportStatus.NEW),
                        tuple("form", "hot-work-permit", ImportStatus.CHANGED),
                        tuple("schedule", "nightly", ImportStatus.UNCHANGED),
                        tuple("connector", "weather", ImportStatus.NEW));
        DocumentPreview form = preview.documents().get(1);
        assertThat(form.bundleVersion()).isEqualTo(2);
        assertThat(form.targetVersion()).isEqualTo(1);
        assertThat(form.changes()).extracting(change -> change.description(Locale.SIMPLIFIED_CHINESE))
                .containsExactly("字段“动火地点及部位”（location）的标签由“动火地点”改为“动火地点及部位”",
                        "字段“动火方式”（method）改为必填");

        BundleImporter.ApplyResult result = importer.apply(target.id(), bundle, "admin", Locale.SIMPLIFIED_CHINESE);

        assertThat(result.published()).extracting(MetadataDocument::reference)
                .containsExactly("entity:person-certificate@1", "form:hot-work-permit@2", "connector:weather@1");
        assertThat(result.unchanged()).isEqualTo(1);
        assertThat(store.requirePublished(target.id(), MetadataKind.FORM, "hot-work-permit").body())
                .isEqualTo(formV2());
        assertThat(store.requirePublished(target.id(), MetadataKind.SCHEDULE, "nightly").version()).isEqualTo(1);
        BundlePreview again = importer.preview(target.id(), bundle, Locale.SIMPLIFIED_CHINESE);
        assertThat(again.documents()).extracting(DocumentPreview::status).containsOnly(ImportStatus.UNCHANGED);
        assertThat(again.documents()).hasSize(4);
        List<AuditEntry> applies = audit.forSubject(target.id(), "metadata", "bundle:" + source.code());
        assertThat(applies).extracting(AuditEntry::action).containsExactly("metadata.bundle.apply");
        assertThat(applies.getFirst().afterState()).contains("form:hot-work-permit@2");
    }

    @Test
    void jsonBundleHasDocumentedShape() {
        Tenant source = sourceTenant();

        JsonNode bundle = json.readTree(writer.write(exporter.export(source.id(), ""), BundleFormat.JSON));

        assertThat(bundle.path("format").asString()).isEqualTo("tezuo-metadata-bundle");
        assertThat(bundle.path("formatVersion").asInt()).isEqualTo(1);
        assertThat(bundle.path("exportedAt").asString()).isNotBlank();
        assertThat(bundle.path("sourceTenant").asString()).isEqualTo(source.code());
        JsonNode form = bundle.path("documents").get(1);
        assertThat(form.path("kind").asString()).isEqualTo("form");
        assertThat(form.path("key").asString()).isEqualTo("hot-work-permit");
        assertThat(form.path("version").asInt()).isEqualTo(2);
        assertThat(form.path("checksum").asString())
                .isEqualTo(store.requirePublished(source.id(), MetadataKind.FORM, "hot-work-permit").checksum());
        assertThat(form.path("body")).isEqualTo(formV2());
    }

    @Test
    void zipHasManifestAndBodyFiles() throws IOException {
        Tenant source = sourceTenant();

        byte[] zip = writer.write(exporter.export(source.id(), "form:hot-work-permit, connector:weather"),
                BundleFormat.ZIP);

        List<String> names = new ArrayList<>();
        JsonNode manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
                if (entry.getName().equals("manifest.json")) {
                    manifest = json.readTree(in.readAllBytes());
                }
            }
        }
        assertThat(names).containsExactly("manifest.json", "form/hot-work-permit.json", "connector/weather.json");
        assertThat(manifest.path("documents").get(0).has("body")).isFalse();
        assertThat(manifest.path("documents").get(0).path("version").asInt()).isEqualTo(2);
    }

    @Test
    void selectionNamingUnpublishedDocumentIsRejected() {
        Tenant source = sourceTenant();

        assertThatThrownBy(() -> exporter.export(source.id(), "form:missing"))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo("未找到已发布的元数据 form:missing，请先在元数据中心发布该文档"));
        assertThatThrownBy(() -> exporter.export(source.id(), "hot-work-permit"))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .startsWith("Selection entry \"hot-work-permit\" is invalid"));
    }

    @ParameterizedTest
    @EnumSource(BundleFormat.class)
    void tamperedBodyIsRejectedByChecksum(BundleFormat format) {
        Tenant source = sourceTenant();
        Tenant target = productionTenant();
        MetadataBundle exported = exporter.export(source.id(), "");
        List<MetadataBundle.Document> documents = new ArrayList<>(exported.documents());
        MetadataBundle.Document entity = documents.getFirst();
        ObjectNode tampered = (ObjectNode) entity.body().deepCopy();
        tampered.put("name", "person_certificate_x");
        documents.set(0, new MetadataBundle.Document(entity.kind(), entity.key(), entity.version(), entity.checksum(),
                tampered));
        byte[] bundle = writer.write(new MetadataBundle(exported.exportedAt(), exported.sourceTenant(), documents),
                format);

        BundlePreview preview = importer.preview(target.id(), bundle, Locale.SIMPLIFIED_CHINESE);

        assertThat(preview.applicable()).isFalse();
        assertThat(preview.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.path()).isEqualTo("/documents/0/checksum");
            assertThat(problem.message()).startsWith("文档 entity:person-certificate 的校验和不符：包中记录为 "
                    + entity.checksum());
        });
        assertThatThrownBy(() -> importer.apply(target.id(), bundle, "admin", Locale.SIMPLIFIED_CHINESE))
                .isInstanceOfSatisfying(BundleRejectedException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("元数据包有 1 处问题，未导入任何文档；请先预览并逐项修正"));
        assertThat(store.findPublished(target.id(), MetadataKind.ENTITY, "person-certificate")).isEmpty();
    }

    @Test
    void failureInMiddleOfApplyLeavesTargetUnchanged() {
        Tenant source = sourceTenant();
        store.saveAndPublish(source.id(), MetadataKind.CONNECTOR, REJECTED_KEY, json.readTree(CONNECTOR), "dev");
        Tenant target = productionTenant();
        byte[] bundle = writer.write(exporter.export(source.id(), ""), BundleFormat.JSON);
        assertThat(importer.preview(target.id(), bundle, Locale.SIMPLIFIED_CHINESE).applicable()).isTrue();

        assertThatThrownBy(() -> importer.apply(target.id(), bundle, "admin", Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(LocalizedException.class)
                .hasMessageContaining(REJECTED_KEY);

        assertThat(store.findPublished(target.id(), MetadataKind.ENTITY, "person-certificate")).isEmpty();
        assertThat(store.history(target.id(), MetadataKind.FORM, "hot-work-permit")).hasSize(1);
        assertThat(store.findPublished(target.id(), MetadataKind.CONNECTOR, "weather")).isEmpty();
        assertThat(audit.forSubject(target.id(), "metadata", "bundle:" + source.code())).isEmpty();
    }

    @Test
    void invalidDocumentBlocksApply() {
        Tenant target = productionTenant();
        ObjectNode broken = (ObjectNode) json.readTree(SCHEDULE);
        broken.put("cron", "every night");
        byte[] bundle = writer.write(bundleOf(new MetadataBundle.Document("schedule", "weekly", 1,
                org.tezuo.metadata.DocumentChecksum.of(broken), broken)), BundleFormat.JSON);

        BundlePreview preview = importer.preview(target.id(), bundle, Locale.SIMPLIFIED_CHINESE);

        assertThat(preview.problems()).isEmpty();
        assertThat(preview.documents()).singleElement().satisfies(document -> {
            assertThat(document.status()).isEqualTo(ImportStatus.INVALID);
            assertThat(document.problems()).extracting(BundleProblem::path).contains("/cron");
        });
        assertThatThrownBy(() -> importer.apply(target.id(), bundle, "admin", Locale.SIMPLIFIED_CHINESE))
                .isInstanceOf(BundleRejectedException.class);
        assertThat(store.history(target.id(), MetadataKind.SCHEDULE, "weekly")).isEmpty();
    }

    @Test
    void openDraftInTargetBlocksThatDocument() {
        Tenant source = sourceTenant();
        Tenant target = productionTenant();
        store.saveDraft(target.id(), MetadataKind.FORM, "hot-work-permit", formV2(), "ops");
        byte[] bundle = writer.write(exporter.export(source.id(), "form:hot-work-permit"), BundleFormat.JSON);

        BundlePreview preview = importer.preview(target.id(), bundle, Locale.SIMPLIFIED_CHINESE);

        assertThat(preview.documents()).singleElement().satisfies(document -> {
            assertThat(document.status()).isEqualTo(ImportStatus.INVALID);
            assertThat(document.problems()).extracting(BundleProblem::message).containsExactly(
                    "目标租户中 form:hot-work-permit 有未发布的草稿（版本 2）；请先发布该草稿，再导入");
        });
    }

    @Test
    void bundleLevelProblemsAreListed() {
        Tenant target = productionTenant();
        JsonNode body = json.readTree(SCHEDULE);
        String checksum = org.tezuo.metadata.DocumentChecksum.of(body);
        byte[] bundle = writer.write(bundleOf(
                new MetadataBundle.Document("schedule", "weekly", 1, checksum, body),
                new MetadataBundle.Document("schedule", "weekly", 1, checksum, body),
                new MetadataBundle.Document("report", "monthly", 1, checksum, body),
                new MetadataBundle.Document("schedule", "../etc", 1, checksum, body)), BundleFormat.JSON);

        BundlePreview preview = importer.preview(target.id(), bundle, Locale.ENGLISH);

        assertThat(preview.problems()).extracting(BundleProblem::path, BundleProblem::message).containsExactly(
                tuple("/documents/1", "Document schedule:weekly appears more than once in the bundle (first at "
                        + "entry 0, counting from 0); list each document once"),
                tuple("/documents/2/kind", "There is no metadata kind \"report\"; the kinds are "
                        + MetadataKind.codes()),
                tuple("/documents/3/key", "Document key \"../etc\" is invalid: use letters, digits, dots, "
                        + "underscores and hyphens, starting with a letter or digit, at most 128 characters"));
        assertThat(preview.documents()).extracting(DocumentPreview::key).containsExactly("weekly");
    }

    @Test
    void fileOfAnotherFormatIsRejected() {
        Tenant target = productionTenant();

        BundlePreview notJson = importer.preview(target.id(), "name,cron".getBytes(StandardCharsets.UTF_8),
                Locale.SIMPLIFIED_CHINESE);
        BundlePreview otherFormat = importer.preview(target.id(),
                "{\"format\": \"other\", \"documents\": []}".getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);
        BundlePreview newerVersion = importer.preview(target.id(),
                "{\"format\": \"tezuo-metadata-bundle\", \"formatVersion\": 2, \"documents\": []}"
                        .getBytes(StandardCharsets.UTF_8), Locale.ENGLISH);

        assertThat(notJson.problems()).singleElement().satisfies(problem -> assertThat(problem.message())
                .startsWith("文件无法读取：").endsWith("请上传由导出功能生成的 JSON 或 zip 元数据包"));
        assertThat(otherFormat.problems()).extracting(BundleProblem::message).containsExactly(
                "The file is not a Tezuo metadata bundle: format is \"other\", expected \"tezuo-metadata-bundle\"");
        assertThat(newerVersion.problems()).extracting(BundleProblem::message).containsExactly(
                "Bundle format version 2 is not supported; this system reads version 1 only");
    }

    @Test
    void uploadsBeyondLimitsAreRejected() {
        Tenant target = productionTenant();
        JsonNode body = json.readTree(SCHEDULE);
        String checksum = org.tezuo.metadata.DocumentChecksum.of(body);
        List<MetadataBundle.Document> documents = new ArrayList<>();
        for (int i = 0; i <= BundleLimits.DEFAULT.maxDocuments(); i++) {
            documents.add(new MetadataBundle.Document("schedule", "s" + i, 1, checksum, body));
        }
        byte[] tooMany = writer.write(bundleOf(documents.toArray(MetadataBundle.Document[]::new)), BundleFormat.ZIP);
        byte[] tooLarge = new byte[BundleLimits.DEFAULT.maxBytes() + 1];

        assertThatThrownBy(() -> importer.preview(target.id(), tooMany, Locale.SIMPLIFIED_CHINESE))
                .isInstanceOfSatisfying(BundleTooLargeException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("元数据包含 501 个文档，超过上限 500 个；请分批导出和导入"));
        assertThatThrownBy(() -> importer.preview(target.id(), tooLarge, Locale.ENGLISH))
                .isInstanceOfSatisfying(BundleTooLargeException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .isEqualTo("The uploaded file has 16,777,217 bytes, more than the limit of 16,777,216 bytes; "
                                + "export only the documents you need and import again"));
    }

    @Test
    void connectorWithSecretInUrlIsRejected() {
        Tenant source = newTenant("secret");
        ObjectNode connector = (ObjectNode) json.readTree(CONNECTOR);
        connector.put("baseUrl", "https://svc:hunter2@weather.example/v7?lang=zh&token=abc");

        assertThatThrownBy(() -> store.saveDraft(source.id(), MetadataKind.CONNECTOR, "weather", connector, "dev"))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .contains("/baseUrl baseUrl 中含有口令或密钥（password）")
                        .contains("/baseUrl baseUrl 中含有口令或密钥（token）"));
        assertThat(ConnectorSecretCheck.secretsIn(json.readTree(CONNECTOR))).isEmpty();
    }

    private MetadataBundle bundleOf(MetadataBundle.Document... documents) {
        return new MetadataBundle(java.time.Instant.parse("2026-12-04T02:00:00Z"), "test", List.of(documents));
    }
}
