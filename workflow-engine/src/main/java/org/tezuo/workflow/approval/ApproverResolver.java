package org.tezuo.workflow.approval;

import java.util.List;

/**
 * Names the approvers of a node at submission, from the tenant's organisation, roles and the form data. The
 * application provides exactly one Spring bean of this type.
 */
public interface ApproverResolver {

    /**
     * Returns the user names of the approvers, in the order that sequential signing follows, or an empty list
     * when the rule names nobody. The engine then applies the node's fallback role or blocks the submission, so
     * an implementation returns an empty list rather than a default approver.
     */
    List<String> resolve(ApproverQuery query);
}
