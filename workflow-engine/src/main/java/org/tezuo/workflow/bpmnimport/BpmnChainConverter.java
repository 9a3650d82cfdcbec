package org.tezuo.workflow.bpmnimport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.EventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Converts a scanned, structured BPMN process into the nodes of a flow document: user tasks in sequence become
 * approver nodes, exclusive fork and join gateways branch nodes, parallel fork and join gateways parallel nodes,
 * timer catch events delay nodes, service tasks calling a registered gate action gate nodes, and non-interrupting
 * timer boundary events on a user task its reminder and escalation. Every shape it cannot convert is a problem.
 */
final class BpmnChainConverter {

    private static final Pattern NODE_ID = Pattern.compile("^[A-Za-z][A-Za-z0-9_]{0,62}$");
    private static final Pattern DURATION = Pattern.compile("^P(?!$)(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+S)?)?$");
    private static final Pattern CYCLE = Pattern.compile("^R\\d*/(P.+)$");

    private final JsonMapper json;
    private final BpmnScan scan;
    private final Set<String> gateActions;
    private final ConditionParser conditions;
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();

    BpmnChainConverter(JsonMapper json, BpmnScan scan, Set<String> gateActions) {
        this.json = json;
        this.scan = scan;
        this.gateActions = gateActions;
        this.conditions = new ConditionParser(json);
    }

    List<ImportProblem> problems() {
        return problems;
    }

    /** Returns the flow document body of {@code process}; check {@link #problems()} afterwards. */
    ObjectNode convert(Process process, String fallbackName) {
        ObjectNode body = json.createObjectNode();
        String name = process.getName() == null || process.getName().isBlank() ? fallbackName : process.getName();
        body.set("name", json.createObjectNode().put("zh", name));
        List<StartEvent> starts = process.findFlowElementsOfType(StartEvent.class, false);
        if (starts.size() != 1) {
            problems.add(ImportProblem.of(process.getId(), "process", "import.startEvents", starts.size()));
            body.set("nodes", json.createArrayNode());
            return body;
        }
        body.set("nodes", chain(process, next(starts.getFirst()), null));
        return body;
    }

    /** Converts the path from {@code first} up to {@code stop} (a join gateway) or an end event. */
    private ArrayNode chain(Process process, @Nullable FlowNode first, @Nullable FlowNode stop) {
        ArrayNode nodes = json.createArrayNode();
        FlowNode current = first;
        while (current != null && current != stop && !(current instanceof EndEvent)) {
            switch (current) {
                case UserTask task -> {
                    nodes.add(approver(process, task));
                    current = next(task);
                }
                case ServiceTask task -> {
                    gate(task).ifPresent(nodes::add);
                    current = next(task);
                }
                case IntermediateCatchEvent event -> {
                    delay(event).ifPresent(nodes::add);
                    current = next(event);
                }
                case Gateway gateway when gateway.getOutgoingFlows().size() > 1 -> {
                    Optional<FlowNode> join = join(gateway);
                    if (join.isEmpty()) {
                        problems.add(ImportProblem.of(gateway.getId(), type(gateway), "import.noJoin"));
                        return nodes;
                    }
                    nodes.add(split(process, gateway, join.get()));
                    current = next(join.get());
                }
                case Gateway gateway -> current = next(gateway);
                default -> {
                    problems.add(ImportProblem.of(current.getId(), type(current), "import.unsupportedElement"));
                    return nodes;
                }
            }
        }
        return nodes;
    }

    private ObjectNode approver(Process process, UserTask task) {
        ObjectNode node = node(task, "approver");
        Map<String, String> vendor = scan.vendorAttributes.getOrDefault(task.getId(), Map.of());
        List<String> users = literals(task.getId(), vendor.getOrDefault("candidateUsers",
                String.join(",", task.getCandidateUsers())));
        List<String> groups = literals(task.getId(), vendor.getOrDefault("candidateGroups",
                String.join(",", task.getCandidateGroups())));
        String assignee = vendor.getOrDefault("assignee", task.getAssignee() == null ? "" : task.getAssignee());
        ObjectNode rule = json.createObjectNode();
        if (!assignee.isBlank() && task.getLoopCharacteristics() == null) {
            literals(task.getId(), assignee).stream().findFirst().ifPresent(user -> rule.put("by", "user")
                    .put("user", user));
        } else if (users.size() == 1 && groups.isEmpty()) {
            rule.put("by", "user").put("user", users.getFirst());
        } else if (!users.isEmpty() && groups.isEmpty()) {
            rule.put("by", "users").set("users", strings(users));
        } else if (groups.size() == 1 && users.isEmpty()) {
            rule.put("by", "role").put("role", groups.getFirst());
        } else if (!groups.isEmpty() && users.isEmpty()) {
            rule.put("by", "roleGroup").set("roles", strings(groups));
        }
        if (rule.isEmpty()) {
            problems.add(ImportProblem.of(task.getId(), "userTask", "import.noAssignee"));
            rule.put("by", "user").put("user", "unknown");
        }
        node.set("assignee", rule);
        if (task.getLoopCharacteristics() != null) {
            node.put("mode", task.getLoopCharacteristics().isSequential() ? "sequential" : "all");
        }
        ObjectNode limit = json.createObjectNode();
        for (BoundaryEvent boundary : process.findFlowElementsOfType(BoundaryEvent.class, false)) {
            if (task.getId().equals(boundary.getAttachedToRefId())) {
                timeLimit(boundary, limit);
            }
        }
        if (!limit.isEmpty()) {
            node.set("timeLimit", limit);
        }
        return node;
    }

    /** A reminder from the first non-interrupting timer, an escalation from the second; nothing may interrupt. */
    private void timeLimit(BoundaryEvent boundary, ObjectNode limit) {
        TimerEventDefinition timer = timer(boundary);
        if (timer == null || boundary.isCancelActivity()) {
            problems.add(ImportProblem.of(boundary.getId(), "boundaryEvent", "import.interruptingBoundary"));
            return;
        }
        if (timer.getTimeCycle() != null && CYCLE.matcher(timer.getTimeCycle()).matches()) {
            var cycle = CYCLE.matcher(timer.getTimeCycle());
            cycle.matches();
            limit.put("remindEvery", cycle.group(1));
        } else if (timer.getTimeDuration() != null && DURATION.matcher(timer.getTimeDuration()).matches()) {
            limit.put(limit.has("remindAfter") ? "escalateAfter" : "remindAfter", timer.getTimeDuration());
        } else {
            problems.add(ImportProblem.of(boundary.getId(), "boundaryEvent", "import.unsupportedTimer",
                    String.valueOf(timer.getTimeDuration() != null ? timer.getTimeDuration() : timer.getTimeCycle())));
        }
    }

    private Optional<ObjectNode> gate(ServiceTask task) {
        String action = scan.fields.getOrDefault(task.getId(), Map.of()).get("action");
        if (action == null || action.isBlank() || !gateActions.contains(action)) {
            problems.add(ImportProblem.of(task.getId(), "serviceTask", "import.unknownAction",
                    action == null ? "—" : action, String.join("、", gateActions)));
            return Optional.empty();
        }
        return Optional.of(node(task, "gate").put("action", action));
    }

    private Optional<ObjectNode> delay(IntermediateCatchEvent event) {
        TimerEventDefinition timer = timer(event);
        if (timer == null || timer.getTimeDuration() == null || !DURATION.matcher(timer.getTimeDuration()).matches()) {
            problems.add(ImportProblem.of(event.getId(), "intermediateCatchEvent", "import.unsupportedTimer",
                    timer == null ? "—" : String.valueOf(timer.getTimeDuration())));
            return Optional.empty();
        }
        return Optional.of(node(event, "delay").put("duration", timer.getTimeDuration()));
    }

    private ObjectNode split(Process process, Gateway fork, FlowNode join) {
        boolean parallel = fork instanceof ParallelGateway;
        if (parallel != join instanceof ParallelGateway) {
            problems.add(ImportProblem.of(join.getId(), type(join), "import.mismatchedJoin", fork.getId()));
        }
        ObjectNode node = node(fork, parallel ? "parallel" : "branch");
        ArrayNode branches = json.createArrayNode();
        for (SequenceFlow flow : fork.getOutgoingFlows()) {
            ObjectNode branch = json.createObjectNode();
            branch.put("id", claim(flow.getId(), flow));
            branch.set("name", json.createObjectNode().put("zh", flow.getName() == null || flow.getName().isBlank()
                    ? flow.getId() : flow.getName()));
            if (!parallel) {
                boolean isDefault = flow.getId().equals(((ExclusiveGateway) fork).getDefaultFlow());
                if (isDefault) {
                    branch.put("default", true);
                } else if (flow.getConditionExpression() == null) {
                    problems.add(ImportProblem.of(flow.getId(), "sequenceFlow", "import.missingCondition"));
                } else {
                    conditions.parse(flow.getConditionExpression()).ifPresentOrElse(
                            condition -> branch.set("condition", condition),
                            () -> problems.add(ImportProblem.of(flow.getId(), "sequenceFlow",
                                    "import.unsupportedCondition", flow.getConditionExpression())));
                }
            }
            FlowNode target = (FlowNode) process.getFlowElement(flow.getTargetRef());
            branch.set("nodes", target == join ? json.createArrayNode() : chain(process, target, join));
            branches.add(branch);
        }
        if (!parallel && ((ExclusiveGateway) fork).getDefaultFlow() == null) {
            problems.add(ImportProblem.of(fork.getId(), "exclusiveGateway", "import.noDefaultFlow"));
        }
        node.set("branches", branches);
        return node;
    }

    /** Returns the first element that every branch of {@code fork} reaches, searching breadth first. */
    private static Optional<FlowNode> join(Gateway fork) {
        List<Set<FlowNode>> reachable = new ArrayList<>();
        for (SequenceFlow flow : fork.getOutgoingFlows()) {
            reachable.add(reachable((FlowNode) flow.getTargetFlowElement()));
        }
        for (FlowNode candidate : reachable.getFirst()) {
            if (candidate instanceof Gateway && candidate.getIncomingFlows().size() > 1
                    && reachable.stream().allMatch(set -> set.contains(candidate))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Set<FlowNode> reachable(FlowNode start) {
        Set<FlowNode> seen = new LinkedHashSet<>();
        Deque<FlowNode> queue = new ArrayDeque<>(List.of(start));
        while (!queue.isEmpty()) {
            FlowNode node = queue.poll();
            if (seen.add(node)) {
                node.getOutgoingFlows().forEach(flow -> queue.add((FlowNode) flow.getTargetFlowElement()));
            }
        }
        return seen;
    }

    private @Nullable FlowNode next(FlowNode node) {
        List<SequenceFlow> outgoing = node.getOutgoingFlows();
        if (outgoing.size() != 1) {
            problems.add(ImportProblem.of(node.getId(), type(node), "import.outgoingFlows", outgoing.size()));
            return null;
        }
        return (FlowNode) outgoing.getFirst().getTargetFlowElement();
    }

    private ObjectNode node(FlowElement element, String type) {
        ObjectNode node = json.createObjectNode();
        node.put("id", claim(element.getId(), element));
        node.put("type", type);
        String name = element.getName() == null || element.getName().isBlank() ? element.getId() : element.getName();
        node.set("name", json.createObjectNode().put("zh", name));
        return node;
    }

    /** Returns a node id valid in flow documents, reporting BPMN ids that cannot be one. */
    private String claim(String id, FlowElement element) {
        if (!NODE_ID.matcher(id).matches() || id.startsWith("tz_") || !ids.add(id)) {
            problems.add(ImportProblem.of(id, type(element), "import.invalidId"));
        }
        return id;
    }

    private List<String> literals(String elementId, String list) {
        List<String> values = new ArrayList<>();
        for (String value : list.split(",")) {
            String trimmed = value.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.contains("${") || trimmed.contains("#{")) {
                problems.add(ImportProblem.of(elementId, "userTask", "import.assigneeExpression", trimmed));
                continue;
            }
            values.add(trimmed);
        }
        return values;
    }

    private ArrayNode strings(List<String> values) {
        ArrayNode array = json.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    private static @Nullable TimerEventDefinition timer(org.flowable.bpmn.model.Event event) {
        for (EventDefinition definition : event.getEventDefinitions()) {
            if (definition instanceof TimerEventDefinition timer) {
                return timer;
            }
        }
        return null;
    }

    private static String type(FlowElement element) {
        String simple = element.getClass().getSimpleName();
        return Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }
}
