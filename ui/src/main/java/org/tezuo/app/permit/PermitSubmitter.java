package org.tezuo.app.permit;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.permit.simops.ConflictSeverity;
import org.tezuo.app.permit.simops.SimopsConflict;
import org.tezuo.app.permit.simops.SimopsConflictCheck;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.rules.RuleSeverity;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.definition.FormDefinition;
import org.tezuo.form.evaluation.EvaluationContext;
import org.tezuo.form.validation.FormValidation;
import org.tezuo.form.validation.FormValidator;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.approval.ApprovalDecider;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalStarter;
import org.tezuo.workflow.approval.ApprovalTask;
import org.tezuo.workflow.bpmn.ChainVariables;
import tools.jackson.databind.JsonNode;

/**
 * Submits a permit. The data is validated against the form version the permit was created under and the declared
 * area category against the picked site zone ({@link SiteZoneAreaCheck}). The qualification gate checks the
 * applicant and every named worker, and risk is evaluated on live data together with the conflicts with other
 * operations in flight (SIMOPS). Then the approval flow starts, or resumes after a return. Each check returns all
 * of its reasons at once, and a refused submission changes nothing but the audit log.
 */
@Component
public class PermitSubmitter {

    private static final Logger log = LoggerFactory.getLogger(PermitSubmitter.class);

    private final PermitDrafter drafter;
    private final PermitStore permits;
    private final PermitRiskAssessor riskAssessor;
    private final SimopsConflictCheck simops;
    private final FormValidator formValidator;
    private final PermitQualification qualification;
    private final SiteZoneAreaCheck zoneAreaCheck;
    private final MetadataStore metadata;
    private final OrgDirectory directory;
    private final TenantDirectory tenants;
    private final ApprovalStarter starter;
    private final ApprovalInbox inbox;
    private final ApprovalDecider decider;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PermitSubmitter(PermitDrafter drafter, PermitStore permits, PermitRiskAssessor riskAssessor,
            SimopsConflictCheck simops, FormValidator formValidator, PermitQualification qualification,
            SiteZoneAreaCheck zoneAreaCheck, MetadataStore metadata, OrgDirectory directory, TenantDirectory tenants,
            ApprovalStarter starter, ApprovalInbox inbox, ApprovalDecider decider, AuditLog audit,
            TransactionTemplate transaction, Clock clock) {
        this.drafter = drafter;
        this.permits = permits;
        this.riskAssessor = riskAssessor;
        this.simops = simops;
        this.formValidator = formValidator;
        this.qualification = qualification;
        this.zoneAreaCheck = zoneAreaCheck;
        this.metadata = metadata;
        this.directory = directory;
        this.tenants = tenants;
        this.starter = starter;
        this.inbox = inbox;
        this.decider = decider;
        this.audit = audit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Submits a draft or returned permit of the actor and returns it in approval.
     *
     * @throws PermitRefusedException with every reason of the first check that failed
     */
    public Permit submit(Actor actor, long permitId) {
        Permit permit = drafter.requireOwnEditable(actor, permitId);
        ZoneId zone = tenants.require(actor.tenantId()).zone();
        FormDefinition form = drafter.formOf(permit);
        FormValidation validation = formValidator.validate(form, permit.data(), evaluationContext(actor, zone));
        // The normalized data drops hidden fields and carries server-computed values. Every later check, the flow
        // and the stored permit use it, not what the client sent.
        JsonNode data = validation.data();

        refuseIfAny(actor, permit, PermitRefusedException.Stage.FORM, validation.errors().stream()
                .map(error -> new PermitRefusedException.Reason(error.path(), error.message()))
                .toList());
        refuseIfAny(actor, permit, PermitRefusedException.Stage.FORM, zoneAreaCheck.violations(actor.tenantId(), form,
                data, actor.locale()));
        refuseIfAny(actor, permit, PermitRefusedException.Stage.QUALIFICATION, gateViolations(actor, permit, form,
                data, zone));
        PermitRiskAssessor.Outcome risk = riskAssessor.assess(permit, form, data, zone);
        List<SimopsConflict> conflicts = simops.check(permit, data, null);
        List<PermitRefusedException.Reason> blocking = new ArrayList<>(risk.assessment()
                .withSeverity(RuleSeverity.BLOCK).stream()
                .map(item -> new PermitRefusedException.Reason(item.code(), item.explanation(actor.locale())))
                .toList());
        conflicts.stream()
                .filter(conflict -> conflict.severity() == ConflictSeverity.BLOCK)
                .forEach(conflict -> blocking.add(new PermitRefusedException.Reason(conflict.code(),
                        conflict.message(actor.locale()))));
        refuseIfAny(actor, permit, PermitRefusedException.Stage.RISK, blocking);

        // A SIMOPS warning is one more item that every approver marks, like a CONFIRM item of the ruleset.
        List<PermitRiskItem> riskItems = new ArrayList<>(risk.storedItems());
        conflicts.forEach(conflict -> riskItems.add(conflict.toRiskItem()));
        int flowVersion = flowVersionOf(permit);
        if (permit.status() != PermitStatus.RETURNED) {
            starter.deploy(actor.tenantId(), permit.flowKey(), flowVersion);
        }
        transaction.executeWithoutResult(status -> {
            permits.updateData(actor.tenantId(), permitId, data);
            String processInstanceId = permit.status() == PermitStatus.RETURNED
                    ? resume(actor, permit, data)
                    : starter.start(actor.tenantId(), permit.flowKey(), flowVersion, businessKey(permitId),
                            permit.applicant(), data, chainInputs(form, data, risk.score()));
            permits.markSubmitted(actor.tenantId(), permitId, flowVersion, risk.rulesetVersion(), riskItems,
                    risk.liveData(), processInstanceId, WorkWindow.of(form, data));
            if (risk.score() != null) {
                permits.saveRiskScore(actor.tenantId(), permitId, risk.score());
            }
            audit.append(actor.tenantId(), actor.username(), "permit.submit", "permit", String.valueOf(permitId),
                    Map.of("status", permit.status().name()),
                    Map.of("status", PermitStatus.IN_APPROVAL.name(), "riskItems", riskItems));
        });
        log.info("Permit {} of tenant {} submitted with {} risk items", permitId, actor.tenantId(), riskItems.size());
        return permits.find(actor.tenantId(), permitId).orElseThrow();
    }

    private EvaluationContext evaluationContext(Actor actor, ZoneId zone) {
        return new EvaluationContext(actor.username(), directory.orgUnitCodeOf(actor.tenantId(), actor.username()),
                clock.instant(), zone, actor.locale());
    }

    private List<PermitRefusedException.Reason> gateViolations(Actor actor, Permit permit, FormDefinition form,
            JsonNode data, ZoneId zone) {
        return qualification.violations(actor.tenantId(), permit, form, data, zone, actor.locale());
    }

    private void refuseIfAny(Actor actor, Permit permit, PermitRefusedException.Stage stage,
            List<PermitRefusedException.Reason> reasons) {
        if (reasons.isEmpty()) {
            return;
        }
        audit.append(actor.tenantId(), actor.username(), "permit.submit-refused", "permit",
                String.valueOf(permit.id()), null, Map.of("stage", stage.name(), "reasons", reasons));
        throw new PermitRefusedException(permit.id(), stage, reasons);
    }

    private String resume(Actor actor, Permit permit, JsonNode data) {
        ApprovalTask resubmission = inbox.tasks(actor.tenantId(), actor.username()).stream()
                .filter(task -> task.businessKey().equals(businessKey(permit.id())) && task.resubmission())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Returned permit " + permit.id()
                        + " has no resubmission task for " + actor.username()));
        permits.transition(actor.tenantId(), permit.id(), PermitStatus.RETURNED, PermitStatus.IN_APPROVAL);
        decider.resubmit(actor.tenantId(), resubmission.taskId(), actor.username(), null, data);
        return resubmission.processInstanceId();
    }

    /**
     * Returns the permit facts that branch conditions read besides the form data: the grade bound to the form's
     * {@code grade} role, such as 特级, and the risk score when the ruleset scores permits. NOTE: a resubmission
     * keeps the grade and score of the first submission in the chain.
     */
    private static Map<String, Object> chainInputs(FormDefinition form, JsonNode data,
            @Nullable PermitRiskScore score) {
        Map<String, Object> inputs = new HashMap<>();
        JsonNode grade = form.boundValue("grade", data);
        if (grade.isString() && !grade.asString().isBlank()) {
            inputs.put(ChainVariables.PERMIT_GRADE, grade.asString());
        }
        if (score != null) {
            inputs.put(ChainVariables.RISK_SCORE, score.total());
        }
        return Map.copyOf(inputs);
    }

    private int flowVersionOf(Permit permit) {
        if (permit.flowVersion() != null) {
            return permit.flowVersion();
        }
        return metadata.requirePublished(permit.tenantId(), MetadataKind.FLOW, permit.flowKey()).version();
    }

    /** Returns the business key under which a permit runs in the workflow engine. */
    public static String businessKey(long permitId) {
        return "permit:" + permitId;
    }

    /** Returns the permit id of a business key made by {@link #businessKey(long)}, or -1 for other keys. */
    public static long permitIdOf(String businessKey) {
        return businessKey.startsWith("permit:") ? Long.parseLong(businessKey.substring("permit:".length())) : -1;
    }
}
