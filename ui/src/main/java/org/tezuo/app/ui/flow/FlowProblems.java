package org.tezuo.app.ui.flow;

import com.vaadin.flow.component.Component;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tezuo.metadata.MetaSchemaViolation;
import tools.jackson.databind.JsonNode;

/**
 * The designer's own checks of a chain, which the meta-schema cannot express, and the mapping of a problem's JSON
 * path to the node or branch it belongs to, so the canvas can mark that card.
 */
final class FlowProblems {

    /** Node types the workflow engine's current parser compiles; other chains are only checked by the schema. */
    static final Set<String> COMPILED_TYPES = Set.of("approver");

    private FlowProblems() {
    }

    /**
     * Returns what is wrong with the chain beyond the meta-schema: a node or branch id used twice, an initiator
     * that is not the first node, a reject route to an unknown node, a conditional branch node without exactly
     * one default branch.
     */
    static List<MetaSchemaViolation> check(JsonNode body, Component page) {
        List<MetaSchemaViolation> found = new ArrayList<>();
        Map<String, Integer> counts = new HashMap<>();
        FlowDesign design = new FlowDesign(body.deepCopy().asObject());
        walk(body.path(FlowDesign.NODES), "/nodes", (node, path) -> {
            counts.merge(node.path(FlowDesign.ID).asString(""), 1, Integer::sum);
            node.path(FlowDesign.BRANCHES).forEach(branch -> counts.merge(branch.path(FlowDesign.ID).asString(""), 1,
                    Integer::sum));
        });
        walk(body.path(FlowDesign.NODES), "/nodes", (node, path) -> {
            String id = node.path(FlowDesign.ID).asString("");
            String type = node.path(FlowDesign.TYPE).asString("");
            if (counts.getOrDefault(id, 0) > 1) {
                found.add(new MetaSchemaViolation(path + "/id", page.getTranslation("flow.check.duplicateId", id)));
            }
            if (FlowTemplates.INITIATOR.equals(type) && !"/nodes/0".equals(path)) {
                found.add(new MetaSchemaViolation(path, page.getTranslation("flow.check.initiatorFirst", id)));
            }
            for (String route : List.of("onReject", "onFail")) {
                String target = node.path(route).path("node").asString("");
                if (!target.isEmpty() && design.node(target).isEmpty()) {
                    found.add(new MetaSchemaViolation(path + "/" + route + "/node",
                            page.getTranslation("flow.check.routeUnknown", target)));
                }
            }
            if ("branch".equals(type)) {
                long defaults = 0;
                for (JsonNode branch : node.path(FlowDesign.BRANCHES)) {
                    if (branch.path("default").asBoolean(false)) {
                        defaults++;
                    }
                }
                if (defaults != 1) {
                    found.add(new MetaSchemaViolation(path + "/branches",
                            page.getTranslation("flow.check.oneDefault", id, defaults)));
                }
            }
        });
        return found;
    }

    /** Returns whether every node of the chain is of a type the current parser compiles. */
    static boolean usesCompiledTypesOnly(JsonNode body) {
        boolean[] only = {true};
        walk(body.path(FlowDesign.NODES), "/nodes", (node, path) -> {
            if (!COMPILED_TYPES.contains(node.path(FlowDesign.TYPE).asString(""))) {
                only[0] = false;
            }
        });
        return only[0];
    }

    /**
     * Returns the id of the innermost node or branch on the JSON pointer {@code path}, such as {@code experts}
     * for {@code /nodes/3/branches/0/nodes/0/assignee}; empty when the path is on the flow itself.
     */
    static String ownerOf(JsonNode body, String path) {
        String owner = "";
        JsonNode current = body;
        String[] segments = path.startsWith("/") ? path.substring(1).split("/") : new String[0];
        for (int index = 0; index + 1 < segments.length; index += 2) {
            String name = segments[index];
            if (!FlowDesign.NODES.equals(name) && !FlowDesign.BRANCHES.equals(name)) {
                break;
            }
            int position;
            try {
                position = Integer.parseInt(segments[index + 1]);
            } catch (NumberFormatException e) {
                break;
            }
            current = current.path(name).path(position);
            String id = current.path(FlowDesign.ID).asString("");
            if (current.isMissingNode() || id.isEmpty()) {
                break;
            }
            owner = id;
        }
        return owner;
    }

    private interface Visitor {
        void visit(JsonNode node, String path);
    }

    private static void walk(JsonNode nodes, String path, Visitor visitor) {
        for (int index = 0; index < nodes.size(); index++) {
            JsonNode node = nodes.get(index);
            String nodePath = path + "/" + index;
            visitor.visit(node, nodePath);
            JsonNode branches = node.path(FlowDesign.BRANCHES);
            for (int branch = 0; branch < branches.size(); branch++) {
                String branchPath = nodePath + "/branches/" + branch + "/nodes";
                walk(branches.get(branch).path(FlowDesign.NODES), branchPath, visitor);
            }
        }
    }
}
