package org.tezuo.core.entity;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One field of an entity document, parsed.
 *
 * @param name field name, camel case; the column is {@link EntityNaming#columnOf} of it
 * @param type field type
 * @param labelZh Chinese label
 * @param labelEn English label, or null
 * @param required whether every record must have a value
 * @param unique whether no two live records may share a value
 * @param maxLength text: maximum characters, or null for the default
 * @param minimum lower bound of a number, or null
 * @param maximum upper bound of a number, or null
 * @param precision decimal: total digits, or null for the default
 * @param scale decimal: digits after the point, or null for the default
 * @param unit unit of a number, kept in the metadata only
 * @param target reference: the target entity's name
 * @param dictionary enum: the dictionary document key
 * @param values enum: the inline values
 * @param format text: a JSON Schema format such as {@code email}, or null
 * @param defaultValue value for records that have none, or null
 * @param columns table: the fields of one row
 * @param renamedFrom the field's name in the previous published version, or null
 */
public record EntityField(String name, EntityFieldType type, String labelZh, @Nullable String labelEn,
        boolean required, boolean unique, @Nullable Integer maxLength, @Nullable BigDecimal minimum,
        @Nullable BigDecimal maximum, @Nullable Integer precision, @Nullable Integer scale, @Nullable String unit,
        @Nullable String target, @Nullable String dictionary, List<String> values, @Nullable String format,
        @Nullable JsonNode defaultValue, List<EntityField> columns, @Nullable String renamedFrom) {

    /** Length of a text column whose field sets no {@code maxLength}. */
    public static final int DEFAULT_MAX_LENGTH = 500;
    /** Total digits of a decimal column whose field sets no {@code precision}. */
    public static final int DEFAULT_PRECISION = 18;
    /** Digits after the point of a decimal column whose field sets no {@code scale}. */
    public static final int DEFAULT_SCALE = 4;

    public EntityField {
        values = List.copyOf(values);
        columns = List.copyOf(columns);
    }

    /** Returns the base column name of this field. */
    public String column() {
        return EntityNaming.columnOf(name);
    }

    public int effectiveMaxLength() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }

    public int effectivePrecision() {
        return precision == null ? DEFAULT_PRECISION : precision;
    }

    public int effectiveScale() {
        return scale == null ? DEFAULT_SCALE : scale;
    }

    /** Returns the label in {@code locale}, falling back to Chinese when there is no English label. */
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) && labelEn != null ? labelEn : labelZh;
    }

    /** Finds the row field called {@code name} of a table field. */
    public Optional<EntityField> column(String columnName) {
        return columns.stream().filter(field -> field.name().equals(columnName)).findFirst();
    }
}
