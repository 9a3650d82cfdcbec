package org.tezuo.app.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tezuo.app.org.OrgDirectory.OrgUnit;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.i18n.LocalizedException;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.core.qualification.warning.RecipientResolver;
import org.tezuo.templates.TemplateInstaller;
import org.tezuo.workflow.approval.ApproverQuery;
import org.tezuo.workflow.definition.AssigneeSource;
import org.tezuo.workflow.definition.AssigneeSpec;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Org design against real PostgreSQL on a tenant installed from the LNG terminal template, and what approval flows
 * ({@link OrgApproverResolver}) and certificate warnings ({@link RecipientResolver}) resolve afterwards.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrgDesignerTest {

    private static final String PASSWORD = "Anquan-2026";
    private static final String ACTOR = "org-admin";
    private static final AssigneeSpec TEAM_LEADER_OF_APPLICANT =
            new AssigneeSpec(AssigneeSource.APPLICANT_ORG_ROLE, "TEAM_LEADER", null, null);

    @Autowired
    TemplateInstaller installer;

    @Autowired
    UserAccounts accounts;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    OrgDesigner designer;

    @Autowired
    OrgDirectory directory;

    @Autowired
    OrgApproverResolver approvers;

    @Autowired
    RecipientResolver recipients;

    @Autowired
    AuditLog audit;

    @Autowired
    JsonMapper json;

    private long tenantId;
    private String suffix;
    private long maintenance;
    private long terminal;
    private OrgUnit teamOne;
    private OrgUnit teamTwo;

    @BeforeEach
    void installTenant() {
        suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = installer.createTenant("org-" + suffix, "组织设计测试企业",
                "lng-terminal", ZoneId.of("Asia/Shanghai"), "test");
        tenantId = installation.tenant().id();
        maintenance = installation.orgUnitIds().get("MAINT");
        terminal = installation.orgUnitIds().get("TERMINAL");
        teamOne = designer.addUnit(tenantId, ACTOR, maintenance, "MAINT-T1", "维修一班", UnitKind.TEAM);
        teamTwo = designer.addUnit(tenantId, ACTOR, maintenance, "MAINT-T2", "维修二班", UnitKind.TEAM);
    }

    @Test
    void teamLeaderResolvesForFlowsAndWarnings() {
        String leader = "p-" + suffix;
        String otherLeader = "q-" + suffix;
        String applicant = "a-" + suffix;
        String applicantInTeamTwo = "b-" + suffix;
        accounts.create(tenantId, leader, PASSWORD, "何班长", Set.of("WORKER"), teamOne.id(), null);
        accounts.create(tenantId, otherLeader, PASSWORD, "许班长", Set.of("TEAM_LEADER"), teamTwo.id(), null);
        accounts.create(tenantId, applicant, PASSWORD, "李焊工", Set.of("WORKER"), teamOne.id(), null);
        accounts.create(tenantId, applicantInTeamTwo, PASSWORD, "赵电工", Set.of("WORKER"), teamTwo.id(), null);
        Person holder = qualifications.upsertPerson(tenantId,
                new PersonData("李焊工", "男", "110105198503152014", "维修一班", "焊工"));

        designer.setRoles(tenantId, ACTOR, leader, Set.of("WORKER", "TEAM_LEADER"));

        assertThat(approversOf(applicant)).containsExactly(leader);
        assertThat(recipients.usernames(tenantId, holder, "TEAM_LEADER")).containsExactly(leader);

        designer.movePerson(tenantId, ACTOR, leader, teamTwo.id());

        assertThat(approversOf(applicant)).isEmpty();
        assertThat(approversOf(applicantInTeamTwo)).containsExactly(leader, otherLeader);
        assertThat(recipients.usernames(tenantId, holder, "TEAM_LEADER"))
                .as("no team leader in 维修一班 any more, so every team leader of the tenant receives it")
                .containsExactly(leader, otherLeader);

        designer.movePerson(tenantId, ACTOR, otherLeader, teamOne.id());

        assertThat(approversOf(applicant)).containsExactly(otherLeader);
        assertThat(recipients.usernames(tenantId, holder, "TEAM_LEADER")).containsExactly(otherLeader);
    }

    @Test
    void hrbpResolvesForWarningsAfterRoleChange() {
        String hrbp = "h-" + suffix;
        accounts.create(tenantId, hrbp, PASSWORD, "林芳", Set.of("WORKER"), teamOne.id(), null);
        Person holder = qualifications.upsertPerson(tenantId,
                new PersonData("李焊工", "男", "110105198503152014", "维修一班", "焊工"));
        assertThat(recipients.usernames(tenantId, holder, "HRBP")).isEmpty();

        designer.setRoles(tenantId, ACTOR, hrbp, Set.of("HRBP"));

        assertThat(recipients.usernames(tenantId, holder, "HRBP")).containsExactly(hrbp);
        assertThat(recipients.hasRole(tenantId, hrbp, "HRBP")).isTrue();
        assertThat(directory.user(tenantId, hrbp).orElseThrow().roles()).containsExactly("HRBP");
    }

    @Test
    void teamCannotContainPlant() {
        assertThatThrownBy(() -> designer.addUnit(tenantId, ACTOR, teamOne.id(), "PLANT2", "二期厂区",
                UnitKind.PLANT))
                .isInstanceOf(OrgDesignException.class)
                .satisfies(e -> assertThat(chinese(e)).isEqualTo("厂区“二期厂区”不能放在班组“维修一班”之下：组织层级为 "
                        + "公司 → 厂区 → 车间/部门 → 班组，上级单元的层级必须高于下级单元；请选择更高层级的上级单元"))
                .satisfies(e -> assertThat(english(e)).startsWith(
                        "The plant \"二期厂区\" cannot be placed under the team \"维修一班\""));
        assertThat(directory.orgUnitByCode(tenantId, "PLANT2")).isEmpty();
    }

    @Test
    void onlyCompanyMayBeTopLevel() {
        assertThatThrownBy(() -> designer.addUnit(tenantId, ACTOR, null, "W9", "九车间", UnitKind.WORKSHOP))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo(
                        "“九车间”是车间，不能作为顶级单元；只有公司可以没有上级单元，请选择上级单元"));
    }

    @Test
    void moveUnderOwnDescendantIsRejected() {
        assertThatThrownBy(() -> designer.moveUnit(tenantId, ACTOR, maintenance, teamOne.id()))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo("不能把“维修车间”移到“维修一班”之下：“维修一班”就是"
                        + "“维修车间”本身或它的下级单元；请选择“维修车间”以外分支中的单元"));
        assertThatThrownBy(() -> designer.moveUnit(tenantId, ACTOR, maintenance, maintenance))
                .isInstanceOf(OrgDesignException.class);
        assertThat(directory.orgUnit(tenantId, maintenance).orElseThrow().parentId()).isEqualTo(terminal);
    }

    @Test
    void moveBreakingHierarchyIsRejected() {
        long storage = directory.orgUnitByCode(tenantId, "STORAGE").orElseThrow().id();

        assertThatThrownBy(() -> designer.moveUnit(tenantId, ACTOR, maintenance, storage))
                .satisfies(e -> assertThat(chinese(e)).startsWith("车间“维修车间”不能放在部门“储运部”之下"));
        assertThatThrownBy(() -> designer.moveUnit(tenantId, ACTOR, terminal, teamOne.id()))
                .isInstanceOf(OrgDesignException.class);
    }

    @Test
    void teamMovesToAnotherWorkshop() {
        long electrical = directory.orgUnitByCode(tenantId, "EI").orElseThrow().id();

        OrgUnit moved = designer.moveUnit(tenantId, ACTOR, teamTwo.id(), electrical);

        assertThat(moved.parentId()).isEqualTo(electrical);
        assertThat(directory.unitAndAncestors(tenantId, teamTwo.id())).extracting(OrgUnit::code)
                .containsExactly("MAINT-T2", "EI", "TERMINAL", "HQ");
        List<AuditEntry> trail = audit.forSubject(tenantId, OrgDesigner.UNIT_SUBJECT, "MAINT-T2");
        assertThat(trail).extracting(AuditEntry::action).containsExactly("org-unit.create", "org-unit.move");
        assertThat(trail.getLast().actor()).isEqualTo(ACTOR);
        assertThat(json.readTree(trail.getLast().afterState()).path("parentId").asLong()).isEqualTo(electrical);
    }

    @Test
    void nonEmptyUnitIsNotRemoved() {
        accounts.create(tenantId, "w-" + suffix, PASSWORD, "李强", Set.of("WORKER"), teamOne.id(), null);
        qualifications.upsertPerson(tenantId, new PersonData("李焊工", "男", "110105198503152014", "维修一班", "焊工"));

        assertThatThrownBy(() -> designer.removeUnit(tenantId, ACTOR, maintenance))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo("不能删除“维修车间”（MAINT）：其下还有 2 个下级单元、"
                        + "0 个用户账号（含已停用账号）、0 名台账人员的所属部门/班组为“维修车间”；请先将这些单元和人员移到其他单元，再删除"));
        assertThatThrownBy(() -> designer.removeUnit(tenantId, ACTOR, teamOne.id()))
                .satisfies(e -> assertThat(chinese(e)).contains("其下还有 0 个下级单元、1 个用户账号（含已停用账号）、"
                        + "1 名台账人员"));
        assertThat(directory.orgUnit(tenantId, teamOne.id())).isPresent();
    }

    @Test
    void emptyUnitIsRemoved() {
        designer.removeUnit(tenantId, ACTOR, teamTwo.id());

        assertThat(directory.orgUnit(tenantId, teamTwo.id())).isEmpty();
        assertThat(audit.forSubject(tenantId, OrgDesigner.UNIT_SUBJECT, "MAINT-T2")).extracting(AuditEntry::action)
                .containsExactly("org-unit.create", "org-unit.delete");
    }

    @Test
    void renameCarriesLedgerPersons() {
        Person holder = qualifications.upsertPerson(tenantId,
                new PersonData("李焊工", "男", "110105198503152014", "维修一班", "焊工"));

        OrgUnit renamed = designer.renameUnit(tenantId, ACTOR, teamOne.id(), " 焊工一班 ");

        assertThat(renamed.name()).isEqualTo("焊工一班");
        assertThat(qualifications.persons(tenantId)).filteredOn(person -> person.id() == holder.id())
                .extracting(Person::orgUnit).containsExactly("焊工一班");
    }

    @Test
    void duplicateCodeAndNameAreRejected() {
        assertThatThrownBy(() -> designer.addUnit(tenantId, ACTOR, maintenance, "MAINT-T1", "维修三班", UnitKind.TEAM))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo(
                        "单元编码“MAINT-T1”已被“维修一班”使用；同一企业内编码不能重复，请换一个编码"));
        assertThatThrownBy(() -> designer.addUnit(tenantId, ACTOR, maintenance, "MAINT-T3", "维修一班", UnitKind.TEAM))
                .satisfies(e -> assertThat(chinese(e)).startsWith("单元名称“维修一班”已被编码为 MAINT-T1 的单元使用"));
        assertThatThrownBy(() -> designer.renameUnit(tenantId, ACTOR, teamTwo.id(), "维修一班"))
                .isInstanceOf(OrgDesignException.class);
        assertThatThrownBy(() -> designer.addUnit(tenantId, ACTOR, maintenance, "维修 3", "维修三班", UnitKind.TEAM))
                .satisfies(e -> assertThat(chinese(e)).startsWith("单元编码“维修 3”无效"));
    }

    @Test
    void lastSystemAdminKeepsRole() {
        String admin = "admin-" + suffix;
        accounts.create(tenantId, admin, PASSWORD, "系统管理员", Set.of("SYSTEM_ADMIN"), null, null);

        assertThatThrownBy(() -> designer.setRoles(tenantId, ACTOR, admin, Set.of("SAFETY_ENGINEER")))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo("不能取消“系统管理员”（" + admin + "）的系统管理员角色："
                        + "这是本企业最后一位启用的系统管理员；请先为另一位用户分配系统管理员角色"));

        String second = "admin2-" + suffix;
        accounts.create(tenantId, second, PASSWORD, "副管理员", Set.of("WORKER"), null, null);
        designer.setRoles(tenantId, ACTOR, second, Set.of("SYSTEM_ADMIN"));
        designer.setRoles(tenantId, ACTOR, admin, Set.of("SAFETY_ENGINEER"));

        assertThat(directory.usersWithRole(tenantId, "SYSTEM_ADMIN")).extracting(OrgDirectory.TenantUser::username)
                .containsExactly(second);
    }

    @Test
    void unknownOrNoRoleIsRejected() {
        String worker = "w-" + suffix;
        accounts.create(tenantId, worker, PASSWORD, "李强", Set.of("WORKER"), teamOne.id(), null);

        assertThatThrownBy(() -> designer.setRoles(tenantId, ACTOR, worker, Set.of("HOLDER")))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo("“HOLDER”不是可分配的角色；可分配的角色为 SYSTEM_ADMIN, "
                        + "SAFETY_DIRECTOR, SAFETY_ENGINEER, UNIT_HEAD, TEAM_LEADER, HRBP, WORK_LEADER, WORKER"));
        assertThatThrownBy(() -> designer.setRoles(tenantId, ACTOR, worker, Set.of()))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo(
                        "用户“李强”（" + worker + "）至少需要一个角色才能登录；请至少保留一个角色"));
        assertThat(directory.user(tenantId, worker).orElseThrow().roles()).containsExactly("WORKER");
    }

    @Test
    void otherTenantUnitIsNotFound() {
        TemplateInstaller.Installation other = installer.createTenant("org-other-" + suffix, "另一企业",
                "lng-terminal", ZoneId.of("Asia/Shanghai"), "test");
        long foreignUnit = other.orgUnitIds().get("MAINT");

        assertThatThrownBy(() -> designer.moveUnit(tenantId, ACTOR, teamOne.id(), foreignUnit))
                .satisfies(e -> assertThat(chinese(e)).isEqualTo("未找到组织单元 " + foreignUnit + "；请刷新组织树后重试"));
        assertThatThrownBy(() -> designer.removeUnit(tenantId, ACTOR, foreignUnit))
                .isInstanceOf(OrgDesignException.class);
        assertThat(directory.orgUnit(other.tenant().id(), foreignUnit)).isPresent();
    }

    @Test
    @DisplayName("A form-field assignee through a table names the signer of every row")
    void formFieldThroughTableNamesEveryRow() {
        String water = "w-" + suffix;
        String fire = "f-" + suffix;
        accounts.create(tenantId, water, PASSWORD, "水务张工", Set.of("WORKER"), maintenance, null);
        accounts.create(tenantId, fire, PASSWORD, "消防李队", Set.of("WORKER"), maintenance, null);
        ObjectNode data = json.createObjectNode();
        ArrayNode rows = data.putArray("countersigners");
        rows.addObject().put("department", "water").put("signer", water);
        rows.addObject().put("department", "fire").put("signer", fire);
        rows.addObject().put("department", "power").put("signer", "not-a-user");
        rows.addObject().put("department", "steam");

        List<String> signers = approvers.resolve(new ApproverQuery(tenantId,
                new AssigneeSpec(AssigneeSource.FORM_FIELD, null, null, "countersigners.signer"), water, data));

        assertThat(signers).containsExactly(water, fire);
    }

    private List<String> approversOf(String applicant) {
        return approvers.resolve(new ApproverQuery(tenantId, TEAM_LEADER_OF_APPLICANT, applicant,
                json.createObjectNode()));
    }

    private static String chinese(Throwable e) {
        return ((LocalizedException) e).message(Locale.SIMPLIFIED_CHINESE);
    }

    private static String english(Throwable e) {
        return ((LocalizedException) e).message(Locale.ENGLISH);
    }
}
