package org.tezuo.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;

/** Rulesets are checked when saved: expressions compile and every threshold they read is declared. */
@SpringBootTest
class RulesetDocumentCheckTest {

    @Autowired
    MetadataStore store;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    JsonMapper json;

    private long tenantId;

    @BeforeEach
    void createTenant() {
        tenantId = tenants.create("rs-" + UUID.randomUUID(), "规则集测试企业", null, ZoneId.of("Asia/Shanghai")).id();
    }

    private static String body(String when, String limit, String message) {
        return """
                {"name": {"zh": "测试"}, "variables": ["level"],
                 "thresholds": {"maxLevel": {"value": 4, "unit": "级", "source": "测试 1.1"}},
                 "rules": [{"id": "test.level", "severity": "block", "when": "%s", "value": "level",
                            "limit": "%s", "unit": "级", "message": {"zh": "%s"},
                            "source": "测试 1.1"}]}""".formatted(when, limit, message);
    }

    private List<MetaSchemaViolation> problems(String body) {
        MetadataDocument candidate = store.candidate(tenantId, MetadataKind.RULESET, "wind", json.readTree(body),
                "admin");
        return store.validate(candidate, Locale.SIMPLIFIED_CHINESE);
    }

    @Test
    void validRulesetPasses() {
        assertThat(problems(body("level > thresholds.maxLevel", "thresholds.maxLevel", "等级 {value} 超限"))).isEmpty();
    }

    @Test
    void misspelledThresholdIsReported() {
        List<MetaSchemaViolation> problems = problems(body("level > thresholds.maxLevle", "thresholds.maxLevel",
                "超过 {thresholds.maxLvl}"));

        assertThat(problems).extracting(MetaSchemaViolation::path)
                .containsExactly("$.rules[0].when", "$.rules[0].message.zh");
        assertThat(problems.getFirst().message()).isEqualTo("规则“test.level”读取的阈值“maxLevle”没有在本规则集的 "
                + "thresholds 中声明；请在 thresholds 中添加它（含单位与出处），或改用已声明的阈值：maxLevel");
    }

    @Test
    void scoringThresholdsAndFloorBandsAreChecked() {
        String scored = body("level > thresholds.maxLevel", "thresholds.maxLevel", "x").replaceFirst("}$", """
                , "scoring": {"source": "企业实践",
                  "weights": {"workType": 1, "location": 1, "environment": 1, "equipment": 1, "personnel": 1},
                  "bands": [{"key": "low", "min": 0, "label": {"zh": "低风险"}},
                            {"key": "major", "minThreshold": "majorMinimum", "label": {"zh": "重大风险"}}],
                  "factors": [{"id": "score.live.level", "dimension": "environment", "scope": "total",
                               "points": "level > thresholds.maxLevel ? thresholds.levelPoints : 0",
                               "label": {"zh": "等级"}, "source": "企业实践"}],
                  "floors": [{"id": "score.floor.level", "when": "level > 2", "band": "severe",
                              "label": {"zh": "等级下限"}, "source": "企业实践"}]}}""");

        List<MetaSchemaViolation> problems = problems(scored);

        assertThat(problems).extracting(MetaSchemaViolation::path).containsExactly(
                "$.scoring.factors[0].points", "$.scoring.bands[1].minThreshold", "$.scoring.floors[0].band");
        assertThat(problems.get(1).message()).contains("band.major", "majorMinimum");
        assertThat(problems.get(2).message()).isEqualTo("评分下限“score.floor.level”指向的风险等级“severe”不在本规则集 "
                + "scoring.bands 中；请改用已有的等级：low、major");
    }

    @Test
    void hostileExpressionIsNotSaved() {
        String hostile = body("Runtime.getRuntime() == null", "thresholds.maxLevel", "x");

        assertThatThrownBy(() -> store.saveDraft(tenantId, MetadataKind.RULESET, "wind", json.readTree(hostile),
                "admin"))
                .isInstanceOfSatisfying(LocalizedException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).contains("test.level").contains("when"));
        assertThat(store.history(tenantId, MetadataKind.RULESET, "wind")).isEmpty();
    }

    @Test
    void undeclaredVariableIsReported() {
        List<MetaSchemaViolation> problems = problems(body("speed > thresholds.maxLevel", "thresholds.maxLevel",
                "x"));

        assertThat(problems).singleElement().satisfies(problem -> assertThat(problem.message())
                .contains("test.level").contains("speed"));
    }
}
