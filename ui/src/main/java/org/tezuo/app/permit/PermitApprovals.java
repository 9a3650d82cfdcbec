package org.tezuo.app.permit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.app.api.NotFoundException;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.workflow.approval.ApprovalDecider;
import org.tezuo.workflow.approval.ApprovalHistory;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalRecord;
import org.tezuo.workflow.approval.ApprovalTask;
import org.tezuo.workflow.approval.Decision;
import org.tezuo.workflow.operation.ApprovalOperations;
import org.tezuo.workflow.operation.Evidence;
import org.tezuo.workflow.operation.HistoryEntry;

/**
 * Approver operations on permit tasks: listing them, re-confirming each risk item, then approving, rejecting or
 * returning the permit to the applicant. Every operation is audited.
 */
@Component
public class PermitApprovals {

    private final ApprovalInbox inbox;
    private final ApprovalDecider decider;
    private final ApprovalOperations operations;
    private final ApprovalHistory history;
    private final PermitStore permits;
    private final AuditLog audit;
    private final RiskEvidenceSealer sealer;
    private final MeasureProofCheck measureProofs;

    PermitApprovals(ApprovalInbox inbox, ApprovalDecider decider, ApprovalOperations operations,
            ApprovalHistory history, PermitStore permits, AuditLog audit, RiskEvidenceSealer sealer,
            MeasureProofCheck measureProofs) {
        this.inbox = inbox;
        this.decider = decider;
        this.operations = operations;
        this.history = history;
        this.permits = permits;
        this.audit = audit;
        this.sealer = sealer;
        this.measureProofs = measureProofs;
    }

    /** A task of the actor with the permit it is about. */
    public record PermitTask(ApprovalTask task, Permit permit) {
    }

    /**
     * The actor's confirmation of one risk item.
     *
     * @param evidenceIds evidence of the permit that the confirmation seals to the item, possibly none
     */
    public record ItemConfirmation(String itemCode, RiskConfirmationDecision decision, @Nullable String note,
            List<Long> evidenceIds) {

        public ItemConfirmation {
            evidenceIds = List.copyOf(evidenceIds);
        }

        /** Creates a confirmation that seals no evidence. */
        public ItemConfirmation(String itemCode, RiskConfirmationDecision decision, @Nullable String note) {
            this(itemCode, decision, note, List.of());
        }
    }

    /** Returns the actor's open permit tasks, newest first. */
    public List<PermitTask> tasks(Actor actor) {
        List<ApprovalTask> open = inbox.tasks(actor.tenantId(), actor.username()).stream()
                .filter(task -> PermitSubmitter.permitIdOf(task.businessKey()) >= 0)
                .toList();
        Map<Long, Permit> byId = permits.findAll(actor.tenantId(), open.stream()
                .map(task -> PermitSubmitter.permitIdOf(task.businessKey()))
                .toList());
        return open.stream()
                .filter(task -> byId.containsKey(PermitSubmitter.permitIdOf(task.businessKey())))
                .map(task -> new PermitTask(task, byId.get(PermitSubmitter.permitIdOf(task.businessKey()))))
                .sorted((a, b) -> b.task().createdAt().compareTo(a.task().createdAt()))
                .toList();
    }

    /** Returns one open task of the actor; another user's or another tenant's task is not found. */
    public PermitTask task(Actor actor, String taskId) {
        return inbox.task(actor.tenantId(), actor.username(), taskId)
                .filter(task -> PermitSubmitter.permitIdOf(task.businessKey()) >= 0)
                .flatMap(task -> permits.find(actor.tenantId(), PermitSubmitter.permitIdOf(task.businessKey()))
                        .map(permit -> new PermitTask(task, permit)))
                .orElseThrow(() -> new NotFoundException("待办任务", taskId));
    }

    /**
     * Records the actor's confirmations on a task and seals the evidence each cites; each item code must be one
     * of the permit's risk items, and an item verified on site must have no proving measure answered 否
     * ({@link MeasureProofCheck}). A refused request saves none of its confirmations.
     */
    @Transactional
    public void confirmRiskItems(Actor actor, String taskId, List<ItemConfirmation> confirmations) {
        PermitTask task = task(actor, taskId);
        Set<String> known = task.permit().riskItems().stream().map(PermitRiskItem::code).collect(Collectors.toSet());
        for (ItemConfirmation confirmation : confirmations) {
            if (!known.contains(confirmation.itemCode())) {
                throw new LocalizedException("permit.riskItemUnknown", task.permit().id(), confirmation.itemCode());
            }
            if (confirmation.decision() == RiskConfirmationDecision.ESCALATED
                    && (confirmation.note() == null || confirmation.note().isBlank())) {
                throw new LocalizedException("permit.escalationNeedsNote",
                        indexOf(task.permit(), confirmation.itemCode()));
            }
            if (confirmation.decision() == RiskConfirmationDecision.VERIFIED_ON_SITE) {
                measureProofs.requireVerifiable(task.permit(), confirmation.itemCode(),
                        indexOf(task.permit(), confirmation.itemCode()));
            }
        }
        for (ItemConfirmation confirmation : confirmations) {
            permits.upsertConfirmation(actor.tenantId(), task.permit().id(), taskId, task.task().nodeId(),
                    actor.username(), confirmation.itemCode(), confirmation.decision(), confirmation.note());
            if (!confirmation.evidenceIds().isEmpty()) {
                sealer.seal(actor, task.permit(), confirmation.itemCode(), confirmation.evidenceIds());
            }
        }
        audit.append(actor.tenantId(), actor.username(), "permit.risk-confirm", "permit",
                String.valueOf(task.permit().id()), null, Map.of("task", taskId, "node", task.task().nodeId(),
                        "confirmations", confirmations));
    }

    /**
     * Approves through the approval operations, so that signers added before or after the approver (加签) take
     * their turn; refused by {@link RiskConfirmationGuard} until every risk item is confirmed by the actor.
     */
    @Transactional
    public ApprovalRecord approve(Actor actor, String taskId, @Nullable String comment) {
        PermitTask task = task(actor, taskId);
        HistoryEntry entry = operations.approve(actor.tenantId(), taskId, actor.username(), comment, Evidence.NONE);
        auditDecision(actor, task, "permit.approve", comment);
        return new ApprovalRecord(entry.processInstanceId(), entry.businessKey(), entry.nodeId(), entry.nodeName(),
                entry.actor(), Decision.APPROVED, entry.comment(), entry.at());
    }

    @Transactional
    public ApprovalRecord reject(Actor actor, String taskId, String comment) {
        PermitTask task = task(actor, taskId);
        ApprovalRecord record = decider.reject(actor.tenantId(), taskId, actor.username(), comment);
        auditDecision(actor, task, "permit.approval-reject", comment);
        return record;
    }

    @Transactional
    public ApprovalRecord returnToApplicant(Actor actor, String taskId, String comment) {
        PermitTask task = task(actor, taskId);
        ApprovalRecord record = decider.returnToApplicant(actor.tenantId(), taskId, actor.username(), comment);
        auditDecision(actor, task, "permit.approval-return", comment);
        return record;
    }

    /** Returns the 1-based position of a risk item in the permit's list, as screens number the items. */
    private static int indexOf(Permit permit, String itemCode) {
        List<PermitRiskItem> items = permit.riskItems();
        for (int index = 0; index < items.size(); index++) {
            if (items.get(index).code().equals(itemCode)) {
                return index + 1;
            }
        }
        return 0;
    }

    /** Returns the approval history of a permit, oldest first. */
    public List<ApprovalRecord> history(long tenantId, long permitId) {
        return history.forBusinessKey(tenantId, PermitSubmitter.businessKey(permitId));
    }

    private void auditDecision(Actor actor, PermitTask task, String action, @Nullable String comment) {
        audit.append(actor.tenantId(), actor.username(), action, "permit", String.valueOf(task.permit().id()), null,
                Map.of("task", task.task().taskId(), "node", task.task().nodeId(),
                        "comment", comment == null ? "" : comment));
    }
}
