package org.tezuo.app.ui.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitSubmitter;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import org.tezuo.workflow.approval.ActiveTasks;
import org.tezuo.workflow.approval.ApprovalStarter;
import org.tezuo.workflow.approval.NotTaskCandidateException;
import tools.jackson.databind.node.ObjectNode;

/**
 * The inbox lists of a work leader with two permits in approval. The keyword matches the business key and the
 * applicant's user or display name, and the flow and date filters narrow the lists. A task offered to a role
 * shows in the to-do list of a holder of that role.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskInboxTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "Anquan-2026";

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    MetadataStore metadata;

    @Autowired
    PermitDrafter drafter;

    @Autowired
    ApprovalStarter starter;

    @Autowired
    TaskService taskService;

    @Autowired
    TaskInbox inbox;

    @Autowired
    ActiveTasks activeTasks;

    private long tenantId;
    private CurrentUser leader;
    private CurrentUser engineer;
    private Permit first;
    private Permit second;

    @BeforeEach
    void startTwoApprovals() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("inbox-" + suffix, "待办筛选测试化工",
                "lng-terminal", SHANGHAI, "test");
        tenantId = installation.tenant().id();
        long maintenance = installation.orgUnitIds().get("MAINT");
        long safety = installation.orgUnitIds().get("SAFETY");
        // Every step of the template flow needs an approver when the approval starts.
        leader = accounts.create(tenantId, "leader-" + suffix, PASSWORD, "王负责", Set.of("WORK_LEADER"),
                maintenance, null);
        accounts.create(tenantId, "head-" + suffix, PASSWORD, "赵主任", Set.of("UNIT_HEAD"), maintenance, null);
        engineer = accounts.create(tenantId, "engineer-" + suffix, PASSWORD, "钱安全", Set.of("SAFETY_ENGINEER"),
                safety, null);
        accounts.create(tenantId, "director-" + suffix, PASSWORD, "孙总监", Set.of("SAFETY_DIRECTOR"), safety, null);
        accounts.create(tenantId, "welder-" + suffix, PASSWORD, "李焊工", Set.of("WORKER"), maintenance, null);
        accounts.create(tenantId, "fitter-" + suffix, PASSWORD, "𠀀钳工", Set.of("WORKER"), maintenance, null);
        MetadataDocument flow = metadata.requirePublished(tenantId, MetadataKind.FLOW, "hot-work-approval");
        first = start("welder-" + suffix, flow);
        second = start("fitter-" + suffix, flow);
    }

    @Test
    void todoListsBothPermits() {
        TaskInbox.Lists lists = inbox.load(leader, TaskInbox.Criteria.ALL, SHANGHAI, Locale.SIMPLIFIED_CHINESE);

        assertThat(lists.todo()).extracting(item -> item.permit().id())
                .containsExactlyInAnyOrder(first.id(), second.id());
        assertThat(lists.todo()).allMatch(item -> item.tab() == TaskInbox.Tab.TODO);
        assertThat(lists.todo()).extracting(TaskInbox.Item::nodeName).containsOnly("作业负责人");
        assertThat(lists.done()).isEmpty();
        assertThat(lists.copied()).isEmpty();
    }

    @Test
    void keywordMatchesApplicantDisplayName() {
        List<TaskInbox.Item> found = todo(new TaskInbox.Criteria(null, "𠀀钳", null, null));

        assertThat(found).extracting(item -> item.permit().id()).containsExactly(second.id());
    }

    @Test
    void keywordMatchesBusinessKey() {
        List<TaskInbox.Item> found = todo(new TaskInbox.Criteria(null,
                " " + PermitSubmitter.businessKey(first.id()) + " ", null, null));

        assertThat(found).extracting(item -> item.permit().id()).containsExactly(first.id());
    }

    @Test
    void keywordMatchesApplicantUserName() {
        List<TaskInbox.Item> found = todo(new TaskInbox.Criteria(null, "WELDER-", null, null));

        assertThat(found).extracting(item -> item.permit().id()).containsExactly(first.id());
    }

    @Test
    void flowFilterNarrowsList() {
        assertThat(todo(new TaskInbox.Criteria("hot-work-approval", null, null, null))).hasSize(2);
        assertThat(todo(new TaskInbox.Criteria("confined-space-approval", null, null, null))).isEmpty();
    }

    @Test
    void dateRangeIncludesBothEnds() {
        LocalDate today = LocalDate.now(SHANGHAI);

        assertThat(todo(new TaskInbox.Criteria(null, null, today, today))).hasSize(2);
        assertThat(todo(new TaskInbox.Criteria(null, null, today.plusDays(1), null))).isEmpty();
        assertThat(todo(new TaskInbox.Criteria(null, null, null, today.minusDays(1)))).isEmpty();
    }

    @Test
    void roleHolderSeesTaskOfferedToRole() {
        assertThat(inbox.load(engineer, TaskInbox.Criteria.ALL, SHANGHAI, Locale.SIMPLIFIED_CHINESE).todo())
                .isEmpty();
        String taskId = inbox.load(leader, TaskInbox.Criteria.ALL, SHANGHAI, Locale.SIMPLIFIED_CHINESE).todo()
                .stream().filter(item -> item.permit().id() == first.id()).findFirst().orElseThrow().id();
        // The chain assigns a task with one approver at once; a task offered to a role has no assignee.
        taskService.unclaim(taskId);
        taskService.addCandidateGroup(taskId, "SAFETY_ENGINEER");

        List<TaskInbox.Item> offered = inbox.load(engineer, TaskInbox.Criteria.ALL, SHANGHAI,
                Locale.SIMPLIFIED_CHINESE).todo();

        assertThat(offered).extracting(TaskInbox.Item::id).containsExactly(taskId);
        assertThat(activeTasks.require(tenantId, taskId, engineer.username()).taskId()).isEqualTo(taskId);
        assertThatThrownBy(() -> activeTasks.require(tenantId, taskId, leader.username().replace("leader-", "director-")))
                .isInstanceOf(NotTaskCandidateException.class);
    }

    @Test
    void flowChoicesNamePublishedFlows() {
        assertThat(inbox.flows(tenantId)).extracting(TaskInbox.FlowChoice::key).contains("hot-work-approval");
        assertThat(inbox.flowName(tenantId, "hot-work-approval").zh()).isEqualTo("动火作业审批");
        assertThat(inbox.flowName(tenantId, "unknown-flow").zh()).isEqualTo("unknown-flow");
    }

    private List<TaskInbox.Item> todo(TaskInbox.Criteria criteria) {
        return inbox.load(leader, criteria, SHANGHAI, Locale.SIMPLIFIED_CHINESE).todo();
    }

    private Permit start(String applicant, MetadataDocument flow) {
        Actor actor = new Actor(tenantId, applicant, Locale.SIMPLIFIED_CHINESE);
        ObjectNode data = drafter.initialData(actor, "hot-work");
        data.put("workLeader", leader.username());
        Permit permit = drafter.create(actor, "hot-work", data);
        starter.start(tenantId, flow.key(), flow.version(), PermitSubmitter.businessKey(permit.id()), applicant,
                permit.data());
        return permit;
    }
}
