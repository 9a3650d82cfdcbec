package org.tezuo.app.ui.record;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tezuo.core.entity.EntityFieldType;
import org.tezuo.core.entity.PublishedEntity;
import org.tezuo.core.query.SavedQuery;
import org.tezuo.form.definition.FormDefinition;

/**
 * The shape of one entity's records list, read from metadata. It takes the columns and default sort of the
 * entity's published list view when it has one, otherwise every field stored in a single column.
 *
 * @param entity the published entity
 * @param form the form generated from the entity, whose options give enum labels
 * @param columns the columns in display order; {@code id} is always selected but shown only when listed here
 * @param defaultSort the sort used until the user sorts a column
 * @param pageSize rows fetched per request
 * @param savedFilters the published {@code filter} queries of the entity that need no parameters
 * @param zone the tenant's zone, in which dates are shown and date ranges start and end
 */
record RecordListLayout(PublishedEntity entity, FormDefinition form, List<ListColumn> columns,
        List<RecordSort> defaultSort, int pageSize, List<SavedQuery> savedFilters, ZoneId zone) {

    RecordListLayout {
        columns = List.copyOf(columns);
        defaultSort = List.copyOf(defaultSort);
        savedFilters = List.copyOf(savedFilters);
    }

    /** Returns the name of the entity's table in the query layer. */
    String table() {
        return entity.definition().table();
    }

    Optional<ListColumn> column(String name) {
        return columns.stream().filter(column -> column.column().equals(name)).findFirst();
    }

    /** Returns the columns of text fields, which the text filter searches. */
    List<ListColumn> textColumns() {
        return ofTypes(List.of(EntityFieldType.TEXT, EntityFieldType.LONG_TEXT));
    }

    /** Returns the columns of enum fields, each of which gets a select in the filter bar. */
    List<ListColumn> enumColumns() {
        return ofTypes(List.of(EntityFieldType.ENUM));
    }

    /** Returns the columns a date range can bound: date and date-time fields, then the creation and update times. */
    List<ListColumn> dateColumns() {
        List<ListColumn> dates = new ArrayList<>(ofTypes(List.of(EntityFieldType.DATE,
                EntityFieldType.DATE_TIME)));
        columns.stream().filter(column -> column.field() == null && RecordListing.TIME_COLUMNS.contains(
                column.column())).forEach(dates::add);
        return dates;
    }

    private List<ListColumn> ofTypes(List<EntityFieldType> types) {
        return columns.stream().filter(column -> column.field() != null && types.contains(column.field().type()))
                .toList();
    }
}
