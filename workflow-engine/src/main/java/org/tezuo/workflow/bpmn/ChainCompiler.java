package org.tezuo.workflow.bpmn;

import static org.tezuo.workflow.bpmn.ChainDiagram.EVENT_SIZE;
import static org.tezuo.workflow.bpmn.ChainDiagram.GATEWAY_SIZE;
import static org.tezuo.workflow.bpmn.ChainDiagram.LIMIT_TASK_HEIGHT;
import static org.tezuo.workflow.bpmn.ChainDiagram.TASK_HEIGHT;
import static org.tezuo.workflow.bpmn.ChainDiagram.TASK_WIDTH;
import static org.tezuo.workflow.bpmn.ChainSize.CONTAINER_SIDE;
import static org.tezuo.workflow.bpmn.ChainSize.CONTAINER_TOP;
import static org.tezuo.workflow.bpmn.ChainSize.GAP;
import static org.tezuo.workflow.bpmn.ChainSize.ROW_GAP;
import static org.tezuo.workflow.bpmn.ChainVariables.APPLICANT;
import static org.tezuo.workflow.bpmn.ChainVariables.APPROVED_END;
import static org.tezuo.workflow.bpmn.ChainVariables.APPROVER;
import static org.tezuo.workflow.bpmn.ChainVariables.DECISION_REJECTED;
import static org.tezuo.workflow.bpmn.ChainVariables.DECISION_RETURNED;
import static org.tezuo.workflow.bpmn.ChainVariables.OUTCOME_NOTIFIER_BEAN;
import static org.tezuo.workflow.bpmn.ChainVariables.REJECTED_END;
import static org.tezuo.workflow.bpmn.ChainVariables.RESUBMIT_TASK;
import static org.tezuo.workflow.bpmn.ChainVariables.START_EVENT;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ErrorEventDefinition;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FieldExtension;
import org.flowable.bpmn.model.FlowElementsContainer;
import org.flowable.bpmn.model.FlowableListener;
import org.flowable.bpmn.model.ImplementationType;
import org.flowable.bpmn.model.IntermediateCatchEvent;
import org.flowable.bpmn.model.MultiInstanceLoopCharacteristics;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.TerminateEventDefinition;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;
import org.jspecify.annotations.Nullable;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.workflow.WorkflowException;
import org.tezuo.workflow.definition.ApprovalMode;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.BranchNode;
import org.tezuo.workflow.definition.CcNode;
import org.tezuo.workflow.definition.DelayNode;
import org.tezuo.workflow.definition.FlowBranch;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowNode;
import org.tezuo.workflow.definition.GateNode;
import org.tezuo.workflow.definition.InitiatorNode;
import org.tezuo.workflow.definition.NotifyNode;
import org.tezuo.workflow.definition.ParallelNode;
import org.tezuo.workflow.definition.RejectRoute;
import org.tezuo.workflow.definition.TimeLimit;

/**
 * Compiles an approval chain to an executable BPMN 2.0 process with diagram interchange.
 *
 * <p>Shapes, by node type:
 * <ul>
 *   <li>initiator: no element; the start event stands for the applicant;
 *   <li>approver: a user task with the node's id, then the exclusive gateway {@link ChainVariables#gateway}
 *       routing on {@link ChainVariables#decision}. Single mode offers one task to every approver as candidates
 *       and assigns it when there is only one;
 *       the other modes run one task per approver (multi-instance, element variable {@value
 *       ChainVariables#APPROVER}) until the {@value ChainVariables#COUNTERSIGN_BEAN} bean closes the node.
 *       Time limits are non-interrupting boundary timers leading to a {@code timeLimit} action;
 *   <li>gate: a {@value ChainVariables#FLOW_ACTION_BEAN} service task, then a gateway on
 *       {@link ChainVariables#gateOutcome}, failing by default;
 *   <li>cc and notify: a service task calling the {@code cc} or {@code notify} action; delay: a timer catch event;
 *   <li>branch: an exclusive fork whose flows ask the {@value ChainVariables#CONDITION_BEAN} bean, the default
 *       branch as default flow, and an exclusive join;
 *   <li>parallel: an embedded sub-process holding a parallel fork and join. A route that leaves the sub-process
 *       (a rejection, a return to the applicant, a route to a node before it) ends the sub-process with a BPMN
 *       error that a boundary event on the sub-process catches, so the other branches' tasks are cancelled.
 * </ul>
 * A rejection reaches the rejected end, a terminate end event; a return reaches the resubmission task, which
 * leads back to the first node of the chain. The BPMN names only the platform's beans, never classes or scripts.
 */
public final class ChainCompiler {

    private static final String NAMESPACE = "https://tezuo.org/bpmn";
    private static final Locale NAME_LOCALE = UserMessages.DEFAULT_LOCALE;
    private static final double START_X = 40;
    private static final double ROW_Y = 140;
    /**
     * Category of every user task: the business key of its process instance, so a task list shows the application's
     * key without querying each task's process instance.
     */
    private static final String BUSINESS_KEY_CATEGORY = "${execution.processInstanceBusinessKey}";

    /** Returns the BPMN 2.0 XML of {@code flow}, encoded as UTF-8 when written to bytes. */
    public String compile(FlowDefinition flow) {
        return new String(new BpmnXMLConverter().convertToXML(toModel(flow)), StandardCharsets.UTF_8);
    }

    /** Builds the Flowable model of {@code flow}, diagram included. */
    public BpmnModel toModel(FlowDefinition flow) {
        return new Build(flow).run();
    }

    /** The state of one compilation. */
    private static final class Build {

        private final FlowDefinition flow;
        private final BpmnModel model = new BpmnModel();
        private final Process process = new Process();
        private final ChainDiagram diagram = new ChainDiagram(model);
        private final Set<String> flowIds = new HashSet<>();
        private int escapes;

        Build(FlowDefinition flow) {
            this.flow = flow;
        }

        BpmnModel run() {
            model.setTargetNamespace(NAMESPACE);
            process.setId(flow.key());
            process.setName(flow.name().in(NAME_LOCALE));
            process.setExecutable(true);
            model.addProcess(process);
            Scope top = new Scope(process, null, flow.nodes());

            StartEvent start = new StartEvent();
            start.setId(START_EVENT);
            start.setName(message("bpmn.start"));
            process.addFlowElement(start);
            EndEvent rejected = endEvent(REJECTED_END, message("bpmn.rejected"));
            rejected.addEventDefinition(new TerminateEventDefinition());
            rejected.getExecutionListeners().add(notifier());
            process.addFlowElement(rejected);
            EndEvent approved = endEvent(APPROVED_END, message("bpmn.approved"));
            approved.getExecutionListeners().add(notifier());
            process.addFlowElement(approved);
            process.addFlowElement(resubmitTask());

            ChainSize size = ChainSize.of(flow.nodes());
            double rowY = ROW_Y + size.above();
            diagram.place(START_EVENT, START_X, rowY, EVENT_SIZE, EVENT_SIZE);
            double chainX = START_X + EVENT_SIZE + GAP;
            @Nullable Fragment chain = chain(top, flow.nodes(), chainX, rowY);
            double endX = chain == null ? chainX : chainX + size.width() + GAP;
            diagram.place(APPROVED_END, endX, rowY, EVENT_SIZE, EVENT_SIZE);
            String first = chain == null ? APPROVED_END : chain.entry();
            connect(top, START_EVENT, first);
            if (chain != null) {
                connect(top, chain, APPROVED_END);
            }

            diagram.place(REJECTED_END, endX, diagram.rejectLaneY(), EVENT_SIZE, EVENT_SIZE);
            diagram.place(RESUBMIT_TASK, chainX, diagram.returnLaneY(), TASK_WIDTH, TASK_HEIGHT);
            SequenceFlow again = sequenceFlow(process, RESUBMIT_TASK, first, message("bpmn.flow.resubmit"), null);
            diagram.resubmit(again.getId(), RESUBMIT_TASK, first, (START_X + EVENT_SIZE + chainX) / 2);
            diagram.routeEdges();
            return model;
        }

        /** Compiles and places a chain on the row {@code rowY}; returns null when it has no element. */
        private @Nullable Fragment chain(Scope scope, List<FlowNode> nodes, double x, double rowY) {
            @Nullable Fragment whole = null;
            double cursor = x;
            for (FlowNode node : nodes) {
                ChainSize size = ChainSize.of(node);
                if (size.width() == 0) {
                    continue;
                }
                Fragment fragment = node(scope, node, cursor, rowY);
                if (whole == null) {
                    whole = fragment;
                } else {
                    connect(scope, whole, fragment.entry());
                    whole = new Fragment(whole.entry(), fragment.exit(), fragment.onwardName(),
                            fragment.onwardCondition());
                }
                cursor += size.width() + GAP;
            }
            return whole;
        }

        private Fragment node(Scope scope, FlowNode node, double x, double rowY) {
            return switch (node) {
                case ApproverNode approver -> approver(scope, approver, x, rowY);
                case GateNode gate -> gate(scope, gate, x, rowY);
                case CcNode cc -> actionTask(scope, cc, "cc", x, rowY);
                case NotifyNode notify -> actionTask(scope, notify, "notify", x, rowY);
                case DelayNode delay -> delay(scope, delay, x, rowY);
                case BranchNode branch -> branch(scope, branch, x, rowY);
                case ParallelNode parallel -> parallel(scope, parallel, x, rowY);
                case InitiatorNode initiator -> throw new IllegalStateException("The initiator has no element");
            };
        }

        private Fragment approver(Scope scope, ApproverNode node, double x, double rowY) {
            UserTask task = new UserTask();
            task.setId(node.id());
            task.setName(node.name().in(NAME_LOCALE));
            task.setFormKey(flow.form());
            task.setCategory(BUSINESS_KEY_CATEGORY);
            String list = ChainVariables.approvers(node.id());
            String approvers = "${" + list + "}";
            if (node.mode() == ApprovalMode.SINGLE) {
                // A task for exactly one approver is assigned at once, so approving it needs no claim first.
                task.setCandidateUsers(List.of(approvers));
                task.setAssignee("${" + list + ".size() == 1 ? " + list + "[0] : null}");
            } else {
                MultiInstanceLoopCharacteristics loop = new MultiInstanceLoopCharacteristics();
                loop.setSequential(node.mode() == ApprovalMode.SEQUENTIAL);
                loop.setInputDataItem(approvers);
                loop.setElementVariable(APPROVER);
                loop.setCompletionCondition("${" + ChainVariables.COUNTERSIGN_BEAN + ".completes(execution, '"
                        + node.id() + "')}");
                task.setLoopCharacteristics(loop);
                task.setAssignee("${" + APPROVER + "}");
            }
            scope.container.addFlowElement(task);
            diagram.place(task.getId(), x, rowY, TASK_WIDTH, TASK_HEIGHT);

            ExclusiveGateway gateway = gateway(scope, ChainVariables.gateway(node.id()),
                    message("bpmn.gateway", node.name().in(NAME_LOCALE)), x + TASK_WIDTH + GAP, rowY);
            connect(scope, task.getId(), gateway.getId());
            route(scope, gateway.getId(), node.onReject(), message("bpmn.flow.reject"),
                    decisionIs(node.id(), DECISION_REJECTED));
            route(scope, gateway.getId(), RejectRoute.APPLICANT, message("bpmn.flow.return"),
                    decisionIs(node.id(), DECISION_RETURNED));
            if (node.timeLimit() != null) {
                timeLimit(scope, task, node.timeLimit());
            }
            return new Fragment(task.getId(), gateway.getId(), message("bpmn.flow.approve"), null);
        }

        /** Adds a reminder and an escalation path below the task; neither completes it. */
        private void timeLimit(Scope scope, UserTask task, TimeLimit limit) {
            double taskBottom = diagram.shape(task.getId()).getY() + TASK_HEIGHT;
            if (limit.remindAfter() != null || limit.remindEvery() != null) {
                TimerEventDefinition timer = new TimerEventDefinition();
                if (limit.remindEvery() == null) {
                    timer.setTimeDuration(limit.remindAfter().toString());
                } else if (limit.remindAfter() == null) {
                    timer.setTimeCycle("R/" + limit.remindEvery());
                } else {
                    // The first reminder comes after remindAfter, later ones every remindEvery: a cycle starting at
                    // entry + remindAfter, computed on the engine clock when the node is reached.
                    timer.setTimeCycle("R/${" + ChainVariables.TIMER_DATES_BEAN + ".after('" + limit.remindAfter()
                            + "')}/" + limit.remindEvery());
                }
                limitPath(scope, task, "remind", timer, taskBottom);
            }
            if (limit.escalateAfter() != null) {
                TimerEventDefinition timer = new TimerEventDefinition();
                timer.setTimeDuration(limit.escalateAfter().toString());
                limitPath(scope, task, "escalate", timer, taskBottom);
            }
        }

        private void limitPath(Scope scope, UserTask task, String kind, TimerEventDefinition timer,
                double taskBottom) {
            String nodeId = task.getId();
            BoundaryEvent boundary = new BoundaryEvent();
            boundary.setId("tz_" + kind + "Timer_" + nodeId);
            boundary.setName(message("bpmn.limit." + kind));
            boundary.setAttachedToRef(task);
            boundary.setAttachedToRefId(nodeId);
            boundary.setCancelActivity(false);
            boundary.addEventDefinition(timer);
            task.getBoundaryEvents().add(boundary);
            scope.container.addFlowElement(boundary);
            double boundaryX = kind.equals("remind") ? 12 : TASK_WIDTH - 12 - EVENT_SIZE;
            diagram.placeOnBottomEdge(boundary.getId(), nodeId, boundaryX);

            ServiceTask action = serviceTask("tz_" + kind + "_" + nodeId, message("bpmn.limit." + kind), "timeLimit",
                    nodeId, kind);
            scope.container.addFlowElement(action);
            // The reminder path hangs below the task, the escalation path below the decision gateway beside it.
            double centreX = kind.equals("remind") ? diagram.shape(boundary.getId()).getX() + EVENT_SIZE / 2
                    : diagram.shape(nodeId).getX() + TASK_WIDTH + GAP + GATEWAY_SIZE / 2;
            double taskWidth = 80;
            diagram.place(action.getId(), centreX - taskWidth / 2, taskBottom + 50 + LIMIT_TASK_HEIGHT / 2,
                    taskWidth, LIMIT_TASK_HEIGHT);
            EndEvent end = endEvent("tz_" + kind + "End_" + nodeId, null);
            scope.container.addFlowElement(end);
            diagram.place(end.getId(), centreX - EVENT_SIZE / 2,
                    taskBottom + 50 + LIMIT_TASK_HEIGHT + 30 + EVENT_SIZE / 2, EVENT_SIZE, EVENT_SIZE);
            diagram.down(sequenceFlow(scope.container, boundary.getId(), action.getId(), null, null).getId(),
                    boundary.getId(), action.getId());
            diagram.down(sequenceFlow(scope.container, action.getId(), end.getId(), null, null).getId(),
                    action.getId(), end.getId());
        }

        private Fragment gate(Scope scope, GateNode node, double x, double rowY) {
            ServiceTask task = serviceTask(node.id(), node.name().in(NAME_LOCALE), node.action(), node.id(), null);
            scope.container.addFlowElement(task);
            diagram.place(task.getId(), x, rowY, TASK_WIDTH, TASK_HEIGHT);
            ExclusiveGateway gateway = gateway(scope, ChainVariables.gateway(node.id()),
                    message("bpmn.gateResult", node.name().in(NAME_LOCALE)), x + TASK_WIDTH + GAP, rowY);
            connect(scope, task.getId(), gateway.getId());
            SequenceFlow failed = route(scope, gateway.getId(), node.onFail(), message("bpmn.flow.gateFailed"), null);
            gateway.setDefaultFlow(failed.getId());
            String passed = "${execution.getVariable('" + ChainVariables.gateOutcome(node.id()) + "') == '"
                    + ChainVariables.GATE_PASSED + "'}";
            return new Fragment(task.getId(), gateway.getId(), message("bpmn.flow.gatePassed"), passed);
        }

        private Fragment actionTask(Scope scope, FlowNode node, String action, double x, double rowY) {
            ServiceTask task = serviceTask(node.id(), node.name().in(NAME_LOCALE), action, node.id(), null);
            scope.container.addFlowElement(task);
            diagram.place(task.getId(), x, rowY, TASK_WIDTH, TASK_HEIGHT);
            return new Fragment(task.getId(), task.getId());
        }

        private Fragment delay(Scope scope, DelayNode node, double x, double rowY) {
            IntermediateCatchEvent event = new IntermediateCatchEvent();
            event.setId(node.id());
            event.setName(node.name().in(NAME_LOCALE));
            TimerEventDefinition timer = new TimerEventDefinition();
            timer.setTimeDuration(node.duration().toString());
            event.addEventDefinition(timer);
            scope.container.addFlowElement(event);
            diagram.place(event.getId(), x, rowY, EVENT_SIZE, EVENT_SIZE);
            return new Fragment(event.getId(), event.getId());
        }

        private Fragment branch(Scope scope, BranchNode node, double x, double rowY) {
            ChainSize size = ChainSize.branches(node.branches());
            ExclusiveGateway fork = gateway(scope, node.id(), node.name().in(NAME_LOCALE), x, rowY);
            ExclusiveGateway join = gateway(scope, ChainVariables.join(node.id()), null,
                    x + size.width() - GATEWAY_SIZE, rowY);
            forkBranches(scope, fork.getId(), join.getId(), node.branches(), x + GATEWAY_SIZE + GAP, rowY, true);
            return new Fragment(fork.getId(), join.getId());
        }

        private Fragment parallel(Scope scope, ParallelNode node, double x, double rowY) {
            ChainSize size = ChainSize.of(node);
            SubProcess sub = new SubProcess();
            sub.setId(node.id());
            sub.setName(node.name().in(NAME_LOCALE));
            scope.container.addFlowElement(sub);
            double top = rowY - size.above();
            diagram.placeContainer(sub.getId(), x, top, size.width(), size.above() + size.below());
            Scope inner = new Scope(sub, scope, node.branches().stream().flatMap(b -> b.nodes().stream()).toList());
            inner.escapeRowY = top + CONTAINER_TOP / 2;
            inner.escapeRight = x + size.width() - CONTAINER_SIDE;

            StartEvent start = new StartEvent();
            start.setId(ChainVariables.start(node.id()));
            sub.addFlowElement(start);
            double innerX = x + CONTAINER_SIDE;
            diagram.place(start.getId(), innerX, rowY, EVENT_SIZE, EVENT_SIZE);
            ChainSize branches = ChainSize.branches(node.branches());
            double forkX = innerX + EVENT_SIZE + GAP;
            ParallelGateway fork = parallelGateway(inner, ChainVariables.fork(node.id()), forkX, rowY);
            ParallelGateway join = parallelGateway(inner, ChainVariables.join(node.id()),
                    forkX + branches.width() - GATEWAY_SIZE, rowY);
            EndEvent end = endEvent(ChainVariables.end(node.id()), null);
            sub.addFlowElement(end);
            diagram.place(end.getId(), forkX + branches.width() + GAP, rowY, EVENT_SIZE, EVENT_SIZE);
            connect(inner, start.getId(), fork.getId());
            forkBranches(inner, fork.getId(), join.getId(), node.branches(), forkX + GATEWAY_SIZE + GAP, rowY, false);
            connect(inner, join.getId(), end.getId());

            catchEscapes(scope, inner, sub);
            return new Fragment(sub.getId(), sub.getId());
        }

        private void forkBranches(Scope scope, String forkId, String joinId, List<FlowBranch> branches,
                double x, double rowY, boolean conditional) {
            double branchRow = rowY;
            for (int i = 0; i < branches.size(); i++) {
                FlowBranch branch = branches.get(i);
                ChainSize size = ChainSize.of(branch.nodes());
                if (i > 0) {
                    branchRow += ROW_GAP + size.above();
                }
                @Nullable Fragment chain = chain(scope, branch.nodes(), x, branchRow);
                String condition = !conditional || branch.isDefault() ? null
                        : "${" + ChainVariables.CONDITION_BEAN + ".matches(execution, '" + branch.id() + "')}";
                String name = branch.name().in(NAME_LOCALE);
                SequenceFlow into = sequenceFlow(scope.container, ChainVariables.branchFlow(branch.id()), forkId,
                        chain == null ? joinId : chain.entry(), name, condition);
                diagram.forward(into.getId(), forkId, into.getTargetRef());
                if (conditional && branch.isDefault()) {
                    ((ExclusiveGateway) scope.container.getFlowElement(forkId)).setDefaultFlow(into.getId());
                }
                if (chain != null) {
                    connect(scope, chain, joinId);
                }
                branchRow += size.below();
            }
        }

        /**
         * Connects {@code gatewayId} to where {@code route} leads. From inside a sub-process, a target outside it
         * is reached through an error end event of the sub-process and a boundary event on it.
         */
        private SequenceFlow route(Scope scope, String gatewayId, RejectRoute route, String name,
                @Nullable String condition) {
            String key = route.to() == RejectRoute.Target.NODE ? "node:" + route.node() : route.to().code();
            if (scope.parent != null && !scope.owns(route)) {
                String escape = scope.escapeFor(key, this);
                SequenceFlow flow = sequenceFlow(scope.container, gatewayId, escape, name, condition);
                diagram.alongRow(flow.getId(), gatewayId, escape, scope.escapeRowY);
                return flow;
            }
            String target = switch (route.to()) {
                case END -> REJECTED_END;
                case APPLICANT -> RESUBMIT_TASK;
                case NODE -> route.node();
            };
            SequenceFlow flow = sequenceFlow(scope.container, gatewayId, target, name, condition);
            switch (route.to()) {
                case END -> diagram.toRejectLane(flow.getId(), gatewayId, target);
                case APPLICANT -> diagram.toReturnLane(flow.getId(), gatewayId, target);
                case NODE -> diagram.back(flow.getId(), gatewayId, target);
            }
            return flow;
        }

        /** Adds one error boundary event on {@code sub} per route that leaves it, and routes it in {@code outer}. */
        private void catchEscapes(Scope outer, Scope inner, SubProcess sub) {
            int index = 0;
            for (Map.Entry<String, Escape> entry : inner.escapes.entrySet()) {
                Escape escape = entry.getValue();
                BoundaryEvent boundary = new BoundaryEvent();
                boundary.setId("tz_catch_" + escape.errorCode().substring("tz_error_".length()));
                boundary.setAttachedToRef(sub);
                boundary.setAttachedToRefId(sub.getId());
                boundary.setCancelActivity(true);
                ErrorEventDefinition error = new ErrorEventDefinition();
                error.setErrorCode(escape.errorCode());
                boundary.addEventDefinition(error);
                sub.getBoundaryEvents().add(boundary);
                outer.container.addFlowElement(boundary);
                double offset = diagram.shape(sub.getId()).getWidth() - 60 - 50 * index++;
                if (escape.route().to() == RejectRoute.Target.END) {
                    diagram.placeOnTopEdge(boundary.getId(), sub.getId(), offset);
                } else {
                    diagram.placeOnBottomEdge(boundary.getId(), sub.getId(), offset);
                }
                route(outer, boundary.getId(), escape.route(), escape.name(), null);
            }
        }

        private String newEscape(Scope scope, RejectRoute route) {
            int number = ++escapes;
            String code = "tz_error_" + number;
            model.addError(code, code);
            EndEvent end = endEvent("tz_escape_" + number, message("bpmn.escape." + route.to().code()));
            ErrorEventDefinition error = new ErrorEventDefinition();
            error.setErrorCode(code);
            end.addEventDefinition(error);
            scope.container.addFlowElement(end);
            scope.escapeRight -= EVENT_SIZE + 20;
            diagram.place(end.getId(), scope.escapeRight + 20, scope.escapeRowY, EVENT_SIZE, EVENT_SIZE);
            scope.escapes.put(end.getId(), new Escape(code, route, message("bpmn.escape." + route.to().code())));
            return end.getId();
        }

        private ExclusiveGateway gateway(Scope scope, String id, @Nullable String name, double x, double rowY) {
            ExclusiveGateway gateway = new ExclusiveGateway();
            gateway.setId(id);
            gateway.setName(name);
            scope.container.addFlowElement(gateway);
            diagram.place(id, x, rowY, GATEWAY_SIZE, GATEWAY_SIZE);
            return gateway;
        }

        private ParallelGateway parallelGateway(Scope scope, String id, double x, double rowY) {
            ParallelGateway gateway = new ParallelGateway();
            gateway.setId(id);
            scope.container.addFlowElement(gateway);
            diagram.place(id, x, rowY, GATEWAY_SIZE, GATEWAY_SIZE);
            return gateway;
        }

        /**
         * Connects the exit of {@code from} to the next element with the fragment's onward flow. An approver's
         * onward flow is its decision gateway's default flow; a gate's is conditional, because its default flow
         * is the failure route.
         */
        private void connect(Scope scope, Fragment from, String targetId) {
            SequenceFlow flow = sequenceFlow(scope.container, from.exit(), targetId, from.onwardName(),
                    from.onwardCondition());
            diagram.forward(flow.getId(), from.exit(), targetId);
            if (from.onwardName() != null && from.onwardCondition() == null
                    && scope.container.getFlowElement(from.exit()) instanceof ExclusiveGateway gateway) {
                gateway.setDefaultFlow(flow.getId());
            }
        }

        private void connect(Scope scope, String sourceId, String targetId) {
            connect(scope, new Fragment(sourceId, sourceId), targetId);
        }

        private SequenceFlow sequenceFlow(FlowElementsContainer container, String sourceId, String targetId,
                @Nullable String name, @Nullable String condition) {
            String base = "tz_flow_" + sourceId + "_to_" + targetId;
            return sequenceFlow(container, base, sourceId, targetId, name, condition);
        }

        private SequenceFlow sequenceFlow(FlowElementsContainer container, String id, String sourceId,
                String targetId, @Nullable String name, @Nullable String condition) {
            String unique = id;
            for (int i = 2; !flowIds.add(unique); i++) {
                unique = id + "_" + i;
            }
            SequenceFlow flow = new SequenceFlow(sourceId, targetId);
            flow.setId(unique);
            flow.setName(name);
            flow.setConditionExpression(condition);
            container.addFlowElement(flow);
            return flow;
        }

        private UserTask resubmitTask() {
            UserTask task = new UserTask();
            task.setId(RESUBMIT_TASK);
            task.setCategory(BUSINESS_KEY_CATEGORY);
            task.setName(message("bpmn.resubmit"));
            task.setFormKey(flow.form());
            task.setAssignee("${" + APPLICANT + "}");
            task.getExecutionListeners().add(notifier());
            return task;
        }
    }

    /** The container that elements are added to: the process or the sub-process of a parallel node. */
    private static final class Scope {

        final FlowElementsContainer container;
        final @Nullable Scope parent;
        final Set<String> nodeIds = new HashSet<>();
        final Map<String, Escape> escapes = new LinkedHashMap<>();
        private final Map<String, String> escapeByRoute = new LinkedHashMap<>();
        double escapeRowY;
        double escapeRight;

        Scope(FlowElementsContainer container, @Nullable Scope parent, List<FlowNode> nodes) {
            this.container = container;
            this.parent = parent;
            collect(nodes);
        }

        /** Returns whether a route can be drawn inside this scope, without leaving it. */
        boolean owns(RejectRoute route) {
            return route.to() == RejectRoute.Target.NODE && nodeIds.contains(route.node());
        }

        String escapeFor(String key, Build build) {
            return escapeByRoute.computeIfAbsent(key, k -> build.newEscape(this, routeOf(k)));
        }

        private static RejectRoute routeOf(String key) {
            if (key.startsWith("node:")) {
                return new RejectRoute(RejectRoute.Target.NODE, key.substring("node:".length()));
            }
            return key.equals("end") ? RejectRoute.END : RejectRoute.APPLICANT;
        }

        /** Collects the nodes whose elements live in this container: nested branches count, nested parallels not. */
        private void collect(List<FlowNode> nodes) {
            for (FlowNode node : nodes) {
                nodeIds.add(node.id());
                if (node instanceof BranchNode branch) {
                    branch.branches().forEach(b -> collect(b.nodes()));
                }
            }
        }
    }

    private record Escape(String errorCode, RejectRoute route, String name) {
    }

    /**
     * The compiled elements of a node or chain: where flows enter, where they leave, and the name and condition of
     * the flow that leaves onwards.
     */
    private record Fragment(String entry, String exit, @Nullable String onwardName,
            @Nullable String onwardCondition) {

        Fragment(String entry, String exit) {
            this(entry, exit, null, null);
        }
    }

    private static ServiceTask serviceTask(String id, String name, String action, String nodeId,
            @Nullable String argument) {
        ServiceTask task = new ServiceTask();
        task.setId(id);
        task.setName(name);
        task.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
        task.setImplementation("${" + ChainVariables.FLOW_ACTION_BEAN + "}");
        task.getFieldExtensions().add(field("action", action));
        task.getFieldExtensions().add(field("node", nodeId));
        if (argument != null) {
            task.getFieldExtensions().add(field("argument", argument));
        }
        return task;
    }

    private static FieldExtension field(String name, String value) {
        FieldExtension field = new FieldExtension();
        field.setFieldName(name);
        field.setStringValue(value);
        return field;
    }

    private static EndEvent endEvent(String id, @Nullable String name) {
        EndEvent end = new EndEvent();
        end.setId(id);
        end.setName(name);
        return end;
    }

    private static FlowableListener notifier() {
        FlowableListener listener = new FlowableListener();
        listener.setEvent("start");
        listener.setImplementationType(ImplementationType.IMPLEMENTATION_TYPE_DELEGATEEXPRESSION);
        listener.setImplementation("${" + OUTCOME_NOTIFIER_BEAN + "}");
        return listener;
    }

    private static String decisionIs(String nodeId, String decision) {
        return "${execution.getVariable('" + ChainVariables.decision(nodeId) + "') == '" + decision + "'}";
    }

    private static String message(String key, Object... arguments) {
        return UserMessages.render(WorkflowException.BUNDLE, NAME_LOCALE, key, arguments);
    }
}
