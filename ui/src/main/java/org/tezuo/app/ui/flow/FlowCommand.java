package org.tezuo.app.ui.flow;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One change a safety manager makes to an approval chain. Commands are values: the page's
 * {@link org.tezuo.app.ui.designer.EditHistory} applies them and keeps the state before each, so any command can
 * be undone. A command that does not fit the design (an unknown id, a used id, a move into the node's own branch)
 * throws {@link IllegalArgumentException} and changes nothing.
 */
public sealed interface FlowCommand {

    /** Returns the design after this change; {@code design} itself is left as it was. */
    FlowDesign applyTo(FlowDesign design);

    /** Inserts a new node, with every id inside it unused, at {@code slot}. */
    record AddNode(FlowDesign.Slot slot, ObjectNode node) implements FlowCommand {

        @Override
        public FlowDesign applyTo(FlowDesign design) {
            requireUnused(design, node);
            return design.edit(body -> insert(requireChain(body, slot.chain()), slot.position(), node.deepCopy()));
        }
    }

    /**
     * Moves the node {@code id} to {@code slot}, whose position is counted among the nodes that remain once the
     * node is taken out of its place.
     */
    record MoveNode(String id, FlowDesign.Slot slot) implements FlowCommand {

        @Override
        public FlowDesign applyTo(FlowDesign design) {
            FlowDesign.Slot from = requireSlot(design, id);
            FlowDesign.Chain target = slot.chain();
            if (!target.isTop() && design.isWithin(target.owner(), id)) {
                throw new Refused("flow.refused.ownBranch", "The node " + id + " cannot move into its own branches", id);
            }
            return design.edit(body -> {
                ArrayNode source = requireChain(body, from.chain());
                JsonNode node = source.remove(from.position());
                insert(requireChain(body, target), slot.position(), node);
            });
        }
    }

    /** Removes the node {@code id} with everything in its branches. */
    record RemoveNode(String id) implements FlowCommand {

        @Override
        public FlowDesign applyTo(FlowDesign design) {
            FlowDesign.Slot from = requireSlot(design, id);
            return design.edit(body -> requireChain(body, from.chain()).remove(from.position()));
        }
    }

    /**
     * Sets one property of the flow, of a node or of a branch; a null value removes it. A new property goes
     * last, a changed one keeps its place.
     *
     * @param node node id; empty for a property of the flow itself
     * @param branch branch id of the node; empty for a property of the node
     */
    record SetProperty(String node, String branch, String name, @Nullable JsonNode value) implements FlowCommand {

        /** Sets a property of the flow itself. */
        public static SetProperty ofFlow(String name, @Nullable JsonNode value) {
            return new SetProperty("", "", name, value);
        }

        /** Sets a property of a node. */
        public static SetProperty ofNode(String node, String name, @Nullable JsonNode value) {
            return new SetProperty(node, "", name, value);
        }

        @Override
        public FlowDesign applyTo(FlowDesign design) {
            if (FlowDesign.ID.equals(name) && value != null && !node.isEmpty()) {
                String newId = value.asString("");
                String oldId = branch.isEmpty() ? node : branch;
                if (!newId.equals(oldId) && design.ids().contains(newId)) {
                    throw new Refused("flow.refused.idTaken", "The chain already has a node or branch called " + newId, newId);
                }
            }
            return design.edit(body -> {
                ObjectNode target = node.isEmpty() ? body
                        : branch.isEmpty() ? FlowDesign.findNode(body, node)
                        : FlowDesign.findBranch(body, node, branch);
                if (target == null) {
                    throw new IllegalArgumentException("The chain has no node " + node
                            + (branch.isEmpty() ? "" : " with the branch " + branch));
                }
                if (value == null) {
                    target.remove(name);
                } else {
                    target.set(name, value.deepCopy());
                }
            });
        }
    }

    /**
     * Adds a branch to the branch or parallel node {@code owner}. On a branch node it goes before the default
     * branch, which stays last; on a parallel node it goes last.
     */
    record AddBranch(String owner, ObjectNode branch) implements FlowCommand {

        @Override
        public FlowDesign applyTo(FlowDesign design) {
            requireUnused(design, branch);
            return design.edit(body -> {
                ArrayNode branches = requireBranches(body, owner);
                int position = branches.size();
                if (position > 0 && branches.get(position - 1).path("default").asBoolean(false)) {
                    position--;
                }
                insert(branches, position, branch.deepCopy());
            });
        }
    }

    /** Removes the branch {@code branch} of {@code owner} with its nodes; a node keeps at least two branches. */
    record RemoveBranch(String owner, String branch) implements FlowCommand {

        /** Minimum number of branches the meta-schema allows on a branch or parallel node. */
        static final int MIN_BRANCHES = 2;

        @Override
        public FlowDesign applyTo(FlowDesign design) {
            if (design.branch(owner, branch).isEmpty()) {
                throw new IllegalArgumentException("The node " + owner + " has no branch " + branch);
            }
            return design.edit(body -> {
                ArrayNode branches = requireBranches(body, owner);
                if (branches.size() <= MIN_BRANCHES) {
                    throw new Refused("flow.refused.minBranches", "The node " + owner + " needs at least two branches", owner);
                }
                for (int index = 0; index < branches.size(); index++) {
                    if (branch.equals(branches.get(index).path(FlowDesign.ID).asString(""))) {
                        branches.remove(index);
                        return;
                    }
                }
            });
        }
    }

    /** Runs several commands as one step, so one undo reverts them all. */
    record Sequence(List<FlowCommand> commands) implements FlowCommand {

        public Sequence {
            commands = List.copyOf(commands);
        }

        @Override
        public FlowDesign applyTo(FlowDesign design) {
            FlowDesign result = design;
            for (FlowCommand command : commands) {
                result = command.applyTo(result);
            }
            return result;
        }
    }

    /**
     * A command that does not fit the design for a reason the user can act on. It carries a message key of the
     * ui bundle with its arguments, and its exception message is the English text for logs and tests.
     */
    final class Refused extends IllegalArgumentException {

        private final String messageKey;
        private final transient Object[] arguments;

        Refused(String messageKey, String message, Object... arguments) {
            super(message);
            this.messageKey = messageKey;
            this.arguments = arguments.clone();
        }

        public String messageKey() {
            return messageKey;
        }

        public Object[] arguments() {
            return arguments.clone();
        }
    }

    private static void requireUnused(FlowDesign design, ObjectNode element) {
        Set<String> used = design.ids();
        for (String id : FlowDesign.idsInside(element)) {
            if (used.contains(id)) {
                throw new Refused("flow.refused.idTaken", "The chain already has a node or branch called " + id, id);
            }
        }
    }

    private static FlowDesign.Slot requireSlot(FlowDesign design, String id) {
        return design.slotOf(id).orElseThrow(() -> new IllegalArgumentException("The chain has no node " + id));
    }

    private static ArrayNode requireChain(ObjectNode body, FlowDesign.Chain chain) {
        ArrayNode nodes = FlowDesign.chainOf(body, chain, true);
        if (nodes == null) {
            throw new IllegalArgumentException("The node " + chain.owner() + " has no branch " + chain.branch());
        }
        return nodes;
    }

    private static ArrayNode requireBranches(ObjectNode body, String owner) {
        ObjectNode node = FlowDesign.findNode(body, owner);
        if (node == null || !(node.get(FlowDesign.BRANCHES) instanceof ArrayNode branches)) {
            throw new IllegalArgumentException("The chain has no branch or parallel node " + owner);
        }
        return branches;
    }

    private static void insert(ArrayNode nodes, int position, JsonNode node) {
        if (position < 0 || position > nodes.size()) {
            throw new IllegalArgumentException("Position " + position + " is outside the chain of " + nodes.size()
                    + " nodes");
        }
        nodes.insert(position, node);
    }
}
