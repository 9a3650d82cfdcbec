package org.tezuo.core.entity;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.tezuo.core.i18n.LocalizedException;
import tools.jackson.databind.JsonNode;

/**
 * Renders a field's {@code default} from the entity document as an SQL literal for the migration's DDL, which
 * cannot bind parameters. Only metadata values pass through here, never record data; each value is parsed as
 * its field's type first, and text has its quotes doubled.
 */
final class SqlLiteral {

    private SqlLiteral() {
    }

    /**
     * Returns {@code value} as a literal of {@code field}'s column type.
     *
     * @throws LocalizedException when the value does not fit the field's type
     */
    static String of(EntityField field, JsonNode value) {
        try {
            return switch (field.type()) {
                case TEXT, LONG_TEXT, ENUM, PERSON, ORG_UNIT, FILE, PHOTO, SIGNATURE -> text(field, value);
                case INTEGER, REFERENCE -> {
                    require(field, value, value.isIntegralNumber());
                    yield value.bigIntegerValue().toString();
                }
                case DECIMAL -> {
                    require(field, value, value.isNumber());
                    yield value.decimalValue().toPlainString();
                }
                case DATE -> {
                    require(field, value, value.isString());
                    yield "date '" + LocalDate.parse(value.asString()) + "'";
                }
                case DATE_TIME -> {
                    require(field, value, value.isString());
                    yield "timestamp with time zone '" + OffsetDateTime.parse(value.asString()) + "'";
                }
                case BOOLEAN -> {
                    require(field, value, value.isBoolean());
                    yield String.valueOf(value.asBoolean());
                }
                case GEO_POINT, GAS_READING, TABLE -> throw invalid(field, value);
            };
        } catch (DateTimeParseException e) {
            throw invalid(field, value);
        }
    }

    private static String text(EntityField field, JsonNode value) {
        require(field, value, value.isString());
        return "'" + value.asString().replace("'", "''") + "'";
    }

    private static void require(EntityField field, JsonNode value, boolean condition) {
        if (!condition) {
            throw invalid(field, value);
        }
    }

    private static LocalizedException invalid(EntityField field, JsonNode value) {
        return new LocalizedException("entity.migration.invalidDefault", field.name(), value.toString(),
                field.type().code());
    }
}
