package org.tezuo.app.ui.query;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.ui.i18n.DisplayFormats;
import org.tezuo.app.ui.layout.MainLayout;
import org.tezuo.core.query.QueryColumn;
import org.tezuo.core.query.QueryEngine;
import org.tezuo.core.query.QueryException;
import org.tezuo.core.query.QueryResult;
import org.tezuo.core.tenant.TenantDirectory;

/**
 * Ad hoc SQL over the user's tenant: a SQL text area, one input per {@code :name} parameter, the result grid and
 * the statement that reached the database. Errors stay on the page with their line and column.
 */
@Route(value = "query", layout = MainLayout.class)
@Menu(order = 60, title = "menu.query", icon = "vaadin:table")
@RolesAllowed({"SYSTEM_ADMIN", "SAFETY_DIRECTOR", "SAFETY_ENGINEER"})
public class QueryView extends VerticalLayout implements HasDynamicTitle {

    private final QueryEngine engine;
    private final long tenantId;
    private final ZoneId zone;

    private final TextArea sql = new TextArea();
    private final FormLayout parameterInputs = new FormLayout();
    private final Map<String, TextField> parameters = new LinkedHashMap<>();
    private final Div error = new Div();
    private final Span summary = new Span();
    private final Grid<List<Object>> grid = new Grid<>();
    private final Pre databaseSql = new Pre();

    public QueryView(CurrentUserProvider currentUser, QueryEngine engine, TenantDirectory tenants) {
        this.engine = engine;
        CurrentUser user = currentUser.require();
        this.tenantId = user.tenantId();
        this.zone = tenants.require(tenantId).zone();
        setSizeFull();

        sql.setId("query-sql");
        sql.setLabel(getTranslation("query.sql"));
        sql.setHelperText(getTranslation("query.sql.help", String.join(", ", engine.tables(tenantId).keySet())));
        sql.setWidthFull();
        sql.setMinHeight("8em");
        sql.addValueChangeListener(event -> refreshParameters());

        Button run = new Button(getTranslation("query.run"), VaadinIcon.PLAY.create(), event -> run());
        run.setId("query-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        error.setId("query-error");
        error.addClassName("tezuo-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);
        summary.setId("query-summary");
        databaseSql.setId("query-database-sql");
        databaseSql.setVisible(false);

        grid.setId("query-grid");
        grid.setSizeFull();
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setEmptyStateText(getTranslation("query.empty"));

        add(sql, parameterInputs, run, error, summary, grid, databaseSql);
    }

    private void refreshParameters() {
        List<String> names = engine.parameterNames(sql.getValue());
        if (names.equals(List.copyOf(parameters.keySet()))) {
            return;
        }
        Map<String, String> previous = new LinkedHashMap<>();
        parameters.forEach((name, field) -> previous.put(name, field.getValue()));
        parameters.clear();
        parameterInputs.removeAll();
        for (String name : names) {
            TextField field = new TextField(getTranslation("query.parameter", name));
            field.setId("query-parameter-" + name);
            field.setValue(previous.getOrDefault(name, ""));
            parameters.put(name, field);
            parameterInputs.add(field);
        }
    }

    private void run() {
        refreshParameters();
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.forEach((name, field) -> {
            if (!field.getValue().isBlank()) {
                values.put(name, field.getValue());
            }
        });
        try {
            show(engine.runAdHoc(tenantId, sql.getValue(), values));
        } catch (QueryException e) {
            error.setText(e.message(getLocale()));
            error.setVisible(true);
            if (e.line() > 0) {
                sql.setHelperText(getTranslation("query.position", e.line(), e.column()));
            }
        }
    }

    private void show(QueryResult result) {
        error.setVisible(false);
        sql.setHelperText(getTranslation("query.sql.help", String.join(", ", engine.tables(tenantId).keySet())));
        grid.removeAllColumns();
        List<QueryColumn> columns = result.columns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            grid.addColumn(row -> format(row.get(index))).setHeader(columns.get(i).name()).setAutoWidth(true)
                    .setResizable(true);
        }
        grid.setItems(result.rows());
        summary.setText(result.truncated()
                ? getTranslation("query.truncated", result.rows().size())
                : getTranslation("query.rowCount", result.rows().size()));
        databaseSql.setText(getTranslation("query.databaseSql") + "\n" + String.join("\n", result.databaseSql()));
        databaseSql.setVisible(true);
    }

    private String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Instant instant) {
            return DisplayFormats.dateTime(instant, zone);
        }
        if (value instanceof LocalDate date) {
            return DisplayFormats.date(date, null);
        }
        return value.toString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.query");
    }
}
