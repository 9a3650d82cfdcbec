package org.tezuo.app.permit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.standard.OverrideRequest;
import org.tezuo.core.standard.ThresholdOverrideCommands;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.definition.FormDefinitionParser;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The risk assessor hands a ruleset every variable it declares, read from the form binding of the same name: an
 * excavation depth as a number, a hazardous-area flag as a boolean. The personnel facts come from the workers or the
 * crew a form binds.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PermitRiskAssessorTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String WORKER_ID_NUMBER = "110101199001011234";

    @Autowired
    TemplateInstaller installer;

    @Autowired
    MetadataStore metadata;

    @Autowired
    PermitRiskAssessor assessor;

    @Autowired
    ThresholdOverrideCommands overrides;

    @Autowired
    FormDefinitionParser parser;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    JsonMapper json;

    private long tenantId;

    @BeforeEach
    void publishExcavationDocuments() throws IOException {
        tenantId = installer.createTenant("risk-" + UUID.randomUUID(), "风险变量测试化工", "lng-terminal", SHANGHAI,
                "test").tenant().id();
        publish(MetadataKind.FORM, "excavation-permit",
                "/org/tezuo/templates/lng-terminal/form/excavation-permit.json");
        publish(MetadataKind.RULESET, "excavation", "/org/tezuo/packs/gb30871-2022/excavation.ruleset.json");
    }

    @Test
    @DisplayName("Declared variables reach the rules with their types")
    void declaredVariablesReachTheRules() {
        ObjectNode data = json.createObjectNode();
        data.put("workStart", "2026-12-04T01:00:00Z");
        data.put("workEnd", "2026-12-04T09:00:00Z");
        data.put("depthMetres", 1.5);
        data.put("hazardousArea", true);
        data.put("buriedHazardousLines", true);

        List<RiskItem> items = assess(data);

        assertThat(items).extracting(RiskItem::severity).doesNotContain(RuleSeverity.BLOCK);
        RiskItem confined = items.stream().filter(item -> item.code().equals("excavation.confined-space"))
                .findFirst().orElseThrow();
        assertThat(confined.message().zh()).startsWith("挖掘深度 1.5 m 超过 1.2 m");
        assertThat(items).extracting(RiskItem::code).contains("excavation.hazardous-area");
    }

    @Test
    @DisplayName("A variable the data lacks reaches the rules as null")
    void missingVariableIsNull() {
        ObjectNode data = json.createObjectNode();
        data.put("workStart", "2026-12-04T09:00:00+08:00");
        data.put("workEnd", "2026-12-04T17:00:00+08:00");

        List<RiskItem> items = assess(data);

        assertThat(items).filteredOn(item -> item.severity() == RuleSeverity.BLOCK).extracting(RiskItem::code)
                .containsExactly("excavation.depth.missing");
    }

    @Test
    @DisplayName("An enterprise override applies to the next assessment and names its origin")
    void overrideAppliesAtOnce() {
        ObjectNode data = json.createObjectNode();
        data.put("workStart", "2026-12-04T09:00:00+08:00");
        data.put("workEnd", "2026-12-04T17:00:00+08:00");
        data.put("depthMetres", 1.1);
        data.put("hazardousArea", true);
        data.put("buriedHazardousLines", true);
        List<RiskItem> before = assess(data);

        overrides.set(tenantId, "excavation", "confinedSpaceDepthMetres", new OverrideRequest("1.0", "m",
                "厂区管廊密集，从严", "企业标准 Q/LNG 7.4", null), "director", Locale.SIMPLIFIED_CHINESE);
        PermitRiskAssessor.Outcome after = assessOutcome(data);

        assertThat(before).extracting(RiskItem::code).doesNotContain("excavation.confined-space");
        PermitRiskItem stored = after.storedItems().stream()
                .filter(item -> item.code().equals("excavation.confined-space")).findFirst().orElseThrow();
        assertThat(stored.limit()).isEqualTo("1");
        assertThat(stored.scenarioZh()).isEqualTo("动土作业");
        assertThat(stored.limitOriginZh()).isEqualTo("执行受限空间规定的挖掘深度 1 m（来源：企业覆盖（依据 企业标准 Q/LNG 7.4，"
                + "理由：厂区管廊密集，从严；替换 GB 30871-2022 11.10 规定的 1.2））");
    }

    @Test
    @DisplayName("An excavation permit gets a risk score from its form fields")
    void excavationPermitGetsScore() {
        ObjectNode data = json.createObjectNode();
        data.put("workStart", "2026-12-04T09:00:00+08:00");
        data.put("workEnd", "2026-12-04T17:00:00+08:00");
        data.put("depthMetres", 2.5);
        data.put("method", "machine");
        data.put("hazardousArea", true);
        data.put("buriedHazardousLines", true);

        PermitRiskScore score = assessOutcome(data).score();

        assertThat(score).isNotNull();
        assertThat(score.band()).isIn("general", "considerable", "major");
        assertThat(score.items()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.equipment.machine-near-lines"))
                .singleElement().satisfies(item -> assertThat(item.value()).isEqualTo("machine"));
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.work-type.depth"))
                .singleElement().satisfies(item -> assertThat(item.value()).isEqualTo("2.5"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"confined-space, confined-space-permit, entrants", "blind-flange, blind-flange-permit, workers",
            "lifting, lifting-permit, operators"})
    @DisplayName("Crew rows with ID numbers give the personnel facts of the people on the ledger")
    void crewRowsGivePersonnelFacts(String type, String formKey, String crewField) {
        HotWorkTestPermits.qualifiedWelder(qualifications, tenantId, "李强", WORKER_ID_NUMBER,
                LocalDate.now(SHANGHAI));
        ObjectNode data = json.createObjectNode();
        data.putArray(crewField).addObject().put("name", "李强").put("idNumber", WORKER_ID_NUMBER);

        PermitRiskScore score = assessOutcome(type, formKey, data).score();

        assertThat(score).isNotNull();
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.personnel.certificate"))
                .singleElement().satisfies(item -> assertThat(item.value()).isEqualTo("valid"));
        assertThat(score.items()).filteredOn(item -> item.code().equals("score.personnel.practical-assessment"))
                .singleElement().satisfies(item -> assertThat(item.value()).isEqualTo("none"));
    }

    private List<RiskItem> assess(JsonNode data) {
        return assessOutcome(data).assessment().items();
    }

    private PermitRiskAssessor.Outcome assessOutcome(JsonNode data) {
        return assessOutcome("excavation", "excavation-permit", data);
    }

    private PermitRiskAssessor.Outcome assessOutcome(String type, String formKey, JsonNode data) {
        FormDefinition form = parser.parse(metadata.requirePublished(tenantId, MetadataKind.FORM, formKey));
        Permit permit = new Permit(0, tenantId, type, formKey, 1, type + "-approval", null, type, null,
                PermitStatus.DRAFT, "applicant", data, List.of(), null, null, null, null, false, Instant.EPOCH, null,
                null);
        return assessor.assess(permit, form, data, SHANGHAI);
    }

    private void publish(MetadataKind kind, String key, String resource) throws IOException {
        try (InputStream in = PermitRiskAssessorTest.class.getResourceAsStream(resource)) {
            metadata.saveAndPublish(tenantId, kind, key, json.readTree(in), "test");
        }
    }
}
