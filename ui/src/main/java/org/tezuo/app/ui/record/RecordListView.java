package org.tezuo.app.ui.record;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.app.ui.layout.Notices;
import org.tezuo.core.entity.EntityField;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.query.SavedQuery;
import org.tezuo.core.record.EntityNotFoundException;
import org.tezuo.form.definition.FieldOption;

/**
 * The records of one entity at {@code /records/<entity>}: a filter bar (text, one select per enum column, a date
 * range, the entity's saved filters) over a lazily paged grid whose columns, labels and default sort come from
 * metadata. Clicking a row opens the record.
 *
 * <p>Element ids: {@code records-grid}, {@code records-count}, {@code records-filter-text},
 * {@code records-filter-<column>} per enum column, {@code records-filter-date-column},
 * {@code records-filter-date-from}, {@code records-filter-date-to}, {@code records-saved-filter},
 * {@code records-not-found}.
 */
@Route(value = "records/:" + RecordListView.ENTITY, layout = MainLayout.class)
@PermitAll
public class RecordListView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    /** Route parameter holding the entity name. */
    public static final String ENTITY = "entity";

    private final CurrentUserProvider currentUser;
    private final RecordListing listing;
    private String title = "";

    public RecordListView(CurrentUserProvider currentUser, RecordListing listing) {
        this.currentUser = currentUser;
        this.listing = listing;
        setSizeFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        CurrentUser user = currentUser.require();
        String entityName = event.getRouteParameters().get(ENTITY).orElse("");
        RecordListLayout layout;
        try {
            layout = listing.layout(user.tenantId(), entityName, getLocale());
        } catch (EntityNotFoundException e) {
            title = getTranslation("records.title");
            Paragraph notFound = new Paragraph(e.message(getLocale()));
            notFound.setId("records-not-found");
            add(notFound, new RouterLink(getTranslation("records.back"), RecordsView.class));
            return;
        }
        title = layout.entity().definition().label(getLocale());
        new ListPage(user.tenantId(), layout).build();
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** The filter bar, grid and row count of one entity's list, built once per navigation. */
    private final class ListPage {

        private final long tenantId;
        private final RecordListLayout layout;
        private final CellText cells;
        private final Grid<RecordRow> grid = new Grid<>();
        private final Span count = new Span();
        private final TextField text = new TextField();
        private final Map<String, Select<String>> enumSelects = new LinkedHashMap<>();
        private final Select<ListColumn> dateColumn = new Select<>();
        private final DatePicker from = new DatePicker();
        private final DatePicker to = new DatePicker();
        private final Select<SavedQuery> savedFilter = new Select<>();

        ListPage(long tenantId, RecordListLayout layout) {
            this.tenantId = tenantId;
            this.layout = layout;
            this.cells = new CellText(layout, getLocale(), getTranslation("value.yes"), getTranslation("value.no"));
        }

        void build() {
            HorizontalLayout filters = new HorizontalLayout();
            filters.setId("records-filters");
            filters.setWrap(true);
            filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            addTextFilter(filters);
            layout.enumColumns().forEach(column -> addEnumFilter(filters, column));
            addDateFilter(filters);
            addSavedFilter(filters);

            count.setId("records-count");
            buildGrid();
            add(filters, count, grid);
            setFlexGrow(1, grid);
        }

        private void addTextFilter(HorizontalLayout filters) {
            if (layout.textColumns().isEmpty()) {
                return;
            }
            text.setId("records-filter-text");
            text.setLabel(getTranslation("records.filter.text"));
            text.setPlaceholder(getTranslation("records.filter.text.placeholder"));
            text.setPrefixComponent(VaadinIcon.SEARCH.create());
            text.setClearButtonVisible(true);
            text.addValueChangeListener(event -> refresh());
            filters.add(text);
        }

        private void addEnumFilter(HorizontalLayout filters, ListColumn column) {
            EntityField field = Objects.requireNonNull(column.field());
            Select<String> select = new Select<>();
            select.setId("records-filter-" + column.column());
            select.setLabel(column.label());
            select.setEmptySelectionAllowed(true);
            select.setEmptySelectionCaption(getTranslation("records.filter.any"));
            select.setItems(layout.form().field(field.name())
                    .map(formField -> formField.options().stream().map(FieldOption::value).toList())
                    .orElse(field.values()));
            select.setItemLabelGenerator(code -> code == null ? getTranslation("records.filter.any")
                    : cells.optionLabel(field, code));
            select.addValueChangeListener(event -> refresh());
            enumSelects.put(column.column(), select);
            filters.add(select);
        }

        private void addDateFilter(HorizontalLayout filters) {
            List<ListColumn> columns = layout.dateColumns();
            if (columns.isEmpty()) {
                return;
            }
            dateColumn.setId("records-filter-date-column");
            dateColumn.setLabel(getTranslation("records.filter.dateColumn"));
            dateColumn.setItems(columns);
            dateColumn.setItemLabelGenerator(ListColumn::label);
            dateColumn.setValue(columns.getFirst());
            from.setId("records-filter-date-from");
            from.setLabel(getTranslation("records.filter.from"));
            to.setId("records-filter-date-to");
            to.setLabel(getTranslation("records.filter.to"));
            dateColumn.addValueChangeListener(event -> refresh());
            from.addValueChangeListener(event -> refresh());
            to.addValueChangeListener(event -> refresh());
            filters.add(dateColumn, from, to);
        }

        private void addSavedFilter(HorizontalLayout filters) {
            if (layout.savedFilters().isEmpty()) {
                return;
            }
            savedFilter.setId("records-saved-filter");
            savedFilter.setLabel(getTranslation("records.filter.saved"));
            savedFilter.setEmptySelectionAllowed(true);
            savedFilter.setEmptySelectionCaption(getTranslation("records.filter.savedNone"));
            savedFilter.setItems(layout.savedFilters());
            savedFilter.setItemLabelGenerator(query -> query == null ? getTranslation("records.filter.savedNone")
                    : query.title(getLocale()));
            savedFilter.addValueChangeListener(event -> refresh());
            filters.add(savedFilter);
        }

        private void buildGrid() {
            grid.setId("records-grid");
            grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
            grid.setMultiSort(false);
            grid.setPageSize(layout.pageSize());
            for (ListColumn column : layout.columns()) {
                grid.addColumn(row -> cells.text(column, row.value(column.column())))
                        .setHeader(column.label())
                        .setKey(column.column())
                        .setSortProperty(column.column())
                        .setResizable(true);
            }
            grid.setItems(this::fetch, this::countRows);
            grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate(RecordView.class,
                    RecordView.parameters(layout.entity().name(), event.getItem().id()))));
        }

        private Stream<RecordRow> fetch(Query<RecordRow, Void> query) {
            List<RecordSort> sort = new ArrayList<>();
            query.getSortOrders().forEach(order -> sort.add(new RecordSort(order.getSorted(),
                    order.getDirection() == SortDirection.DESCENDING)));
            try {
                return listing.fetch(tenantId, layout, filter(), sort, query.getOffset(), query.getLimit()).stream();
            } catch (LocalizedException e) {
                Notices.error(e.message(getLocale()));
                return Stream.empty();
            }
        }

        private int countRows(Query<RecordRow, Void> query) {
            try {
                long total = listing.count(tenantId, layout, filter());
                count.setText(getTranslation("records.count", total));
                return (int) Math.min(total, Integer.MAX_VALUE);
            } catch (LocalizedException e) {
                Notices.error(e.message(getLocale()));
                return 0;
            }
        }

        private RecordFilter filter() {
            Map<String, String> codes = new LinkedHashMap<>();
            enumSelects.forEach((column, select) -> {
                if (select.getValue() != null) {
                    codes.put(column, select.getValue());
                }
            });
            ListColumn date = dateColumn.getValue();
            return new RecordFilter(text.getValue(), codes, date == null ? null : date.column(), from.getValue(),
                    to.getValue(), savedFilter.getValue());
        }

        private void refresh() {
            grid.getDataProvider().refreshAll();
        }
    }
}
