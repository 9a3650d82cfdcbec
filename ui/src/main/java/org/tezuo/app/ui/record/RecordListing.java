package org.tezuo.app.ui.record;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.tezuo.app.ui.i18n.TranslationProvider;
import org.tezuo.core.entity.EntityField;
import org.tezuo.core.entity.EntityFieldType;
import org.tezuo.core.entity.EntityNaming;
import org.tezuo.core.entity.PublishedEntity;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.query.QueryEngine;
import org.tezuo.core.query.QueryResult;
import org.tezuo.core.query.SavedQueries;
import org.tezuo.core.query.SavedQuery;
import org.tezuo.core.record.RecordEntities;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;

/**
 * Reads the layout of a records list from metadata and fetches its rows a page at a time through the query
 * layer, so filters, sorting and paging run as SQL in the database and soft-deleted rows never appear.
 */
@Component
class RecordListing {

    /** System columns that hold a creation or update time. */
    static final Set<String> TIME_COLUMNS = Set.of(EntityNaming.CREATED_AT, EntityNaming.UPDATED_AT);

    private static final String LIST = "list";
    private static final String FILTER = "filter";

    private final RecordEntities entities;
    private final RecordService records;
    private final MetadataStore metadata;
    private final SavedQueries savedQueries;
    private final QueryEngine engine;
    private final TenantDirectory tenants;
    private final TranslationProvider translations;

    RecordListing(RecordEntities entities, RecordService records, MetadataStore metadata,
            SavedQueries savedQueries, QueryEngine engine, TenantDirectory tenants,
            TranslationProvider translations) {
        this.entities = entities;
        this.records = records;
        this.metadata = metadata;
        this.savedQueries = savedQueries;
        this.engine = engine;
        this.tenants = tenants;
        this.translations = translations;
    }

    /**
     * Returns the layout of the list of entity {@code entityName}: the columns, default sort and page size of the
     * first published list view of the entity by key, or every single-column field sorted by newest first.
     *
     * @throws org.tezuo.core.record.EntityNotFoundException when no published entity stores records under that name
     */
    RecordListLayout layout(long tenantId, String entityName, Locale locale) {
        PublishedEntity entity = entities.require(tenantId, entityName);
        List<SavedQuery> queries = savedQueriesOf(tenantId, entity.definition().table());
        Optional<SavedQuery> listView = queries.stream().filter(query -> LIST.equals(query.type())).findFirst();
        List<SavedQuery> savedFilters = queries.stream()
                .filter(query -> FILTER.equals(query.type()) && query.parameters().isEmpty())
                .toList();

        List<ListColumn> columns = new ArrayList<>();
        List<RecordSort> sort = new ArrayList<>();
        int pageSize = SavedQuery.DEFAULT_PAGE_SIZE;
        if (listView.isPresent()) {
            SavedQuery view = listView.get();
            view.columns().forEach(column -> columns.add(column(entity, column, view, locale)));
            view.sort().forEach(item -> sort.add(new RecordSort(item.column(), item.descending())));
            pageSize = view.pageSize();
        } else {
            entity.definition().fields().stream()
                    .filter(field -> !field.type().isComposite())
                    .forEach(field -> columns.add(new ListColumn(field.column(), field.label(locale), field)));
            columns.add(new ListColumn(EntityNaming.UPDATED_AT, systemLabel(EntityNaming.UPDATED_AT, locale), null));
            sort.add(new RecordSort(EntityNaming.ID, true));
        }
        return new RecordListLayout(entity, records.entityForm(tenantId, entityName), columns, sort, pageSize,
                savedFilters, tenants.require(tenantId).zone());
    }

    /** Returns how many rows match {@code filter}. */
    long count(long tenantId, RecordListLayout layout, RecordFilter filter) {
        RecordListSql.Statement statement = new RecordListSql(layout).count(filter);
        QueryResult result = engine.run(tenantId, statement.sql(), statement.parameters(), 0, 1);
        return ((Number) result.rows().getFirst().getFirst()).longValue();
    }

    /**
     * Returns rows {@code offset + 1} to {@code offset + limit} of the rows matching {@code filter}.
     *
     * <p>NOTE: the query layer caches plans by offset, so each new page position of a long list is planned once
     * before its plan is reused.
     */
    List<RecordRow> fetch(long tenantId, RecordListLayout layout, RecordFilter filter, List<RecordSort> sort,
            long offset, int limit) {
        RecordListSql.Statement statement = new RecordListSql(layout).select(filter, sort);
        QueryResult result = engine.run(tenantId, statement.sql(), statement.parameters(), offset, limit);
        List<RecordRow> rows = new ArrayList<>(result.rows().size());
        for (List<Object> values : result.rows()) {
            Map<String, Object> byColumn = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value != null) {
                    byColumn.put(result.columns().get(i).name(), value);
                }
            }
            rows.add(new RecordRow(((Number) values.getFirst()).longValue(), byColumn));
        }
        return rows;
    }

    private List<SavedQuery> savedQueriesOf(long tenantId, String table) {
        return metadata.listPublished(tenantId, MetadataKind.QUERY).stream()
                .filter(document -> table.equals(document.body().path("entity").asString("")))
                .map(MetadataDocument::key)
                .sorted(Comparator.naturalOrder())
                .map(key -> savedQueries.require(tenantId, key))
                .toList();
    }

    private ListColumn column(PublishedEntity entity, String column, SavedQuery view, Locale locale) {
        Optional<EntityField> field = entity.definition().fields().stream()
                .filter(candidate -> candidate.type() != EntityFieldType.TABLE && candidate.column().equals(column))
                .findFirst();
        String label;
        if (view.columnLabels().containsKey(column)) {
            label = view.columnLabel(column, locale);
        } else if (field.isPresent()) {
            label = field.get().label(locale);
        } else {
            label = systemLabel(column, locale);
        }
        return new ListColumn(column, label, field.filter(found -> !found.type().isComposite()).orElse(null));
    }

    private String systemLabel(String column, Locale locale) {
        return EntityNaming.SYSTEM_COLUMNS.contains(column)
                ? translations.getTranslation("records.column." + column, locale) : column;
    }
}
