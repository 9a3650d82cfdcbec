package org.tezuo.app.ui.designer;

import static org.tezuo.app.ui.designer.PropertyPanel.onCommit;
import static org.tezuo.app.ui.designer.PropertyPanel.showProblem;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;
import org.tezuo.form.definition.FieldWidget;

/**
 * The columns and row limits of a table field in the property panel. Every change runs as one undoable command
 * on the table whose key the editor was made for. A column key is checked on every keystroke and applied only
 * when it is valid.
 *
 * <p>Element ids: {@code prop-min-rows}, {@code prop-max-rows}, {@code prop-column-<n>-key|zh|en|required},
 * {@code prop-column-<n>-minimum|maximum} for numbers, {@code prop-column-<n>-max-length} for text,
 * {@code prop-column-<n>-options} for selects, {@code prop-column-<n>-visible-when|required-when},
 * {@code prop-column-<n>-up|down|remove}, {@code prop-column-widget}
 * and {@code prop-add-column}.
 */
final class ColumnEditor extends Div {

    /** Widgets a new column can have. */
    static final List<FieldWidget> COLUMN_WIDGETS = List.of(FieldWidget.TEXT, FieldWidget.NUMBER, FieldWidget.SELECT,
            FieldWidget.DATE, FieldWidget.DATETIME, FieldWidget.PERSON, FieldWidget.CHECKBOX);

    private final DesignActions actions;
    private final DesignChecker checker;
    private final String tableKey;

    ColumnEditor(DesignActions actions, DesignChecker checker, FieldDesign table) {
        this.actions = actions;
        this.checker = checker;
        this.tableKey = table.key();
        addClassName("tezuo-designer-columns");
        draw(table);
    }

    private void draw(FieldDesign table) {
        removeAll();
        add(new H3(getTranslation("designer.prop.columnsOfTable")));
        add(rowLimits(table));
        List<FieldDesign> columns = table.columns();
        for (int index = 0; index < columns.size(); index++) {
            add(column(columns.get(index), index, columns.size()));
        }

        Select<FieldWidget> widget = new Select<>();
        widget.setId("prop-column-widget");
        widget.setLabel(getTranslation("designer.prop.columnWidget"));
        widget.setItems(COLUMN_WIDGETS);
        widget.setItemLabelGenerator(item -> getTranslation(FieldTemplates.captionKey(item)));
        widget.setValue(FieldWidget.TEXT);
        Button add = new Button(getTranslation("designer.prop.addColumn"), VaadinIcon.PLUS.create(), event -> {
            FieldDesign current = table();
            String key = unusedColumnKey(current, widget.getValue().code().replace("-", ""));
            FieldDesign column = new FieldTemplates(actions.captions()).create(widget.getValue(), key);
            run(new DesignCommand.AddColumn(tableKey, column, current.columns().size()));
        });
        add.setId("prop-add-column");
        Div adder = new Div(widget, add);
        adder.addClassName("tezuo-designer-option");
        add(adder);
    }

    private Div rowLimits(FieldDesign table) {
        IntegerField minRows = new IntegerField(getTranslation("designer.prop.minRows"));
        minRows.setId("prop-min-rows");
        minRows.setMin(0);
        minRows.setValue(table.minRows());
        IntegerField maxRows = new IntegerField(getTranslation("designer.prop.maxRows"));
        maxRows.setId("prop-max-rows");
        maxRows.setMin(1);
        maxRows.setValue(table.maxRows());
        Runnable commit = () -> {
            Integer min = minRows.getValue();
            Integer max = maxRows.getValue();
            boolean inOrder = min == null || max == null || min <= max;
            showProblem(maxRows, inOrder ? Optional.empty() : Optional.of(getTranslation(
                    "designer.check.rowsOrder", min, max)));
            if (inOrder) {
                actions.execute(new DesignCommand.EditRows(tableKey, min, max), false);
            }
        };
        onCommit(minRows, commit);
        onCommit(maxRows, commit);
        Div row = new Div(minRows, maxRows);
        row.addClassName("tezuo-designer-rows");
        return row;
    }

    private Div column(FieldDesign column, int index, int count) {
        String prefix = "prop-column-" + index;
        String columnKey = column.key();

        TextField key = text(prefix + "-key", "designer.prop.key", column.key());
        key.setValueChangeMode(ValueChangeMode.EAGER);
        key.addValueChangeListener(event -> showProblem(key, checker.columnKeyProblem(table(), columnKey,
                event.getValue().strip(), getLocale())));
        key.getElement().addEventListener("change", event -> {
            String typed = key.getValue().strip();
            if (checker.columnKeyProblem(table(), columnKey, typed, getLocale()).isEmpty()) {
                replace(columnKey, current -> current.withKey(typed));
            }
        });
        TextField zh = text(prefix + "-zh", "designer.prop.labelZh", column.label().zh());
        TextField en = text(prefix + "-en", "designer.prop.labelEn", column.label().en());
        zh.addValueChangeListener(event -> showProblem(zh, event.getValue().isBlank()
                ? Optional.of(getTranslation("designer.check.labelMissing")) : Optional.empty()));
        onCommit(zh, () -> replace(columnKey, current -> current.withLabel(new DesignLabel(zh.getValue(),
                en.getValue()))));
        onCommit(en, () -> replace(columnKey, current -> current.withLabel(new DesignLabel(zh.getValue(),
                en.getValue()))));
        Checkbox required = new Checkbox(getTranslation("designer.prop.required"), column.required());
        required.setId(prefix + "-required");
        onCommit(required, () -> replace(columnKey, current -> current.withRequired(required.getValue())));

        Div card = new Div(new Span(getTranslation(FieldTemplates.captionKey(column.widget()))), key, zh, en,
                required);
        card.addClassName("tezuo-designer-column");
        if (column.isNumeric()) {
            card.add(numberLimits(column, prefix));
        }
        if (column.isText()) {
            IntegerField maxLength = new IntegerField(getTranslation("designer.prop.maxLength"));
            maxLength.setId(prefix + "-max-length");
            maxLength.setMin(1);
            maxLength.setValue(column.maxLength());
            onCommit(maxLength, () -> replace(columnKey, current -> current.withLimits(current.minimum(),
                    current.maximum(), maxLength.getValue())));
            card.add(maxLength);
        }
        if (column.widget() == FieldWidget.SELECT) {
            card.add(options(column, prefix));
        }
        card.add(condition(column, prefix + "-visible-when", "designer.prop.visibleWhen", column.visibleWhen(),
                        FieldDesign::withVisibleWhen),
                condition(column, prefix + "-required-when", "designer.prop.requiredWhen", column.requiredWhen(),
                        FieldDesign::withRequiredWhen));
        card.add(buttons(columnKey, prefix, index, count));
        return card;
    }

    private Div numberLimits(FieldDesign column, String prefix) {
        BigDecimalField minimum = new BigDecimalField(getTranslation("designer.prop.minimum"));
        minimum.setId(prefix + "-minimum");
        minimum.setValue(column.minimum());
        BigDecimalField maximum = new BigDecimalField(getTranslation("designer.prop.maximum"));
        maximum.setId(prefix + "-maximum");
        maximum.setValue(column.maximum());
        maximum.setManualValidation(true);
        Runnable commit = () -> {
            FieldDesign changed = column.withLimits(minimum.getValue(), maximum.getValue(), column.maxLength());
            Optional<String> problem = checker.limitsProblem(changed, getLocale());
            showProblem(maximum, problem);
            if (problem.isEmpty()) {
                replace(column.key(), current -> current.withLimits(minimum.getValue(), maximum.getValue(),
                        current.maxLength()));
            }
        };
        onCommit(minimum, commit);
        onCommit(maximum, commit);
        return new Div(minimum, maximum);
    }

    /**
     * Creates the input of one condition of a column. It may read the other columns of the same row as
     * {@code row.<key>}; the form engine checks it on every keystroke and it is applied when the input is left.
     */
    private TextField condition(FieldDesign column, String id, String captionKey, @Nullable String value,
            BiFunction<FieldDesign, String, FieldDesign> change) {
        String columnKey = column.key();
        TextField condition = text(id, captionKey, value == null ? "" : value);
        condition.setHelperText(getTranslation("designer.prop.columnCondition.help"));
        condition.setValueChangeMode(ValueChangeMode.EAGER);
        condition.addValueChangeListener(event -> showProblem(condition, checker.conditionProblem(actions.design(),
                tableKey + "." + columnKey, event.getValue(), getLocale())));
        condition.getElement().addEventListener("change",
                event -> replace(columnKey, current -> change.apply(current, condition.getValue())));
        return condition;
    }

    /** Creates the option text of a select column: one option a line as {@code value|中文|English}. */
    private TextArea options(FieldDesign column, String prefix) {
        TextArea options = new TextArea(getTranslation("designer.prop.options"));
        options.setId(prefix + "-options");
        options.setHelperText(getTranslation("designer.prop.columnOptions.help"));
        options.setWidthFull();
        options.setManualValidation(true);
        options.setValue(String.join("\n", column.options().stream()
                .map(option -> option.value() + "|" + option.label().zh() + "|" + option.label().en())
                .toList()));
        onCommit(options, () -> {
            FieldDesign changed = column.withOptions(parseOptions(options.getValue()));
            Optional<String> problem = checker.optionsProblem(changed, getLocale());
            showProblem(options, problem);
            if (problem.isEmpty()) {
                replace(column.key(), current -> current.withOptions(changed.options()));
            }
        });
        return options;
    }

    /** Parses option lines. A missing Chinese name becomes the value and a missing English name stays empty. */
    static List<OptionDesign> parseOptions(String text) {
        List<OptionDesign> options = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\\|", -1);
            String value = parts[0].strip();
            String zh = parts.length > 1 && !parts[1].isBlank() ? parts[1].strip() : value;
            String en = parts.length > 2 ? parts[2].strip() : "";
            options.add(new OptionDesign(value, new DesignLabel(zh, en)));
        }
        return options;
    }

    private Div buttons(String columnKey, String prefix, int index, int count) {
        Button up = iconButton(VaadinIcon.ARROW_UP, prefix + "-up", "designer.prop.columnUp",
                () -> run(new DesignCommand.MoveColumn(tableKey, columnKey, index - 1)));
        up.setEnabled(index > 0);
        Button down = iconButton(VaadinIcon.ARROW_DOWN, prefix + "-down", "designer.prop.columnDown",
                () -> run(new DesignCommand.MoveColumn(tableKey, columnKey, index + 1)));
        down.setEnabled(index < count - 1);
        Button remove = iconButton(VaadinIcon.TRASH, prefix + "-remove", "designer.prop.removeColumn",
                () -> run(new DesignCommand.RemoveColumn(tableKey, columnKey)));
        return new Div(up, down, remove);
    }

    private Button iconButton(VaadinIcon icon, String id, String ariaKey, Runnable click) {
        Button button = new Button(icon.create(), event -> click.run());
        button.setId(id);
        button.setAriaLabel(getTranslation(ariaKey));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return button;
    }

    /** Runs a command that changes the list of columns and draws the columns again. */
    private void run(DesignCommand command) {
        actions.execute(command, false);
        draw(table());
    }

    private void replace(String columnKey, UnaryOperator<FieldDesign> change) {
        table().columns().stream()
                .filter(column -> column.key().equals(columnKey))
                .findFirst()
                .ifPresent(column -> {
                    FieldDesign changed = change.apply(column);
                    actions.execute(new DesignCommand.ReplaceColumn(tableKey, columnKey, changed), false);
                    if (!changed.key().equals(columnKey)) {
                        draw(table());
                    }
                });
    }

    private FieldDesign table() {
        return actions.design().field(tableKey).orElseThrow();
    }

    private static String unusedColumnKey(FieldDesign table, String prefix) {
        int number = 1;
        while (true) {
            String key = prefix + number;
            if (table.columns().stream().noneMatch(column -> column.key().equals(key))) {
                return key;
            }
            number++;
        }
    }

    private TextField text(String id, String captionKey, String value) {
        return PropertyPanel.textInput(id, getTranslation(captionKey), value);
    }
}
