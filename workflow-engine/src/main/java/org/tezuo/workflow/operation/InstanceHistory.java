package org.tezuo.workflow.operation;

import java.util.List;
import org.springframework.stereotype.Component;

/** The history of approvals: every decision and operation, oldest first, superseded rows included and flagged. */
@Component
public class InstanceHistory {

    private final OperationLog log;

    InstanceHistory(OperationLog log) {
        this.log = log;
    }

    /** Returns the history of one process instance of the tenant, oldest first. */
    public List<HistoryEntry> entries(long tenantId, String processInstanceId) {
        return log.forInstance(tenantId, processInstanceId);
    }

    /** Returns the history of every approval of a business key in the tenant, oldest first. */
    public List<HistoryEntry> entriesForBusinessKey(long tenantId, String businessKey) {
        return log.forBusinessKey(tenantId, businessKey);
    }
}
