package org.tezuo.workflow.definition;

/**
 * One node of an approval chain. Branch and parallel nodes hold {@link FlowBranch branches} with nodes of their own,
 * so a chain is a tree; ids are unique across the whole tree and become BPMN element ids.
 */
public sealed interface FlowNode
        permits InitiatorNode, ApproverNode, CcNode, GateNode, NotifyNode, DelayNode, BranchNode, ParallelNode {

    /** Returns the node id, unique within the flow. */
    String id();

    /** Returns the display name. */
    Label name();

    /** Returns what the node does. */
    NodeType type();
}
