package org.tezuo.workflow.deploy;

import org.tezuo.workflow.definition.FlowDefinition;

/**
 * A flow document version deployed to Flowable for one tenant.
 *
 * @param tenantId Tezuo tenant id
 * @param deploymentId Flowable deployment id
 * @param processDefinitionId Flowable process definition id, which new instances start from
 * @param definition the parsed approval chain the deployment was compiled from
 */
public record FlowDeployment(long tenantId, String deploymentId, String processDefinitionId,
        FlowDefinition definition) {
}
