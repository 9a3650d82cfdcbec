package org.tezuo.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RulesetCompilerTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final RulesetCompiler compiler = new RulesetCompiler(new MvelExpressionCompiler());

    private static JsonNode body(String when, String message) {
        return JSON.readTree("""
                {"name": {"zh": "测试"}, "variables": ["level"],
                 "thresholds": {"maxLevel": {"value": 4, "unit": "级", "source": "测试 1.1"}},
                 "rules": [{"id": "test.level", "severity": "block", "when": "%s", "value": "level",
                            "limit": "thresholds.maxLevel", "unit": "级", "message": {"zh": "%s"},
                            "source": "测试 1.1"}]}""".formatted(when, message));
    }

    @Test
    void matchingRuleRendersValueLimitAndSource() {
        CompiledRuleset ruleset = compiler.load("ruleset:test@1", body("level > thresholds.maxLevel",
                "等级 {value}{unit} 超过 {limit}{unit} — {source}"));

        List<RuleFinding> findings = ruleset.evaluate(RuleScope.PERMIT, Map.of("level", 5));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(RuleSeverity.BLOCK);
            assertThat(finding.message().zh()).isEqualTo("等级 5级 超过 4级 — 测试 1.1");
        });
    }

    @Test
    void sameBodyIsCompiledOnce() {
        JsonNode body = body("level > 4", "x");

        assertThat(compiler.load("ruleset:a@1", body)).isSameAs(compiler.load("ruleset:a@1", body));
    }

    @Test
    void hostileRuleExpressionIsRejected() {
        assertThatThrownBy(() -> compiler.load("ruleset:test@1", body("Runtime.getRuntime() == null", "x")))
                .isInstanceOfSatisfying(InvalidRulesetException.class, error -> assertThat(
                        error.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo(
                        "规则集 ruleset:test@1 中规则“test.level”的 when 无效：规则表达式“Runtime.getRuntime() == null”"
                                + "第 1 个字符处的“Runtime”看起来是 Java 类名；规则不能引用类，变量名须以小写字母开头"));
    }

    @Test
    void ruleThatFailsToEvaluateBlocks() {
        CompiledRuleset ruleset = compiler.load("ruleset:test@1", body("level > 4", "x"));

        List<RuleFinding> findings = ruleset.evaluate(RuleScope.PERMIT, Map.of("level", "五"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(RuleSeverity.BLOCK);
            assertThat(finding.message().zh()).startsWith("规则“test.level”（测试）无法计算，按阻断处理：");
            assertThat(finding.message().zh()).endsWith("（规则依据 测试 1.1；限值 maxLevel 4 级（来源：已发布规则集第 "
                    + "1 版，依据 测试 1.1））；请修正规则集或补全数据");
        });
    }

    @Test
    void documentBreakingMetaSchemaIsRejected() {
        JsonNode body = JSON.readTree("{\"name\": {\"zh\": \"测试\"}, \"thresholds\": {}, \"rules\": [{\"id\": \"x\"}]}");

        assertThatThrownBy(() -> compiler.load("ruleset:bad@1", body))
                .isInstanceOf(InvalidRulesetException.class)
                .extracting(error -> ((InvalidRulesetException) error).messageKey())
                .isEqualTo("ruleset.invalid");
    }
}
