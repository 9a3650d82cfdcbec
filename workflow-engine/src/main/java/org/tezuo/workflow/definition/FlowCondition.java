package org.tezuo.workflow.definition;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A test on an application that chooses a branch. Conditions are data, never expressions in the BPMN. */
public sealed interface FlowCondition {

    /** Every part must match. */
    record All(List<FlowCondition> parts) implements FlowCondition {
        public All {
            parts = List.copyOf(parts);
        }
    }

    /** At least one part must match. */
    record Any(List<FlowCondition> parts) implements FlowCondition {
        public Any {
            parts = List.copyOf(parts);
        }
    }

    /**
     * One comparison.
     *
     * @param source what is compared
     * @param field dotted path into the form data when {@code source} is {@link Source#FORM}, else null
     * @param operator the comparison
     * @param value the value compared with, absent ({@code null}) for {@link Operator#EMPTY} and {@link
     *     Operator#NOT_EMPTY}; an array for {@link Operator#IN} and {@link Operator#NOT_IN}
     */
    record Test(Source source, @Nullable String field, Operator operator, @Nullable JsonNode value)
            implements FlowCondition {
        public Test {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(operator, "operator");
        }
    }

    /** The input a test reads. */
    enum Source {
        /** A field of the submitted form data. */
        FORM("form"),
        /** The permit grade, such as 特级, from the variable the application sets at submission. */
        PERMIT_GRADE("permitGrade"),
        /** The permit's risk score from the variable the application sets at submission. */
        RISK_SCORE("riskScore");

        private final String code;

        Source(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Source fromCode(String code) {
            for (Source source : values()) {
                if (source.code.equals(code)) {
                    return source;
                }
            }
            throw new IllegalArgumentException("Unknown condition source '" + code + "'");
        }
    }

    /** The comparison of a test. */
    enum Operator {
        EQ("eq"), NE("ne"), GT("gt"), GTE("gte"), LT("lt"), LTE("lte"), IN("in"), NOT_IN("notIn"),
        CONTAINS("contains"), EMPTY("empty"), NOT_EMPTY("notEmpty");

        private final String code;

        Operator(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Operator fromCode(String code) {
            for (Operator operator : values()) {
                if (operator.code.equals(code)) {
                    return operator;
                }
            }
            throw new IllegalArgumentException("Unknown condition operator '" + code + "'");
        }
    }
}
