package org.tezuo.core.qualification.warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.dooraccess.DoorAccessStubServer;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.notification.Notice;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateClass;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.lifecycle.CertificateRevocation;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.qualification.verification.MutableClock;
import org.tezuo.core.qualification.verification.PinnedClockConfiguration;
import org.tezuo.core.schedule.CertificateJobRunner;
import org.tezuo.core.schedule.JobRun;
import org.tezuo.core.schedule.ScheduledJob;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.metadata.MetadataKind;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

@SpringBootTest
@Import(PinnedClockConfiguration.class)
@RecordApplicationEvents
class CertificateWarningPassTest {

    private static final LocalDate VALID_UNTIL = LocalDate.of(2026, 12, 4);

    static RegistryStubServer registry;
    static DoorAccessStubServer doors;

    @Autowired
    CertificateWarningPass pass;

    @Autowired
    WarningConfirmer confirmer;

    @Autowired
    WarningStore warnings;

    @Autowired
    CertificateJobRunner jobs;

    @Autowired
    CertificateFixtures fixtures;

    @Autowired
    QualificationStore store;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MutableClock clock;

    @Autowired
    PermitFreezer freezer;

    @Autowired
    CertificateRevocation revocation;

    @Autowired
    ApplicationEvents events;

    @Autowired
    MetadataStore metadata;

    @Autowired
    JsonMapper json;

    Tenant tenant;
    Person holder;
    String holderUser;
    String leader;
    String otherLeader;
    String hrbp;

    @BeforeAll
    static void startStubs() throws IOException {
        registry = RegistryStubServer.start(0);
        doors = DoorAccessStubServer.start(0);
    }

    @AfterAll
    static void stopStubs() {
        registry.close();
        doors.close();
    }

    @BeforeEach
    void setUp() {
        clock.set("2026-06-01T01:00:00Z");
        doors.setFailing(false);
        tenant = fixtures.tenantWithLifecycle();
        fixtures.publishConnector(tenant.id(), "national-registry", "certificate-registry",
                registry.baseUrl().toString(), "");
        fixtures.publishConnector(tenant.id(), "site-doors", "door-access", doors.baseUrl().toString(), "");
        holder = fixtures.person(tenant.id(), "张伟", "一车间焊接班");
        long weldingTeam = orgUnit("welding", "一车间焊接班");
        long maintenanceTeam = orgUnit("maintenance", "二车间维修班");
        holderUser = user("zhangwei", "WORKER", weldingTeam, holder.idNumber());
        leader = user("leader", "TEAM_LEADER", weldingTeam, null);
        otherLeader = user("leader2", "TEAM_LEADER", maintenanceTeam, null);
        hrbp = user("hrbp", "HRBP, AUDITOR", null, null);
    }

    private long orgUnit(String code, String name) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (tenant_id, code, name, kind) values (?, ?, ?, 'TEAM')")
                .params(tenant.id(), code, name).update(keys, "id");
        return keys.getKey().longValue();
    }

    private String user(String name, String roles, @Nullable Long orgUnitId, @Nullable String idNumber) {
        String username = name + "-" + tenant.id();
        jdbc.sql("""
                insert into app_user (tenant_id, username, password_hash, display_name, roles, org_unit_id,
                    person_id_number)
                values (?, ?, 'x', ?, ?, ?, ?)""")
                .params(tenant.id(), username, name, roles, orgUnitId, idNumber).update();
        return username;
    }

    /**
     * Creates a certificate whose next due date is its validity end, 2026-12-04, because the last review covers the
     * current cycle.
     */
    private Certificate certificateValidUntilDecember() {
        return fixtures.certificate(tenant, holder, VALID_UNTIL, LocalDate.of(2023, 12, 4),
                LocalDate.of(2023, 11, 20), CertificateState.VALID);
    }

    private Certificate reload(Certificate certificate) {
        return store.findCertificate(tenant.id(), certificate.id()).orElseThrow();
    }

    private Person reload(Person person) {
        return store.findPerson(tenant.id(), person.id()).orElseThrow();
    }

    private List<String> personAudit() {
        return audit.forSubject(tenant.id(), "person", String.valueOf(holder.id())).stream()
                .map(AuditEntry::action).toList();
    }

    @Test
    void ninetyDayNoticeReachesHolder() {
        Certificate certificate = certificateValidUntilDecember();
        clock.set("2026-09-04T01:00:00Z");
        WarningPassReport at91Days = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        clock.set("2026-09-05T01:00:00Z");

        WarningPassReport at90Days = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(at91Days.noticesRaised()).isZero();
        assertThat(at90Days.noticesRaised()).isEqualTo(1);
        assertThat(warnings.forCertificate(tenant.id(), certificate.id())).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo(WarningKind.NOTICE);
            assertThat(notice.status()).isEqualTo(WarningStatus.NOTIFIED);
            assertThat(notice.dueKind()).isEqualTo(DueKind.VALIDITY_END);
            assertThat(notice.message()).isEqualTo("张伟，您的特种作业操作证 " + certificate.certNumber()
                    + "（熔化焊接与热切割作业）有效期至 2026-12-04，还剩 90 天；请尽快报名换证复审培训");
            assertThat(notice.link()).isEqualTo("/training/enrolment?certificate=" + certificate.id());
            assertThat(notice.roles()).singleElement().satisfies(role -> {
                assertThat(role.role()).isEqualTo(WarningRule.HOLDER);
                assertThat(role.assignees()).containsExactly(holderUser);
            });
        });
        assertThat(reload(certificate).state()).isEqualTo(CertificateState.REVIEW_DUE_SOON);
    }

    @Test
    void rerunOnSameDayRaisesNothingTwice() {
        Certificate certificate = certificateValidUntilDecember();
        clock.set("2026-11-04T01:00:00Z");
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        clock.set("2026-11-04T09:00:00Z");

        WarningPassReport second = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(second.noticesRaised()).isZero();
        assertThat(second.todosRaised()).isZero();
        assertThat(warnings.forCertificate(tenant.id(), certificate.id()))
                .extracting(CertificateWarning::ruleId).containsExactly("notice-90", "todo-30");
    }

    @Test
    void todoNeedsTeamLeaderAndHrbp() {
        Certificate certificate = certificateValidUntilDecember();
        clock.set("2026-11-04T01:00:00Z");
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        CertificateWarning todo = warnings.forCertificate(tenant.id(), certificate.id()).stream()
                .filter(warning -> warning.kind() == WarningKind.TODO).findFirst().orElseThrow();

        CertificateWarning afterLeader = confirmer.confirm(tenant.id(), todo.id(), leader);
        CertificateWarning afterLeaderAgain = confirmer.confirm(tenant.id(), todo.id(), leader);
        CertificateWarning afterHrbp = confirmer.confirm(tenant.id(), todo.id(), hrbp);

        assertThat(todo.message()).isEqualTo("张伟 的特种作业操作证 " + certificate.certNumber()
                + "（熔化焊接与热切割作业）有效期至 2026-12-04，还剩 30 天；请确认已安排换证复审");
        assertThat(todo.roles()).extracting(CertificateWarning.RoleConfirmation::role)
                .containsExactly("TEAM_LEADER", "HRBP");
        assertThat(todo.roles().get(0).assignees()).containsExactly(leader);
        assertThat(todo.roles().get(1).assignees()).containsExactly(hrbp);
        assertThat(afterLeader.status()).isEqualTo(WarningStatus.OPEN);
        assertThat(afterLeaderAgain.roles()).filteredOn(CertificateWarning.RoleConfirmation::confirmed).hasSize(1);
        assertThat(afterHrbp.status()).isEqualTo(WarningStatus.DONE);
        assertThat(afterHrbp.roles()).extracting(CertificateWarning.RoleConfirmation::confirmedBy)
                .containsExactly(leader, hrbp);
        assertThat(audit.forSubject(tenant.id(), "certificate-warning", String.valueOf(todo.id())))
                .extracting(AuditEntry::action).containsExactly(CertificateWarningPass.AUDIT_RAISE,
                        WarningConfirmer.AUDIT_CONFIRM, WarningConfirmer.AUDIT_CONFIRM, WarningConfirmer.AUDIT_DONE);
    }

    @Test
    void listingToDosReturnsConnections() {
        certificateValidUntilDecember();
        clock.set("2026-11-04T01:00:00Z");
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        for (int call = 0; call < 50; call++) {
            assertThat(warnings.openTodosFor(tenant.id(), leader)).hasSize(1);
        }
    }

    @Test
    void leaderOfAnotherTeamCannotConfirm() {
        Certificate certificate = certificateValidUntilDecember();
        clock.set("2026-11-04T01:00:00Z");
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        CertificateWarning todo = warnings.openTodosFor(tenant.id(), leader).getFirst();

        assertThatThrownBy(() -> confirmer.confirm(tenant.id(), todo.id(), otherLeader))
                .isInstanceOfSatisfying(ConfirmationRejectedException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("用户 " + otherLeader + " 不是待办 "
                        + todo.id() + " 的确认人；该待办尚待 TEAM_LEADER、HRBP 确认"));
        assertThat(todo.certificateId()).isEqualTo(certificate.id());
    }

    @Test
    void userHoldingBothRolesConfirmsOnlyOne() {
        String both = user("both", "TEAM_LEADER,HRBP", null, null);
        jdbc.sql("update app_user set enabled = false where username in (?, ?, ?)")
                .params(leader, otherLeader, hrbp).update();
        certificateValidUntilDecember();
        clock.set("2026-11-04T01:00:00Z");
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        CertificateWarning todo = warnings.openTodosFor(tenant.id(), both).getFirst();
        confirmer.confirm(tenant.id(), todo.id(), both);

        assertThatThrownBy(() -> confirmer.confirm(tenant.id(), todo.id(), both))
                .isInstanceOfSatisfying(ConfirmationRejectedException.class, e -> assertThat(
                        e.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("用户 " + both
                        + " 已以 TEAM_LEADER 身份确认过此待办；HRBP 的确认须由另一位用户完成"));
    }

    @Test
    void lapseAtShanghaiMidnightFreezesAndRevokesDoor() {
        Certificate certificate = certificateValidUntilDecember();
        clock.set("2026-12-04T15:59:00Z");
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        Person beforeMidnight = reload(holder);
        clock.set("2026-12-04T16:00:00Z");

        WarningPassReport atMidnight = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        String reason = "特种作业操作证 " + certificate.certNumber()
                + "（熔化焊接与热切割作业）有效期至 2026-12-04，已过期；已冻结作业票提交，换证并经查询平台核验后自动解除";
        assertThat(beforeMidnight.permitFrozen()).isFalse();
        assertThat(atMidnight.personsFrozen()).isEqualTo(1);
        assertThat(reload(certificate).state()).isEqualTo(CertificateState.EXPIRED);
        Person frozen = reload(holder);
        assertThat(frozen.permitFrozen()).isTrue();
        assertThat(frozen.freezeReason()).isEqualTo(reason);
        assertThat(frozen.doorAccessRevoked()).isTrue();
        assertThat(doors.callsFor(holder.idNumber())).singleElement().satisfies(call -> {
            assertThat(call.action()).isEqualTo(DoorAccessStubServer.Action.REVOKE);
            assertThat(call.reason()).isEqualTo(reason);
            assertThat(call.personName()).isEqualTo("张伟");
        });
        assertThat(personAudit()).containsExactly(PermitFreezer.AUDIT_FREEZE, PermitFreezer.AUDIT_DOOR_REVOKE);
        assertThat(store.anomaliesSince(tenant.id(), holder.id(), clock.instant().minusSeconds(60)))
                .extracting(QualificationStore.Anomaly::kind)
                .containsExactlyInAnyOrder("EXPIRED", PermitFreezer.ANOMALY_FREEZE);
    }

    @Test
    void registryConfirmedReviewLiftsFreezeAndRestoresDoor() {
        Certificate overdue = fixtures.certificate(tenant, holder, LocalDate.of(2029, 6, 30),
                LocalDate.of(2026, 11, 30), LocalDate.of(2023, 11, 20), CertificateState.REVIEW_DUE_SOON);
        clock.set("2026-12-02T01:00:00Z");
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        Person frozen = reload(holder);
        RegistryCertificateRecord ledgerCopy = CertificateFixtures.matchingRecord(holder, overdue, "有效");
        registry.put(holder.idNumber(), new RegistryCertificateRecord(ledgerCopy.certNumber(), ledgerCopy.name(),
                ledgerCopy.gender(), ledgerCopy.category(), ledgerCopy.item(), ledgerCopy.firstIssuedOn(),
                ledgerCopy.validFrom(), ledgerCopy.validUntil(), LocalDate.of(2029, 11, 30),
                LocalDate.of(2026, 11, 25), ledgerCopy.issuer(), "有效"));
        clock.set("2026-12-03T18:00:00Z");

        JobRun run = jobs.runNow(tenant.id(), ScheduledJob.CERTIFICATE_VERIFICATION, "admin");

        assertThat(frozen.permitFrozen()).isTrue();
        assertThat(frozen.freezeReason()).isEqualTo("特种作业操作证 " + overdue.certNumber()
                + "（熔化焊接与热切割作业）应于 2026-11-30 前复审，逾期未复审；已冻结作业票提交，复审经查询平台核验后自动解除");
        assertThat(run.verification()).isNotNull();
        assertThat(run.verification().changed()).singleElement().satisfies(change ->
                assertThat(change.stateAfter()).isEqualTo(CertificateState.VALID));
        assertThat(run.warnings().personsUnfrozen()).isEqualTo(1);
        Person lifted = reload(holder);
        assertThat(lifted.permitFrozen()).isFalse();
        assertThat(lifted.freezeReason()).isNull();
        assertThat(lifted.doorAccessRevoked()).isFalse();
        assertThat(doors.callsFor(holder.idNumber())).extracting(DoorAccessStubServer.Call::action)
                .containsExactly(DoorAccessStubServer.Action.REVOKE, DoorAccessStubServer.Action.RESTORE);
        assertThat(personAudit()).containsExactly(PermitFreezer.AUDIT_FREEZE, PermitFreezer.AUDIT_DOOR_REVOKE,
                PermitFreezer.AUDIT_UNFREEZE, PermitFreezer.AUDIT_DOOR_RESTORE);
    }

    @Test
    void doorFailureIsRetriedByNextPass() {
        certificateValidUntilDecember();
        doors.setFailing(true);
        clock.set("2026-12-05T01:00:00Z");

        WarningPassReport failed = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        Person afterFailure = reload(holder);
        doors.setFailing(false);
        WarningPassReport retried = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(failed.doorAccessFailures()).isEqualTo(1);
        assertThat(afterFailure.permitFrozen()).isTrue();
        assertThat(afterFailure.doorAccessRevoked()).isFalse();
        assertThat(retried.doorAccessFailures()).isZero();
        assertThat(reload(holder).doorAccessRevoked()).isTrue();
        assertThat(doors.callsFor(holder.idNumber())).hasSize(1);
    }

    private List<Notice> noticesTo(String username) {
        return events.stream(Notice.class).filter(notice -> notice.recipient().equals(username)).toList();
    }

    @Test
    void todoNotifiesEveryAssignee() {
        Certificate certificate = certificateValidUntilDecember();
        clock.set("2026-11-04T01:00:00Z");

        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        String todoText = "张伟 的特种作业操作证 " + certificate.certNumber()
                + "（熔化焊接与热切割作业）有效期至 2026-12-04，还剩 30 天；请确认已安排换证复审";
        assertThat(noticesTo(leader)).singleElement().satisfies(notice -> {
            assertThat(notice.tenantId()).isEqualTo(tenant.id());
            assertThat(notice.topic()).isEqualTo(WarningRule.DEFAULT_TOPIC);
            assertThat(notice.subject()).isEqualTo("证书复审待办");
            assertThat(notice.body()).isEqualTo(todoText);
            assertThat(notice.link()).isEqualTo("/persons/" + holder.id());
        });
        assertThat(noticesTo(hrbp)).extracting(Notice::body).containsExactly(todoText);
        assertThat(noticesTo(holderUser)).extracting(Notice::subject).containsExactly("证书到期提醒");
        assertThat(noticesTo(otherLeader)).isEmpty();
    }

    @Test
    void unconfirmedTodoEscalatesOnce() {
        String safety = user("safety", "SAFETY_ENGINEER", null, null);
        Certificate certificate = certificateValidUntilDecember();
        clock.set("2026-11-04T01:00:00Z");
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        CertificateWarning todo = warnings.openTodosFor(tenant.id(), leader).getFirst();
        confirmer.confirm(tenant.id(), todo.id(), leader);
        clock.set("2026-11-06T00:59:00Z");
        WarningPassReport before = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        clock.set("2026-11-06T01:00:00Z");

        WarningPassReport due = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        WarningPassReport again = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(before.todosEscalated()).isZero();
        assertThat(due.todosEscalated()).isEqualTo(1);
        assertThat(again.todosEscalated()).isZero();
        CertificateWarning escalated = warnings.find(tenant.id(), todo.id()).orElseThrow();
        assertThat(escalated.escalatedAt()).isEqualTo(Instant.parse("2026-11-06T01:00:00Z"));
        assertThat(escalated.escalatedTo()).containsExactly(safety);
        assertThat(escalated.status()).isEqualTo(WarningStatus.OPEN);
        assertThat(noticesTo(safety)).singleElement().satisfies(notice -> {
            assertThat(notice.subject()).isEqualTo("证书复审待办逾期未确认");
            assertThat(notice.body()).isEqualTo("待办未按时确认：张伟 的特种作业操作证 " + certificate.certNumber()
                    + "（熔化焊接与热切割作业）有效期至 2026-12-04，还剩 30 天；请确认已安排换证复审（尚待 HRBP 确认，"
                    + "已超过 48 小时）");
        });
        assertThat(audit.forSubject(tenant.id(), "certificate-warning", String.valueOf(todo.id())))
                .extracting(AuditEntry::action).containsExactly(CertificateWarningPass.AUDIT_RAISE,
                        WarningConfirmer.AUDIT_CONFIRM, CertificateWarningPass.AUDIT_ESCALATE);
    }

    @Test
    void confirmedTodoDoesNotEscalate() {
        user("safety", "SAFETY_ENGINEER", null, null);
        certificateValidUntilDecember();
        clock.set("2026-11-04T01:00:00Z");
        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        CertificateWarning todo = warnings.openTodosFor(tenant.id(), leader).getFirst();
        confirmer.confirm(tenant.id(), todo.id(), leader);
        confirmer.confirm(tenant.id(), todo.id(), hrbp);
        clock.set("2026-11-10T01:00:00Z");

        WarningPassReport report = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(report.todosEscalated()).isZero();
        assertThat(warnings.find(tenant.id(), todo.id()).orElseThrow().escalatedAt()).isNull();
    }

    @Test
    void activeFreezeNamesCertificateRuleAndStart() {
        Certificate certificate = certificateValidUntilDecember();
        clock.set("2026-12-04T16:00:00Z");

        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(freezer.activeFreezeOf(tenant.id(), holder.id())).get().satisfies(freeze -> {
            assertThat(freeze.certificateId()).isEqualTo(certificate.id());
            assertThat(freeze.certNumber()).isEqualTo(certificate.certNumber());
            assertThat(freeze.item()).isEqualTo("熔化焊接与热切割作业");
            assertThat(freeze.ruleId()).isEqualTo("freeze-0");
            assertThat(freeze.frozenAt()).isEqualTo(Instant.parse("2026-12-04T16:00:00Z"));
            assertThat(freeze.doorRevoked()).isTrue();
        });
    }

    @Test
    void revokedCertificateFreezesHolder() {
        Certificate certificate = certificateValidUntilDecember();
        clock.set("2026-07-01T01:00:00Z");
        revocation.revoke(tenant.id(), certificate.id(), "某市应急管理局撤销决定书〔2026〕12号", "admin");

        WarningPassReport report = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(report.personsFrozen()).isEqualTo(1);
        assertThat(reload(certificate).state()).isEqualTo(CertificateState.REVOKED);
        Person frozen = reload(holder);
        assertThat(frozen.freezeReason()).isEqualTo("特种作业操作证 " + certificate.certNumber()
                + "（熔化焊接与热切割作业）已被撤销：某市应急管理局撤销决定书〔2026〕12号；已冻结作业票提交，取得有效证书并登记后自动解除");
        assertThat(frozen.doorAccessRevoked()).isTrue();
        assertThat(doors.callsFor(holder.idNumber())).extracting(DoorAccessStubServer.Call::action)
                .containsExactly(DoorAccessStubServer.Action.REVOKE);
    }

    @Test
    void reviewWindowNoticeTellsHolderToApply() {
        publishRulesetWithReviewWindowNotice();
        Certificate certificate = fixtures.certificate(tenant, holder, LocalDate.of(2030, 2, 28),
                LocalDate.of(2027, 3, 1), null, CertificateState.VALID);
        clock.set("2026-12-30T01:00:00Z");
        WarningPassReport dayBefore = pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);
        clock.set("2026-12-31T01:00:00Z");

        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(dayBefore.noticesRaised()).as("only the 90-day notice").isEqualTo(1);
        String expected = "张伟，您的特种作业操作证 " + certificate.certNumber() + "（熔化焊接与热切割作业）可申请复审："
                + "申请期 2026-12-31 至 2027-03-01（19号令）；请在申请期内提交复审申请";
        assertThat(warnings.forCertificate(tenant.id(), certificate.id()))
                .filteredOn(warning -> warning.ruleId().equals("review-window"))
                .singleElement().satisfies(notice -> {
                    assertThat(notice.kind()).isEqualTo(WarningKind.NOTICE);
                    assertThat(notice.dueDate()).isEqualTo(LocalDate.of(2027, 3, 1));
                    assertThat(notice.message()).isEqualTo(expected);
                });
        assertThat(noticesTo(holderUser)).filteredOn(notice -> notice.subject().equals("证书可申请复审"))
                .singleElement().extracting(Notice::body).isEqualTo(expected);
    }

    @Test
    void reviewWindowNoticeSkipsClassWithoutWindow() {
        publishRulesetWithReviewWindowNotice();
        Certificate forklift = store.upsertCertificate(tenant.id(), holder.id(), new QualificationStore.CertificateData(
                holder.idNumber(), "场（厂）内专用机动车辆作业", "叉车司机", LocalDate.of(2023, 3, 1),
                org.tezuo.core.qualification.DatePrecision.DAY, LocalDate.of(2023, 3, 1), LocalDate.of(2031, 2, 28),
                org.tezuo.core.qualification.DatePrecision.DAY, LocalDate.of(2027, 3, 1), null, "某市市场监督管理局",
                CertificateClass.SPECIAL_EQUIPMENT), CertificateState.VALID);
        clock.set("2027-01-15T01:00:00Z");

        pass.run(tenant.id(), AuditLog.SYSTEM_ACTOR);

        assertThat(warnings.forCertificate(tenant.id(), forklift.id())).extracting(CertificateWarning::ruleId)
                .containsExactly("notice-90");
        assertThat(warnings.forCertificate(tenant.id(), forklift.id()).getFirst().message())
                .startsWith("张伟，您的特种设备作业人员证 " + holder.idNumber() + "（叉车司机）应于 2027-03-01 前复审");
    }

    /** Publishes the fixture ruleset with a notice to the holder on the day the review application window opens. */
    private void publishRulesetWithReviewWindowNotice() {
        ObjectNode ruleset = (ObjectNode) json.readTree(CertificateFixtures.LIFECYCLE_RULESET);
        ((ArrayNode) ruleset.get("warnings")).add(json.readTree("""
                {"id": "review-window", "countsFrom": "review-window", "offsetDays": 0, "kind": "notice",
                 "recipients": ["HOLDER"], "source": "30号令第二十二条"}"""));
        metadata.saveAndPublish(tenant.id(), MetadataKind.RULESET, LifecyclePolicyResolver.RULESET_KEY, ruleset,
                "admin");
    }
}
