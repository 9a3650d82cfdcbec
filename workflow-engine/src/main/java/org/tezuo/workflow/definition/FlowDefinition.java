package org.tezuo.workflow.definition;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An approval chain parsed from a flow document: nodes run in list order.
 *
 * @param key document key, such as {@code hot-work-approval}, which is also the BPMN process id
 * @param version document version
 * @param checksum SHA-256 of the document body, which distinguishes two bodies of one version
 * @param name display name
 * @param form key of the form the chain approves, when the document names one
 * @param nodes the nodes in order, at least one
 */
public record FlowDefinition(
        String key,
        int version,
        String checksum,
        Label name,
        @Nullable String form,
        List<FlowNode> nodes) {

    public FlowDefinition {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(checksum, "checksum");
        Objects.requireNonNull(name, "name");
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("Flow '" + key + "' has no nodes");
        }
    }

    /** Returns the node with {@code id}. */
    public Optional<FlowNode> node(String id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst();
    }

    /** Returns a readable reference such as {@code flow:hot-work-approval@3}. */
    public String reference() {
        return "flow:" + key + "@" + version;
    }
}
