package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits the condition of a conditional branch as rows of tests (source, field, operator, value) combined with
 * all or any. A single test or a nested group read from the document is kept: the single test becomes the only
 * row, a nested group is shown as text and can only be removed. Values are typed: a number stays a number,
 * true and false are booleans, and the in and notIn operators split the text at commas.
 *
 * <p>Element ids, each after the given prefix: {@code -combinator}, {@code -row-<n>-source},
 * {@code -row-<n>-field}, {@code -row-<n>-op}, {@code -row-<n>-value}, {@code -row-<n>-remove}, {@code -add}.
 */
final class ConditionEditor extends Div {

    static final List<String> SOURCES = List.of("form", "permitGrade", "riskScore");
    static final List<String> OPERATORS = List.of("eq", "ne", "gt", "gte", "lt", "lte", "in", "notIn", "contains",
            "empty", "notEmpty");

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final String prefix;
    private final Map<String, String> formFields;
    private final Consumer<ObjectNode> onChange;
    private String combinator;
    private final ArrayNode rows;

    ConditionEditor(String prefix, JsonNode current, Map<String, String> formFields, Consumer<ObjectNode> onChange) {
        this.prefix = prefix;
        this.formFields = formFields;
        this.onChange = onChange;
        if (current.has("any")) {
            combinator = "any";
            rows = current.get("any").deepCopy().asArray();
        } else if (current.has("all")) {
            combinator = "all";
            rows = current.get("all").deepCopy().asArray();
        } else {
            combinator = "all";
            rows = JSON.arrayNode();
            if (current.has("source")) {
                rows.add(current.deepCopy());
            }
        }
        addClassName("tezuo-flow-condition");
        draw();
    }

    private void draw() {
        removeAll();
        Select<String> join = new Select<>();
        join.setId(prefix + "-combinator");
        join.setLabel(getTranslation("flow.condition.combinator"));
        join.setItems("all", "any");
        join.setItemLabelGenerator(value -> getTranslation("flow.condition.combinator." + value));
        join.setValue(combinator);
        join.addValueChangeListener(event -> {
            combinator = event.getValue();
            changed();
        });
        add(join);
        for (int index = 0; index < rows.size(); index++) {
            add(row(index, rows.get(index)));
        }
        Button addRow = new Button(getTranslation("flow.condition.add"), VaadinIcon.PLUS.create(), event -> {
            rows.add(JSON.objectNode().put("source", "riskScore").put("op", "gte")
                    .put("value", FlowTemplates.DEFAULT_RISK_SCORE));
            draw();
            changed();
        });
        addRow.setId(prefix + "-add");
        addRow.addThemeVariants(ButtonVariant.LUMO_SMALL);
        add(addRow);
    }

    private Div row(int index, JsonNode test) {
        String id = prefix + "-row-" + index;
        Div row = new Div();
        row.addClassName("tezuo-flow-condition-row");
        Button remove = new Button(VaadinIcon.TRASH.create(), event -> {
            rows.remove(index);
            draw();
            changed();
        });
        remove.setId(id + "-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_SMALL);
        remove.setAriaLabel(getTranslation("flow.condition.remove"));
        if (!test.has("source")) {
            row.add(new Span(getTranslation("flow.condition.group", test.toString())), remove);
            return row;
        }
        ObjectNode editable = (ObjectNode) test;

        Select<String> source = new Select<>();
        source.setId(id + "-source");
        source.setLabel(getTranslation("flow.condition.source"));
        source.setItems(SOURCES);
        source.setItemLabelGenerator(value -> getTranslation("flow.condition.source." + value));
        source.setValue(editable.path("source").asString("form"));
        source.addValueChangeListener(event -> {
            editable.put("source", event.getValue());
            if (!"form".equals(event.getValue())) {
                editable.remove("field");
            }
            draw();
            changed();
        });
        row.add(source);

        if ("form".equals(source.getValue())) {
            ComboBox<String> field = new ComboBox<>(getTranslation("flow.condition.field"));
            field.setId(id + "-field");
            List<String> keys = new java.util.ArrayList<>(formFields.keySet());
            String stored = editable.path("field").asString("");
            if (!stored.isEmpty() && !keys.contains(stored)) {
                keys.add(stored);
            }
            field.setItems(keys);
            field.setItemLabelGenerator(key -> getTranslation("flow.field.option", formFields.getOrDefault(key, key),
                    key));
            field.setAllowCustomValue(true);
            if (!stored.isEmpty()) {
                field.setValue(stored);
            }
            field.addCustomValueSetListener(event -> {
                editable.put("field", event.getDetail().strip());
                changed();
            });
            field.addValueChangeListener(event -> {
                if (event.isFromClient() && event.getValue() != null) {
                    editable.put("field", event.getValue());
                    changed();
                }
            });
            row.add(field);
        }

        Select<String> op = new Select<>();
        op.setId(id + "-op");
        op.setLabel(getTranslation("flow.condition.operator"));
        op.setItems(OPERATORS);
        op.setItemLabelGenerator(value -> getTranslation("flow.condition.op." + value));
        op.setValue(editable.path("op").asString("eq"));
        op.addValueChangeListener(event -> {
            editable.put("op", event.getValue());
            if (!takesValue(event.getValue())) {
                editable.remove("value");
            }
            draw();
            changed();
        });
        row.add(op);

        if (takesValue(op.getValue())) {
            TextField value = new TextField(getTranslation("flow.condition.value"));
            value.setId(id + "-value");
            JsonNode stored = editable.path("value");
            value.setValue(shown(stored));
            value.setHelperText(isList(op.getValue()) ? getTranslation("flow.condition.value.listHelp") : "");
            value.addValueChangeListener(event -> {
                editable.set("value", typed(event.getValue(), isList(op.getValue())));
                changed();
            });
            row.add(value);
        }
        row.add(remove);
        return row;
    }

    private void changed() {
        ObjectNode condition = JSON.objectNode();
        condition.set(combinator, rows.deepCopy());
        onChange.accept(condition);
    }

    private static boolean takesValue(String op) {
        return !"empty".equals(op) && !"notEmpty".equals(op);
    }

    private static boolean isList(String op) {
        return "in".equals(op) || "notIn".equals(op);
    }

    private static String shown(JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new java.util.ArrayList<>();
            value.forEach(part -> parts.add(shown(part)));
            return String.join(", ", parts);
        }
        return value.isMissingNode() || value.isNull() ? "" : value.isString() ? value.asString() : value.toString();
    }

    /** Returns the typed text as JSON: a list for in and notIn, a number, a boolean or a string. */
    static JsonNode typed(String text, boolean list) {
        if (list) {
            ArrayNode values = JSON.arrayNode();
            for (String part : text.split("[,，]")) {
                if (!part.isBlank()) {
                    values.add(typed(part, false));
                }
            }
            return values;
        }
        String value = text.strip();
        if ("true".equals(value) || "false".equals(value)) {
            return JSON.booleanNode(Boolean.parseBoolean(value));
        }
        try {
            return JSON.numberNode(new BigDecimal(value));
        } catch (NumberFormatException e) {
            return JSON.stringNode(value);
        }
    }
}
