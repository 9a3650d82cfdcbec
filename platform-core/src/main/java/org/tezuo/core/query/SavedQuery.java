package org.tezuo.core.query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A published {@code query} document: a list view (entity, columns, default sort, page size), a saved filter
 * (a list view with a WHERE condition) or a report (SQL written by an administrator). All three become one SELECT
 * statement with named parameters.
 *
 * @param key document key
 * @param type list, filter or report
 * @param title title by language code ({@code zh}, {@code en})
 * @param entity the entity of a list or filter, empty for a report
 * @param columns the columns of a list or filter; empty means every column
 * @param sort the default sort of a list or filter
 * @param where the condition of a filter, empty otherwise
 * @param reportSql the SQL of a report, empty otherwise
 * @param pageSize rows per page
 * @param parameters declared parameters in order
 * @param columnLabels column name to its label by language code
 */
public record SavedQuery(String key, String type, Map<String, String> title, Optional<String> entity,
        List<String> columns, List<Sort> sort, Optional<String> where, Optional<String> reportSql, int pageSize,
        List<Parameter> parameters, Map<String, Map<String, String>> columnLabels) {

    /** Rows per page when the document sets none. */
    public static final int DEFAULT_PAGE_SIZE = 50;

    /** One sort column. */
    public record Sort(String column, boolean descending) {
    }

    /**
     * One declared parameter.
     *
     * @param type text, integer, decimal, date, dateTime or boolean
     */
    public record Parameter(String name, String type, Map<String, String> label) {
    }

    public SavedQuery {
        title = Map.copyOf(title);
        columns = List.copyOf(columns);
        sort = List.copyOf(sort);
        parameters = List.copyOf(parameters);
        columnLabels = Map.copyOf(columnLabels);
    }

    /** Parses a body that passed the {@code query} meta-schema. */
    static SavedQuery parse(String key, JsonNode body) {
        List<String> columns = new ArrayList<>();
        body.path("columns").forEach(column -> columns.add(column.asString()));
        List<Sort> sort = new ArrayList<>();
        body.path("sort").forEach(item -> sort.add(new Sort(item.path("column").asString(),
                "desc".equals(item.path("direction").asString("asc")))));
        List<Parameter> parameters = new ArrayList<>();
        body.path("parameters").forEach(item -> parameters.add(new Parameter(item.path("name").asString(),
                item.path("type").asString("text"), label(item.path("label")))));
        Map<String, Map<String, String>> columnLabels = new LinkedHashMap<>();
        body.path("columnLabels").properties().forEach(entry -> columnLabels.put(entry.getKey(),
                label(entry.getValue())));
        return new SavedQuery(key, body.path("type").asString(), label(body.path("title")),
                text(body, "entity"), columns, sort, text(body, "where"), text(body, "sql"),
                body.path("pageSize").asInt(DEFAULT_PAGE_SIZE), parameters, columnLabels);
    }

    /** Returns the SELECT statement this query runs, with {@code :name} parameters. */
    public String sql() {
        if (reportSql.isPresent()) {
            return reportSql.get();
        }
        StringBuilder sql = new StringBuilder("select ");
        sql.append(columns.isEmpty() ? "*" : String.join(", ", columns.stream().map(SavedQuery::quote).toList()));
        sql.append(" from ").append(quote(entity.orElseThrow()));
        where.ifPresent(condition -> sql.append(" where (").append(condition).append(')'));
        if (!sort.isEmpty()) {
            sql.append(" order by ").append(String.join(", ", sort.stream()
                    .map(item -> quote(item.column()) + (item.descending() ? " desc" : " asc")).toList()));
        }
        return sql.toString();
    }

    /** Returns the title in {@code locale}, falling back to Chinese. */
    public String title(Locale locale) {
        return localized(title, locale);
    }

    /** Returns the label of {@code column} in {@code locale}, or the column name when it has none. */
    public String columnLabel(String column, Locale locale) {
        Map<String, String> label = columnLabels.get(column);
        return label == null ? column : localized(label, locale);
    }

    private static String localized(Map<String, String> label, Locale locale) {
        String text = label.get(locale.getLanguage());
        return text == null || text.isBlank() ? label.getOrDefault("zh", "") : text;
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode value = body.path(field);
        return value.isString() ? Optional.of(value.asString()) : Optional.empty();
    }

    private static Map<String, String> label(JsonNode label) {
        Map<String, String> texts = new LinkedHashMap<>();
        label.properties().forEach(entry -> texts.put(entry.getKey(), entry.getValue().asString()));
        return texts;
    }

    private static String quote(String identifier) {
        return '"' + identifier + '"';
    }
}
