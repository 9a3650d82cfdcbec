package org.tezuo.workflow.bpmn;

/**
 * Names shared by the compiled BPMN and the code that runs it: process variables, generated element ids and the
 * one listener bean the BPMN calls. Generated names start with {@code tz_}, which node ids may not use.
 */
public final class ChainVariables {

    /** Variable holding the applicant's user name; the resubmission task is assigned to it. */
    public static final String APPLICANT = "tz_applicant";
    /** Variable holding the flow document key. */
    public static final String FLOW_KEY = "tz_flowKey";
    /** Variable holding the flow document version. */
    public static final String FLOW_VERSION = "tz_flowVersion";
    /** Variable holding the submitted form data as a JSON object. */
    public static final String FORM_DATA = "tz_formData";
    /**
     * Transient variable holding the decision being taken, one of the {@code DECISION_*} values, while the task's
     * completion runs. No gateway routes on it, because two parallel branches would overwrite each other; see
     * {@link #decision(String)}.
     */
    public static final String DECISION = "tz_decision";
    /** Variable holding the permit grade, such as 特级, that branch conditions with source permitGrade read. */
    public static final String PERMIT_GRADE = "tz_permitGrade";
    /** Variable holding the permit's numeric risk score that branch conditions with source riskScore read. */
    public static final String RISK_SCORE = "tz_riskScore";
    /** Element variable of multi-instance approver tasks: the approver of one instance. */
    public static final String APPROVER = "tz_approver";

    public static final String DECISION_APPROVED = "APPROVED";
    public static final String DECISION_REJECTED = "REJECTED";
    public static final String DECISION_RETURNED = "RETURNED";
    public static final String DECISION_RESUBMITTED = "RESUBMITTED";

    public static final String START_EVENT = "tz_start";
    public static final String APPROVED_END = "tz_approved";
    public static final String REJECTED_END = "tz_rejected";
    public static final String RESUBMIT_TASK = "tz_resubmit";

    /** Spring bean that reports approved, rejected and returned outcomes; the only bean the BPMN references. */
    public static final String OUTCOME_NOTIFIER_BEAN = "tezuoFlowOutcomeNotifier";

    /** Spring bean that runs registered platform actions from service tasks; see {@code FlowActionDelegate}. */
    public static final String FLOW_ACTION_BEAN = "tezuoFlowAction";
    /** Spring bean that evaluates the condition of a conditional branch; see {@code FlowConditionBean}. */
    public static final String CONDITION_BEAN = "tezuoFlowCondition";
    /** Spring bean that decides when a multi-instance approver node is complete; see {@code CountersignBean}. */
    public static final String COUNTERSIGN_BEAN = "tezuoCountersign";
    /** Spring bean that returns timer dates relative to the engine clock; see {@code TimerDates}. */
    public static final String TIMER_DATES_BEAN = "tezuoTimerDates";
    public static final String GATE_PASSED = "PASSED";
    public static final String GATE_FAILED = "FAILED";

    private ChainVariables() {
    }

    /** Returns the variable holding the resolved approvers (a list of user names) of node {@code nodeId}. */
    public static String approvers(String nodeId) {
        return "tz_approvers_" + nodeId;
    }

    /**
     * Returns the variable holding the decision that closed approver node {@code nodeId}, one of the {@code
     * DECISION_*} values; the node's exclusive gateway routes on it.
     */
    public static String decision(String nodeId) {
        return "tz_decision_" + nodeId;
    }

    /** Returns the id of the exclusive gateway that routes the decision taken at node {@code nodeId}. */
    public static String gateway(String nodeId) {
        return "tz_gateway_" + nodeId;
    }

    /** Returns the variable holding {@link #GATE_PASSED} or {@link #GATE_FAILED} after the action of node {@code nodeId}. */
    public static String gateOutcome(String nodeId) {
        return "tz_gate_" + nodeId;
    }

    /** Returns the variable holding the reason a gate at node {@code nodeId} failed, as {"zh": …, "en": …}. */
    public static String gateReason(String nodeId) {
        return "tz_gateReason_" + nodeId;
    }

    /** Returns the id of the join gateway of branch or parallel node {@code nodeId}. */
    public static String join(String nodeId) {
        return "tz_join_" + nodeId;
    }

    /** Returns the id of the parallel fork gateway inside the sub-process of parallel node {@code nodeId}. */
    public static String fork(String nodeId) {
        return "tz_fork_" + nodeId;
    }

    /** Returns the id of the start event inside the sub-process of parallel node {@code nodeId}. */
    public static String start(String nodeId) {
        return "tz_start_" + nodeId;
    }

    /** Returns the id of the end event inside the sub-process of parallel node {@code nodeId}. */
    public static String end(String nodeId) {
        return "tz_end_" + nodeId;
    }

    /** Returns the id of the sequence flow from a fork gateway into branch {@code branchId}. */
    public static String branchFlow(String branchId) {
        return "tz_branch_" + branchId;
    }
}
