package org.tezuo.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvel2.MVEL;

/** An evaluation over its time limit is discarded with a message; decimal limits add up exactly. */
class EvaluationTimeLimitTest {

    @Test
    void evaluationOverLimitIsDiscarded() {
        MvelCompiledExpression expression = new MvelCompiledExpression("level + 1", Set.of("level"), List.of(),
                List.of(), MVEL.compileExpression("level + 1"), Duration.ZERO);

        assertThatThrownBy(() -> expression.evaluate(Map.of("level", 1)))
                .isInstanceOfSatisfying(InvalidExpressionException.class, rejection -> {
                    assertThat(rejection.messageKey()).isEqualTo("rule.timeLimit");
                    assertThat(rejection.message(Locale.SIMPLIFIED_CHINESE)).startsWith("规则表达式“level + 1”计算用了")
                            .endsWith("超过每次计算的上限 0 毫秒，结果已作废；请简化该表达式");
                });
    }

    @Test
    void decimalLimitsAddUpExactly() {
        CompiledExpression sum = new MvelExpressionCompiler().compile("limit + 0.1", Set.of("limit"));

        Object result = sum.evaluate(Map.of("limit", new BigDecimal("108.2")));

        assertThat(result).isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) result).compareTo(new BigDecimal("108.3"))).isZero();
        assertThat(result.toString()).doesNotContain("0000000");
    }
}
