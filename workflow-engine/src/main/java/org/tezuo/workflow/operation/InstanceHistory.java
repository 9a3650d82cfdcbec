package org.tezuo.workflow.operation;

import java.util.List;
import org.flowable.engine.HistoryService;
import org.springframework.stereotype.Component;
import org.tezuo.workflow.deploy.FlowableTenant;

/** The history of approvals: every decision and operation, oldest first, superseded rows included and flagged. */
@Component
public class InstanceHistory {

    private final OperationLog log;
    private final HistoryService flowableHistory;

    InstanceHistory(OperationLog log, HistoryService flowableHistory) {
        this.log = log;
        this.flowableHistory = flowableHistory;
    }

    /** Tells whether the tenant has a running or finished approval {@code processInstanceId}. */
    public boolean exists(long tenantId, String processInstanceId) {
        return flowableHistory.createHistoricProcessInstanceQuery()
                .processInstanceId(processInstanceId)
                .processInstanceTenantId(FlowableTenant.of(tenantId))
                .count() > 0;
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
