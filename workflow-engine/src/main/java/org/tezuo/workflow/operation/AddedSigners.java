package org.tezuo.workflow.operation;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.flowable.engine.TaskService;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Stores added signers (加签) in the table {@code approval_signer}. */
@Component
class AddedSigners {

    /** A signer that signs before the approver and has an open task of their own. */
    static final String OPEN = "OPEN";
    /** An after-signer of a single-approver step, waiting for the approver to approve; DONE once given the task. */
    static final String QUEUED = "QUEUED";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";

    record Signer(long id, String processInstanceId, String nodeId, String taskId, @Nullable String signerTaskId,
            String signer, SignerPosition position, String status) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TaskService taskService;

    AddedSigners(JdbcClient jdbc, Clock clock, TaskService taskService) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.taskService = taskService;
    }

    void add(long tenantId, String processInstanceId, String nodeId, String taskId, @Nullable String signerTaskId,
            String signer, SignerPosition position, String status, String addedBy) {
        jdbc.sql("""
                insert into approval_signer (tenant_id, process_instance_id, node_id, task_id, signer_task_id, signer,
                                             position, status, added_by, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tenantId, processInstanceId, nodeId, taskId, signerTaskId, signer, position.name(), status,
                        addedBy, Timestamp.from(clock.instant()))
                .update();
    }

    /** Returns the signers of a task in one status, in the order they were added. */
    List<Signer> ofTask(long tenantId, String taskId, String status) {
        return jdbc.sql("select * from approval_signer where tenant_id = ? and task_id = ? and status = ? order by id")
                .params(tenantId, taskId, status)
                .query((rs, row) -> new Signer(rs.getLong("id"), rs.getString("process_instance_id"),
                        rs.getString("node_id"), rs.getString("task_id"), rs.getString("signer_task_id"),
                        rs.getString("signer"), SignerPosition.valueOf(rs.getString("position")),
                        rs.getString("status")))
                .list();
    }

    /** Returns the open before-signer whose own task is {@code signerTaskId}. */
    Optional<Signer> bySignerTask(long tenantId, String signerTaskId) {
        return jdbc.sql("select * from approval_signer where tenant_id = ? and signer_task_id = ? and status = 'OPEN'")
                .params(tenantId, signerTaskId)
                .query((rs, row) -> new Signer(rs.getLong("id"), rs.getString("process_instance_id"),
                        rs.getString("node_id"), rs.getString("task_id"), rs.getString("signer_task_id"),
                        rs.getString("signer"), SignerPosition.valueOf(rs.getString("position")),
                        rs.getString("status")))
                .optional();
    }

    /** Cancels the open before-signers of one task and deletes their tasks, when that task is decided otherwise. */
    void cancelBefore(long tenantId, String taskId, String reason) {
        List<Signer> open = ofTask(tenantId, taskId, OPEN);
        deleteOpenTasks(open.stream().map(Signer::signerTaskId).filter(java.util.Objects::nonNull).toList(), reason);
        open.forEach(signer -> setStatus(signer.id(), CANCELLED));
    }

    private void deleteOpenTasks(List<String> taskIds, String reason) {
        for (String taskId : taskIds) {
            if (taskService.createTaskQuery().taskId(taskId).count() > 0) {
                taskService.deleteTask(taskId, reason);
            }
        }
    }

    void setStatus(long id, String status) {
        jdbc.sql("update approval_signer set status = ? where id = ?").params(status, id).update();
    }

    /**
     * Cancels every open or queued signer of the instance when the instance moves or ends, and deletes the tasks of
     * signers added before an approver, which Flowable does not end with the step.
     */
    void cancelAll(long tenantId, String processInstanceId, String reason) {
        List<String> signerTasks = jdbc.sql("""
                select signer_task_id from approval_signer
                where tenant_id = ? and process_instance_id = ? and status = 'OPEN' and signer_task_id is not null""")
                .params(tenantId, processInstanceId)
                .query(String.class)
                .list();
        deleteOpenTasks(signerTasks, reason);
        jdbc.sql("""
                update approval_signer set status = 'CANCELLED'
                where tenant_id = ? and process_instance_id = ? and status in ('OPEN', 'QUEUED')""")
                .params(tenantId, processInstanceId)
                .update();
    }
}
