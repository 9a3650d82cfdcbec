package org.tezuo.workflow.definition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.metadata.MetaSchemaValidator;
import org.tezuo.metadata.MetaSchemaViolation;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.JsonNode;

/**
 * Parses flow documents into {@link FlowDefinition}s. The body is checked against {@code flow.schema.json} first,
 * then against the rules a schema cannot express: unique node ids, no reserved ids and only node types the
 * compiler supports. Thread-safe.
 */
public final class FlowDefinitionParser {

    /** Prefix of the BPMN ids the compiler generates; node ids must not start with it. */
    public static final String RESERVED_ID_PREFIX = "tz_";

    private static final Pattern FLOW_KEY = Pattern.compile("^[A-Za-z][A-Za-z0-9_-]{0,62}$");

    private final MetaSchemaValidator validator;

    public FlowDefinitionParser(MetaSchemaValidator validator) {
        this.validator = validator;
    }

    public FlowDefinitionParser() {
        this(new MetaSchemaValidator());
    }

    /**
     * Parses a stored flow document.
     *
     * @throws InvalidFlowDefinitionException when the document is no valid approval chain
     */
    public FlowDefinition parse(MetadataDocument document) {
        if (document.kind() != MetadataKind.FLOW) {
            throw new InvalidFlowDefinitionException("flow.wrongKind", document.reference(), document.kind().code());
        }
        return parse(document.key(), document.version(), document.checksum(), document.body());
    }

    /**
     * Parses a flow document body.
     *
     * @throws InvalidFlowDefinitionException when the body is no valid approval chain
     */
    public FlowDefinition parse(String key, int version, String checksum, JsonNode body) {
        String reference = "flow:" + key + "@" + version;
        if (!FLOW_KEY.matcher(key).matches()) {
            throw new InvalidFlowDefinitionException("flow.invalidKey", reference, key);
        }
        checkSchema(reference, body);

        List<FlowNode> nodes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (JsonNode nodeJson : body.get("nodes")) {
            FlowNode node = node(reference, nodeJson);
            if (!ids.add(node.id())) {
                throw new InvalidFlowDefinitionException("flow.duplicateNodeId", reference, node.id());
            }
            nodes.add(node);
        }
        return new FlowDefinition(key, version, checksum, label(body.get("name")), text(body, "form"), nodes);
    }

    private void checkSchema(String reference, JsonNode body) {
        List<MetaSchemaViolation> violations = validator.validate(MetadataKind.FLOW, body,
                UserMessages.DEFAULT_LOCALE);
        if (!violations.isEmpty()) {
            String details = violations.stream()
                    .map(violation -> violation.path() + " " + violation.message())
                    .collect(Collectors.joining("；"));
            throw new InvalidFlowDefinitionException("flow.invalid", reference, details);
        }
    }

    private static FlowNode node(String reference, JsonNode json) {
        String id = json.get("id").asString();
        if (id.startsWith(RESERVED_ID_PREFIX)) {
            throw new InvalidFlowDefinitionException("flow.reservedNodeId", reference, id, RESERVED_ID_PREFIX);
        }
        NodeType type = NodeType.fromCode(json.get("type").asString());
        if (type != NodeType.APPROVER) {
            // NOTE: cc, gate and notify nodes are allowed by flow.schema.json but the compiler has no BPMN for
            // them yet, so a document using them is rejected here rather than run without them.
            throw new InvalidFlowDefinitionException("flow.unsupportedNodeType", reference, id, type.code());
        }

        String mode = text(json, "mode");
        String onNoAssignee = text(json, "onNoAssignee");
        return new FlowNode(id, type, label(json.get("name")),
                mode == null ? ApprovalMode.SINGLE : ApprovalMode.fromCode(mode),
                assignee(json.get("assignee")),
                json.path("requiresRiskConfirmation").asBoolean(false),
                onNoAssignee == null ? NoAssigneePolicy.BLOCK : NoAssigneePolicy.fromCode(onNoAssignee),
                onNoAssignee == null || onNoAssignee.equals(NoAssigneePolicy.BLOCK.code())
                        ? null : text(json, "fallbackRole"));
    }

    private static AssigneeSpec assignee(JsonNode json) {
        return new AssigneeSpec(AssigneeSource.fromCode(json.get("by").asString()), text(json, "role"),
                text(json, "user"), text(json, "field"));
    }

    private static Label label(JsonNode json) {
        return new Label(json.get("zh").asString(), text(json, "en"));
    }

    private static @Nullable String text(JsonNode json, String property) {
        JsonNode value = json.get(property);
        return value == null || value.isNull() ? null : value.asString();
    }
}
