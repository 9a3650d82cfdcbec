package org.tezuo.app.ui.form;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.provider.ListDataProvider;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FormField;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * An array of objects as a grid of one-line row summaries and one editor below it for the selected row. The grid
 * renders only the rows in view and the editor contains the inputs of one row, so a table of hundreds of rows costs
 * about as much as a table of one. The grid has two narrow columns that wrap, so a phone never scrolls sideways.
 * Clicking a row opens it in the editor; adding a row appends it and opens it. {@code minItems} and
 * {@code maxItems} of the array's schema disable the remove and add buttons at the limits.
 *
 * <p>The editor's inputs keep the element ids of the row path ({@code field-gasAnalyses-3-time},
 * {@code remove-gasAnalyses-3}); the grid is {@code rows-gasAnalyses}.
 */
final class TableInput implements FieldInput {

    /** Up to this many rows the grid grows with its rows; above it, it scrolls inside a fixed height. */
    private static final int ROWS_SHOWN_WHOLE = 8;

    private final FormField field;
    private final FieldPath path;
    private final InputFactory factory;
    private final int minRows;
    private final int maxRows;
    private final Div root = new Div();
    private final Span label;
    private final InputMessage error = new InputMessage();
    private final List<ObjectNode> rows = new ArrayList<>();
    private final List<Integer> indexes = new ArrayList<>();
    private final ListDataProvider<Integer> rowProvider = new ListDataProvider<>(indexes);
    private final Grid<Integer> grid = new Grid<>();
    private final Div editorBox = new Div();
    private final Button add;
    private final RowSummary summary;
    /** Server problems by row index, each with the path inside the row. */
    private final Map<Integer, List<RowProblem>> problems = new LinkedHashMap<>();
    private @Nullable RowEditor editor;
    private boolean readOnly;

    TableInput(FormField field, FieldPath path, InputFactory factory) {
        this.field = field;
        this.path = path;
        this.factory = factory;
        JsonNode schema = factory.schemaOf(path);
        this.minRows = schema.path("minItems").asInt(0);
        this.maxRows = schema.path("maxItems").asInt(Integer.MAX_VALUE);
        this.summary = new RowSummary(field, factory.context(), root);
        root.addClassName("tezuo-form-table");

        label = factory.heading(field);
        root.add(label);
        factory.addHelp(root, field);

        grid.setId(path.elementId("rows"));
        grid.addClassName("tezuo-form-rows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT,
                GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(index -> index + 1).setHeader("#").setWidth("3.5em").setFlexGrow(0);
        grid.addColumn(index -> summary.text(rows.get(index)))
                .setHeader(root.getTranslation("form.rows.summary")).setFlexGrow(1);
        grid.setPartNameGenerator(index -> problems.containsKey(index) ? "tezuo-invalid-row" : null);
        grid.setItems(rowProvider);
        grid.addItemClickListener(event -> edit(event.getItem()));
        editorBox.addClassName("tezuo-form-row-editor");

        add = new Button(root.getTranslation("form.row.add", factory.label(field)), VaadinIcon.PLUS.create(),
                event -> addRow());
        add.setId(path.elementId("add"));
        add.addThemeVariants(ButtonVariant.LUMO_SMALL);
        root.add(error, grid, editorBox, add);
        refreshRows();
    }

    @Override
    public Component component() {
        return root;
    }

    @Override
    public void read(JsonNode value) {
        closeEditor(false);
        rows.clear();
        problems.clear();
        if (value.isArray()) {
            value.forEach(row -> rows.add(withEmptyValues(row instanceof ObjectNode object ? object.deepCopy()
                    : JsonNodeFactory.instance.objectNode())));
        }
        refreshRows();
        if (!rows.isEmpty()) {
            edit(0);
        }
    }

    @Override
    public @Nullable JsonNode write() {
        commitEditor();
        if (rows.isEmpty()) {
            return null;
        }
        ArrayNode data = JsonNodeFactory.instance.arrayNode();
        rows.forEach(row -> data.add(row.deepCopy()));
        return data;
    }

    /** Remembers a row's problem, marks the row and opens the first row with problems when none is open. */
    @Override
    public boolean showError(FieldPath errorPath, String message) {
        if (error.showAt(errorPath, message)) {
            return true;
        }
        if (!(errorPath.first() instanceof Integer index) || index >= rows.size()) {
            return false;
        }
        problems.computeIfAbsent(index, key -> new ArrayList<>()).add(new RowProblem(errorPath.rest(), message));
        grid.getDataProvider().refreshItem(index);
        if (editor != null && editor.index() == index) {
            editor.showError(errorPath.rest(), message);
        } else if (editor == null || !problems.containsKey(editor.index())) {
            edit(index);
        }
        return true;
    }

    @Override
    public void clearErrors() {
        error.clear();
        problems.clear();
        grid.getDataProvider().refreshAll();
        if (editor != null) {
            editor.row().clearErrors();
        }
    }

    @Override
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
        if (editor != null) {
            editor.setReadOnly(readOnly);
        }
        refreshButtons();
    }

    @Override
    public void setRequired(boolean required) {
        label.setClassName("tezuo-required", required);
    }

    /** Opens row {@code index} in the editor after storing the row being edited. */
    private void edit(int index) {
        if (editor != null && editor.index() == index) {
            return;
        }
        closeEditor(true);
        FieldPath rowPath = path.child(index);
        Span title = new Span(root.getTranslation("form.row.title", index + 1));
        Button remove = new Button(VaadinIcon.TRASH.create(), event -> removeRow(index));
        remove.setId(rowPath.elementId("remove"));
        remove.setAriaLabel(root.getTranslation("form.row.remove", index + 1));
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
        Div heading = new Div(title, remove);
        heading.addClassName("tezuo-form-row-heading");

        GroupInput row = new GroupInput(field.children(), rowPath, factory, heading);
        row.component().setId(rowPath.elementId("row"));
        row.component().addClassName("tezuo-form-row");
        row.read(rows.get(index));
        problems.getOrDefault(index, List.of()).forEach(problem -> row.showError(problem.path(), problem.message()));
        RowEditor opened = new RowEditor(index, row, remove);
        opened.setReadOnly(readOnly);
        editor = opened;
        editorBox.add(row.component());
        grid.select(index);
        refreshButtons();
    }

    private void addRow() {
        if (rows.size() >= maxRows) {
            return;
        }
        commitEditor();
        rows.add(withEmptyValues(JsonNodeFactory.instance.objectNode()));
        refreshRows();
        int index = rows.size() - 1;
        edit(index);
        grid.scrollToIndex(index);
    }

    /** Removes a row; later rows move up, so their problems are dropped until the next check. */
    private void removeRow(int index) {
        if (rows.size() <= minRows) {
            return;
        }
        closeEditor(false);
        rows.remove(index);
        problems.keySet().removeIf(row -> row >= index);
        refreshRows();
        if (!rows.isEmpty()) {
            edit(Math.min(index, rows.size() - 1));
        }
    }

    /** Copies the editor's values into the row data and updates the row's summary. */
    private void commitEditor() {
        RowEditor open = editor;
        if (open == null) {
            return;
        }
        JsonNode value = open.row().write();
        rows.set(open.index(), value instanceof ObjectNode object ? object : JsonNodeFactory.instance.objectNode());
        grid.getDataProvider().refreshItem(open.index());
    }

    /** Fills in what the row's inputs would write while empty, such as false for an unticked check box. */
    private ObjectNode withEmptyValues(ObjectNode row) {
        for (FormField child : field.children()) {
            JsonNode empty = InputFactory.emptyValue(child);
            if (empty != null && (!row.has(child.name()) || row.get(child.name()).isNull())) {
                row.set(child.name(), empty);
            }
        }
        return row;
    }

    private void closeEditor(boolean commit) {
        if (commit) {
            commitEditor();
        }
        editor = null;
        editorBox.removeAll();
        grid.deselectAll();
    }

    private void refreshRows() {
        indexes.clear();
        IntStream.range(0, rows.size()).forEach(indexes::add);
        rowProvider.refreshAll();
        grid.setVisible(!rows.isEmpty());
        if (rows.size() <= ROWS_SHOWN_WHOLE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setAllRowsVisible(false);
            grid.setHeight("22em");
        }
        refreshButtons();
    }

    private void refreshButtons() {
        add.setVisible(!readOnly);
        add.setEnabled(rows.size() < maxRows);
        if (editor != null) {
            editor.remove().setEnabled(rows.size() > minRows);
        }
    }

    private record RowProblem(FieldPath path, String message) {
    }

    /** The row open in the editor. */
    private record RowEditor(int index, GroupInput row, Button remove) {

        void showError(FieldPath rowPath, String message) {
            row.showError(rowPath, message);
        }

        void setReadOnly(boolean readOnly) {
            row.setReadOnly(readOnly);
            remove.setVisible(!readOnly);
        }
    }
}
