package org.tezuo.workflow.definition;

import java.time.Duration;
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
 * then against the rules a schema cannot express: node and branch ids unique across the tree, no reserved ids, the
 * initiator only first, one default branch per branch node, and routes back only to approver nodes that
 * every path passes before the routing node.
 * Thread-safe.
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

        TreeReader reader = new TreeReader(reference);
        List<FlowNode> nodes = reader.chain(body.get("nodes"), true);
        String withdrawal = text(body, "withdrawal");
        FlowDefinition flow = new FlowDefinition(key, version, checksum, label(body.get("name")), text(body, "form"),
                body.path("safetySignOff").asBoolean(true),
                withdrawal == null ? FlowDefinition.Withdrawal.BEFORE_FIRST_APPROVAL
                        : FlowDefinition.Withdrawal.fromCode(withdrawal),
                nodes);
        checkRoutes(reference, flow.nodes(), Set.of());
        return flow;
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

    /**
     * Checks that every route back to a node names an approver that every path to the routing node passes first:
     * an earlier approver of the same chain, or of an enclosing chain. Approvers inside a branch are not such
     * targets for nodes after the branch node, nor for sibling branches, because that branch may not have run (its
     * approvers are then never resolved) or, in a parallel node, still be running.
     */
    private static void checkRoutes(String reference, List<FlowNode> chain, Set<String> passed) {
        Set<String> visible = new HashSet<>(passed);
        for (FlowNode node : chain) {
            RejectRoute route = switch (node) {
                case ApproverNode approver -> approver.onReject();
                case GateNode gate -> gate.onFail();
                default -> RejectRoute.END;
            };
            if (route.to() == RejectRoute.Target.NODE && !visible.contains(route.node())) {
                throw new InvalidFlowDefinitionException("flow.invalidRouteTarget", reference, node.id(),
                        route.node());
            }
            switch (node) {
                case ApproverNode approver -> visible.add(approver.id());
                case BranchNode branch -> branch.branches().forEach(b -> checkRoutes(reference, b.nodes(), visible));
                case ParallelNode parallel ->
                        parallel.branches().forEach(b -> checkRoutes(reference, b.nodes(), visible));
                default -> {
                }
            }
        }
    }

    private static AssigneeSpec assignee(JsonNode json) {
        return new AssigneeSpec(AssigneeSource.fromCode(json.get("by").asString()), text(json, "role"),
                text(json, "user"), text(json, "field"), strings(json.get("roles")), strings(json.get("users")));
    }

    private static @Nullable AssigneeSpec optionalAssignee(@Nullable JsonNode json) {
        return json == null || json.isNull() ? null : assignee(json);
    }

    private static RejectRoute route(@Nullable JsonNode json) {
        if (json == null || json.isNull()) {
            return RejectRoute.END;
        }
        return new RejectRoute(RejectRoute.Target.fromCode(json.get("to").asString()), text(json, "node"));
    }

    private static @Nullable TimeLimit timeLimit(@Nullable JsonNode json) {
        if (json == null || json.isNull()) {
            return null;
        }
        return new TimeLimit(duration(json, "remindAfter"), duration(json, "remindEvery"),
                duration(json, "escalateAfter"), optionalAssignee(json.get("escalateTo")));
    }

    private static @Nullable Duration duration(JsonNode json, String property) {
        String value = text(json, property);
        return value == null ? null : Duration.parse(value);
    }

    private static FlowCondition condition(JsonNode json) {
        if (json.has("all")) {
            return new FlowCondition.All(conditions(json.get("all")));
        }
        if (json.has("any")) {
            return new FlowCondition.Any(conditions(json.get("any")));
        }
        JsonNode value = json.get("value");
        return new FlowCondition.Test(FlowCondition.Source.fromCode(json.get("source").asString()),
                text(json, "field"), FlowCondition.Operator.fromCode(json.get("op").asString()),
                value == null || value.isNull() ? null : value);
    }

    private static List<FlowCondition> conditions(JsonNode array) {
        List<FlowCondition> parts = new ArrayList<>();
        for (JsonNode part : array) {
            parts.add(condition(part));
        }
        return parts;
    }

    private static List<String> strings(@Nullable JsonNode array) {
        if (array == null || array.isNull()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asString());
        }
        return values;
    }

    private static Label label(JsonNode json) {
        return new Label(json.get("zh").asString(), text(json, "en"));
    }

    private static @Nullable String text(JsonNode json, String property) {
        JsonNode value = json.get(property);
        return value == null || value.isNull() ? null : value.asString();
    }

    /** Reads the node tree of one document, keeping the ids seen so far to reject duplicates across the tree. */
    private static final class TreeReader {

        private final String reference;
        private final Set<String> ids = new HashSet<>();

        TreeReader(String reference) {
            this.reference = reference;
        }

        List<FlowNode> chain(@Nullable JsonNode array, boolean topLevel) {
            List<FlowNode> nodes = new ArrayList<>();
            if (array == null || array.isNull()) {
                return nodes;
            }
            for (JsonNode json : array) {
                FlowNode node = node(json);
                if (node instanceof InitiatorNode && !(topLevel && nodes.isEmpty())) {
                    throw new InvalidFlowDefinitionException("flow.misplacedInitiator", reference, node.id());
                }
                nodes.add(node);
            }
            return nodes;
        }

        private FlowNode node(JsonNode json) {
            String id = claim(json.get("id").asString());
            Label name = label(json.get("name"));
            NodeType type = NodeType.fromCode(json.get("type").asString());
            return switch (type) {
                case INITIATOR -> new InitiatorNode(id, name, optionalAssignee(json.get("initiators")));
                case APPROVER -> approver(id, name, json);
                case CC -> new CcNode(id, name, assignee(json.get("assignee")));
                case GATE -> new GateNode(id, name, json.get("action").asString(), route(json.get("onFail")));
                case NOTIFY -> new NotifyNode(id, name, assignee(json.get("assignee")), label(json.get("message")));
                case DELAY -> new DelayNode(id, name, Duration.parse(json.get("duration").asString()));
                case BRANCH -> branchNode(id, name, json);
                case PARALLEL -> new ParallelNode(id, name, branches(json));
            };
        }

        private ApproverNode approver(String id, Label name, JsonNode json) {
            String mode = text(json, "mode");
            String onNoAssignee = text(json, "onNoAssignee");
            NoAssigneePolicy policy = onNoAssignee == null ? NoAssigneePolicy.BLOCK
                    : NoAssigneePolicy.fromCode(onNoAssignee);
            ApprovalMode approvalMode = mode == null ? ApprovalMode.SINGLE : ApprovalMode.fromCode(mode);
            return new ApproverNode(id, name, approvalMode,
                    approvalMode == ApprovalMode.RATIO ? json.get("passRatio").decimalValue() : null,
                    route(json.get("onReject")),
                    assignee(json.get("assignee")),
                    json.path("requiresRiskConfirmation").asBoolean(false),
                    json.path("requiresSignature").asBoolean(false),
                    policy,
                    policy == NoAssigneePolicy.FALLBACK_ROLE ? text(json, "fallbackRole") : null,
                    policy == NoAssigneePolicy.FALLBACK_USER ? text(json, "fallbackUser") : null,
                    timeLimit(json.get("timeLimit")));
        }

        private BranchNode branchNode(String id, Label name, JsonNode json) {
            List<FlowBranch> branches = branches(json);
            List<String> defaults = branches.stream().filter(FlowBranch::isDefault).map(FlowBranch::id).toList();
            if (defaults.size() != 1) {
                throw new InvalidFlowDefinitionException("flow.defaultBranchCount", reference, id,
                        defaults.isEmpty() ? "—" : String.join("、", defaults));
            }
            return new BranchNode(id, name, branches);
        }

        private List<FlowBranch> branches(JsonNode json) {
            List<FlowBranch> branches = new ArrayList<>();
            for (JsonNode branch : json.get("branches")) {
                String id = claim(branch.get("id").asString());
                JsonNode condition = branch.get("condition");
                branches.add(new FlowBranch(id, label(branch.get("name")),
                        condition == null ? null : condition(condition),
                        branch.path("default").asBoolean(false),
                        chain(branch.get("nodes"), false)));
            }
            return branches;
        }

        private String claim(String id) {
            if (id.startsWith(RESERVED_ID_PREFIX)) {
                throw new InvalidFlowDefinitionException("flow.reservedNodeId", reference, id, RESERVED_ID_PREFIX);
            }
            if (!ids.add(id)) {
                throw new InvalidFlowDefinitionException("flow.duplicateNodeId", reference, id);
            }
            return id;
        }
    }
}
