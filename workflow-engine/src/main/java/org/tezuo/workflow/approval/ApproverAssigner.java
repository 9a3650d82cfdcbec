package org.tezuo.workflow.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.condition.ConditionFacts;
import org.tezuo.workflow.condition.FlowConditionEvaluator;
import org.tezuo.workflow.definition.BranchNode;
import org.tezuo.workflow.definition.FlowNode;
import org.tezuo.workflow.definition.ParallelNode;
import org.tezuo.workflow.definition.AssigneeSpec;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.ApproverNode;
import tools.jackson.databind.JsonNode;

/**
 * Resolves the approvers of the nodes that will run into the process variables the compiled user tasks read: every
 * node outside branch nodes, every node of every parallel branch, and of each branch node only the branch that its
 * conditions choose for the submitted facts, with the evaluator the running instance uses. A node that will run is
 * never skipped: when its rule names nobody, its fallback role or user is asked, and when that names nobody too,
 * the submission fails with {@link NoApproverException}.
 */
public final class ApproverAssigner {

    private final ApproverResolver resolver;
    private final FlowConditionEvaluator conditions = new FlowConditionEvaluator();

    public ApproverAssigner(ApproverResolver resolver) {
        this.resolver = resolver;
    }

    /**
     * Returns one variable per node that will run, {@link ChainVariables#approvers(String)}, holding its
     * approvers' names.
     */
    public Map<String, Object> assign(long tenantId, FlowDefinition flow, String applicant, ConditionFacts facts) {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (ApproverNode node : nodesThatRun(flow.nodes(), facts, new ArrayList<>())) {
            variables.put(ChainVariables.approvers(node.id()),
                    approvers(tenantId, flow, node, applicant, facts.formData()));
        }
        return variables;
    }

    private List<ApproverNode> nodesThatRun(List<FlowNode> chain, ConditionFacts facts, List<ApproverNode> into) {
        for (FlowNode node : chain) {
            switch (node) {
                case ApproverNode approver -> into.add(approver);
                case BranchNode branch -> nodesThatRun(conditions.select(branch, facts).nodes(), facts, into);
                case ParallelNode parallel -> parallel.branches().forEach(b -> nodesThatRun(b.nodes(), facts, into));
                default -> {
                }
            }
        }
        return into;
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

    /** Returns whether {@code user} is named by {@code rule}, used to check who may start a restricted chain. */
    boolean names(long tenantId, AssigneeSpec rule, String user, JsonNode formData) {
        return resolve(tenantId, rule, user, formData).contains(user);
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
