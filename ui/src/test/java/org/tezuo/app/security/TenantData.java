package org.tezuo.app.security;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.TaskService;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.tezuo.app.permit.Actor;
import org.tezuo.app.permit.Permit;
import org.tezuo.app.permit.PermitDrafter;
import org.tezuo.app.permit.PermitSubmitter;
import org.tezuo.app.profile.ProfileFixture;
import org.tezuo.app.query.WorkOrderRecords;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.notification.DeliveryOutbox;
import org.tezuo.core.notification.Notice;
import org.tezuo.core.notification.NoticeInbox;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.health.HealthReports;
import org.tezuo.core.qualification.health.StoredHealthReport;
import org.tezuo.core.qualification.profile.AssessmentClips;
import org.tezuo.core.qualification.profile.AssessmentKind;
import org.tezuo.core.qualification.profile.AssessmentRecords;
import org.tezuo.core.qualification.profile.AssessmentResult;
import org.tezuo.core.qualification.profile.ProfileTokens;
import org.tezuo.core.qualification.roster.LedgerProfile;
import org.tezuo.core.qualification.roster.RosterImportResult;
import org.tezuo.core.qualification.roster.RosterImporter;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.qualification.warning.CertificateWarning;
import org.tezuo.core.qualification.warning.WarningKind;
import org.tezuo.core.qualification.warning.WarningStore;
import org.tezuo.core.schedule.CertificateJobRunner;
import org.tezuo.core.schedule.JobRun;
import org.tezuo.core.schedule.ScheduledJob;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateCatalog;
import org.tezuo.templates.TemplateInstaller;
import org.tezuo.workflow.operation.ApplicantOperations;
import org.tezuo.workflow.operation.ApprovalNotices;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tenant from the LNG template with one user per role and data of every kind a user can reach by id. It has a
 * person with a certificate, a ledger import with row errors, a verification run and the warnings it raised, a
 * permit in approval with its task, notice and carbon copy, and an issued permit with an e-permit token. It also has
 * work-order records and a records entity of its own, an uploaded photo, a health report, a saved report, a flow, a
 * form and a dictionary of its own, a profile token, an assessment with a clip, an in-app notice with a delivery,
 * and the audit records all of that wrote. Every name the tenant's users could see carries {@link #marker}, so a
 * response that leaks this tenant's data to another tenant contains it.
 */
final class TenantData {

    static final String PASSWORD = "Geli-2026-secret";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    /** Text in every name of this tenant's data, such as 乙方. */
    final String marker;
    final String suffix;
    final long tenantId;
    final String tenantCode;
    final Map<Role, String> users;
    final Map<String, Long> unitIds;
    final String idNumber;
    final String certNumber;
    final long personId;
    final long certificateId;
    long rosterBatchId;
    long verificationRunId;
    long warningId;
    long permitId;
    String processInstanceId;
    String taskId;
    long approvalNoticeId;
    long approvalCopyId;
    long issuedPermitId;
    String ePermitToken;
    String permitNumber;
    List<Long> workOrderIds;
    String fileId;
    String healthReportPdfId;
    String healthReportXlsxId;
    String profileToken;
    long assessmentId;
    long clipId;
    long noticeId;
    long deliveryId;

    private TenantData(String marker, String suffix, long tenantId, String tenantCode, Map<Role, String> users,
            Map<String, Long> unitIds, String idNumber, String certNumber, long personId, long certificateId) {
        this.marker = marker;
        this.suffix = suffix;
        this.tenantId = tenantId;
        this.tenantCode = tenantCode;
        this.users = users;
        this.unitIds = unitIds;
        this.idNumber = idNumber;
        this.certNumber = certNumber;
        this.personId = personId;
        this.certificateId = certificateId;
    }

    /**
     * Installs the tenant with its users, person and work orders only: enough for the tenant whose users try to
     * reach another tenant's data.
     */
    static TenantData basic(ApplicationContext context, String marker, String idNumber) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        TemplateInstaller.Installation installation = context.getBean(TemplateInstaller.class).createTenant(
                "iso-" + suffix, marker + "化工", "lng-terminal", SHANGHAI, "test");
        long tenantId = installation.tenant().id();
        Map<String, Long> units = installation.orgUnitIds();

        UserAccounts accounts = context.getBean(UserAccounts.class);
        Map<Role, String> users = new java.util.EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            String username = "iso-" + role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + suffix;
            Long unit = switch (role) {
                case SAFETY_DIRECTOR, SAFETY_ENGINEER -> units.get("SAFETY");
                case HRBP -> units.get("HR");
                case SYSTEM_ADMIN -> units.get("HQ");
                default -> units.get("MAINT");
            };
            accounts.create(tenantId, username, PASSWORD, marker + role.name(), Set.of(role.name()), unit,
                    role == Role.WORKER ? idNumber : null);
            users.put(role, username);
        }

        QualificationStore qualifications = context.getBean(QualificationStore.class);
        Person person = qualifications.upsertPerson(tenantId, new QualificationStore.PersonData(marker + "焊工", "男",
                idNumber, "维修车间", "焊工"));
        // The review falls due in 20 days, inside the 30-day to-do window of the template's warning rules.
        LocalDate reviewDue = LocalDate.now(SHANGHAI).plusDays(20);
        LocalDate issued = reviewDue.minusYears(3);
        Certificate certificate = qualifications.upsertCertificate(tenantId, person.id(),
                new QualificationStore.CertificateData("T" + idNumber, "焊接与热切割作业", "熔化焊接与热切割作业",
                        issued, DatePrecision.DAY, issued, issued.plusYears(6), DatePrecision.DAY, reviewDue, null,
                        "南京市应急管理局"),
                CertificateState.VALID);

        WorkOrderRecords.create(tenantId, context.getBean(MetadataStore.class), context.getBean(JdbcClient.class),
                context.getBean(JsonMapper.class));
        return new TenantData(marker, suffix, tenantId, "iso-" + suffix, users, units, idNumber, "T" + idNumber,
                person.id(), certificate.id());
    }

    /**
     * Installs the tenant with data of every kind. {@code registryBaseUrl} is a loopback registry stub that returns a
     * record for the person's certificate, so the verification run and the warning pass have something to do.
     */
    static TenantData full(ApplicationContext context, String marker, String idNumber, URI registryBaseUrl,
            java.util.function.BiConsumer<String, RegistryCertificateRecord> registry) {
        TenantData data = basic(context, marker, idNumber);
        data.addVerificationAndWarnings(context, registryBaseUrl, registry);
        data.addRosterImport(context);
        data.addPermits(context);
        data.addRecords(context);
        data.addFilesAndReports(context);
        data.addProfile(context);
        data.addNotices(context);
        data.addOwnDocuments(context);
        return data;
    }

    String user(Role role) {
        return users.get(role);
    }

    /**
     * Texts that only this tenant's data contains; none may appear in another tenant's responses. User names are
     * left out because a rejection may quote the name the caller sent.
     */
    List<String> secrets() {
        return List.of(marker, idNumber, tenantCode);
    }

    private void addVerificationAndWarnings(ApplicationContext context, URI registryBaseUrl,
            java.util.function.BiConsumer<String, RegistryCertificateRecord> registry) {
        MetadataStore metadata = context.getBean(MetadataStore.class);
        ObjectNode connector = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.CONNECTOR,
                "certificate-registry").body().deepCopy();
        connector.put("baseUrl", registryBaseUrl.toString());
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "certificate-registry", connector, "test");
        Certificate certificate = context.getBean(QualificationStore.class).certificatesOf(tenantId, personId)
                .getFirst();
        registry.accept(idNumber, new RegistryCertificateRecord(certNumber, marker + "焊工", "男",
                certificate.category(), certificate.item(), certificate.firstIssuedOn(), certificate.validFrom(),
                certificate.validUntil(), certificate.reviewDueOn(), null, certificate.issuer(),
                RegistryCertificateRecord.STATUS_VALID));

        JobRun run = context.getBean(CertificateJobRunner.class).runNow(tenantId,
                ScheduledJob.CERTIFICATE_VERIFICATION, user(Role.SYSTEM_ADMIN));
        verificationRunId = java.util.Objects.requireNonNull(run.verification()).id();
        warningId = context.getBean(WarningStore.class).forPerson(tenantId, personId).stream()
                .filter(warning -> warning.kind() == WarningKind.TODO)
                .map(CertificateWarning::id)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The warning pass raised no to-do for " + certNumber));
    }

    private void addRosterImport(ApplicationContext context) {
        MetadataStore metadata = context.getBean(MetadataStore.class);
        byte[] ledger = context.getBean(TemplateCatalog.class).resource("lng-terminal", "demo/roster.csv");
        RosterImportResult result = context.getBean(RosterImporter.class).importLedger(tenantId, marker + "台账.csv",
                new ByteArrayInputStream(ledger),
                LedgerProfile.from(metadata.requirePublished(tenantId, MetadataKind.ENTITY, "person-certificate")
                        .body()),
                context.getBean(LifecyclePolicyResolver.class).policyFor(tenantId), SHANGHAI, user(Role.HRBP));
        rosterBatchId = result.batchId();
    }

    private void addPermits(ApplicationContext context) {
        PermitDrafter drafter = context.getBean(PermitDrafter.class);
        MetadataStore metadata = context.getBean(MetadataStore.class);
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        Actor applicant = new Actor(tenantId, user(Role.WORKER), Locale.SIMPLIFIED_CHINESE);

        ObjectNode form = drafter.initialData(applicant, "hot-work");
        form.put("workLeader", user(Role.WORK_LEADER));
        form.put("workContent", marker + "储罐区动火");
        Permit permit = drafter.create(applicant, "hot-work", form);
        permitId = permit.id();
        MetadataDocument flow = metadata.requirePublished(tenantId, MetadataKind.FLOW, "hot-work-approval");
        processInstanceId = context.getBean(org.tezuo.workflow.approval.ApprovalStarter.class).start(tenantId,
                flow.key(), flow.version(), PermitSubmitter.businessKey(permitId), user(Role.WORKER), permit.data());
        taskId = context.getBean(TaskService.class).createTaskQuery().processInstanceId(processInstanceId)
                .singleResult().getId();
        context.getBean(ApplicantOperations.class).urge(tenantId, processInstanceId, user(Role.WORKER),
                marker + "催办");
        approvalNoticeId = context.getBean(ApprovalNotices.class).forRecipient(tenantId, user(Role.WORK_LEADER), false)
                .getFirst().id();
        GeneratedKeyHolder copyKey = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into approval_copy (tenant_id, process_instance_id, business_key, flow_key, node_id, node_name,
                                           recipient, copied_at)
                values (?, ?, ?, ?, 'cc', ?, ?, ?)""")
                .params(tenantId, processInstanceId, PermitSubmitter.businessKey(permitId), flow.key(),
                        marker + "抄送", user(Role.HRBP), Timestamp.from(Instant.now()))
                .update(copyKey, "id");
        approvalCopyId = copyKey.getKey().longValue();

        Permit issued = drafter.create(applicant, "hot-work", form);
        issuedPermitId = issued.id();
        ePermitToken = UUID.randomUUID().toString().replace("-", "") + "x".repeat(11);
        permitNumber = "DH-" + suffix;
        jdbc.sql("""
                update permit set status = 'ISSUED', permit_number = ?, qr_token = ?, issued_at = now()
                where tenant_id = ? and id = ?""")
                .params(permitNumber, ePermitToken, tenantId, issuedPermitId)
                .update();
    }

    private void addRecords(ApplicationContext context) {
        JdbcClient jdbc = context.getBean(JdbcClient.class);
        MetadataStore metadata = context.getBean(MetadataStore.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        String table = "\"tenant_" + tenantId + "\".\"work_order\"";
        for (int i = 0; i < 5; i++) {
            jdbc.sql("insert into " + table + " (entity_version, created_at, created_by, updated_at, updated_by, "
                    + "row_version, site, status) values (1, now(), 'test', now(), 'test', 0, ?, 'open')")
                    .param(marker + "厂区" + i)
                    .update();
        }
        workOrderIds = jdbc.sql("select id from " + table + " order by id").query(Long.class).list();
        metadata.saveAndPublish(tenantId, MetadataKind.ENTITY, "secret_patrol", json.readTree("""
                {"name": "secret_patrol", "label": {"zh": "%s巡查"}, "storage": "records",
                 "fields": [{"name": "title", "type": "text", "label": {"zh": "%s标题"}}]}"""
                .formatted(marker, marker)), "test");
    }

    private void addFilesAndReports(ApplicationContext context) {
        fileId = context.getBean(FileStore.class).store(tenantId, user(Role.SAFETY_ENGINEER), FileKind.IMAGE,
                marker + "现场.png", "image/png", new ByteArrayInputStream(png())).id();
        StoredHealthReport report = context.getBean(HealthReports.class).generate(tenantId,
                YearMonth.now(SHANGHAI).minusMonths(1), user(Role.SYSTEM_ADMIN));
        healthReportPdfId = report.pdfFileId();
        healthReportXlsxId = report.xlsxFileId();
    }

    private void addProfile(ApplicationContext context) {
        profileToken = context.getBean(ProfileTokens.class).issue(tenantId, personId, user(Role.HRBP)).token();
        assessmentId = context.getBean(AssessmentRecords.class).record(tenantId, user(Role.HRBP), personId,
                new AssessmentRecords.NewAssessment(AssessmentKind.PRACTICAL, "熔化焊接与热切割作业",
                        LocalDate.now(SHANGHAI).minusDays(3), AssessmentResult.PASSED, marker + "考评员", null)).id();
        clipId = context.getBean(AssessmentClips.class).upload(tenantId, user(Role.HRBP), assessmentId, true,
                marker + "实操.mp4", "video/mp4", null, new ByteArrayInputStream(ProfileFixture.mp4(2000))).id();
    }

    private void addNotices(ApplicationContext context) {
        MetadataStore metadata = context.getBean(MetadataStore.class);
        metadata.saveAndPublish(tenantId, MetadataKind.CONNECTOR, "closed-robot", context.getBean(JsonMapper.class)
                .readTree("""
                        {"type":"wecom-robot","baseUrl":"http://127.0.0.1:9","connectTimeoutMs":500,
                         "topics":["isolation.*"],"channel":{"tokenEnv":"ISOLATION_TEST_ROBOT_KEY"}}"""), "test");
        context.publishEvent(new Notice(tenantId, user(Role.WORKER),
                "isolation.check", marker + "通知", marker + "通知正文", null));
        noticeId = context.getBean(NoticeInbox.class).list(tenantId, user(Role.WORKER), false).stream()
                .filter(notice -> notice.subject().equals(marker + "通知"))
                .findFirst().orElseThrow().id();
        deliveryId = context.getBean(DeliveryOutbox.class).list(tenantId, null).getFirst().id();
    }

    private void addOwnDocuments(ApplicationContext context) {
        MetadataStore metadata = context.getBean(MetadataStore.class);
        JsonMapper json = context.getBean(JsonMapper.class);
        metadata.saveAndPublish(tenantId, MetadataKind.QUERY, "secret-report", json.readTree("""
                {"type": "report", "title": {"zh": "%s报表"},
                 "sql": "select site, count(*) as orders from work_order group by site"}""".formatted(marker)),
                "test");
        metadata.saveAndPublish(tenantId, MetadataKind.DICTIONARY, "secret_dictionary", json.readTree("""
                {"label": {"zh": "%s字典"}, "items": [{"code": "a", "label": {"zh": "%s选项"}}]}"""
                .formatted(marker, marker)), "test");
        metadata.saveAndPublish(tenantId, MetadataKind.FORM, "secret-form", json.readTree("""
                {"title": {"zh": "%s表单"},
                 "schema": {"type": "object", "properties": {"note": {"type": "string", "x-label": {"zh": "备注"}}}},
                 "layout": {"sections": [{"title": {"zh": "基本"}, "fields": ["note"]}]}}""".formatted(marker)),
                "test");
        ObjectNode flow = (ObjectNode) metadata.requirePublished(tenantId, MetadataKind.FLOW, "hot-work-approval")
                .body().deepCopy();
        metadata.saveAndPublish(tenantId, MetadataKind.FLOW, "secret-flow", flow, "test");
    }

    static byte[] png() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            javax.imageio.ImageIO.write(new java.awt.image.BufferedImage(4, 3,
                    java.awt.image.BufferedImage.TYPE_INT_RGB), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
