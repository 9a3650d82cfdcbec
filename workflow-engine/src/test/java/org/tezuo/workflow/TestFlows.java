package org.tezuo.workflow;

/** Flow document bodies the tests publish. */
public final class TestFlows {

    /** The four-step hot-work chain: work leader, unit head, safety department, hot-work approver. */
    public static final String HOT_WORK = """
            {
              "name": {"zh": "动火作业审批", "en": "Hot-work permit approval"},
              "form": "hot-work-permit",
              "nodes": [
                {"id": "workLeader", "type": "approver", "name": {"zh": "作业负责人"}, "mode": "single",
                 "assignee": {"by": "applicantOrgRole", "role": "WORK_LEADER"}, "requiresRiskConfirmation": true,
                 "onNoAssignee": "block"},
                {"id": "unitHead", "type": "approver", "name": {"zh": "所在单位负责人"}, "mode": "single",
                 "assignee": {"by": "applicantOrgRole", "role": "UNIT_HEAD"}, "requiresRiskConfirmation": true,
                 "onNoAssignee": "block"},
                {"id": "safetyDepartment", "type": "approver", "name": {"zh": "安全管理部门"}, "mode": "single",
                 "assignee": {"by": "role", "role": "SAFETY_ENGINEER"}, "requiresRiskConfirmation": true,
                 "onNoAssignee": "block"},
                {"id": "hotWorkApprover", "type": "approver", "name": {"zh": "动火审批人"}, "mode": "single",
                 "assignee": {"by": "role", "role": "SAFETY_DIRECTOR"}, "requiresRiskConfirmation": true,
                 "onNoAssignee": "block"}
              ]
            }""";

    /** One countersign node: every member of role SAFETY_ENGINEER must approve. */
    public static final String COUNTERSIGN = """
            {
              "name": {"zh": "动土作业会签"},
              "nodes": [
                {"id": "countersign", "type": "approver", "name": {"zh": "相关部门会签"}, "mode": "all",
                 "assignee": {"by": "role", "role": "SAFETY_ENGINEER"}}
              ]
            }""";

    /** One node naming the approver in a form field, with a fallback role when the field is empty. */
    public static final String FORM_FIELD_WITH_FALLBACK = """
            {
              "name": {"zh": "临时用电审批"},
              "nodes": [
                {"id": "powerUnit", "type": "approver", "name": {"zh": "配送电单位"}, "mode": "single",
                 "assignee": {"by": "formField", "field": "powerSupervisor"},
                 "onNoAssignee": "fallbackRole", "fallbackRole": "POWER_DISPATCHER"}
              ]
            }""";

    private TestFlows() {
    }
}
