package org.tezuo.app.ui.flow;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * New flows, nodes and branches with the defaults the designer starts them with: names from the ui bundle in
 * Chinese and English, and every property the meta-schema requires, so a new node is valid until it is edited.
 * Approver, cc and notify nodes start with the head of the applicant's unit (所在单位负责人), the first approver
 * of most permits.
 */
final class FlowTemplates {

    /** Node types the "+" menu offers, in menu order; the initiator is the fixed first card instead. */
    static final List<String> ADDABLE_TYPES = List.of("approver", "cc", "gate", "notify", "delay", "branch",
            "parallel");

    /** Codes of the registered gate actions. */
    static final List<String> GATE_ACTIONS = List.of("qualificationCheck", "riskReconfirmation",
            "evidenceComplete");

    static final String INITIATOR = "initiator";
    static final String DEFAULT_ROLE = "UNIT_HEAD";
    static final String DEFAULT_DELAY = "PT1H";
    /** Lowest total of the major band in the shipped GB 30871-2022 rulesets (threshold scoreBandMajorMin). */
    static final int DEFAULT_RISK_SCORE = 75;

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final I18NProvider captions;

    FlowTemplates(I18NProvider captions) {
        this.captions = captions;
    }

    /** Returns a new flow document with one approver node, named in both languages and bound to {@code form}. */
    ObjectNode flow(String zh, String en, String form) {
        ObjectNode body = JSON.objectNode();
        ObjectNode name = body.putObject("name").put("zh", zh.strip());
        if (!en.isBlank()) {
            name.put("en", en.strip());
        }
        if (!form.isBlank()) {
            body.put("form", form);
        }
        body.put("safetySignOff", true);
        body.put("withdrawal", "beforeFirstApproval");
        FlowDesign empty = new FlowDesign(body);
        body.putArray(FlowDesign.NODES).add(node("approver", empty));
        return body;
    }

    /** Returns the initiator node, which limits who may start the chain once its initiators are set. */
    ObjectNode initiator(FlowDesign design) {
        return base(design.unusedId(INITIATOR), INITIATOR, label("flow.type.initiator"));
    }

    /** Returns a new node of {@code type} whose id and branch ids are unused in {@code design}. */
    ObjectNode node(String type, FlowDesign design) {
        String id = design.unusedId(type);
        ObjectNode node = base(id, type, label("flow.type." + type));
        switch (type) {
            case "approver" -> {
                node.put("mode", "single");
                node.set("assignee", defaultAssignee());
            }
            case "cc" -> node.set("assignee", defaultAssignee());
            case "gate" -> {
                node.set("name", label("flow.action." + GATE_ACTIONS.getFirst()));
                node.put("action", GATE_ACTIONS.getFirst());
                node.putObject("onFail").put("to", "applicant");
            }
            case "notify" -> {
                node.set("assignee", defaultAssignee());
                node.set("message", label("flow.notify.defaultMessage"));
            }
            case "delay" -> node.put("duration", DEFAULT_DELAY);
            case "branch" -> {
                node.putArray(FlowDesign.BRANCHES)
                        .add(branch(type, id + "_1", 1))
                        .add(defaultBranch(id + "_2"));
            }
            case "parallel" -> {
                node.putArray(FlowDesign.BRANCHES)
                        .add(branch(type, id + "_1", 1))
                        .add(branch(type, id + "_2", 2));
            }
            default -> throw new IllegalArgumentException("Unknown node type " + type);
        }
        return node;
    }

    /** Returns a new branch for the branch or parallel node {@code owner}, with an unused id. */
    ObjectNode nextBranch(FlowDesign design, String owner, String ownerType) {
        Set<String> used = design.ids();
        int number = 1;
        while (used.contains(owner + "_" + number)) {
            number++;
        }
        int count = design.node(owner).map(node -> node.path(FlowDesign.BRANCHES).size()).orElse(0);
        return branch(ownerType, owner + "_" + number, count + 1);
    }

    /**
     * Returns a branch numbered {@code number}; a conditional one tests the risk score, which every permit has,
     * and a parallel one has no nodes yet, which the meta-schema reports until the user adds one.
     */
    private ObjectNode branch(String ownerType, String id, int number) {
        ObjectNode branch = JSON.objectNode();
        branch.put(FlowDesign.ID, id);
        branch.set("name", label("branch".equals(ownerType) ? "flow.branch.defaultName" : "flow.branch.parallelName",
                number));
        if ("branch".equals(ownerType)) {
            ObjectNode test = JSON.objectNode().put("source", "riskScore").put("op", "gte")
                    .put("value", DEFAULT_RISK_SCORE);
            branch.putObject("condition").putArray("all").add(test);
        }
        branch.putArray(FlowDesign.NODES);
        return branch;
    }

    private ObjectNode defaultBranch(String id) {
        ObjectNode branch = JSON.objectNode();
        branch.put(FlowDesign.ID, id);
        branch.set("name", label("flow.branch.defaultOther"));
        branch.put("default", true);
        branch.putArray(FlowDesign.NODES);
        return branch;
    }

    private static ObjectNode base(String id, String type, ObjectNode name) {
        ObjectNode node = JSON.objectNode();
        node.put(FlowDesign.ID, id);
        node.put(FlowDesign.TYPE, type);
        node.set("name", name);
        return node;
    }

    private static ObjectNode defaultAssignee() {
        return JSON.objectNode().put("by", "applicantOrgRole").put("role", DEFAULT_ROLE);
    }

    /** Returns the caption {@code key} as a label object in Chinese and English. */
    ObjectNode label(String key, Object... arguments) {
        return JSON.objectNode()
                .put("zh", captions.getTranslation(key, Locale.SIMPLIFIED_CHINESE, arguments))
                .put("en", captions.getTranslation(key, Locale.ENGLISH, arguments));
    }
}
