package org.tezuo.workflow.operation;

import org.tezuo.workflow.definition.FlowDefinition;
import tools.jackson.databind.JsonNode;

/**
 * A running approval as the operations need it.
 *
 * @param applicant user name of the applicant
 * @param formData the submitted form data, a JSON object
 */
record InstanceRef(long tenantId, String processInstanceId, String businessKey, FlowDefinition flow,
        String applicant, JsonNode formData) {
}
