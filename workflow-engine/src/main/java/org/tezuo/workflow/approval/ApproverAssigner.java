package org.tezuo.workflow.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.definition.AssigneeSpec;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.ApproverNode;
import tools.jackson.databind.JsonNode;

/**
 * Resolves the approvers of every node of a chain into the process variables the compiled user tasks read. A node
 * is never skipped: when its rule names nobody, its fallback role is asked, and when that names nobody too, the
 * submission fails with {@link NoApproverException}.
 */
final class ApproverAssigner {

    private final ApproverResolver resolver;

    ApproverAssigner(ApproverResolver resolver) {
        this.resolver = resolver;
    }

    /** Returns one variable per node, {@link ChainVariables#approvers(String)}, holding its approvers' names. */
    Map<String, Object> assign(long tenantId, FlowDefinition flow, String applicant, JsonNode formData) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (ApproverNode node : flow.approvers()) {
            variables.put(ChainVariables.approvers(node.id()), approvers(tenantId, flow, node, applicant, formData));
        }
        return variables;
    }

    private ArrayList<String> approvers(long tenantId, FlowDefinition flow, ApproverNode node, String applicant,
            JsonNode formData) {
        List<String> named = resolve(tenantId, node.assignee(), applicant, formData);
        if (!named.isEmpty()) {
            return new ArrayList<>(named);
        }
        AssigneeSpec fallbackRule = switch (node.onNoAssignee()) {
            case BLOCK -> throw new NoApproverException(flow, node, null);
            case FALLBACK_ROLE -> AssigneeSpec.role(Objects.requireNonNull(node.fallbackRole()));
            case FALLBACK_USER -> AssigneeSpec.user(Objects.requireNonNull(node.fallbackUser()));
        };
        List<String> fallback = resolve(tenantId, fallbackRule, applicant, formData);
        if (fallback.isEmpty()) {
            throw new NoApproverException(flow, node, fallbackRule);
        }
        return new ArrayList<>(fallback);
    }

    private List<String> resolve(long tenantId, AssigneeSpec rule, String applicant, JsonNode formData) {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String user : resolver.resolve(new ApproverQuery(tenantId, rule, applicant, formData))) {
            if (user != null && !user.isBlank()) {
                distinct.add(user.strip());
            }
        }
        return List.copyOf(distinct);
    }
}
