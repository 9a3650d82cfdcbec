package org.tezuo.templates.lngterminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.environment.GasReading;
import org.tezuo.core.environment.GasReadingParser;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.metadata.bundle.DocumentPreview;
import org.tezuo.core.metadata.bundle.ImportStatus;
import org.tezuo.core.pack.ActivePolicy;
import org.tezuo.core.pack.InstalledPack;
import org.tezuo.core.pack.PackProblem;
import org.tezuo.core.pack.PolicyPackApplier;
import org.tezuo.core.pack.PolicyPackException;
import org.tezuo.core.pack.PolicyPackPreview;
import org.tezuo.core.pack.UnconfirmedValue;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.rules.Rule;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.packs.PolicyPackCatalog;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Previews, applies and rolls back the shipped 13号令 and 19号令 packs on a tenant that has the LNG template's
 * confined-space form and flow and the shipped rulesets, on PostgreSQL.
 */
@SpringBootTest(classes = PacksTestApplication.class)
class BundledPacksOnTenantTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CONFINED_SPACE = "/org/tezuo/packs/mem-13-confined-space/pack.json";
    private static final String TRAINING = "/org/tezuo/packs/mem-19-2026-training/pack.json";

    @Autowired
    PolicyPackApplier applier;

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    ActivePolicy policy;

    private Tenant tenant() {
        Tenant tenant = tenants.create("packs-" + UUID.randomUUID(), "政策包模板测试企业", null,
                ZoneId.of("Asia/Shanghai"));
        publish(tenant, MetadataKind.FORM, "confined-space-permit",
                "/org/tezuo/templates/lng-terminal/form/confined-space-permit.json");
        publish(tenant, MetadataKind.FLOW, "confined-space-approval",
                "/org/tezuo/templates/lng-terminal/flow/confined-space-approval.json");
        publish(tenant, MetadataKind.RULESET, "confined-space",
                PolicyPackCatalog.ruleset("gb30871-2022.confined-space").orElseThrow().resourcePath());
        publish(tenant, MetadataKind.RULESET, "certificate-lifecycle",
                PolicyPackCatalog.ruleset("special-operations.certificate-lifecycle").orElseThrow().resourcePath());
        return tenant;
    }

    private void publish(Tenant tenant, MetadataKind kind, String key, String resource) {
        store.saveAndPublish(tenant.id(), kind, key, read(resource), "engineer");
    }

    private static JsonNode read(String resource) {
        try (InputStream in = BundledPacksOnTenantTest.class.getResourceAsStream(resource)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode published(Tenant tenant, MetadataKind kind, String key) {
        return store.requirePublished(tenant.id(), kind, key).body();
    }

    @Test
    @DisplayName("The 13号令 pack previews a field diff of the form, the new flow branch and rules, and lists its unconfirmed values")
    void confinedSpacePreview() {
        Tenant tenant = tenant();

        PolicyPackPreview preview = applier.previewResource(tenant.id(), CONFINED_SPACE, ZH);

        assertThat(preview.allProblems()).extracting(PackProblem::message).isEmpty();
        assertThat(preview.documents()).extracting(DocumentPreview::kind, DocumentPreview::key,
                DocumentPreview::status).containsExactly(
                        tuple("ruleset", "confined-space", ImportStatus.CHANGED),
                        tuple("form", "confined-space-permit", ImportStatus.CHANGED),
                        tuple("flow", "confined-space-approval", ImportStatus.CHANGED));
        assertThat(preview.documents().getFirst().changes()).extracting(change -> change.description(ZH))
                .contains("新增规则 confined-space.ventilation.oxygen-low（{gas.detectorId} 测得氧含量 {value} {unit}，"
                        + "低于…）")
                .noneMatch(text -> text.contains("/rules/"));
        assertThat(preview.documents().getFirst().changes()).extracting(change -> change.description(Locale.ENGLISH))
                .contains("Added rule confined-space.ventilation.oxygen-low ({gas.detectorId} measured {value} "
                        + "{unit}…)");
        DocumentPreview form = preview.documents().get(1);
        assertThat(form.changes()).extracting(change -> change.description(ZH))
                .anySatisfy(text -> assertThat(text).contains("ventilationRecords"))
                .anySatisfy(text -> assertThat(text).contains("poisoningRisk"));
        assertThat(preview.unconfirmed()).extracting(UnconfirmedValue::where)
                .contains("ruleset-change:ventilation-monitoring/add/thresholds/ventilationReadingIntervalMinutes",
                        "flow-gate-change:poisoning-risk-approval");
    }

    @Test
    @DisplayName("Applying the 13号令 pack publishes the next form, flow and ruleset versions; rollback restores them")
    void confinedSpaceApplyAndRollBack() {
        Tenant tenant = tenant();

        InstalledPack applied = applier.applyResource(tenant.id(), CONFINED_SPACE, "director", ZH);

        assertThat(applied.previousVersions()).containsEntry("form:confined-space-permit", 1)
                .containsEntry("flow:confined-space-approval", 1).containsEntry("ruleset:confined-space", 1);
        JsonNode form = published(tenant, MetadataKind.FORM, "confined-space-permit");
        assertThat(form.path("schema").path("properties").has("ventilationRecords")).isTrue();
        JsonNode sections = form.path("layout").path("sections");
        int gas = indexOfSection(sections, "气体分析");
        assertThat(sections.get(gas + 1).path("title").path("zh").asString()).isEqualTo("通风检测记录");
        JsonNode nodes = published(tenant, MetadataKind.FLOW, "confined-space-approval").path("nodes");
        assertThat(nodes.get(2).path("id").asString()).isEqualTo("poisoningRiskApproval");
        assertThat(policy.snapshot(tenant.id()).rulesets().get("confined-space").ruleset().rules())
                .extracting(Rule::id).contains("confined-space.ventilation.site.retest-due",
                        "confined-space.ventilation.oxygen-low", "confined-space.site.retest-due");
        assertThat(applier.previewResource(tenant.id(), CONFINED_SPACE, ZH).documents())
                .extracting(DocumentPreview::status).containsOnly(ImportStatus.UNCHANGED);

        applier.rollback(tenant.id(), applied.id(), "director");

        assertThat(published(tenant, MetadataKind.FORM, "confined-space-permit").path("schema").path("properties")
                .has("ventilationRecords")).isFalse();
        assertThat(published(tenant, MetadataKind.FLOW, "confined-space-approval").path("nodes")).hasSize(2);
        assertThat(published(tenant, MetadataKind.RULESET, "confined-space").path("thresholds")
                .has("ventilationReadingIntervalMinutes")).isFalse();
    }

    @Test
    @DisplayName("After the 13号令 pack a space with poisoning risk goes to the main responsible person, and readings follow the ventilation rules")
    void confinedSpaceRulesAndFlowAfterApply() {
        Tenant tenant = tenant();
        applier.applyResource(tenant.id(), CONFINED_SPACE, "director", ZH);

        FlowDefinition flow = new FlowDefinitionParser().parse("confined-space-approval", 2, "checksum",
                published(tenant, MetadataKind.FLOW, "confined-space-approval"));
        assertThat(TemplateDocuments.approversFor(flow, JSON.readTree("{\"poisoningRisk\": true}")))
                .containsExactly("作业负责人", "所在单位负责人", "主要负责人或其书面委托人");
        assertThat(TemplateDocuments.approversFor(flow, JSON.readTree("{\"poisoningRisk\": false}")))
                .containsExactly("作业负责人", "所在单位负责人");

        CompiledRuleset rules = policy.snapshot(tenant.id()).rulesets().get("confined-space");
        assertThat(codes(rules, watch(110), List.of())).contains("confined-space.ventilation.site.retest-due");
        assertThat(codes(rules, watch(90), List.of()))
                .doesNotContain("confined-space.ventilation.site.retest-due");
        assertThat(codes(rules, watch(125), List.of())).contains("confined-space.ventilation.site.reading-overdue");
        assertThat(codes(rules, Map.of(), reading("19.0"))).contains("confined-space.ventilation.oxygen-low");
        assertThat(codes(rules, Map.of(), reading("20.9"))).doesNotContain("confined-space.ventilation.oxygen-low",
                "confined-space.ventilation.oxygen-high");
    }

    private static Map<String, Object> watch(int gasTestAgeMinutes) {
        return Map.of("siteAction", "watch", "siteGasTestAgeMinutes", gasTestAgeMinutes,
                "siteReminderLeadMinutes", 15);
    }

    private static List<GasReading> reading(String oxygen) {
        return new GasReadingParser(ZoneId.of("Asia/Shanghai")).parse("""
                {"detectorId":"GD-01","measuredAt":"2026-12-04T11:50+08:00","oxygenPercentVol":"%s",
                 "coPpm":"0","h2sPpm":"0"}""".formatted(oxygen));
    }

    private static List<String> codes(CompiledRuleset rules, Map<String, Object> variables,
            List<GasReading> readings) {
        return new RiskEvaluator().evaluate(rules, variables, null, readings,
                OffsetDateTime.parse("2026-12-04T12:00+08:00")).items().stream().map(RiskItem::code).toList();
    }

    @Test
    @DisplayName("A form that already has a ventilationRecords field of its own rejects the 13号令 pack and keeps every document")
    void collidingFieldIsRejected() {
        Tenant tenant = tenant();
        ObjectNode form = (ObjectNode) published(tenant, MetadataKind.FORM, "confined-space-permit").deepCopy();
        form.withObject("/schema").withObject("/properties").putObject("ventilationRecords").put("type", "string")
                .putObject("x-label").put("zh", "通风记录");
        ((ObjectNode) form.path("layout").path("sections").get(0)).withArray("/fields").add("ventilationRecords");
        store.saveAndPublish(tenant.id(), MetadataKind.FORM, "confined-space-permit", form, "engineer");

        assertThatThrownBy(() -> applier.applyResource(tenant.id(), CONFINED_SPACE, "director", ZH))
                .isInstanceOfSatisfying(PolicyPackException.Rejected.class, rejected ->
                        assertThat(rejected.problems()).extracting(PackProblem::message).anySatisfy(message ->
                                assertThat(message).contains("ventilationRecords", "confined-space-permit")));
        assertThat(store.requirePublished(tenant.id(), MetadataKind.RULESET, "confined-space").version())
                .isEqualTo(1);
        assertThat(applier.installed(tenant.id())).isEmpty();
    }

    @Test
    @DisplayName("A tenant without the confined-space flow gets a reason naming it, and nothing is applied")
    void missingTargetIsRejected() {
        Tenant tenant = tenants.create("packs-" + UUID.randomUUID(), "缺审批流企业", null, ZoneId.of("Asia/Shanghai"));
        publish(tenant, MetadataKind.FORM, "confined-space-permit",
                "/org/tezuo/templates/lng-terminal/form/confined-space-permit.json");
        publish(tenant, MetadataKind.RULESET, "confined-space",
                PolicyPackCatalog.ruleset("gb30871-2022.confined-space").orElseThrow().resourcePath());

        PolicyPackPreview preview = applier.previewResource(tenant.id(), CONFINED_SPACE, ZH);

        assertThat(preview.applicable()).isFalse();
        assertThat(preview.allProblems()).filteredOn(problem ->
                problem.where().equals("flow-gate-change:poisoning-risk-approval"))
                .extracting(PackProblem::message).singleElement().asString()
                .contains("flow:confined-space-approval");
    }

    @Test
    @DisplayName("The 19号令 pack replaces the dated 19号令 lifecycle version with its training hours, all marked unconfirmed")
    void trainingPackApplyAndRollBack() {
        Tenant tenant = tenant();

        PolicyPackPreview preview = applier.previewResource(tenant.id(), TRAINING, ZH);
        assertThat(preview.allProblems()).extracting(PackProblem::message).isEmpty();
        assertThat(preview.documents()).extracting(DocumentPreview::key, DocumentPreview::status)
                .containsExactly(tuple("certificate-lifecycle", ImportStatus.CHANGED));
        assertThat(preview.unconfirmed()).extracting(UnconfirmedValue::where).contains(
                "ruleset-change:order-19-lifecycle/replace/lifecycleRules/special-operation.order-19/"
                        + "preReviewTrainingHours");

        InstalledPack applied = applier.applyResource(tenant.id(), TRAINING, "director", ZH);

        JsonNode lifecycle = published(tenant, MetadataKind.RULESET, "certificate-lifecycle");
        assertThat(lifecycle.path("thresholds").path("examPassScore").path("value").asInt()).isEqualTo(80);
        assertThat(order19(lifecycle).path("preReviewTrainingHours").path("value").asInt()).isEqualTo(8);
        assertThat(order19(lifecycle).path("effectiveFrom").asString()).isEqualTo("2026-06-01");
        assertThat(policy.snapshot(tenant.id()).rulesets()).containsKey("certificate-lifecycle");

        applier.rollback(tenant.id(), applied.id(), "director");

        assertThat(order19(published(tenant, MetadataKind.RULESET, "certificate-lifecycle"))
                .has("preReviewTrainingHours")).isFalse();
    }

    private static JsonNode order19(JsonNode lifecycle) {
        for (JsonNode entry : lifecycle.path("lifecycleRules")) {
            if (entry.path("id").asString("").equals("special-operation.order-19")) {
                return entry;
            }
        }
        throw new AssertionError("no special-operation.order-19 entry");
    }

    private static int indexOfSection(JsonNode sections, String title) {
        for (int i = 0; i < sections.size(); i++) {
            if (sections.get(i).path("title").path("zh").asString("").equals(title)) {
                return i;
            }
        }
        throw new AssertionError("no section " + title);
    }
}
