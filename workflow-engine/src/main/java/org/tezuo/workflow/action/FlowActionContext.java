package org.tezuo.workflow.action;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.tezuo.workflow.definition.FlowDefinition;
import org.tezuo.workflow.definition.FlowNode;
import tools.jackson.databind.JsonNode;

/**
 * What an action knows about the step that called it.
 *
 * @param tenantId the Tezuo tenant
 * @param processInstanceId the Flowable process instance
 * @param businessKey the application's own key, such as a permit number
 * @param flow the chain version the instance runs on
 * @param node the node that called the action; for a time-limit step, the approver node whose limit passed
 * @param applicant user name of the applicant
 * @param formData the submitted form data, a JSON object
 * @param argument the extra argument the BPMN passes, such as {@code remind} or {@code escalate} for time limits
 */
public record FlowActionContext(
        long tenantId,
        String processInstanceId,
        String businessKey,
        FlowDefinition flow,
        FlowNode node,
        String applicant,
        JsonNode formData,
        @Nullable String argument) {

    public FlowActionContext {
        Objects.requireNonNull(processInstanceId, "processInstanceId");
        Objects.requireNonNull(businessKey, "businessKey");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(applicant, "applicant");
        Objects.requireNonNull(formData, "formData");
    }
}
