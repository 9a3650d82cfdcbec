package org.tezuo.workflow.approval;

import org.tezuo.workflow.definition.AssigneeSpec;
import tools.jackson.databind.JsonNode;

/**
 * What an {@link ApproverResolver} needs to name the approvers of one node.
 *
 * @param tenantId Tezuo tenant id
 * @param assignee the node's rule, or a role rule for its fallback role
 * @param applicant user name of the applicant
 * @param formData the submitted form data, a JSON object
 */
public record ApproverQuery(long tenantId, AssigneeSpec assignee, String applicant, JsonNode formData) {
}
