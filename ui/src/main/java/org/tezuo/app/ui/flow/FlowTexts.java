package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** Short descriptions of nodes, assignee rules and conditions for the cards of the chain editor. */
final class FlowTexts {

    private FlowTexts() {
    }

    /** Returns the English text of a label object for an English locale when there is one, else the Chinese. */
    static String label(JsonNode label, Locale locale) {
        String en = label.path("en").asString("");
        return "en".equals(locale.getLanguage()) && !en.isBlank() ? en : label.path("zh").asString("");
    }

    /** Returns one line saying what the node does, such as who approves and how. */
    static String summary(JsonNode node, Component page) {
        return switch (node.path(FlowDesign.TYPE).asString("")) {
            case "initiator" -> node.has("initiators") ? assignee(node.path("initiators"), page)
                    : page.getTranslation("flow.initiator.anyone");
            case "approver" -> page.getTranslation("flow.summary.approver", assignee(node.path("assignee"), page),
                    page.getTranslation("flow.mode." + node.path("mode").asString("single")));
            case "cc", "notify" -> assignee(node.path("assignee"), page);
            case "gate" -> page.getTranslation("flow.action." + node.path("action").asString(""));
            case "delay" -> page.getTranslation("flow.summary.delay", node.path("duration").asString(""));
            case "branch", "parallel" -> page.getTranslation("flow.summary.branches",
                    node.path(FlowDesign.BRANCHES).size());
            default -> "";
        };
    }

    /** Returns an assignee rule in words, such as "角色：安全工程师". */
    static String assignee(JsonNode assignee, Component page) {
        String by = assignee.path("by").asString("");
        String detail = switch (by) {
            case "role", "applicantOrgRole", "parentOrgRole" -> role(assignee.path("role").asString(""), page);
            case "roleGroup" -> join(assignee.path("roles"), page, true);
            case "user" -> assignee.path("user").asString("");
            case "users" -> join(assignee.path("users"), page, false);
            case "formField" -> assignee.path("field").asString("");
            default -> "";
        };
        return by.isEmpty() ? "" : page.getTranslation("flow.assignee.summary", page.getTranslation(
                "flow.assignee.by." + by), detail);
    }

    /** Returns the condition of a branch in words; the default branch reads "otherwise". */
    static String condition(JsonNode branch, Component page) {
        if (branch.path("default").asBoolean(false)) {
            return page.getTranslation("flow.condition.default");
        }
        return test(branch.path("condition"), page);
    }

    private static String test(JsonNode condition, Component page) {
        for (String combinator : List.of("all", "any")) {
            if (condition.has(combinator)) {
                List<String> parts = new ArrayList<>();
                condition.get(combinator).forEach(part -> parts.add(test(part, page)));
                return String.join(page.getTranslation("flow.condition.join." + combinator), parts);
            }
        }
        String source = condition.path("source").asString("");
        if (source.isEmpty()) {
            return "";
        }
        String subject = "form".equals(source) ? condition.path("field").asString("")
                : page.getTranslation("flow.condition.source." + source);
        JsonNode value = condition.path("value");
        String shown = value.isMissingNode() ? "" : value.isString() ? value.asString() : value.toString();
        return (subject + " " + page.getTranslation("flow.condition.op." + condition.path("op").asString("")) + " "
                + shown).strip();
    }

    private static String role(String code, Component page) {
        return code.isEmpty() ? "" : page.getTranslation("role." + code);
    }

    private static String join(JsonNode values, Component page, boolean roles) {
        List<String> parts = new ArrayList<>();
        values.forEach(value -> parts.add(roles ? role(value.asString(""), page) : value.asString("")));
        return String.join(page.getTranslation("list.separator"), parts);
    }
}
