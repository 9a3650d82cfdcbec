package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Edits the selected part of the chain: the flow, a node of any type or a branch, with a control for every
 * property of the meta-schema. Each change runs one {@link FlowCommand.SetProperty}, so it can be undone. On a
 * phone the panel is a drawer over the lower part of the screen (see flow-designer.css).
 *
 * <p>Element ids start with {@code flow-prop-}: {@code -id}, {@code -name-zh}, {@code -name-en}, {@code -mode},
 * {@code -pass-ratio}, {@code -assignee-*}, and so on; the panel itself is {@code flow-properties}.
 */
final class FlowPropertyPanel extends Div {

    static final String PREFIX = "flow-prop-";
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final FlowActions actions;

    FlowPropertyPanel(FlowActions actions) {
        this.actions = actions;
        setId("flow-properties");
        addClassName("tezuo-flow-properties");
    }

    void redraw() {
        removeAll();
        FlowDesign design = actions.design();
        switch (actions.selection()) {
            case FlowSelection.Flow flow -> flow(design.toJson());
            case FlowSelection.OpenInitiator open -> openInitiator();
            case FlowSelection.Node(String id) -> design.node(id).ifPresent(this::node);
            case FlowSelection.Branch(String owner, String branch) -> design.branch(owner, branch)
                    .ifPresent(json -> branch(owner, json, design));
        }
        Button close = new Button(getTranslation("flow.properties.close"),
                event -> getElement().removeAttribute("data-open"));
        close.addClassName("tezuo-flow-properties-close");
        add(close);
        // The drawer opens on a phone whenever something is selected; wide screens ignore the attribute.
        getElement().setAttribute("data-open", !(actions.selection() instanceof FlowSelection.Flow));
        getChildren().filter(child -> child != close).forEach(child -> setReadOnly(child, actions.readOnly()));
    }

    private void flow(ObjectNode body) {
        add(new H3(getTranslation("flow.properties.flow")));
        labelFields("name", body.path("name"), value -> set("", "", "name", value));
        text("description", "flow.prop.description", body.path("description").asString(""),
                value -> set("", "", "description", blankToNull(value)));
        ComboBox<String> form = new ComboBox<>(getTranslation("flow.prop.form"));
        form.setId(PREFIX + "form");
        List<String> keys = new ArrayList<>(actions.forms().keySet());
        String current = body.path("form").asString("");
        if (!current.isEmpty() && !keys.contains(current)) {
            keys.add(current);
        }
        form.setItems(keys);
        form.setItemLabelGenerator(key -> getTranslation("flow.field.option", actions.forms().getOrDefault(key, key),
                key));
        form.setClearButtonVisible(true);
        form.setValue(current.isEmpty() ? null : current);
        form.addValueChangeListener(event -> set("", "", "form", event.getValue() == null ? null
                : JSON.stringNode(event.getValue())));
        add(form);
        text("source", "flow.prop.source", body.path("source").asString(""),
                value -> set("", "", "source", blankToNull(value)));
        checkbox("safety-sign-off", "flow.prop.safetySignOff", body.path("safetySignOff").asBoolean(true),
                value -> set("", "", "safetySignOff", JSON.booleanNode(value)));
        choice("withdrawal", "flow.prop.withdrawal", List.of("beforeFirstApproval", "never"),
                body.path("withdrawal").asString("beforeFirstApproval"), "flow.withdrawal.",
                value -> set("", "", "withdrawal", JSON.stringNode(value)));
    }

    private void openInitiator() {
        add(new H3(getTranslation("flow.type.initiator")), new Paragraph(getTranslation("flow.initiator.anyone")));
        Button limit = new Button(getTranslation("flow.initiator.limit"), event -> {
            ObjectNode initiator = actions.templates().initiator(actions.design());
            initiator.putObject("initiators").put("by", "role").put("role", FlowTemplates.DEFAULT_ROLE);
            actions.execute(new FlowCommand.AddNode(new FlowDesign.Slot(FlowDesign.Chain.TOP, 0), initiator), false);
            actions.select(new FlowSelection.Node(initiator.get(FlowDesign.ID).asString()));
        });
        limit.setId(PREFIX + "limit-initiators");
        add(limit);
    }

    private void node(ObjectNode node) {
        String id = node.path(FlowDesign.ID).asString("");
        String type = node.path(FlowDesign.TYPE).asString("");
        add(new H3(getTranslation("flow.type." + type)));
        text("id", "flow.prop.id", id, value -> {
            set(id, "", FlowDesign.ID, JSON.stringNode(value.strip()));
            actions.select(new FlowSelection.Node(actions.design().node(value.strip()).isPresent() ? value.strip()
                    : id));
        });
        labelFields("name", node.path("name"), value -> set(id, "", "name", value));
        text("description", "flow.prop.description", node.path("description").asString(""),
                value -> set(id, "", "description", blankToNull(value)));
        switch (type) {
            case "initiator" -> initiator(id, node);
            case "approver" -> approver(id, node);
            case "cc" -> assignee(id, "assignee", node.path("assignee"));
            case "gate" -> {
                choice("action", "flow.prop.action", FlowTemplates.GATE_ACTIONS, node.path("action").asString(""),
                        "flow.action.", value -> set(id, "", "action", JSON.stringNode(value)));
                route(id, "onFail", "flow.prop.onFail", node.path("onFail"));
            }
            case "notify" -> {
                assignee(id, "assignee", node.path("assignee"));
                labelFields("message", node.path("message"), value -> set(id, "", "message", value));
            }
            case "delay" -> duration("duration", "flow.prop.duration", node.path("duration").asString(""),
                    value -> set(id, "", "duration", blankToNull(value)));
            case "branch", "parallel" -> add(new Paragraph(getTranslation("flow.prop.branchesHelp")));
            default -> add(new Paragraph(getTranslation("flow.prop.unknownType", type)));
        }
    }

    private void initiator(String id, ObjectNode node) {
        boolean limited = node.has("initiators");
        checkbox("initiators-limited", "flow.initiator.limited", limited, value -> set(id, "", "initiators",
                value ? JSON.objectNode().put("by", "role").put("role", FlowTemplates.DEFAULT_ROLE) : null), true);
        if (limited) {
            assignee(id, "initiators", node.path("initiators"));
        }
    }

    private void approver(String id, ObjectNode node) {
        String mode = node.path("mode").asString("single");
        choice("mode", "flow.prop.mode", List.of("single", "all", "any", "sequential", "ratio"), mode, "flow.mode.",
                value -> {
                    set(id, "", "mode", JSON.stringNode(value));
                    if ("ratio".equals(value) && !node.has("passRatio")) {
                        set(id, "", "passRatio", JSON.numberNode(0.5));
                    } else if (!"ratio".equals(value)) {
                        set(id, "", "passRatio", null);
                    }
                    redraw();
                });
        if ("ratio".equals(mode)) {
            NumberField ratio = new NumberField(getTranslation("flow.prop.passRatio"));
            ratio.setId(PREFIX + "pass-ratio");
            ratio.setMin(0.01);
            ratio.setMax(1);
            ratio.setStep(0.01);
            ratio.setHelperText(getTranslation("flow.prop.passRatio.help"));
            ratio.setValue(node.path("passRatio").asDouble(0.5));
            ratio.addValueChangeListener(event -> set(id, "", "passRatio", event.getValue() == null ? null
                    : JSON.numberNode(event.getValue())));
            add(ratio);
        }
        assignee(id, "assignee", node.path("assignee"));
        route(id, "onReject", "flow.prop.onReject", node.path("onReject"));
        checkbox("risk-confirmation", "flow.prop.requiresRiskConfirmation",
                node.path("requiresRiskConfirmation").asBoolean(false),
                value -> set(id, "", "requiresRiskConfirmation", value ? JSON.booleanNode(true) : null));
        checkbox("signature", "flow.prop.requiresSignature", node.path("requiresSignature").asBoolean(false),
                value -> set(id, "", "requiresSignature", value ? JSON.booleanNode(true) : null));

        String onNoAssignee = node.path("onNoAssignee").asString("block");
        choice("on-no-assignee", "flow.prop.onNoAssignee", List.of("block", "fallbackRole", "fallbackUser"),
                onNoAssignee, "flow.onNoAssignee.", value -> {
                    set(id, "", "onNoAssignee", JSON.stringNode(value));
                    redraw();
                });
        if ("fallbackRole".equals(onNoAssignee)) {
            ComboBox<String> role = new ComboBox<>(getTranslation("flow.prop.fallbackRole"));
            role.setId(PREFIX + "fallback-role");
            role.setItems(actions.roles());
            role.setItemLabelGenerator(code -> getTranslation("role." + code));
            String stored = node.path("fallbackRole").asString("");
            if (actions.roles().contains(stored)) {
                role.setValue(stored);
            }
            role.addValueChangeListener(event -> set(id, "", "fallbackRole", event.getValue() == null ? null
                    : JSON.stringNode(event.getValue())));
            add(role);
        } else if ("fallbackUser".equals(onNoAssignee)) {
            ComboBox<String> user = new ComboBox<>(getTranslation("flow.prop.fallbackUser"));
            user.setId(PREFIX + "fallback-user");
            user.setItems(actions.users().keySet());
            String stored = node.path("fallbackUser").asString("");
            if (actions.users().containsKey(stored)) {
                user.setValue(stored);
            }
            user.addValueChangeListener(event -> set(id, "", "fallbackUser", event.getValue() == null ? null
                    : JSON.stringNode(event.getValue())));
            add(user);
        }
        timeLimit(id, node.path("timeLimit"));
    }

    private void timeLimit(String id, JsonNode stored) {
        add(new H4(getTranslation("flow.prop.timeLimit")));
        ObjectNode limit = stored instanceof ObjectNode object ? object.deepCopy() : JSON.objectNode();
        Consumer<ObjectNode> save = changed -> set(id, "", "timeLimit", changed.isEmpty() ? null : changed);
        for (String property : List.of("remindAfter", "remindEvery", "escalateAfter")) {
            duration("time-" + property, "flow.prop.timeLimit." + property, limit.path(property).asString(""),
                    value -> {
                        if (value.isBlank()) {
                            limit.remove(property);
                        } else {
                            limit.put(property, value.strip());
                        }
                        save.accept(limit.deepCopy());
                    });
        }
        boolean escalates = limit.has("escalateTo");
        checkbox("time-escalate", "flow.prop.timeLimit.escalateTo", escalates, value -> {
            if (value) {
                limit.putObject("escalateTo").put("by", "parentOrgRole").put("role", FlowTemplates.DEFAULT_ROLE);
            } else {
                limit.remove("escalateTo");
            }
            save.accept(limit.deepCopy());
        }, true);
        if (escalates) {
            add(new AssigneeEditor(PREFIX + "escalate", limit.path("escalateTo"), actions, rule -> {
                limit.set("escalateTo", rule);
                save.accept(limit.deepCopy());
            }));
        }
    }

    private void assignee(String id, String property, JsonNode stored) {
        add(new AssigneeEditor(PREFIX + property, stored, actions, rule -> set(id, "", property, rule)));
    }

    /** Edits a reject route: none, end the application, back to the applicant or back to an earlier node. */
    private void route(String id, String property, String captionKey, JsonNode stored) {
        String to = stored.path("to").asString("");
        choice(property, captionKey, List.of("", "end", "applicant", "node"), to, "flow.route.", value -> {
            if (value.isEmpty()) {
                set(id, "", property, null);
            } else if ("node".equals(value)) {
                String first = actions.design().ids().stream().filter(other -> !other.equals(id)).findFirst()
                        .orElse(id);
                set(id, "", property, JSON.objectNode().put("to", "node").put("node", first));
            } else {
                set(id, "", property, JSON.objectNode().put("to", value));
            }
            redraw();
        });
        if ("node".equals(to)) {
            Select<String> node = new Select<>();
            node.setId(PREFIX + property + "-node");
            node.setLabel(getTranslation("flow.route.target"));
            List<String> ids = actions.design().ids().stream()
                    .filter(other -> actions.design().node(other).isPresent() && !other.equals(id)).toList();
            node.setItems(ids);
            node.setItemLabelGenerator(other -> getTranslation("flow.field.option", actions.design().node(other)
                    .map(json -> FlowTexts.label(json.path("name"), getLocale())).orElse(other), other));
            String target = stored.path("node").asString("");
            if (ids.contains(target)) {
                node.setValue(target);
            }
            node.addValueChangeListener(event -> set(id, "", property, JSON.objectNode().put("to", "node")
                    .put("node", event.getValue())));
            add(node);
        }
    }

    private void branch(String owner, ObjectNode branch, FlowDesign design) {
        String id = branch.path(FlowDesign.ID).asString("");
        add(new H3(getTranslation("flow.properties.branch")));
        text("branch-id", "flow.prop.id", id, value -> {
            set(owner, id, FlowDesign.ID, JSON.stringNode(value.strip()));
            actions.select(new FlowSelection.Branch(owner, actions.design().branch(owner, value.strip()).isPresent()
                    ? value.strip() : id));
        });
        labelFields("branch-name", branch.path("name"), value -> set(owner, id, "name", value));
        boolean conditional = design.node(owner).map(node -> "branch".equals(node.path(FlowDesign.TYPE)
                .asString(""))).orElse(false);
        if (!conditional) {
            return;
        }
        if (branch.path("default").asBoolean(false)) {
            add(new Paragraph(getTranslation("flow.condition.defaultHelp")));
            return;
        }
        add(new ConditionEditor(PREFIX + "condition", branch.path("condition"), actions.formFields(),
                condition -> set(owner, id, "condition", condition)));
    }

    private void labelFields(String name, JsonNode label, Consumer<ObjectNode> onChange) {
        ObjectNode value = label instanceof ObjectNode object ? object.deepCopy() : JSON.objectNode();
        for (String language : List.of("zh", "en")) {
            TextField field = new TextField(getTranslation("flow.prop." + name + "." + language));
            field.setId(PREFIX + name + "-" + language);
            field.setValue(value.path(language).asString(""));
            field.addValueChangeListener(event -> {
                if (event.getValue().isBlank() && "en".equals(language)) {
                    value.remove(language);
                } else {
                    value.put(language, event.getValue().strip());
                }
                onChange.accept(value.deepCopy());
            });
            add(field);
        }
    }

    private void text(String name, String captionKey, String value, Consumer<String> onChange) {
        text(name, captionKey, value, onChange, false);
    }

    private void text(String name, String captionKey, String value, Consumer<String> onChange, boolean redraw) {
        TextField field = new TextField(getTranslation(captionKey));
        field.setId(PREFIX + name);
        field.setValue(value);
        field.addValueChangeListener(event -> {
            onChange.accept(event.getValue());
            if (redraw) {
                redraw();
            }
        });
        add(field);
    }

    private void duration(String name, String captionKey, String value, Consumer<String> onChange) {
        TextField field = new TextField(getTranslation(captionKey));
        field.setId(PREFIX + name);
        field.setValue(value);
        field.setHelperText(getTranslation("flow.prop.duration.help"));
        field.setPattern("P(\\d+D)?(T(\\d+H)?(\\d+M)?(\\d+S)?)?");
        field.addValueChangeListener(event -> onChange.accept(event.getValue().strip()));
        add(field);
    }

    private void checkbox(String name, String captionKey, boolean value, Consumer<Boolean> onChange) {
        checkbox(name, captionKey, value, onChange, false);
    }

    private void checkbox(String name, String captionKey, boolean value, Consumer<Boolean> onChange,
            boolean redraw) {
        Checkbox box = new Checkbox(getTranslation(captionKey), value);
        box.setId(PREFIX + name);
        box.addValueChangeListener(event -> {
            onChange.accept(event.getValue());
            if (redraw) {
                redraw();
            }
        });
        add(box);
    }

    private void choice(String name, String captionKey, List<String> values, String value, String optionPrefix,
            Consumer<String> onChange) {
        Select<String> select = new Select<>();
        select.setId(PREFIX + name);
        select.setLabel(getTranslation(captionKey));
        select.setItems(values);
        select.setItemLabelGenerator(option -> getTranslation(optionPrefix + (option.isEmpty() ? "none" : option)));
        if (values.contains(value)) {
            select.setValue(value);
        }
        select.addValueChangeListener(event -> {
            if (event.isFromClient()) {
                onChange.accept(event.getValue());
            }
        });
        add(select);
    }

    private void set(String node, String branch, String name, @Nullable JsonNode value) {
        actions.execute(new FlowCommand.SetProperty(node, branch, name, value), false);
    }

    private static @Nullable JsonNode blankToNull(String value) {
        return value.isBlank() ? null : JSON.stringNode(value.strip());
    }

    private static void setReadOnly(Component component, boolean readOnly) {
        if (readOnly) {
            component.getElement().setEnabled(false);
        }
    }
}
