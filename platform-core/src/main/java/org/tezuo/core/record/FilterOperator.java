package org.tezuo.core.record;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Comparison of a record list filter, written in lower case in the {@code filter} parameter. */
public enum FilterOperator {
    /** Equal to the value. */
    EQ("="),
    /** Greater than the value. */
    GT(">"),
    /** Greater than or equal to the value. */
    GTE(">="),
    /** Less than the value. */
    LT("<"),
    /** Less than or equal to the value. */
    LTE("<="),
    /** Text containing the value, ignoring case. */
    CONTAINS("like"),
    /** Equal to one of the values, separated by {@code |}. */
    IN("in");

    private final String sql;

    FilterOperator(String sql) {
        this.sql = sql;
    }

    String sql() {
        return sql;
    }

    /** Returns the name used in the {@code filter} parameter, for example {@code gte}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<FilterOperator> fromCode(String code) {
        return Arrays.stream(values()).filter(operator -> operator.code().equals(code)).findFirst();
    }
}
