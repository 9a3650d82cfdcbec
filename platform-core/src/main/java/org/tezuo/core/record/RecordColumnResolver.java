package org.tezuo.core.record;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.tezuo.core.entity.EntityDefinition;
import org.tezuo.core.entity.EntityField;
import org.tezuo.core.entity.EntityFieldType;
import org.tezuo.core.entity.EntityNaming;
import org.tezuo.core.entity.RecordColumn;
import org.tezuo.core.entity.RecordColumns;
import org.tezuo.core.entity.SqlDialect;
import org.tezuo.core.entity.ValueKind;

/**
 * Turns the filter and sort parameters of a record list into SQL over the entity's columns. Field names are looked
 * up in the published entity document, so only its columns can appear in the SQL; every value is bound.
 */
final class RecordColumnResolver {

    private static final Map<String, RecordColumn> SYSTEM_FIELDS = Map.of(
            "id", new RecordColumn(EntityNaming.ID, null, ValueKind.LONG, 0, 0, 0),
            "createdAt", new RecordColumn(EntityNaming.CREATED_AT, null, ValueKind.TIMESTAMP, 0, 0, 0),
            "updatedAt", new RecordColumn(EntityNaming.UPDATED_AT, null, ValueKind.TIMESTAMP, 0, 0, 0),
            "createdBy", new RecordColumn(EntityNaming.CREATED_BY, null, ValueKind.STRING, 64, 0, 0),
            "updatedBy", new RecordColumn(EntityNaming.UPDATED_BY, null, ValueKind.STRING, 64, 0, 0));

    private static final Set<FilterOperator> ORDERED = EnumSet.of(FilterOperator.EQ, FilterOperator.GT,
            FilterOperator.GTE, FilterOperator.LT, FilterOperator.LTE, FilterOperator.IN);

    private final EntityDefinition entity;

    RecordColumnResolver(EntityDefinition entity) {
        this.entity = entity;
    }

    /** Appends {@code and <condition>} for each filter to {@code where} and its values to {@code parameters}. */
    void appendFilters(List<String> filters, StringBuilder where, List<Object> parameters) {
        for (String filter : filters) {
            String[] parts = filter.split(":", 3);
            if (parts.length < 3 || parts[2].isEmpty()) {
                throw new InvalidRecordQueryException("record.filter.invalid", filter);
            }
            RecordColumn column = column(parts[0]);
            Set<FilterOperator> allowed = operators(parts[0], column);
            FilterOperator operator = FilterOperator.fromCode(parts[1]).filter(allowed::contains)
                    .orElseThrow(() -> new InvalidRecordQueryException("record.filter.operator", parts[0], parts[1],
                            allowed.stream().map(FilterOperator::code).collect(Collectors.joining(", "))));
            String quoted = SqlDialect.quote(column.name());
            switch (operator) {
                case CONTAINS -> {
                    where.append(" and lower(").append(quoted).append(") like ? escape '\\'");
                    parameters.add("%" + escapeLike(parts[2].toLowerCase(java.util.Locale.ROOT)) + "%");
                }
                case IN -> {
                    List<String> values = List.of(parts[2].split("\\|"));
                    where.append(" and ").append(quoted).append(" in (")
                            .append(String.join(", ", values.stream().map(value -> "?").toList())).append(')');
                    values.forEach(value -> parameters.add(value(parts[0], column, value)));
                }
                default -> {
                    where.append(" and ").append(quoted).append(' ').append(operator.sql()).append(" ?");
                    parameters.add(value(parts[0], column, parts[2]));
                }
            }
        }
    }

    /** Returns the order-by list for the sort keys, ending with the id so that pages never overlap. */
    String orderBy(List<String> sortKeys) {
        List<String> terms = new ArrayList<>();
        for (String key : sortKeys) {
            boolean descending = key.startsWith("-");
            String name = descending ? key.substring(1) : key;
            RecordColumn column = column(name);
            if (column.kind() == ValueKind.LONG_STRING) {
                throw new InvalidRecordQueryException("record.filter.operator", name, "sort", "-");
            }
            terms.add(SqlDialect.quote(column.name()) + (descending ? " desc" : " asc"));
        }
        terms.add(SqlDialect.quote(EntityNaming.ID) + " asc");
        return String.join(", ", terms);
    }

    private RecordColumn column(String name) {
        RecordColumn system = SYSTEM_FIELDS.get(name);
        if (system != null) {
            return system;
        }
        return entity.field(name)
                .filter(field -> !field.type().isComposite())
                .map(field -> RecordColumns.of(field).getFirst())
                .orElseThrow(() -> new InvalidRecordQueryException("record.filter.unknownField", name,
                        filterableNames()));
    }

    private Set<FilterOperator> operators(String name, RecordColumn column) {
        EntityFieldType type = entity.field(name).map(EntityField::type).orElse(null);
        return switch (column.kind()) {
            case LONG_STRING -> EnumSet.of(FilterOperator.CONTAINS);
            case STRING -> type == EntityFieldType.TEXT
                    ? EnumSet.of(FilterOperator.EQ, FilterOperator.CONTAINS, FilterOperator.IN)
                    : EnumSet.of(FilterOperator.EQ, FilterOperator.IN);
            case BOOLEAN -> EnumSet.of(FilterOperator.EQ);
            default -> ORDERED;
        };
    }

    private static Object value(String name, RecordColumn column, String text) {
        try {
            return RecordValues.parse(column, text);
        } catch (RuntimeException e) {
            throw new InvalidRecordQueryException("record.filter.value", name, text, column.kind().name()
                    .toLowerCase(java.util.Locale.ROOT));
        }
    }

    private String filterableNames() {
        List<String> names = new ArrayList<>(List.of("id", "createdAt", "updatedAt", "createdBy", "updatedBy"));
        entity.fields().stream().filter(field -> !field.type().isComposite()).forEach(field -> names.add(field.name()));
        return String.join(", ", names);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
