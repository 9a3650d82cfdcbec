package org.tezuo.workflow.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An approval chain parsed from a flow document: the top-level nodes run in list order, and branch and parallel
 * nodes hold chains of their own.
 *
 * @param key document key, such as {@code hot-work-approval}, which is also the BPMN process id
 * @param version document version
 * @param checksum SHA-256 of the document body, which distinguishes two bodies of one version
 * @param name display name
 * @param form key of the form the chain approves, when the document names one
 * @param safetySignOff whether the chain signs off a safety permit, so that a time-out suspends the application
 * @param withdrawal when the applicant may withdraw
 * @param nodes the top-level nodes in order, at least one
 */
public record FlowDefinition(
        String key,
        int version,
        String checksum,
        Label name,
        @Nullable String form,
        boolean safetySignOff,
        Withdrawal withdrawal,
        List<FlowNode> nodes) {

    public FlowDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(withdrawal, "withdrawal");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("Flow '" + key + "' has no nodes");
        }
    }

    /** Creates a safety sign-off chain that the applicant may withdraw before the first approval. */
    public FlowDefinition(String key, int version, String checksum, Label name, @Nullable String form,
            List<FlowNode> nodes) {
        this(key, version, checksum, name, form, true, Withdrawal.BEFORE_FIRST_APPROVAL, nodes);
    }

    /** Returns the node with {@code id}, searching inside branches too. */
    public Optional<FlowNode> node(String id) {
        return allNodes().stream().filter(node -> node.id().equals(id)).findFirst();
    }

    /** Returns the approver node with {@code id}, searching inside branches too. */
    public Optional<ApproverNode> approver(String id) {
        return node(id).filter(ApproverNode.class::isInstance).map(ApproverNode.class::cast);
    }

    /** Returns every node of the tree in document order, each branch node before the nodes of its branches. */
    public List<FlowNode> allNodes() {
        List<FlowNode> all = new ArrayList<>();
        collect(nodes, all);
        return all;
    }

    /** Returns every approver node of the tree in document order. */
    public List<ApproverNode> approvers() {
        return allNodes().stream()
                .filter(ApproverNode.class::isInstance)
                .map(ApproverNode.class::cast)
                .toList();
    }

    /** Returns a readable reference such as {@code flow:hot-work-approval@3}. */
    public String reference() {
        return "flow:" + key + "@" + version;
    }

    private static void collect(List<FlowNode> chain, List<FlowNode> into) {
        for (FlowNode node : chain) {
            into.add(node);
            List<FlowBranch> branches = switch (node) {
                case BranchNode branch -> branch.branches();
                case ParallelNode parallel -> parallel.branches();
                default -> List.of();
            };
            for (FlowBranch branch : branches) {
                collect(branch.nodes(), into);
            }
        }
    }

    /** When the applicant may withdraw an application. */
    public enum Withdrawal {
        /** Until the first approver has approved. */
        BEFORE_FIRST_APPROVAL("beforeFirstApproval"),
        /** Never. */
        NEVER("never");

        private final String code;

        Withdrawal(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Withdrawal fromCode(String code) {
            for (Withdrawal withdrawal : values()) {
                if (withdrawal.code.equals(code)) {
                    return withdrawal;
                }
            }
            throw new IllegalArgumentException("Unknown withdrawal rule '" + code + "'");
        }
    }
}
