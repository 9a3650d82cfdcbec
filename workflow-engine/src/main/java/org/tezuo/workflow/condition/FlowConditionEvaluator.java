package org.tezuo.workflow.condition;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.tezuo.workflow.definition.BranchNode;
import org.tezuo.workflow.definition.FlowBranch;
import org.tezuo.workflow.definition.FlowCondition;
import tools.jackson.databind.JsonNode;

/**
 * Evaluates {@link FlowCondition}s. A test on a missing value matches only {@code ne}, {@code notIn} and {@code
 * empty}. Ordering comparisons compare numbers as numbers and two texts in lexical order (which orders ISO dates),
 * and match nothing else. Thread-safe.
 */
public final class FlowConditionEvaluator {

    /** Returns the branch that runs: the first non-default branch whose condition matches, else the default. */
    public FlowBranch select(BranchNode node, ConditionFacts facts) {
        for (FlowBranch branch : node.branches()) {
            if (!branch.isDefault() && branch.condition() != null && matches(branch.condition(), facts)) {
                return branch;
            }
        }
        return node.defaultBranch();
    }

    /** Returns whether {@code condition} holds for {@code facts}. */
    public boolean matches(FlowCondition condition, ConditionFacts facts) {
        return switch (condition) {
            case FlowCondition.All all -> all.parts().stream().allMatch(part -> matches(part, facts));
            case FlowCondition.Any any -> any.parts().stream().anyMatch(part -> matches(part, facts));
            case FlowCondition.Test test -> test(test, actual(test, facts));
        };
    }

    private static @Nullable Object actual(FlowCondition.Test test, ConditionFacts facts) {
        return switch (test.source()) {
            case FORM -> {
                JsonNode value = facts.formData();
                for (String part : test.field() == null ? new String[0] : test.field().split("\\.")) {
                    value = value.path(part);
                }
                yield value.isMissingNode() || value.isNull() ? null : value;
            }
            case PERMIT_GRADE -> facts.permitGrade();
            case RISK_SCORE -> facts.riskScore();
        };
    }

    private static boolean test(FlowCondition.Test test, @Nullable Object actual) {
        JsonNode expected = test.value();
        return switch (test.operator()) {
            case EQ -> actual != null && equal(actual, expected);
            case NE -> actual == null || !equal(actual, expected);
            case GT -> compare(actual, expected) == 1;
            case GTE -> compare(actual, expected) == 1 || compare(actual, expected) == 0;
            case LT -> compare(actual, expected) == -1;
            case LTE -> compare(actual, expected) == -1 || compare(actual, expected) == 0;
            case IN -> actual != null && contains(expected, actual);
            case NOT_IN -> actual == null || !contains(expected, actual);
            case CONTAINS -> actual != null && containsValue(actual, expected);
            case EMPTY -> isEmpty(actual);
            case NOT_EMPTY -> !isEmpty(actual);
        };
    }

    private static boolean equal(Object actual, @Nullable JsonNode expected) {
        if (expected == null) {
            return false;
        }
        BigDecimal left = number(actual);
        BigDecimal right = number(expected);
        if (left != null && right != null) {
            return left.compareTo(right) == 0;
        }
        return text(actual).equals(text(expected));
    }

    /** Returns the comparison, or {@link Integer#MIN_VALUE} when the two values are not comparable. */
    private static int compare(@Nullable Object actual, @Nullable JsonNode expected) {
        if (actual == null || expected == null) {
            return Integer.MIN_VALUE;
        }
        BigDecimal left = number(actual);
        BigDecimal right = number(expected);
        if (left != null && right != null) {
            return Integer.signum(left.compareTo(right));
        }
        boolean bothTexts = (actual instanceof String || actual instanceof JsonNode node && node.isString())
                && expected.isString();
        return bothTexts ? Integer.signum(text(actual).compareTo(expected.asString())) : Integer.MIN_VALUE;
    }

    private static boolean contains(@Nullable JsonNode list, Object actual) {
        if (list == null || !list.isArray()) {
            return false;
        }
        for (JsonNode item : list) {
            if (equal(actual, item)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsValue(Object actual, @Nullable JsonNode expected) {
        if (expected == null) {
            return false;
        }
        if (actual instanceof JsonNode node && node.isArray()) {
            for (JsonNode item : node) {
                if (equal(item, expected)) {
                    return true;
                }
            }
            return false;
        }
        return text(actual).contains(text(expected));
    }

    private static boolean isEmpty(@Nullable Object actual) {
        return switch (actual) {
            case null -> true;
            case JsonNode node when node.isString() -> node.asString().isBlank();
            case JsonNode node when node.isArray() || node.isObject() -> node.isEmpty();
            case String text -> text.isBlank();
            default -> false;
        };
    }

    private static @Nullable BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof JsonNode node && node.isNumber()) {
            return node.decimalValue();
        }
        return null;
    }

    private static String text(Object value) {
        if (value instanceof JsonNode node) {
            return node.isString() ? node.asString() : node.toString();
        }
        return value.toString();
    }
}
