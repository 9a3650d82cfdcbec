package org.tezuo.app.ui.flow;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An approval-chain document as the designer edits it: the flow JSON itself, so every keyword the designer has no
 * control for survives a round trip unchanged. The value is immutable: it keeps a private copy, hands out copies,
 * and {@link #edit} returns a new design. Node ids are unique in the whole tree, so a node is addressed by its id
 * and a chain by the id of its branch or parallel node and the branch id.
 */
public final class FlowDesign {

    static final String NODES = "nodes";
    static final String BRANCHES = "branches";
    static final String ID = "id";
    static final String TYPE = "type";

    private final ObjectNode body;

    public FlowDesign(ObjectNode body) {
        this.body = body.deepCopy();
    }

    /** Returns a copy of the document. */
    public ObjectNode toJson() {
        return body.deepCopy();
    }

    /** Returns a copy of the node {@code id}, wherever it is in the tree. */
    public Optional<ObjectNode> node(String id) {
        return Optional.ofNullable(findNode(body, id)).map(ObjectNode::deepCopy);
    }

    /** Returns a copy of the branch {@code branch} of the branch or parallel node {@code owner}. */
    public Optional<ObjectNode> branch(String owner, String branch) {
        ObjectNode found = findBranch(body, owner, branch);
        return Optional.ofNullable(found).map(ObjectNode::deepCopy);
    }

    /** Returns the place of the node {@code id}: its chain and its index there. */
    public Optional<Slot> slotOf(String id) {
        return Optional.ofNullable(locate(body.path(NODES), Chain.TOP, id));
    }

    /** Returns a copy of the nodes of {@code chain}; an unknown chain has none. */
    public ArrayNode chain(Chain chain) {
        ArrayNode nodes = chainOf(body, chain, false);
        return nodes == null ? body.arrayNode() : nodes.deepCopy();
    }

    /** Returns the node and branch ids of the whole tree, in document order. */
    public Set<String> ids() {
        Set<String> ids = new LinkedHashSet<>();
        collectIds(body.path(NODES), ids);
        return ids;
    }

    /** Returns {@code prefix} followed by the lowest number that makes an id not yet used in the tree. */
    public String unusedId(String prefix) {
        Set<String> used = ids();
        int number = 1;
        while (used.contains(prefix + number)) {
            number++;
        }
        return prefix + number;
    }

    /** Returns whether {@code id} is the node {@code ancestor} or lies inside one of its branches. */
    public boolean isWithin(String id, String ancestor) {
        ObjectNode node = findNode(body, ancestor);
        return node != null && (ancestor.equals(id) || findNode(node, id) != null);
    }

    /** Returns the design {@code change} makes of a copy of this one. */
    FlowDesign edit(Consumer<ObjectNode> change) {
        ObjectNode copy = body.deepCopy();
        change.accept(copy);
        return new FlowDesign(copy);
    }

    /** Returns whether both designs write the same JSON, keyword order included. */
    public boolean isSameAs(FlowDesign other) {
        return body.toString().equals(other.body.toString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FlowDesign design && isSameAs(design);
    }

    @Override
    public int hashCode() {
        return body.toString().hashCode();
    }

    @Override
    public String toString() {
        return body.toString();
    }

    /** Returns the node {@code id} inside {@code root}, searching its chain and every branch below. */
    static @Nullable ObjectNode findNode(JsonNode root, String id) {
        for (JsonNode node : root.path(NODES)) {
            if (node instanceof ObjectNode object && id.equals(node.path(ID).asString(""))) {
                return object;
            }
            for (JsonNode branch : node.path(BRANCHES)) {
                ObjectNode found = findNode(branch, id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    static @Nullable ObjectNode findBranch(JsonNode root, String owner, String branch) {
        ObjectNode node = findNode(root, owner);
        if (node == null) {
            return null;
        }
        for (JsonNode candidate : node.path(BRANCHES)) {
            if (candidate instanceof ObjectNode object && branch.equals(candidate.path(ID).asString(""))) {
                return object;
            }
        }
        return null;
    }

    /** Returns the node array of {@code chain} in {@code root}, created when {@code create} is true and missing. */
    static @Nullable ArrayNode chainOf(ObjectNode root, Chain chain, boolean create) {
        ObjectNode holder = chain.isTop() ? root : findBranch(root, chain.owner(), chain.branch());
        if (holder == null) {
            return null;
        }
        if (holder.get(NODES) instanceof ArrayNode nodes) {
            return nodes;
        }
        return create ? holder.putArray(NODES) : null;
    }

    private static @Nullable Slot locate(JsonNode nodes, Chain chain, String id) {
        for (int index = 0; index < nodes.size(); index++) {
            JsonNode node = nodes.get(index);
            String nodeId = node.path(ID).asString("");
            if (id.equals(nodeId)) {
                return new Slot(chain, index);
            }
            for (JsonNode branch : node.path(BRANCHES)) {
                Slot found = locate(branch.path(NODES), new Chain(nodeId, branch.path(ID).asString("")), id);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** Returns the id of a node or branch and the ids of everything inside it. */
    static Set<String> idsInside(JsonNode element) {
        Set<String> ids = new LinkedHashSet<>();
        ids.add(element.path(ID).asString(""));
        for (JsonNode branch : element.path(BRANCHES)) {
            ids.add(branch.path(ID).asString(""));
            collectIds(branch.path(NODES), ids);
        }
        collectIds(element.path(NODES), ids);
        ids.remove("");
        return ids;
    }

    private static void collectIds(JsonNode nodes, Set<String> ids) {
        for (JsonNode node : nodes) {
            ids.add(node.path(ID).asString(""));
            for (JsonNode branch : node.path(BRANCHES)) {
                ids.add(branch.path(ID).asString(""));
                collectIds(branch.path(NODES), ids);
            }
        }
        ids.remove("");
    }

    /**
     * A list of nodes: the top chain of the document, or the chain of one branch of a branch or parallel node.
     *
     * @param owner id of the branch or parallel node, empty for the top chain
     * @param branch id of the branch, empty for the top chain
     */
    public record Chain(String owner, String branch) {

        public static final Chain TOP = new Chain("", "");

        public boolean isTop() {
            return owner.isEmpty();
        }
    }

    /** A place in a chain: {@code position} 0 is before the first node, the node count after the last. */
    public record Slot(Chain chain, int position) {
    }
}
