package org.tezuo.workflow.approval;

import java.util.HashMap;
import java.util.Map;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.DocumentStatus;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.workflow.bpmn.ChainVariables;
import org.tezuo.workflow.condition.ConditionFacts;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowDefinitionParser;
import org.tezuo.workflow.definition.InitiatorNode;
import org.tezuo.workflow.deploy.FlowDeployer;
import org.tezuo.workflow.deploy.FlowDeployment;
import tools.jackson.databind.JsonNode;

/**
 * Submits an application to an approval chain: deploys the published flow version for the tenant if needed,
 * resolves every node's approvers and starts a process instance on that exact version.
 */
@Component
public class ApprovalStarter {

    private static final Logger log = LoggerFactory.getLogger(ApprovalStarter.class);

    private final MetadataStore metadata;
    private final FlowDeployer deployer;
    private final RuntimeService runtime;
    private final IdentityService identity;
    private final ApproverAssigner assigner;

    public ApprovalStarter(MetadataStore metadata, FlowDeployer deployer, RuntimeService runtime,
            IdentityService identity, ApproverResolver resolver) {
        this.metadata = metadata;
        this.deployer = deployer;
        this.runtime = runtime;
        this.identity = identity;
        this.assigner = new ApproverAssigner(resolver);
    }

    /**
     * Starts an approval and returns the process instance id.
     *
     * @param businessKey the application's own key, such as a permit number, returned in outcomes and history
     * @param formData the submitted form data as a JSON object, passed to the {@link ApproverResolver}
     * @throws FlowNotPublishedException when that flow version is not published for the tenant
     * @throws NoApproverException when a node has no approver, naming the node and its rule
     */
    /**
     * Deploys a published flow version to the engine unless it is deployed already, so that a later {@link #start}
     * finds it. Call it before opening the transaction that starts the approval: the first deployment of a version
     * runs in a transaction of its own, which needs a second pooled connection while the caller's transaction holds
     * one, and enough first submissions at once would hold every connection and wait for the pool's time-out.
     *
     * @throws FlowNotPublishedException when that flow version is not published for the tenant
     */
    public void deploy(long tenantId, String flowKey, int flowVersion) {
        deployer.deploy(publishedFlow(tenantId, flowKey, flowVersion));
    }

    @Transactional
    public String start(long tenantId, String flowKey, int flowVersion, String businessKey, String applicant,
            JsonNode formData) {
        return start(tenantId, flowKey, flowVersion, businessKey, applicant, formData, Map.of());
    }

    /**
     * Starts an approval with extra start variables and returns the process instance id. Branch conditions read
     * {@link ChainVariables#PERMIT_GRADE} (a text such as 特级) and {@link ChainVariables#RISK_SCORE} (a number);
     * other names starting with {@code tz_} are reserved.
     *
     * @throws FlowNotPublishedException when that flow version is not published for the tenant
     * @throws InitiatorNotAllowedException when the chain's initiator node does not name the applicant
     * @throws NoApproverException when a node that will run has no approver, naming the node and its rule
     * @throws IllegalArgumentException when {@code startVariables} sets a reserved name
     */
    @Transactional
    public String start(long tenantId, String flowKey, int flowVersion, String businessKey, String applicant,
            JsonNode formData, Map<String, ?> startVariables) {
        for (String name : startVariables.keySet()) {
            if (name.startsWith(FlowDefinitionParser.RESERVED_ID_PREFIX) && !name.equals(ChainVariables.PERMIT_GRADE)
                    && !name.equals(ChainVariables.RISK_SCORE)) {
                throw new IllegalArgumentException("Start variable '" + name + "' uses the reserved prefix "
                        + FlowDefinitionParser.RESERVED_ID_PREFIX);
            }
        }
        FlowDeployment deployment = deployer.deploy(publishedFlow(tenantId, flowKey, flowVersion));
        FlowDefinition flow = deployment.definition();
        checkInitiator(tenantId, flow, applicant, formData);

        Object grade = startVariables.get(ChainVariables.PERMIT_GRADE);
        ConditionFacts facts = new ConditionFacts(formData, grade == null ? null : grade.toString(),
                ConditionFacts.score(startVariables.get(ChainVariables.RISK_SCORE)));
        Map<String, Object> variables = new HashMap<>(startVariables);
        variables.putAll(assigner.assign(tenantId, flow, applicant, facts));
        variables.put(ChainVariables.APPLICANT, applicant);
        variables.put(ChainVariables.FLOW_KEY, flowKey);
        variables.put(ChainVariables.FLOW_VERSION, flowVersion);
        variables.put(ChainVariables.FORM_DATA, formData);

        String instanceId = startAs(applicant, deployment, businessKey, variables);
        log.info("Started approval {} of flow {} for business key {} in tenant {}", instanceId,
                deployment.definition().reference(), businessKey, tenantId);
        return instanceId;
    }

    private void checkInitiator(long tenantId, FlowDefinition flow, String applicant, JsonNode formData) {
        if (flow.nodes().getFirst() instanceof InitiatorNode initiator && initiator.initiators() != null
                && !assigner.names(tenantId, initiator.initiators(), applicant, formData)) {
            throw new InitiatorNotAllowedException(flow, initiator, applicant);
        }
    }

    private String startAs(String applicant, FlowDeployment deployment, String businessKey,
            Map<String, Object> variables) {
        identity.setAuthenticatedUserId(applicant);
        try {
            return runtime.createProcessInstanceBuilder()
                    .processDefinitionId(deployment.processDefinitionId())
                    .businessKey(businessKey)
                    .variables(variables)
                    .start()
                    .getId();
        } finally {
            identity.setAuthenticatedUserId(null);
        }
    }

    private MetadataDocument publishedFlow(long tenantId, String flowKey, int flowVersion) {
        return metadata.find(tenantId, MetadataKind.FLOW, flowKey, flowVersion)
                .filter(found -> found.status() == DocumentStatus.PUBLISHED)
                .orElseThrow(() -> new FlowNotPublishedException(flowKey, flowVersion));
    }
}
