package org.tezuo.app.ui.record;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.entity.EntityFieldType;
import org.tezuo.core.entity.EntityNaming;
import org.tezuo.core.query.SavedQuery;

/**
 * Writes the SELECT statements of a records list for the query layer. Table and column names come only from the
 * layout, which is read from published metadata, and are quoted. Every value the user typed or chose is a named
 * parameter. A saved filter's condition is inserted as written, because an administrator published it and the
 * query document check validated it.
 */
final class RecordListSql {

    /** Statement text with {@code :name} parameters and the value of each parameter. */
    record Statement(String sql, Map<String, Object> parameters) {
    }

    private final RecordListLayout layout;

    RecordListSql(RecordListLayout layout) {
        this.layout = layout;
    }

    /** Returns the statement that counts the rows matching {@code filter}. */
    Statement count(RecordFilter filter) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        String sql = "select count(*) as \"total\" from " + quote(layout.table()) + where(filter, parameters);
        return new Statement(sql, parameters);
    }

    /**
     * Returns the statement that selects the id and the listed columns of the rows matching {@code filter},
     * sorted by {@code sort}, then by the saved filter's or the layout's default sort, then by id for stable pages.
     *
     * @throws IllegalArgumentException when a sort column is not one of the layout's columns
     */
    Statement select(RecordFilter filter, List<RecordSort> sort) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> selected = new ArrayList<>();
        selected.add(quote(EntityNaming.ID));
        layout.columns().stream().map(ListColumn::column).filter(column -> !column.equals(EntityNaming.ID))
                .map(RecordListSql::quote).forEach(selected::add);
        String sql = "select " + String.join(", ", selected) + " from " + quote(layout.table())
                + where(filter, parameters) + orderBy(effectiveSort(filter, sort));
        return new Statement(sql, parameters);
    }

    /**
     * Returns the requested sort, else the saved filter's, else the layout's. Only the requested sort is checked
     * against the listed columns, because the query document check already validated the sorts of published
     * documents against the entity's table.
     */
    private List<RecordSort> effectiveSort(RecordFilter filter, List<RecordSort> sort) {
        for (RecordSort item : sort) {
            if (!item.column().equals(EntityNaming.ID) && layout.column(item.column()).isEmpty()) {
                throw new IllegalArgumentException("Column " + item.column() + " is not listed for "
                        + layout.table());
            }
        }
        List<RecordSort> effective = new ArrayList<>(sort);
        if (effective.isEmpty() && filter.savedFilter() != null) {
            filter.savedFilter().sort().forEach(item -> effective.add(new RecordSort(item.column(),
                    item.descending())));
        }
        if (effective.isEmpty()) {
            effective.addAll(layout.defaultSort());
        }
        return effective;
    }

    private String orderBy(List<RecordSort> sort) {
        List<String> items = new ArrayList<>();
        boolean byId = false;
        for (RecordSort item : sort) {
            byId |= item.column().equals(EntityNaming.ID);
            items.add(quote(item.column()) + (item.descending() ? " desc" : " asc"));
        }
        if (!byId) {
            items.add(quote(EntityNaming.ID) + " desc");
        }
        return " order by " + String.join(", ", items);
    }

    private String where(RecordFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        textCondition(filter.text(), parameters, conditions);
        filter.enumCodes().forEach((column, code) -> {
            if (layout.enumColumns().stream().anyMatch(listed -> listed.column().equals(column))) {
                String name = "enum_" + column;
                conditions.add(quote(column) + " = :" + name);
                parameters.put(name, code);
            }
        });
        dateConditions(filter, parameters, conditions);
        SavedQuery saved = filter.savedFilter();
        if (saved != null && saved.where().isPresent()) {
            conditions.add("(" + saved.where().get() + ")");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private void textCondition(String text, Map<String, Object> parameters, List<String> conditions) {
        List<ListColumn> columns = layout.textColumns();
        if (text.isBlank() || columns.isEmpty()) {
            return;
        }
        List<String> matches = columns.stream()
                .map(column -> "lower(" + quote(column.column()) + ") like :text escape '\\'")
                .toList();
        conditions.add("(" + String.join(" or ", matches) + ")");
        parameters.put("text", "%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%");
    }

    private void dateConditions(RecordFilter filter, Map<String, Object> parameters, List<String> conditions) {
        String column = filter.dateColumn();
        if (column == null || layout.dateColumns().stream().noneMatch(listed -> listed.column().equals(column))) {
            return;
        }
        boolean dateOnly = layout.column(column).map(ListColumn::field)
                .map(field -> field.type() == EntityFieldType.DATE).orElse(false);
        LocalDate from = filter.from();
        if (from != null) {
            conditions.add(quote(column) + " >= :dateFrom");
            parameters.put("dateFrom", dateOnly ? from.toString() : startOf(from, layout.zone()));
        }
        LocalDate to = filter.to();
        if (to != null) {
            conditions.add(quote(column) + (dateOnly ? " <= :dateTo" : " < :dateTo"));
            parameters.put("dateTo", dateOnly ? to.toString() : startOf(to.plusDays(1), layout.zone()));
        }
    }

    /** Returns the start of {@code day} in {@code zone} as ISO 8601 text with an offset, as the query layer binds it. */
    private static String startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toOffsetDateTime().toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    static String quote(@Nullable String identifier) {
        return '"' + String.valueOf(identifier) + '"';
    }
}
