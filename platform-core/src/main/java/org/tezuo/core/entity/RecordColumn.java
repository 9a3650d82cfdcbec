package org.tezuo.core.entity;

import org.jspecify.annotations.Nullable;

/**
 * One physical column that stores a field's value or one part of it.
 *
 * @param name column name, lower-case snake case
 * @param part property of the field's JSON object that this column stores ({@code lat}, {@code readAt}...), or null
 *     when the column stores the whole value
 * @param kind JDBC binding of the value
 * @param length varchar length, 0 for other kinds
 * @param precision numeric precision, 0 for other kinds
 * @param scale numeric scale, 0 for other kinds
 */
public record RecordColumn(String name, @Nullable String part, ValueKind kind, int length, int precision,
        int scale) {

    /** Returns the column type in {@code dialect}, for example {@code varchar(500)} or {@code numeric(18,4)}. */
    public String sqlType(SqlDialect dialect) {
        return switch (kind) {
            case STRING -> "varchar(" + length + ")";
            case LONG_STRING -> dialect.longTextType();
            case LONG -> "bigint";
            case DECIMAL -> "numeric(" + precision + "," + scale + ")";
            case DOUBLE -> "double precision";
            case DATE -> "date";
            case TIMESTAMP -> "timestamp with time zone";
            case BOOLEAN -> "boolean";
        };
    }

    /** Returns whether a column of this type stores every value of {@code other} without change. */
    public boolean sameTypeAs(RecordColumn other) {
        return kind == other.kind && length == other.length && precision == other.precision && scale == other.scale;
    }
}
