package org.tezuo.workflow.operation;

import java.util.List;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.workflow.action.FlowAction;
import org.tezuo.workflow.action.FlowActionContext;
import org.tezuo.workflow.action.FlowActionResult;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.AssigneeSpec;
import org.tezuo.workflow.definition.TimeLimit;

/**
 * The flow action {@code timeLimit} that boundary timers of approver steps call, with the argument {@code remind}
 * or {@code escalate}. A reminder notifies the open approvers. Escalation notifies the node's escalation target
 * and offers them the open tasks; on a safety sign-off it also suspends the application. A time-out never
 * approves or completes anything.
 */
@Component
class TimeLimitAction implements FlowAction {

    static final String CODE = "timeLimit";
    static final String REMIND = "remind";
    static final String ESCALATE = "escalate";
    private static final Logger log = LoggerFactory.getLogger(TimeLimitAction.class);

    private final RunningInstances instances;
    private final Recipients recipients;
    private final ApprovalNotices notices;
    private final OperationLog history;
    private final ApprovalSuspensions suspensions;
    private final OutcomeEvents events;
    private final TaskService taskService;

    TimeLimitAction(RunningInstances instances, Recipients recipients, ApprovalNotices notices, OperationLog history,
            ApprovalSuspensions suspensions, OutcomeEvents events, TaskService taskService) {
        this.instances = instances;
        this.recipients = recipients;
        this.notices = notices;
        this.history = history;
        this.suspensions = suspensions;
        this.events = events;
        this.taskService = taskService;
    }

    @Override
    public String code() {
        return CODE;
    }

    @Override
    public FlowActionResult execute(FlowActionContext context) {
        if (!(context.node() instanceof ApproverNode node)) {
            throw new IllegalStateException("Time limit of " + context.flow().reference() + " names node '"
                    + context.node().id() + "', which is no approver node");
        }
        InstanceRef instance = new InstanceRef(context.tenantId(), context.processInstanceId(), context.businessKey(),
                context.flow(), context.applicant(), context.formData());
        List<Task> open = instances.openTasks(context.processInstanceId(), node.id());
        if (open.isEmpty()) {
            log.debug("Time limit {} of node {} of approval {} found no open task", context.argument(), node.id(),
                    context.processInstanceId());
            return FlowActionResult.pass();
        }
        String argument = String.valueOf(context.argument());
        switch (argument) {
            case REMIND -> remind(instance, node, open);
            case ESCALATE -> escalate(instance, node, open);
            default -> throw new IllegalStateException("Time limit of node '" + node.id() + "' has the argument '"
                    + argument + "'; expected " + REMIND + " or " + ESCALATE);
        }
        return FlowActionResult.pass();
    }

    private void remind(InstanceRef instance, ApproverNode node, List<Task> open) {
        List<String> approvers = instances.peopleOf(open);
        notices.send(instance, ApprovalNoticeKind.REMINDED, approvers, OperationMessages.zh("operation.notice.reminded",
                notices.label(instance), node.name().zh()), null, ApprovalNotices.TASKS_PAGE);
        history.append(new OperationLog.NewEntry(instance, null, node.id(), node.name().zh(), AuditLog.SYSTEM_ACTOR,
                Operation.REMINDED, String.join(",", approvers), null, List.of(), null));
        log.info("Reminded {} of node {} of approval {}", approvers, node.id(), instance.processInstanceId());
    }

    private void escalate(InstanceRef instance, ApproverNode node, List<Task> open) {
        AssigneeSpec rule = node.limit().flatMap(TimeLimit::escalationTarget).orElseGet(Recipients::defaultEscalation);
        List<String> targets = recipients.resolve(instance, rule);
        // NOTE: candidate users only reach unassigned tasks. The assigned tasks of a countersign stay with their
        // approvers, so there the escalation target can resume the application but cannot decide in their place.
        for (Task task : open) {
            for (String target : targets) {
                taskService.addCandidateUser(task.getId(), target);
            }
        }
        String names = targets.isEmpty() ? OperationMessages.zh("operation.nobody") : notices.names(instance, targets);
        notices.send(instance, ApprovalNoticeKind.ESCALATED, targets, OperationMessages.zh("operation.notice.escalated",
                notices.label(instance), node.name().zh()), null, ApprovalNotices.TASKS_PAGE);

        if (instance.flow().safetySignOff()) {
            suspensions.suspend(instance, node.id(), targets);
            String comment = OperationMessages.zh("operation.history.suspended", names);
            history.append(new OperationLog.NewEntry(instance, null, node.id(), node.name().zh(),
                    AuditLog.SYSTEM_ACTOR, Operation.SUSPENDED, String.join(",", targets), comment, List.of(), null));
            events.suspended(instance, AuditLog.SYSTEM_ACTOR, comment);
            log.warn("Time-out at node {} of safety sign-off {} ({}): suspended and escalated to {}", node.id(),
                    instance.processInstanceId(), instance.businessKey(), targets);
        } else {
            String comment = OperationMessages.zh("operation.history.escalated", names);
            history.append(new OperationLog.NewEntry(instance, null, node.id(), node.name().zh(),
                    AuditLog.SYSTEM_ACTOR, Operation.ESCALATED, String.join(",", targets), comment, List.of(), null));
            log.info("Time-out at node {} of approval {}: escalated to {}", node.id(), instance.processInstanceId(),
                    targets);
        }
    }
}
