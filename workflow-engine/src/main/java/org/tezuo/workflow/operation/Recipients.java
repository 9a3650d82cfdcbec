package org.tezuo.workflow.operation;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.approval.ApproverQuery;
import org.tezuo.workflow.approval.ApproverResolver;
import org.tezuo.workflow.definition.AssigneeSource;
import org.tezuo.workflow.definition.AssigneeSpec;

/** Names the recipients of carbon copies, notifications and escalations with the application's {@link ApproverResolver}. */
@Component
class Recipients {

    /** Role whose holders in the parent of the applicant's unit receive escalations when a node names no escalation target. */
    static final String DEFAULT_ESCALATION_ROLE = "UNIT_HEAD";

    private final ApproverResolver resolver;

    Recipients(ApproverResolver resolver) {
        this.resolver = resolver;
    }

    List<String> resolve(InstanceRef instance, AssigneeSpec rule) {
        return resolver.resolve(new ApproverQuery(instance.tenantId(), rule, instance.applicant(),
                instance.formData())).stream().distinct().toList();
    }

    static AssigneeSpec defaultEscalation() {
        return new AssigneeSpec(AssigneeSource.PARENT_ORG_ROLE, DEFAULT_ESCALATION_ROLE, null, null);
    }
}
