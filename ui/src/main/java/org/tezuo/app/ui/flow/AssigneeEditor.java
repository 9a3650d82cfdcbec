package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits one assignee rule: how approvers are found (by role, the applicant's unit head, the parent unit, one or
 * more users, a form field, a group of roles) and the role, users or field it names. Every change hands the whole
 * new rule to {@code onChange}; switching the kind keeps nothing of the old one.
 *
 * <p>Element ids, each after the given prefix: {@code -by}, {@code -role}, {@code -roles}, {@code -user},
 * {@code -users}, {@code -field}.
 */
final class AssigneeEditor extends Div {

    static final List<String> KINDS = List.of("role", "applicantOrgRole", "parentOrgRole", "user", "users",
            "formField", "roleGroup");

    private final String prefix;
    private final FlowActions actions;
    private final Consumer<ObjectNode> onChange;
    private ObjectNode rule;

    AssigneeEditor(String prefix, JsonNode current, FlowActions actions, Consumer<ObjectNode> onChange) {
        this.prefix = prefix;
        this.actions = actions;
        this.onChange = onChange;
        this.rule = current instanceof ObjectNode object ? object.deepCopy()
                : JsonNodeFactory.instance.objectNode().put("by", "role");
        addClassName("tezuo-flow-assignee");
        draw();
    }

    private void draw() {
        removeAll();
        Select<String> by = new Select<>();
        by.setId(prefix + "-by");
        by.setLabel(getTranslation("flow.assignee.by"));
        by.setItems(KINDS);
        by.setItemLabelGenerator(kind -> getTranslation("flow.assignee.by." + kind));
        by.setValue(rule.path("by").asString("role"));
        by.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                rule = JsonNodeFactory.instance.objectNode().put("by", event.getValue());
                draw();
                changed();
            }
        });
        add(by);
        switch (by.getValue()) {
            case "role", "applicantOrgRole", "parentOrgRole" -> add(roleSelect());
            case "roleGroup" -> add(multi("-roles", "flow.assignee.roles", "roles", actions.roles(),
                    code -> getTranslation("role." + code)));
            case "user" -> add(userSelect());
            case "users" -> add(multi("-users", "flow.assignee.users", "users",
                    new ArrayList<>(actions.users().keySet()), this::userLabel));
            case "formField" -> add(fieldSelect());
            default -> {
                // The meta-schema lists no other kind; an unknown one is reported when the chain is checked.
            }
        }
    }

    /** Returns the role picker: a short fixed list, so a select that works the same on a phone. */
    private Select<String> roleSelect() {
        Select<String> role = new Select<>();
        role.setId(prefix + "-role");
        role.setLabel(getTranslation("flow.assignee.role"));
        List<String> codes = new ArrayList<>(actions.roles());
        String stored = rule.path("role").asString("");
        if (!stored.isEmpty() && !codes.contains(stored)) {
            // A role code the platform does not define, such as one written into the JSON, stays selectable.
            codes.add(stored);
        }
        role.setItems(codes);
        role.setItemLabelGenerator(code -> codes.indexOf(code) < actions.roles().size()
                ? getTranslation("role." + code) : code);
        if (!stored.isEmpty()) {
            role.setValue(stored);
        }
        role.addValueChangeListener(event -> set("role", event.getValue()));
        return role;
    }

    private ComboBox<String> userSelect() {
        ComboBox<String> user = new ComboBox<>(getTranslation("flow.assignee.user"));
        user.setId(prefix + "-user");
        user.setItems(actions.users().keySet());
        user.setItemLabelGenerator(this::userLabel);
        setIfPresent(user, rule.path("user").asString(""));
        user.addValueChangeListener(event -> set("user", event.getValue()));
        return user;
    }

    private ComboBox<String> fieldSelect() {
        ComboBox<String> field = new ComboBox<>(getTranslation("flow.assignee.field"));
        field.setId(prefix + "-field");
        Map<String, String> fields = actions.formFields();
        field.setItems(fields.keySet());
        field.setItemLabelGenerator(key -> getTranslation("flow.field.option", fields.getOrDefault(key, key), key));
        field.setAllowCustomValue(true);
        field.addCustomValueSetListener(event -> set("field", event.getDetail().strip()));
        field.setHelperText(fields.isEmpty() ? getTranslation("flow.assignee.field.noForm") : "");
        setIfPresent(field, rule.path("field").asString(""));
        field.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                set("field", event.getValue());
            }
        });
        return field;
    }

    private MultiSelectComboBox<String> multi(String suffix, String captionKey, String property, List<String> items,
            com.vaadin.flow.component.ItemLabelGenerator<String> labels) {
        MultiSelectComboBox<String> box = new MultiSelectComboBox<>(getTranslation(captionKey));
        box.setId(prefix + suffix);
        Set<String> selected = new LinkedHashSet<>();
        rule.path(property).forEach(value -> selected.add(value.asString("")));
        List<String> all = new ArrayList<>(items);
        selected.stream().filter(value -> !all.contains(value)).forEach(all::add);
        box.setItems(all);
        box.setItemLabelGenerator(labels);
        box.setValue(selected);
        box.addValueChangeListener(event -> {
            if (event.getValue().isEmpty()) {
                rule.remove(property);
            } else {
                var array = rule.putArray(property);
                all.stream().filter(event.getValue()::contains).forEach(array::add);
            }
            changed();
        });
        return box;
    }

    private String userLabel(String username) {
        String name = actions.users().getOrDefault(username, "");
        return name.isEmpty() ? username : getTranslation("flow.user.option", name, username);
    }

    private void set(String property, String value) {
        if (value == null || value.isBlank()) {
            rule.remove(property);
        } else {
            rule.put(property, value);
        }
        changed();
    }

    private void changed() {
        onChange.accept(rule.deepCopy());
    }

    /** Shows a stored value; a code the list does not contain, such as a custom role, is added to the items. */
    private static void setIfPresent(ComboBox<String> box, String value) {
        if (value.isEmpty()) {
            return;
        }
        List<String> items = new ArrayList<>(box.getListDataView().getItems().toList());
        if (!items.contains(value)) {
            items.add(value);
            box.setItems(items);
        }
        box.setValue(value);
    }
}
