package org.tezuo.benchmarks.approval;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.flowable.engine.IdentityService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.workflow.approval.ApprovalDecider;
import org.tezuo.workflow.approval.ApprovalInbox;
import org.tezuo.workflow.approval.ApprovalStarter;
import org.tezuo.workflow.approval.ApprovalTask;
import org.tezuo.workflow.deploy.FlowableTenant;
import tools.jackson.databind.JsonNode;

/**
 * Permits per second through a four-step approval chain: one operation starts a permit and has each of the four
 * approvers find the permit's task and approve it. Set the thread count with JMH's {@code -t}.
 *
 * <p>{@code tezuo} goes through the public approval API: {@link ApprovalStarter#start} with the chain published in
 * the metadata store, then per step {@link ApprovalInbox#tasks} of the approver, filtered to the permit's process
 * instance, and {@link ApprovalDecider#approve} with a comment. {@code rawFlowable} does the same work with the
 * hand-written BPMN on the same engine: it starts the process by key with the applicant and form data as
 * variables, then per step queries the approver's task of the instance and adds the comment and completes the
 * task in one transaction.
 *
 * <p>Besides permits per second, each run reports the CPU time the benchmark threads spent ({@code cpuMicros}) and
 * the permits they completed ({@code permits}) per iteration, so {@code cpuMicros / permits} is the Java-side CPU
 * cost of one permit. It leaves out PostgreSQL's CPU and the JVM's compiler and collector threads, and it depends
 * less than the throughput on other processes competing for the cores.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 3, jvmArgsAppend = "-Xmx2g")
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@State(Scope.Benchmark)
public class ApprovalThroughputBenchmark {

    private static final String COMMENT = "同意";

    private final AtomicLong permits = new AtomicLong();

    private ApprovalFixture fixture;
    private long tenantId;
    private String flowableTenant;
    private JsonNode formData;
    private ApprovalStarter starter;
    private ApprovalInbox inbox;
    private ApprovalDecider decider;
    private RuntimeService runtime;
    private TaskService taskService;
    private IdentityService identity;
    private TransactionTemplate transaction;

    @Setup(Level.Trial)
    public void bootEngine() throws SQLException {
        fixture = new ApprovalFixture();
        tenantId = fixture.tenantId();
        flowableTenant = FlowableTenant.of(tenantId);
        formData = fixture.formData();
        starter = fixture.bean(ApprovalStarter.class);
        inbox = fixture.bean(ApprovalInbox.class);
        decider = fixture.bean(ApprovalDecider.class);
        runtime = fixture.bean(RuntimeService.class);
        taskService = fixture.bean(TaskService.class);
        identity = fixture.bean(IdentityService.class);
        transaction = new TransactionTemplate(fixture.bean(PlatformTransactionManager.class));

        // The first Tezuo start deploys the published chain to Flowable. Two threads doing that at once both
        // deploy version 1, and the second fails on Flowable's unique key of process definitions, so one permit
        // of each kind runs before the threads start.
        tezuo();
        rawFlowable();
    }

    @TearDown(Level.Trial)
    public void stopEngine() {
        fixture.close();
    }

    /** The CPU time and the permits of one benchmark thread, summed over the threads for each iteration. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class CpuCost {

        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

        public long cpuMicros;
        public long permits;
        private long startNanos;

        @Setup(Level.Iteration)
        public void reset() {
            cpuMicros = 0;
            permits = 0;
        }

        void start() {
            startNanos = THREADS.getCurrentThreadCpuTime();
        }

        void stop() {
            cpuMicros += (THREADS.getCurrentThreadCpuTime() - startNanos) / 1_000;
            permits++;
        }
    }

    @Benchmark
    public String tezuo(CpuCost cost) {
        return measured(cost, this::tezuo);
    }

    @Benchmark
    public String rawFlowable(CpuCost cost) {
        return measured(cost, this::rawFlowable);
    }

    private static String measured(CpuCost cost, Supplier<String> permit) {
        cost.start();
        String instance = permit.get();
        cost.stop();
        return instance;
    }

    private String tezuo() {
        String instance = starter.start(tenantId, ApprovalFixture.FLOW_KEY, 1, businessKey(),
                ApprovalFixture.APPLICANT, formData);
        for (String approver : ApprovalFixture.APPROVERS) {
            ApprovalTask task = inbox.tasks(tenantId, approver).stream()
                    .filter(candidate -> candidate.processInstanceId().equals(instance))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No open task for approver " + approver + " in process instance " + instance));
            decider.approve(tenantId, task.taskId(), approver, COMMENT);
        }
        return instance;
    }

    private String rawFlowable() {
        String instance = startAs(ApprovalFixture.APPLICANT);
        for (String approver : ApprovalFixture.APPROVERS) {
            Task task = taskService.createTaskQuery()
                    .processInstanceId(instance)
                    .taskCandidateOrAssigned(approver)
                    .singleResult();
            if (task == null) {
                throw new IllegalStateException(
                        "No open task for approver " + approver + " in process instance " + instance);
            }
            completeAs(approver, task);
        }
        return instance;
    }

    private String startAs(String applicant) {
        identity.setAuthenticatedUserId(applicant);
        try {
            return runtime.createProcessInstanceBuilder()
                    .processDefinitionKey(ApprovalFixture.RAW_PROCESS_KEY)
                    .tenantId(flowableTenant)
                    .businessKey(businessKey())
                    .variables(Map.of("applicant", applicant, "formData", formData))
                    .start()
                    .getId();
        } finally {
            identity.setAuthenticatedUserId(null);
        }
    }

    private void completeAs(String approver, Task task) {
        identity.setAuthenticatedUserId(approver);
        try {
            transaction.executeWithoutResult(status -> {
                taskService.addComment(task.getId(), task.getProcessInstanceId(), "APPROVED", COMMENT);
                taskService.complete(task.getId(), approver, Map.of("decision", "APPROVED"));
            });
        } finally {
            identity.setAuthenticatedUserId(null);
        }
    }

    private String businessKey() {
        return "BENCH-" + permits.incrementAndGet();
    }
}
