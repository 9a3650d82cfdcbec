package org.tezuo.workflow.bpmnimport;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads the simple sequence flow conditions that modelers write, {@code ${field op literal}} joined by {@code &&}
 * or {@code ||} (without brackets; {@code &&} binds tighter), into flow document conditions. The fields {@code
 * permitGrade} and {@code riskScore} read those start variables; any other field reads the form data.
 */
final class ConditionParser {

    private static final Pattern EXPRESSION = Pattern.compile("^\\s*\\$\\{(.*)}\\s*$", Pattern.DOTALL);
    private static final Pattern TEST = Pattern.compile(
            "^\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*(==|!=|>=|<=|>|<|\\beq\\b|\\bne\\b|\\bge\\b|\\ble\\b|\\bgt\\b|\\blt\\b)"
                    + "\\s*('[^']*'|\"[^\"]*\"|-?\\d+(?:\\.\\d+)?|true|false)\\s*$");

    private final JsonMapper json;

    ConditionParser(JsonMapper json) {
        this.json = json;
    }

    /** Returns the condition, or empty when the expression is not of the supported form. */
    Optional<JsonNode> parse(String expression) {
        Matcher matcher = EXPRESSION.matcher(expression);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String[] alternatives = matcher.group(1).split("\\|\\|");
        ArrayNode any = json.createArrayNode();
        for (String alternative : alternatives) {
            ArrayNode all = json.createArrayNode();
            for (String part : alternative.split("&&")) {
                Optional<ObjectNode> test = test(part);
                if (test.isEmpty()) {
                    return Optional.empty();
                }
                all.add(test.get());
            }
            any.add(all.size() == 1 ? all.get(0) : json.createObjectNode().set("all", all));
        }
        return Optional.of(any.size() == 1 ? any.get(0) : json.createObjectNode().set("any", any));
    }

    private Optional<ObjectNode> test(String text) {
        Matcher matcher = TEST.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        ObjectNode test = json.createObjectNode();
        String field = matcher.group(1);
        switch (field) {
            case "permitGrade", "tz_permitGrade" -> test.put("source", "permitGrade");
            case "riskScore", "tz_riskScore" -> test.put("source", "riskScore");
            default -> test.put("source", "form").put("field", field);
        }
        test.put("op", switch (matcher.group(2)) {
            case "==", "eq" -> "eq";
            case "!=", "ne" -> "ne";
            case ">=", "ge" -> "gte";
            case "<=", "le" -> "lte";
            case ">", "gt" -> "gt";
            default -> "lt";
        });
        String literal = matcher.group(3);
        if (literal.startsWith("'") || literal.startsWith("\"")) {
            test.put("value", literal.substring(1, literal.length() - 1));
        } else if (literal.equals("true") || literal.equals("false")) {
            test.put("value", Boolean.parseBoolean(literal));
        } else {
            test.put("value", new java.math.BigDecimal(literal));
        }
        return Optional.of(test);
    }
}
