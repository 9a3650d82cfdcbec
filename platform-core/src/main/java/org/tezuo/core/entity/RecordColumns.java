package org.tezuo.core.entity;

import java.util.List;

/**
 * Maps fields to the columns that hold them. Simple types take one column named after the field. A geoPoint takes
 * {@code <col>_lat} and {@code <col>_lon} (WGS 84 degrees); a gasReading takes {@code <col>_gas}, {@code
 * <col>_value}, {@code <col>_unit} and {@code <col>_read_at}. A table field takes no column of its own: its rows
 * live in the child table {@code <entity>__<col>}.
 */
public final class RecordColumns {

    /** Length of the columns that hold user names, org unit codes, stored-file ids and enum codes. */
    public static final int CODE_LENGTH = 64;

    private RecordColumns() {
    }

    /** Returns the columns of {@code field}, empty for a table field. */
    public static List<RecordColumn> of(EntityField field) {
        String column = field.column();
        return switch (field.type()) {
            case TEXT -> List.of(new RecordColumn(column, null, ValueKind.STRING, field.effectiveMaxLength(), 0, 0));
            case LONG_TEXT -> List.of(new RecordColumn(column, null, ValueKind.LONG_STRING, 0, 0, 0));
            case INTEGER, REFERENCE -> List.of(new RecordColumn(column, null, ValueKind.LONG, 0, 0, 0));
            case DECIMAL -> List.of(new RecordColumn(column, null, ValueKind.DECIMAL, 0, field.effectivePrecision(),
                    field.effectiveScale()));
            case DATE -> List.of(new RecordColumn(column, null, ValueKind.DATE, 0, 0, 0));
            case DATE_TIME -> List.of(new RecordColumn(column, null, ValueKind.TIMESTAMP, 0, 0, 0));
            case BOOLEAN -> List.of(new RecordColumn(column, null, ValueKind.BOOLEAN, 0, 0, 0));
            case ENUM, PERSON, ORG_UNIT, FILE, PHOTO, SIGNATURE ->
                    List.of(new RecordColumn(column, null, ValueKind.STRING, CODE_LENGTH, 0, 0));
            case GEO_POINT -> List.of(
                    new RecordColumn(column + "_lat", "lat", ValueKind.DOUBLE, 0, 0, 0),
                    new RecordColumn(column + "_lon", "lon", ValueKind.DOUBLE, 0, 0, 0));
            case GAS_READING -> List.of(
                    new RecordColumn(column + "_gas", "gas", ValueKind.STRING, CODE_LENGTH, 0, 0),
                    new RecordColumn(column + "_value", "value", ValueKind.DECIMAL, 0,
                            EntityField.DEFAULT_PRECISION, EntityField.DEFAULT_SCALE),
                    new RecordColumn(column + "_unit", "unit", ValueKind.STRING, 32, 0, 0),
                    new RecordColumn(column + "_read_at", "readAt", ValueKind.TIMESTAMP, 0, 0, 0));
            case TABLE -> List.of();
        };
    }

    /** Returns the columns of every field that is not a table, in field order. */
    public static List<RecordColumn> ofFields(List<EntityField> fields) {
        return fields.stream().flatMap(field -> of(field).stream()).toList();
    }
}
