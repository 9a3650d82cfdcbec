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
    @Transactional
    public String start(long tenantId, String flowKey, int flowVersion, String businessKey, String applicant,
            JsonNode formData) {
        MetadataDocument document = metadata.find(tenantId, MetadataKind.FLOW, flowKey, flowVersion)
                .filter(found -> found.status() == DocumentStatus.PUBLISHED)
                .orElseThrow(() -> new FlowNotPublishedException(flowKey, flowVersion));
        FlowDeployment deployment = deployer.deploy(document);

        Map<String, Object> variables = new HashMap<>(
                assigner.assign(tenantId, deployment.definition(), applicant, formData));
        variables.put(ChainVariables.APPLICANT, applicant);
        variables.put(ChainVariables.FLOW_KEY, flowKey);
        variables.put(ChainVariables.FLOW_VERSION, flowVersion);
        variables.put(ChainVariables.FORM_DATA, formData);

        String instanceId = startAs(applicant, deployment, businessKey, variables);
        log.info("Started approval {} of flow {} for business key {} in tenant {}", instanceId,
                deployment.definition().reference(), businessKey, tenantId);
        return instanceId;
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
}
