package org.tezuo.workflow.condition;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tezuo.workflow.definition.FlowCondition;
import org.tezuo.workflow.definition.FlowCondition.Operator;
import org.tezuo.workflow.definition.FlowCondition.Source;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FlowConditionEvaluatorTest {

    private final FlowConditionEvaluator evaluator = new FlowConditionEvaluator();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ConditionFacts facts = new ConditionFacts(json.readTree("""
            {"site": {"area": "罐区"}, "workers": ["lisi", "wangwu"], "height": 12, "note": ""}"""), "特级",
            new BigDecimal("85"));

    @Test
    void formFieldComparisons() {
        assertThat(matches(form("site.area", Operator.EQ, "\"罐区\""))).isTrue();
        assertThat(matches(form("site.area", Operator.NE, "\"罐区\""))).isFalse();
        assertThat(matches(form("height", Operator.GT, "10"))).isTrue();
        assertThat(matches(form("height", Operator.LTE, "11.5"))).isFalse();
        assertThat(matches(form("workers", Operator.CONTAINS, "\"lisi\""))).isTrue();
        assertThat(matches(form("site.area", Operator.IN, "[\"罐区\", \"码头\"]"))).isTrue();
        assertThat(matches(form("site.area", Operator.NOT_IN, "[\"码头\"]"))).isTrue();
        assertThat(matches(form("note", Operator.EMPTY, null))).isTrue();
        assertThat(matches(form("missing", Operator.NOT_EMPTY, null))).isFalse();
    }

    @Test
    void missingFieldMatchesOnlyNegations() {
        assertThat(matches(form("missing", Operator.EQ, "1"))).isFalse();
        assertThat(matches(form("missing", Operator.LT, "1"))).isFalse();
        assertThat(matches(form("missing", Operator.NE, "1"))).isTrue();
    }

    @Test
    void gradeAndScoreAndCombinations() {
        FlowCondition grade = new FlowCondition.Test(Source.PERMIT_GRADE, null, Operator.EQ, value("\"特级\""));
        FlowCondition score = new FlowCondition.Test(Source.RISK_SCORE, null, Operator.GTE, value("90"));

        assertThat(evaluator.matches(grade, facts)).isTrue();
        assertThat(evaluator.matches(score, facts)).isFalse();
        assertThat(evaluator.matches(new FlowCondition.Any(List.of(grade, score)), facts)).isTrue();
        assertThat(evaluator.matches(new FlowCondition.All(List.of(grade, score)), facts)).isFalse();
    }

    private boolean matches(FlowCondition condition) {
        return evaluator.matches(condition, facts);
    }

    private FlowCondition form(String field, Operator operator, String value) {
        return new FlowCondition.Test(Source.FORM, field, operator, value == null ? null : value(value));
    }

    private JsonNode value(String text) {
        return json.readTree(text);
    }
}
