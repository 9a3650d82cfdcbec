package org.tezuo.core.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.pack.ActivePolicy;
import org.tezuo.core.risk.RiskAssessment;
import org.tezuo.core.risk.RiskEvaluator;
import org.tezuo.core.risk.RiskItem;
import org.tezuo.core.rules.CompiledRuleset;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Sets, rejects and removes enterprise threshold overrides on PostgreSQL, and evaluates with them at once. */
@SpringBootTest
class ThresholdOverrideCommandsTest {

    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    private static final String RULESET = """
            {
              "name": {"zh": "气体检测规则", "en": "Gas test rules"},
              "scenario": "hot-work",
              "variables": ["flammablePercentVol", "brokenValue"],
              "thresholds": {
                "flammableLimitPercentVol": {"value": 0.5, "unit": "%vol",
                  "label": {"zh": "可燃气体合格值", "en": "Flammable pass limit"},
                  "source": "GB 30871-2022 5.3.2", "direction": "max", "range": {"min": 0, "max": 1}},
                "flammableLelBoundaryPercentVol": {"value": 4, "unit": "%vol",
                  "label": {"zh": "区分合格限值的爆炸下限"}, "source": "GB 30871-2022 5.3.2", "direction": "none"},
                "weatherMaxAgeMinutes": {"value": 60, "unit": "min", "label": {"zh": "天气观测最长时效"},
                  "source": "平台设计选择", "unconfirmed": true, "direction": "max", "note": "Weather lags."},
                "windStopBeaufortLevel": {"value": 5, "unit": "级", "label": {"zh": "露天动火停止风力"},
                  "source": "GB 30871-2022 5.2.15", "direction": "max"}
              },
              "rules": [
                {"id": "gas.flammable", "severity": "block",
                 "when": "flammablePercentVol != null && flammablePercentVol > thresholds.flammableLimitPercentVol",
                 "value": "flammablePercentVol", "limit": "thresholds.flammableLimitPercentVol", "unit": "%vol",
                 "message": {"zh": "可燃气体浓度 {value} {unit} 超过允许值 {limit} {unit} — {source}",
                             "en": "Flammable gas {value} {unit} exceeds {limit} {unit} — {source}"},
                 "source": "GB 30871-2022 5.3.2"},
                {"id": "gas.broken", "severity": "confirm",
                 "when": "brokenValue != null && brokenValue.level > thresholds.windStopBeaufortLevel",
                 "message": {"zh": "风力过大"}, "source": "GB 30871-2022 5.2.15"}
              ],
              "scoring": {
                "source": "企业实践", "weights": {"workType": 20, "location": 20, "environment": 20,
                  "equipment": 20, "personnel": 20},
                "bands": [{"key": "low", "min": 0, "label": {"zh": "低风险"}}],
                "factors": [{"id": "score.environment.weather-age", "dimension": "environment",
                  "points": "0", "limit": "thresholds.weatherMaxAgeMinutes",
                  "label": {"zh": "天气数据时效", "en": "Age of weather data"}, "source": "企业实践"}]
              }
            }""";

    @Autowired
    ThresholdOverrideCommands commands;

    @Autowired
    StandardsCatalog catalog;

    @Autowired
    ActivePolicy policy;

    @Autowired
    RiskEvaluator evaluator;

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    private Tenant tenant;

    @BeforeEach
    void publishRuleset() {
        tenant = tenants.create("standards-" + UUID.randomUUID(), "标准配置测试企业", null, ZoneId.of("Asia/Shanghai"));
        store.saveAndPublish(tenant.id(), MetadataKind.RULESET, "gas", json.readTree(RULESET), "engineer");
    }

    private ThresholdOverride set(String threshold, String value, boolean confirm) {
        return commands.set(tenant.id(), "gas", threshold, new OverrideRequest(value, null, "工艺介质为 LNG，企业从严",
                "企业标准 Q/XXX 3.2", confirm), "director", ZH);
    }

    private List<String> problemsOf(String threshold, OverrideRequest request) {
        try {
            commands.set(tenant.id(), "gas", threshold, request, "director", ZH);
        } catch (StandardsException.Rejected e) {
            return e.problems();
        }
        throw new AssertionError("The override was not rejected");
    }

    private RiskAssessment evaluate(String flammablePercentVol, Object brokenValue) {
        CompiledRuleset ruleset = policy.snapshot(tenant.id()).rulesets().get("gas");
        Map<String, Object> variables = new HashMap<>();
        variables.put("flammablePercentVol", new BigDecimal(flammablePercentVol));
        variables.put("brokenValue", brokenValue);
        return evaluator.evaluate(ruleset, variables, null, List.of(),
                OffsetDateTime.now(ZoneId.of("Asia/Shanghai")));
    }

    @Test
    @DisplayName("A value outside the unit's physical range and the ruleset's range is rejected and nothing is stored")
    void outsideRangesIsRejected() {
        List<String> problems = problemsOf("flammableLimitPercentVol",
                new OverrideRequest("150", null, "理由", "企业标准 Q/XXX 3.2", true));

        assertThat(problems).containsExactly(
                "值 150 %vol 超出“可燃气体合格值”的物理范围 0–100 %vol；请检查数值和单位",
                "值 150 %vol 超出规则集允许“可燃气体合格值”取的范围 0–1 %vol",
                "值 150 %vol 比“可燃气体合格值”的法规值 0.5 %vol（GB 30871-2022 5.3.2）宽松；企业只能收紧强制性标准的限值，不能放宽");
        assertThat(catalog.detail(tenant.id(), "gas", "flammableLimitPercentVol", ZH).history()).isEmpty();
    }

    @Test
    @DisplayName("A Beaufort level must be a whole number from 0 to 17")
    void beaufortLevelMustBeWhole() {
        List<String> problems = problemsOf("windStopBeaufortLevel",
                new OverrideRequest("4.5", null, "理由", "企业标准 Q/XXX 3.2", false));

        assertThat(problems).containsExactly("值 4.5 级 超出“露天动火停止风力”的物理范围：须为 0–17 之间的整数");
    }

    @Test
    @DisplayName("Missing reason, source and value are listed together")
    void missingFieldsAreListed() {
        List<String> problems = problemsOf("flammableLimitPercentVol",
                new OverrideRequest(" ", null, "", null, false));

        assertThat(problems).containsExactly(
                "请填写覆盖“可燃气体合格值”的理由，例如企业工艺更严格的原因",
                "请填写覆盖“可燃气体合格值”的依据，例如 企业标准 Q/XXX 3.2",
                "请填写“可燃气体合格值”的新值（单位 %vol）");
    }

    @Test
    @DisplayName("A value with a unit in it and a different unit are rejected with the unit to use")
    void unitIsChecked() {
        List<String> problems = problemsOf("flammableLimitPercentVol",
                new OverrideRequest("0.3%vol", "%LEL", "理由", "企业标准 Q/XXX 3.2", false));

        assertThat(problems).containsExactly(
                "单位“%LEL”与“可燃气体合格值”的单位 %vol 不一致；请按 %vol 换算后填写",
                "值“0.3%vol”不是数字；“可燃气体合格值”只填写数字，单位固定为 %vol");
    }

    @Test
    @DisplayName("A mandatory threshold with no stricter side cannot be overridden")
    void mandatoryBoundaryIsRejected() {
        List<String> problems = problemsOf("flammableLelBoundaryPercentVol",
                new OverrideRequest("5", null, "理由", "企业标准 Q/XXX 3.2", true));

        assertThat(problems).containsExactly("“区分合格限值的爆炸下限”的值 4 %vol 来自强制性标准（GB 30871-2022 5.3.2），"
                + "且无法判断 5 %vol 是收紧还是放宽，所以不允许企业覆盖");
    }

    @Test
    @DisplayName("Loosening a design value needs a confirmation and is then stored as looser")
    void looseningNeedsConfirmation() {
        List<String> problems = problemsOf("weatherMaxAgeMinutes",
                new OverrideRequest("90", "min", "天气服务延迟较大", "企业安全管理制度 4.1", false));

        ThresholdOverride stored = commands.set(tenant.id(), "gas", "weatherMaxAgeMinutes",
                new OverrideRequest("90", "min", "天气服务延迟较大", "企业安全管理制度 4.1", true), "director", ZH);

        assertThat(problems).containsExactly(
                "值 90 min 比当前生效值 60 min 宽松（“天气观测最长时效”）；确认放宽后请勾选“确认放宽”再保存");
        assertThat(stored.change()).isEqualTo(ChangeKind.LOOSER);
        assertThat(stored.active()).isTrue();
    }

    @Test
    @DisplayName("A stricter override applies to the next evaluation and the item names the enterprise origin")
    void saveAppliesAtOnce() {
        RiskAssessment before = evaluate("0.4", null);

        ThresholdOverride stored = set("flammableLimitPercentVol", "0.3", false);
        RiskAssessment after = evaluate("0.4", null);

        assertThat(before.items()).isEmpty();
        assertThat(stored.change()).isEqualTo(ChangeKind.STRICTER);
        assertThat(stored.documentOrigin()).isEqualTo("ruleset:gas@1 GB 30871-2022 5.3.2");
        RiskItem item = after.items().getFirst();
        assertThat(item.limit()).isEqualTo(new BigDecimal("0.3"));
        assertThat(item.explanation(ZH)).isEqualTo("可燃气体浓度 0.4 %vol 超过允许值 0.3 %vol — GB 30871-2022 5.3.2"
                + "（动火作业；限值：可燃气体合格值 0.3 %vol（来源：企业覆盖（依据 企业标准 Q/XXX 3.2，"
                + "理由：工艺介质为 LNG，企业从严；替换 GB 30871-2022 5.3.2 规定的 0.5）））");
        assertThat(item.explanation(Locale.ENGLISH)).isEqualTo("Flammable gas 0.4 %vol exceeds 0.3 %vol — "
                + "GB 30871-2022 5.3.2 (hot work; limits: Flammable pass limit 0.3 %vol (origin: "
                + "enterprise override (source 企业标准 Q/XXX 3.2, reason: 工艺介质为 LNG，企业从严; replaces 0.5 set by "
                + "GB 30871-2022 5.3.2)))");
    }

    @Test
    @DisplayName("Every change is a history row and removing the override restores the ruleset value")
    void historyKeepsEveryChange() {
        set("flammableLimitPercentVol", "0.3", false);
        set("flammableLimitPercentVol", "0.4", true);

        commands.remove(tenant.id(), "gas", "flammableLimitPercentVol", "企业标准废止", "engineer");
        StandardDetail detail = catalog.detail(tenant.id(), "gas", "flammableLimitPercentVol", ZH);

        assertThat(detail.history()).extracting(ThresholdOverride::action, ThresholdOverride::value,
                ThresholdOverride::change, ThresholdOverride::changedBy, ThresholdOverride::active)
                .containsExactly(
                        tuple(ThresholdOverride.Action.REMOVE, null, ChangeKind.RESET, "engineer", false),
                        tuple(ThresholdOverride.Action.SET, "0.4", ChangeKind.LOOSER, "director", false),
                        tuple(ThresholdOverride.Action.SET, "0.3", ChangeKind.STRICTER, "director", false));
        assertThat(detail.item().value()).isEqualTo(new BigDecimal("0.5"));
        assertThat(detail.item().originText()).isEqualTo("已发布规则集第 1 版，依据 GB 30871-2022 5.3.2");
        assertThat(evaluate("0.4", null).items()).isEmpty();
    }

    @Test
    @DisplayName("A stricter regulatory value published later overtakes the override")
    void stricterPublicationOvertakesOverride() {
        set("flammableLimitPercentVol", "0.3", false);
        ObjectNode stricter = (ObjectNode) json.readTree(RULESET);
        ((ObjectNode) stricter.path("thresholds").path("flammableLimitPercentVol"))
                .put("value", 0.2);

        store.saveAndPublish(tenant.id(), MetadataKind.RULESET, "gas", stricter, "engineer");
        StandardItem item = catalog.detail(tenant.id(), "gas", "flammableLimitPercentVol", ZH).item();

        assertThat(item.value()).isEqualTo(new BigDecimal("0.2"));
        assertThat(item.originText()).isEqualTo("已发布规则集第 2 版，依据 GB 30871-2022 5.3.2");
        assertThat(evaluate("0.25", null).items()).extracting(RiskItem::code).containsExactly("gas.flammable");
    }

    @Test
    @DisplayName("Removing without an override in force or without a reason is rejected")
    void removeIsChecked() {
        assertThatThrownBy(() -> commands.remove(tenant.id(), "gas", "flammableLimitPercentVol", "理由", "director"))
                .isInstanceOf(StandardsException.class)
                .hasMessage("Threshold gas/flammableLimitPercentVol has no enterprise override in force, so there is "
                        + "nothing to remove");
        set("flammableLimitPercentVol", "0.3", false);
        assertThatThrownBy(() -> commands.remove(tenant.id(), "gas", "flammableLimitPercentVol", " ", "director"))
                .isInstanceOf(StandardsException.class)
                .hasMessageStartingWith("Removing the enterprise override of threshold gas/flammableLimitPercentVol");
    }

    @Test
    @DisplayName("The usage index lists the rules and score factors that read a threshold")
    void usageIndexListsReaders() {
        StandardDetail flammable = catalog.detail(tenant.id(), "gas", "flammableLimitPercentVol", ZH);
        StandardDetail weather = catalog.detail(tenant.id(), "gas", "weatherMaxAgeMinutes", ZH);

        assertThat(flammable.usages()).extracting(ThresholdUsage::kind, ThresholdUsage::id, ThresholdUsage::fields)
                .containsExactly(tuple(ThresholdUsage.Kind.RULE, "gas.flammable", List.of("when", "limit")));
        assertThat(weather.usages()).extracting(ThresholdUsage::kind, ThresholdUsage::id, ThresholdUsage::fields)
                .containsExactly(tuple(ThresholdUsage.Kind.SCORING_FACTOR, "score.environment.weather-age",
                        List.of("limit")));
        assertThat(weather.item().note()).isEqualTo("Weather lags.");
        assertThat(weather.item().unconfirmed()).isTrue();
        assertThat(weather.item().mandatory()).isFalse();
    }

    @Test
    @DisplayName("A rule that fails to evaluate names its kind of work and the pack behind its limit")
    void evaluationFailureNamesPackOrigin() {
        jdbc.sql("""
                insert into policy_pack_install (tenant_id, pack_id, pack_version, name, regulation, effective_from,
                    status, content, previous_versions, published_versions, applied_by, applied_at)
                values (?, 'gb30871-2022', '2022.1', '特殊作业', 'GB 30871-2022', ?, 'ACTIVE', '{}', '{}',
                    '{"ruleset:gas": 1}', 'director', ?)""")
                .params(tenant.id(), java.sql.Date.valueOf("2023-04-01"), Timestamp.from(Instant.now())).update();
        commands.set(tenant.id(), "gas", "weatherMaxAgeMinutes", new OverrideRequest("45", null, "从严",
                "企业标准 Q/XXX 5.1", false), "director", ZH);

        RiskItem failed = evaluate("0.1", "not a map").items().getFirst();

        assertThat(failed.code()).isEqualTo("gas.broken");
        assertThat(failed.message().zh()).startsWith("规则“gas.broken”（动火作业）无法计算，按阻断处理：")
                .endsWith("（规则依据 GB 30871-2022 5.2.15；限值 露天动火停止风力 5 级（来源：政策包 gb30871-2022@2022.1，"
                        + "依据 GB 30871-2022 5.2.15））；请修正规则集或补全数据");
    }
}
