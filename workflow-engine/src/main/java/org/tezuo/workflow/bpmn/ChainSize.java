package org.tezuo.workflow.bpmn;

import static org.tezuo.workflow.bpmn.ChainDiagram.EVENT_SIZE;
import static org.tezuo.workflow.bpmn.ChainDiagram.GATEWAY_SIZE;
import static org.tezuo.workflow.bpmn.ChainDiagram.LIMIT_TASK_HEIGHT;
import static org.tezuo.workflow.bpmn.ChainDiagram.TASK_HEIGHT;
import static org.tezuo.workflow.bpmn.ChainDiagram.TASK_WIDTH;

import java.util.List;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.BranchNode;
import org.tezuo.workflow.definition.CcNode;
import org.tezuo.workflow.definition.DelayNode;
import org.tezuo.workflow.definition.FlowBranch;
import org.tezuo.workflow.definition.FlowNode;
import org.tezuo.workflow.definition.GateNode;
import org.tezuo.workflow.definition.InitiatorNode;
import org.tezuo.workflow.definition.NotifyNode;
import org.tezuo.workflow.definition.ParallelNode;

/**
 * The space a node or chain takes in the diagram: its width and how far it reaches above and below the row it is
 * placed on. Branches of a branch or parallel node are stacked downwards, the first one on the row itself.
 */
record ChainSize(double width, double above, double below) {

    static final double GAP = 50;
    static final double ROW_GAP = 40;
    /** Space between the bottom of an approver task and the bottom of its time-limit end events. */
    static final double LIMIT_DEPTH = 50 + LIMIT_TASK_HEIGHT + 30 + EVENT_SIZE;
    static final double CONTAINER_TOP = 70;
    static final double CONTAINER_SIDE = 20;
    static final double CONTAINER_BOTTOM = 30;

    private static final ChainSize EMPTY = new ChainSize(0, EVENT_SIZE / 2, EVENT_SIZE / 2);

    /** Returns the size of a chain laid out left to right with {@link #GAP} between nodes. */
    static ChainSize of(List<FlowNode> chain) {
        double width = 0;
        double above = EMPTY.above;
        double below = EMPTY.below;
        int placed = 0;
        for (FlowNode node : chain) {
            ChainSize size = of(node);
            if (size.width == 0) {
                continue;
            }
            width += size.width + (placed++ > 0 ? GAP : 0);
            above = Math.max(above, size.above);
            below = Math.max(below, size.below);
        }
        return new ChainSize(width, above, below);
    }

    static ChainSize of(FlowNode node) {
        return switch (node) {
            case InitiatorNode initiator -> new ChainSize(0, 0, 0);
            case ApproverNode approver -> new ChainSize(TASK_WIDTH + GAP + GATEWAY_SIZE, TASK_HEIGHT / 2,
                    TASK_HEIGHT / 2 + (approver.timeLimit() == null ? 0 : LIMIT_DEPTH));
            case GateNode gate -> new ChainSize(TASK_WIDTH + GAP + GATEWAY_SIZE, TASK_HEIGHT / 2, TASK_HEIGHT / 2);
            case CcNode cc -> new ChainSize(TASK_WIDTH, TASK_HEIGHT / 2, TASK_HEIGHT / 2);
            case NotifyNode notify -> new ChainSize(TASK_WIDTH, TASK_HEIGHT / 2, TASK_HEIGHT / 2);
            case DelayNode delay -> new ChainSize(EVENT_SIZE, EVENT_SIZE / 2, EVENT_SIZE / 2);
            case BranchNode branch -> branches(branch.branches());
            case ParallelNode parallel -> {
                ChainSize inner = branches(parallel.branches());
                yield new ChainSize(CONTAINER_SIDE + EVENT_SIZE + GAP + inner.width + GAP + EVENT_SIZE
                        + CONTAINER_SIDE, CONTAINER_TOP + inner.above, inner.below + CONTAINER_BOTTOM);
            }
        };
    }

    /** Returns the size of a fork gateway, the stacked branches and a join gateway. */
    static ChainSize branches(List<FlowBranch> branches) {
        double widest = 0;
        double below = 0;
        double above = GATEWAY_SIZE / 2;
        for (int i = 0; i < branches.size(); i++) {
            ChainSize size = of(branches.get(i).nodes());
            widest = Math.max(widest, size.width);
            if (i == 0) {
                above = Math.max(above, size.above);
                below = size.below;
            } else {
                below += ROW_GAP + size.above + size.below;
            }
        }
        return new ChainSize(GATEWAY_SIZE + GAP + widest + GAP + GATEWAY_SIZE, above,
                Math.max(below, GATEWAY_SIZE / 2));
    }
}
