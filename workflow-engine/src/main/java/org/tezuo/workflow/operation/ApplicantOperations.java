package org.tezuo.workflow.operation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.RuntimeService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.workflow.definition.FlowDefinition;

/** Operations the applicant takes on their own running application: withdraw (撤回) and urge (催办). */
@Component
public class ApplicantOperations {

    /** Reason Flowable stores on a withdrawn process instance. */
    public static final String WITHDRAWN_REASON = "withdrawn";
    private static final Logger log = LoggerFactory.getLogger(ApplicantOperations.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final RunningInstances instances;
    private final OperationLog history;
    private final AddedSigners signers;
    private final OutcomeEvents events;
    private final ApprovalNotices notices;
    private final RuntimeService runtime;
    private final Clock clock;
    private final TenantDirectory tenants;
    private final Duration urgeInterval;

    ApplicantOperations(RunningInstances instances, OperationLog history, AddedSigners signers, OutcomeEvents events,
            ApprovalNotices notices, RuntimeService runtime, Clock clock, TenantDirectory tenants,
            @Value("${tezuo.workflow.urge-interval:PT30M}") Duration urgeInterval) {
        this.instances = instances;
        this.history = history;
        this.signers = signers;
        this.events = events;
        this.notices = notices;
        this.runtime = runtime;
        this.clock = clock;
        this.tenants = tenants;
        this.urgeInterval = urgeInterval;
    }

    /**
     * Withdraws the application, which ends it as withdrawn and notifies every {@code FlowOutcomeListener}. Allowed
     * only to the applicant, only when the flow permits withdrawal, and only before anyone approved.
     */
    @Transactional
    public HistoryEntry withdraw(long tenantId, String processInstanceId, String applicant,
            @Nullable String comment) {
        InstanceRef instance = requireApplicant(tenantId, processInstanceId, applicant);
        if (instance.flow().withdrawal() == FlowDefinition.Withdrawal.NEVER) {
            throw OperationException.withdrawalNotAllowed(instance.businessKey());
        }
        List<String> approvers = history.actorsOf(tenantId, processInstanceId, Operation.APPROVED);
        if (!approvers.isEmpty()) {
            throw OperationException.alreadyApproved(instance.businessKey(),
                    notices.names(instance, approvers.stream().distinct().toList()));
        }

        String reason = ApprovalSuspensions.blankToNull(comment);
        HistoryEntry entry = history.append(new OperationLog.NewEntry(instance, null, "", "", applicant,
                Operation.WITHDRAWN, null, reason, List.of(), null));
        signers.cancelAll(tenantId, processInstanceId, WITHDRAWN_REASON);
        events.withdrawn(instance, applicant, reason);
        runtime.deleteProcessInstance(processInstanceId, WITHDRAWN_REASON);
        log.info("Approval {} ({}) of tenant {} withdrawn by {}", processInstanceId, instance.businessKey(), tenantId,
                applicant);
        return entry;
    }

    /**
     * Sends a reminder (催办) to the approvers of every open task of the application. Allowed to the applicant at
     * most once per {@code tezuo.workflow.urge-interval} (default 30 minutes) per application.
     */
    @Transactional
    public HistoryEntry urge(long tenantId, String processInstanceId, String applicant, @Nullable String comment) {
        InstanceRef instance = requireApplicant(tenantId, processInstanceId, applicant);
        Instant now = clock.instant();
        Optional<Instant> last = history.lastTime(tenantId, processInstanceId, Operation.URGED);
        if (last.isPresent() && last.get().plus(urgeInterval).isAfter(now)) {
            String next = TIME.format(last.get().plus(urgeInterval).atZone(tenants.require(tenantId).zone()));
            throw OperationException.urgedTooSoon(instance.businessKey(), urgeInterval.toMinutes(), next);
        }
        List<String> approvers = instances.peopleOf(instances.openTasks(processInstanceId));
        if (approvers.isEmpty()) {
            throw OperationException.noOpenTask(instance.businessKey());
        }

        String reason = ApprovalSuspensions.blankToNull(comment);
        notices.send(instance, ApprovalNoticeKind.URGED, approvers, OperationMessages.zh("operation.notice.urged",
                notices.name(instance, applicant), notices.label(instance), instance.flow().name().zh(),
                reason == null ? "" : reason), applicant, ApprovalNotices.TASKS_PAGE);
        return history.append(new OperationLog.NewEntry(instance, null, "", "", applicant, Operation.URGED,
                String.join(",", approvers), reason, List.of(), null));
    }

    private InstanceRef requireApplicant(long tenantId, String processInstanceId, String user) {
        InstanceRef instance = instances.require(tenantId, processInstanceId);
        if (!user.equals(instance.applicant())) {
            throw OperationException.notApplicant(user, instance.businessKey());
        }
        return instance;
    }
}
