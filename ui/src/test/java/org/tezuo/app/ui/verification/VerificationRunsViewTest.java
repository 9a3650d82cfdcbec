package org.tezuo.app.ui.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.CurrentUserProvider;
import org.tezuo.app.security.Role;
import org.tezuo.app.ui.form.TranslatedUi;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.connector.registry.RegistryStubServer;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.QualificationStore.CertificateData;
import org.tezuo.core.qualification.QualificationStore.PersonData;
import org.tezuo.core.qualification.verification.CertificateVerifier;
import org.tezuo.core.qualification.verification.RunMismatch;
import org.tezuo.core.qualification.verification.RunReportReader;
import org.tezuo.core.qualification.verification.VerificationRun;
import org.tezuo.core.qualification.verification.VerificationRunStore;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.core.tenant.UserNames;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.json.JsonMapper;

/** The verification-run screen built on the server in Chinese, after a run against the loopback registry stub. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class VerificationRunsViewTest {

    private static final String ID_NUMBER = "320102198805051236";
    private static final String OTHER_ID_NUMBER = "320102199001011239";

    static RegistryStubServer registry;

    @Autowired
    TemplateInstaller installer;

    @Autowired
    MetadataStore metadata;

    @Autowired
    QualificationStore qualifications;

    @Autowired
    CertificateVerifier verifier;

    @Autowired
    VerificationRunStore runs;

    @Autowired
    RunReportReader reports;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    UserNames names;

    @Autowired
    JsonMapper json;

    private long tenantId;

    @BeforeAll
    static void startRegistry() throws IOException {
        registry = RegistryStubServer.start(0);
    }

    @AfterAll
    static void stopRegistry() {
        registry.close();
    }

    @BeforeEach
    void installTenant() {
        tenantId = installer.createTenant("ui-verify-" + UUID.randomUUID().toString().substring(0, 8), "核验页面测试企业",
                "lng-terminal", ZoneId.of("Asia/Shanghai"), "test").tenant().id();
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "certificate-registry", json.readTree(
                "{\"type\": \"certificate-registry\", \"baseUrl\": \"" + registry.baseUrl() + "\"}"), "test");
    }

    @Test
    void reportShowsMismatchInChinese() {
        Person holder = qualifications.upsertPerson(tenantId, new PersonData("王芳", "女", ID_NUMBER, "维修班", "电工"));
        LocalDate validUntil = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusYears(4);
        Certificate certificate = qualifications.upsertCertificate(tenantId, holder.id(), new CertificateData(
                "T" + ID_NUMBER, "电工作业", "低压电工作业", validUntil.minusYears(6), DatePrecision.DAY,
                validUntil.minusYears(6).plusDays(1), validUntil, DatePrecision.DAY, null, null, "某市应急管理局"),
                CertificateState.VALID);
        registry.put(ID_NUMBER, new RegistryCertificateRecord(certificate.certNumber(), "王芳", "女", "电工作业",
                "高压电工作业", certificate.firstIssuedOn(), certificate.validFrom(), validUntil, null, null,
                "某市应急管理局", "有效"));
        verifier.verifyTenant(tenantId, AuditLog.SYSTEM_ACTOR);

        try (TranslatedUi ui = TranslatedUi.open(Locale.SIMPLIFIED_CHINESE)) {
            VerificationRunsView view = new VerificationRunsView(signedIn(), runs, reports, names, tenants);
            Grid<?> runGrid = grid(view, "verification-runs");
            Grid<?> changes = grid(view, "verification-changes");
            Grid<?> mismatches = grid(view, "verification-mismatches");

            assertThat(runGrid.getColumns().get(7).getHeaderText()).isEqualTo("不一致");
            assertThat(runGrid.getListDataView().getItems().map(VerificationRun.class::cast).toList())
                    .singleElement().satisfies(run -> assertThat(run.mismatches()).isEqualTo(1));
            assertThat(changes.getColumns().get(1).getHeaderText()).isEqualTo("状态（核验前 → 核验后）");
            assertThat(changes.getListDataView().getItemCount()).isEqualTo(1);
            assertThat(changes.getColumns().get(2).getHeaderText()).isEqualTo("从查询平台采用的信息");
            VerificationRun.CertificateChange change = (VerificationRun.CertificateChange) changes.getListDataView()
                    .getItems().findFirst().orElseThrow();
            assertThat(view.registryText(change))
                    .isEqualTo("未采用新值；查询平台结果：核验不一致（操作项目为“高压电工作业”）");
            assertThat(mismatches.getColumns().stream().map(Grid.Column::getHeaderText).toList())
                    .containsExactly("证号", "字段", "台账值", "查询平台值");
            List<RunMismatch> rows = mismatches.getListDataView().getItems().map(RunMismatch.class::cast).toList();
            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.certNumber()).isEqualTo("T3201**********1236");
                assertThat(row.ledgerValue()).isEqualTo("低压电工作业");
                assertThat(row.registryValue()).isEqualTo("高压电工作业");
            });
        }
    }

    @Test
    @DisplayName("Adopted column lists taken values or the registry's result")
    void adoptedColumnListsRegistryValues() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Person reviewed = qualifications.upsertPerson(tenantId, new PersonData("王芳", "女", ID_NUMBER, "维修班", "电工"));
        Certificate overdue = qualifications.upsertCertificate(tenantId, reviewed.id(), new CertificateData(
                "T" + ID_NUMBER, "电工作业", "低压电工作业", today.minusYears(4), DatePrecision.DAY,
                today.minusYears(4), today.plusYears(2), DatePrecision.DAY, today.minusDays(10),
                today.minusYears(3), "某市应急管理局"), CertificateState.REVIEW_OVERDUE);
        registry.put(ID_NUMBER, new RegistryCertificateRecord(overdue.certNumber(), "王芳", "女", "电工作业",
                "低压电工作业", overdue.firstIssuedOn(), overdue.validFrom(), overdue.validUntil(),
                today.plusYears(1), today.minusDays(20), "某市应急管理局", "有效"));
        Person renamed = qualifications.upsertPerson(tenantId, new PersonData("李军", "男", OTHER_ID_NUMBER,
                "维修班", "焊工"));
        Certificate differing = qualifications.upsertCertificate(tenantId, renamed.id(), new CertificateData(
                "T" + OTHER_ID_NUMBER, "焊接与热切割作业", "熔化焊接与热切割作业", today.minusYears(2),
                DatePrecision.DAY, today.minusYears(2), today.plusYears(4), DatePrecision.DAY, null, null,
                "某市应急管理局"), CertificateState.VALID);
        registry.put(OTHER_ID_NUMBER, new RegistryCertificateRecord(differing.certNumber(), "李俊", "男",
                "焊接与热切割作业", "熔化焊接与热切割作业", differing.firstIssuedOn(), differing.validFrom(),
                differing.validUntil(), null, null, "某市应急管理局", "有效"));
        verifier.verifyTenant(tenantId, AuditLog.SYSTEM_ACTOR);

        try (TranslatedUi ui = TranslatedUi.open(Locale.SIMPLIFIED_CHINESE)) {
            VerificationRunsView view = new VerificationRunsView(signedIn(), runs, reports, names, tenants);
            List<String> texts = grid(view, "verification-changes").getListDataView().getItems()
                    .map(VerificationRun.CertificateChange.class::cast).map(view::registryText).toList();

            assertThat(texts).containsExactly(
                    "实际复审日期：" + today.minusYears(3) + " → " + today.minusDays(20) + "；应复审日期："
                            + today.minusDays(10) + " → " + today.plusYears(1),
                    "未采用新值；查询平台结果：核验不一致（姓名为“李俊”）");
            assertThat(String.join("", texts)).doesNotContain(ID_NUMBER).doesNotContain(OTHER_ID_NUMBER);
            assertThat(grid(view, "verification-runs").getListDataView().getItems()
                    .map(VerificationRun.class::cast).map(VerificationRun::actor).toList()).containsExactly("system");
        }
    }

    private CurrentUserProvider signedIn() {
        CurrentUser user = new CurrentUser(1, tenantId, "admin", "系统管理员", Set.of(Role.SYSTEM_ADMIN), null, null);
        return new CurrentUserProvider(new DefaultListableBeanFactory()
                .getBeanProvider(SecurityContextHolderStrategy.class)) {
            @Override
            public CurrentUser require() {
                return user;
            }
        };
    }

    private static Grid<?> grid(Component root, String id) {
        return descendants(root).filter(component -> component.getId().filter(id::equals).isPresent())
                .map(Grid.class::cast).findFirst().orElseThrow();
    }

    private static Stream<Component> descendants(Component root) {
        return Stream.concat(Stream.of(root), root.getChildren().flatMap(VerificationRunsViewTest::descendants));
    }
}
