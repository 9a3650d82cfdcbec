package org.tezuo.workflow.migration;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.ProcessMigrationService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.migration.ProcessInstanceMigrationBuilder;
import org.flowable.engine.migration.ProcessInstanceMigrationValidationResult;
import org.flowable.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.approval.ApproverAssigner;
import org.tezuo.workflow.approval.ApproverResolver;
import org.tezuo.workflow.approval.NoApproverException;
import org.tezuo.workflow.bpmn.ChainCompiler;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.condition.ConditionFacts;
import org.tezuo.workflow.definition.ApproverNode;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowNode;
import org.tezuo.workflow.definition.InvalidFlowDefinitionException;
import org.tezuo.workflow.deploy.FlowDeployer;
import org.tezuo.workflow.deploy.FlowDeployment;
import org.tezuo.workflow.deploy.FlowableTenant;
import tools.jackson.databind.JsonNode;

/**
 * Moves a running approval to another published version of its chain, on request; instances never move by
 * themselves, so each stays on the version it started on. {@link #plan} lists every reason a move is unsafe, and
 * {@link #migrate} moves only when there is none, with Flowable's {@link ProcessMigrationService} (validated first),
 * and records the move in the audit log.
 *
 * <p>A move is refused when the instance is not a running instance of the tenant, is suspended, the target is
 * another flow, is the same version or is not published, a node the instance waits in is missing from the target
 * or has another type, an approver node in progress changed its mode, pass ratio or approver rule (its countersign
 * counts and tasks would no longer match), a node of the target has nobody to approve, or Flowable's own
 * validation fails.
 */
@Component
public class InstanceMigrator {

    private static final Logger log = LoggerFactory.getLogger(InstanceMigrator.class);
    static final String AUDIT_ACTION = "flow.instance.migrate";
    static final String AUDIT_SUBJECT = "process-instance";

    private final RuntimeService runtime;
    private final ProcessMigrationService migrations;
    private final MetadataStore metadata;
    private final FlowDeployer deployer;
    private final AuditLog audit;
    private final ApproverAssigner assigner;
    private final ChainCompiler compiler = new ChainCompiler();

    public InstanceMigrator(RuntimeService runtime, ProcessMigrationService migrations, MetadataStore metadata,
            FlowDeployer deployer, AuditLog audit, ApproverResolver resolver) {
        this.runtime = runtime;
        this.migrations = migrations;
        this.metadata = metadata;
        this.deployer = deployer;
        this.audit = audit;
        this.assigner = new ApproverAssigner(resolver);
    }

    /** Plans moving the instance to {@code targetVersion} of the chain it runs. */
    @Transactional
    public MigrationPlan plan(long tenantId, String processInstanceId, int targetVersion) {
        return prepare(tenantId, processInstanceId, null, targetVersion).plan();
    }

    /** Plans moving the instance to {@code targetVersion} of the chain {@code targetKey}. */
    @Transactional
    public MigrationPlan plan(long tenantId, String processInstanceId, String targetKey, int targetVersion) {
        return prepare(tenantId, processInstanceId, targetKey, targetVersion).plan();
    }

    /**
     * Moves the instance to {@code targetVersion} and returns the plan it followed.
     *
     * @throws MigrationRefusedException when the plan lists a problem; nothing changes then
     */
    @Transactional
    public MigrationPlan migrate(long tenantId, String processInstanceId, int targetVersion, String actor) {
        Prepared prepared = prepare(tenantId, processInstanceId, null, targetVersion);
        MigrationPlan plan = prepared.plan();
        if (!plan.allowed()) {
            throw new MigrationRefusedException(plan);
        }
        FlowDeployment target = Objects.requireNonNull(prepared.target());
        builder(target).migrate(processInstanceId);
        Map<String, Object> variables = new LinkedHashMap<>(prepared.approvers());
        variables.put(ChainVariables.FLOW_VERSION, targetVersion);
        runtime.setVariables(processInstanceId, variables);
        audit.append(tenantId, actor, AUDIT_ACTION, AUDIT_SUBJECT, processInstanceId,
                Map.of("flow", String.valueOf(plan.flowKey()), "version", plan.fromVersion()),
                Map.of("flow", String.valueOf(plan.flowKey()), "version", targetVersion,
                        "activeNodes", plan.activeNodes()));
        log.info("Migrated approval {} of flow {} in tenant {} from version {} to {}", processInstanceId,
                plan.flowKey(), tenantId, plan.fromVersion(), targetVersion);
        return plan;
    }

    private Prepared prepare(long tenantId, String processInstanceId, String targetKey, int targetVersion) {
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .processInstanceTenantId(FlowableTenant.of(tenantId))
                .singleResult();
        if (instance == null) {
            return refused(processInstanceId, null, 0, targetVersion,
                    MigrationProblem.of("migration.instanceNotFound", processInstanceId));
        }
        FlowDefinition current = deployer.definitionOf(instance.getProcessDefinitionId());
        List<String> active = runtime.getActiveActivityIds(processInstanceId).stream().distinct().toList();
        List<MigrationProblem> problems = new ArrayList<>();
        String key = targetKey == null ? current.key() : targetKey;
        if (!key.equals(current.key())) {
            problems.add(MigrationProblem.of("migration.otherFlow", processInstanceId, current.key(), key));
        }
        if (instance.isSuspended()) {
            problems.add(MigrationProblem.of("migration.suspended", processInstanceId));
        }
        if (targetVersion == current.version() && key.equals(current.key())) {
            problems.add(MigrationProblem.of("migration.sameVersion", processInstanceId, targetVersion));
        }
        Optional<MetadataDocument> document = metadata.find(tenantId, MetadataKind.FLOW, key, targetVersion)
                .filter(found -> found.status() == DocumentStatus.PUBLISHED);
        if (document.isEmpty()) {
            problems.add(MigrationProblem.of("migration.targetNotPublished", key, targetVersion));
        }
        if (!problems.isEmpty()) {
            return new Prepared(new MigrationPlan(processInstanceId, current.key(), current.version(), targetVersion,
                    active, problems), null, Map.of());
        }

        FlowDeployment target;
        try {
            target = deployer.deploy(document.get());
        } catch (InvalidFlowDefinitionException e) {
            return refused(processInstanceId, current.key(), current.version(), targetVersion,
                    MigrationProblem.of("migration.targetInvalid", key, targetVersion, e.message(UserMessages.DEFAULT_LOCALE)));
        }
        problems.addAll(compareActiveNodes(current, target.definition(), active));
        Map<String, Object> approvers = Map.of();
        try {
            approvers = assigner.assign(tenantId, target.definition(),
                    (String) runtime.getVariable(processInstanceId, ChainVariables.APPLICANT),
                    facts(processInstanceId));
        } catch (NoApproverException e) {
            problems.add(MigrationProblem.of("migration.noApprover",
                    e.message(UserMessages.DEFAULT_LOCALE)));
        }
        if (problems.isEmpty()) {
            ProcessInstanceMigrationValidationResult validation = builder(target).validateMigration(processInstanceId);
            if (validation.hasErrors()) {
                problems.add(MigrationProblem.of("migration.engineRefused",
                        String.join("；", validation.getValidationMessages())));
            }
        }
        return new Prepared(new MigrationPlan(processInstanceId, current.key(), current.version(), targetVersion,
                active, problems), target, approvers);
    }

    /** Checks every element the instance waits in against the target chain. */
    private List<MigrationProblem> compareActiveNodes(FlowDefinition current, FlowDefinition target,
            List<String> active) {
        List<MigrationProblem> problems = new ArrayList<>();
        BpmnModel targetModel = compiler.toModel(target);
        for (String activityId : active) {
            Optional<FlowNode> node = current.node(activityId);
            if (node.isEmpty()) {
                // A generated element, such as the resubmission task or a reminder step.
                if (targetModel.getMainProcess().getFlowElement(activityId, true) == null) {
                    problems.add(MigrationProblem.of("migration.nodeMissing", activityId, target.reference()));
                }
                continue;
            }
            Optional<FlowNode> counterpart = target.node(activityId);
            if (counterpart.isEmpty() || counterpart.get().type() != node.get().type()) {
                problems.add(MigrationProblem.of("migration.nodeMissing", activityId, target.reference()));
                continue;
            }
            if (node.get() instanceof ApproverNode before && counterpart.get() instanceof ApproverNode after
                    && (before.mode() != after.mode() || !Objects.equals(before.passRatio(), after.passRatio())
                            || !before.assignee().equals(after.assignee()))) {
                problems.add(MigrationProblem.of("migration.nodeChanged", before.name().zh(), activityId,
                        target.reference()));
            }
        }
        return problems;
    }

    private ConditionFacts facts(String processInstanceId) {
        Object grade = runtime.getVariable(processInstanceId, ChainVariables.PERMIT_GRADE);
        return new ConditionFacts((JsonNode) runtime.getVariable(processInstanceId, ChainVariables.FORM_DATA),
                grade == null ? null : grade.toString(),
                ConditionFacts.score(runtime.getVariable(processInstanceId, ChainVariables.RISK_SCORE)));
    }

    private ProcessInstanceMigrationBuilder builder(FlowDeployment target) {
        return migrations.createProcessInstanceMigrationBuilder()
                .migrateToProcessDefinition(target.processDefinitionId());
    }

    private static Prepared refused(String processInstanceId, String flowKey, int fromVersion, int toVersion,
            MigrationProblem problem) {
        return new Prepared(new MigrationPlan(processInstanceId, flowKey, fromVersion, toVersion, List.of(),
                List.of(problem)), null, Map.of());
    }

    private record Prepared(MigrationPlan plan, FlowDeployment target, Map<String, Object> approvers) {
    }
}
