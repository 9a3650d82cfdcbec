package org.tezuo.app.demo;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.app.org.OrgDirectory;
import org.tezuo.app.security.UserAccounts;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.connector.registry.RegistryCertificateRecord;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.roster.LedgerProfile;
import org.tezuo.core.qualification.roster.RosterImportResult;
import org.tezuo.core.qualification.roster.RosterImporter;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.schedule.CertificateJobRunner;
import org.tezuo.core.schedule.ScheduleRegistrar;
import org.tezuo.core.schedule.ScheduledJob;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.form.record.RecordService;
import org.tezuo.metadata.MetadataDocument;
import org.tezuo.metadata.MetadataKind;
import org.tezuo.templates.TemplateCatalog;
import org.tezuo.templates.TemplateInstaller;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates the demo tenant on the first start in demo mode: the LNG terminal template, one user per role, the demo
 * ledger, then a first registry verification and warning pass. Two more workers hold the certificates that the
 * work-at-height and temporary-electricity gates ask for: a scaffolder and an electrician. On every start it points
 * the tenant's connector documents at the loopback stubs, loads the registry stub from the ledger and adds the demo
 * site plan and zones when the tenant has no plan yet.
 */
@Component
@ConditionalOnProperty(name = "tezuo.demo.enabled", havingValue = "true")
@Order(10)
class DemoTenantSeeder implements ApplicationRunner {

    /** Code of the demo tenant. */
    static final String TENANT_CODE = "demo";
    /** Password of every demo user, listed in the README. */
    static final String PASSWORD = "Demo@2026";

    private static final Logger log = LoggerFactory.getLogger(DemoTenantSeeder.class);
    private static final String TEMPLATE = "lng-terminal";
    private static final String ACTOR = "system";

    /** A demo user: login, display name, role codes, org-unit code of the template, ID number in the ledger. */
    private record DemoUser(String username, String displayName, Set<String> roles, String orgUnit,
            @Nullable String personIdNumber) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "系统管理员", Set.of("SYSTEM_ADMIN"), "HQ", null),
            new DemoUser("director", "刘安全", Set.of("SAFETY_DIRECTOR"), "SAFETY", null),
            new DemoUser("engineer", "陈工", Set.of("SAFETY_ENGINEER"), "SAFETY", null),
            new DemoUser("unithead", "马主任", Set.of("UNIT_HEAD"), "MAINT", null),
            new DemoUser("teamlead", "何班长", Set.of("TEAM_LEADER"), "MAINT", null),
            new DemoUser("hrbp", "林芳", Set.of("HRBP"), "HR", null),
            new DemoUser("leader", "王建国", Set.of("WORK_LEADER"), "MAINT", "320623197804120133"),
            // A second work leader, so that the demo can hand a permit over at shift change.
            new DemoUser("nightleader", "赵夜班", Set.of("WORK_LEADER"), "MAINT", null),
            new DemoUser("worker", "李强", Set.of("WORKER"), "MAINT", "320623198509230318"),
            // The work-at-height gate checks the applicant for a 高处作业 certificate, which no other demo user holds.
            new DemoUser("scaffolder", "段思远", Set.of("WORKER"), "MAINT", "320623197604303015"),
            new DemoUser("electrician", "吴刚", Set.of("WORKER"), "EI", "320623197912081151"));

    /** 孙浩's certificate: the registry prints another validity end, so the demo shows 核验不一致. */
    private static final String MISMATCHED_ID_NUMBER = "320623198811050713";

    /** The day the calibration dates of the demo gas detectors were written for. */
    private static final LocalDate DETECTOR_DATES_WRITTEN_ON = LocalDate.of(2026, 12, 4);

    private final TenantDirectory tenants;
    private final TemplateInstaller installer;
    private final TemplateCatalog templates;
    private final UserAccounts accounts;
    private final RosterImporter importer;
    private final MetadataStore metadata;
    private final LifecyclePolicyResolver policies;
    private final QualificationStore qualifications;
    private final CertificateJobRunner jobs;
    private final ScheduleRegistrar schedules;
    private final DemoStubs stubs;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final RecordService records;
    private final FileStore files;
    private final JsonMapper json;
    private final OrgDirectory directory;

    DemoTenantSeeder(TenantDirectory tenants, TemplateInstaller installer, TemplateCatalog templates,
            UserAccounts accounts, RosterImporter importer, MetadataStore metadata, LifecyclePolicyResolver policies,
            QualificationStore qualifications, CertificateJobRunner jobs, ScheduleRegistrar schedules,
            DemoStubs stubs, AuditLog audit, TransactionTemplate transaction, RecordService records, FileStore files,
            JsonMapper json, OrgDirectory directory) {
        this.tenants = tenants;
        this.installer = installer;
        this.templates = templates;
        this.accounts = accounts;
        this.importer = importer;
        this.metadata = metadata;
        this.policies = policies;
        this.qualifications = qualifications;
        this.jobs = jobs;
        this.schedules = schedules;
        this.stubs = stubs;
        this.audit = audit;
        this.transaction = transaction;
        this.records = records;
        this.files = files;
        this.json = json;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean created = tenants.findByCode(TENANT_CODE).isEmpty();
        Tenant tenant = tenants.findByCode(TENANT_CODE).orElseGet(() -> transaction.execute(status -> create()));
        transaction.executeWithoutResult(status -> addMissingUsers(tenant));
        pointConnectorsAtStubs(tenant);
        loadRegistry(tenant);
        transaction.executeWithoutResult(status -> DemoSitePlan.seed(tenant.id(), files, records, json, ACTOR));
        schedules.refresh(tenant.id());
        if (created) {
            jobs.runNow(tenant.id(), ScheduledJob.CERTIFICATE_VERIFICATION, ACTOR);
        }
        log.info("Demo tenant {} ready ({})", tenant.name(), created ? "created" : "existing");
    }

    /** Keeps the demo weather observation fresh; the ruleset treats an old observation as missing live data. */
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void refreshWeather() {
        tenants.findByCode(TENANT_CODE).ifPresent(tenant -> stubs.refreshObservationTime(tenant.zone()));
    }

    private Tenant create() {
        TemplateInstaller.Installation installation = installer.createTenant(TENANT_CODE, "演示化工有限公司", TEMPLATE,
                ZoneId.of("Asia/Shanghai"), ACTOR);
        Tenant tenant = installation.tenant();
        byte[] ledger = templates.resource(TEMPLATE, "demo/roster.csv");
        LedgerProfile profile = LedgerProfile.from(
                metadata.requirePublished(tenant.id(), MetadataKind.ENTITY, "person-certificate").body());
        RosterImportResult result = importer.importLedger(tenant.id(), "演示台账.csv", new ByteArrayInputStream(ledger),
                profile, policies.policyFor(tenant.id()), tenant.zone(), ACTOR);
        log.info("Demo ledger imported: {} created, {} rejected on purpose", result.created(), result.rejected());
        createGasDetectors(tenant);
        return tenant;
    }

    /**
     * Creates every demo user the tenant lacks: all of them on the first start, and on a later start the users that
     * a newer version added, such as the scaffolder.
     */
    void addMissingUsers(Tenant tenant) {
        for (DemoUser user : USERS) {
            if (directory.user(tenant.id(), user.username()).isPresent()) {
                continue;
            }
            Long orgUnitId = directory.orgUnitByCode(tenant.id(), user.orgUnit()).map(OrgDirectory.OrgUnit::id)
                    .orElse(null);
            accounts.create(tenant.id(), user.username(), PASSWORD, user.displayName(), user.roles(), orgUnitId,
                    user.personIdNumber());
            log.info("Demo user {} created in tenant {}", user.username(), tenant.code());
        }
    }

    /**
     * Registers the demo gas detectors through the template's registration form, as a user would. Their calibration
     * dates were written for {@link #DETECTOR_DATES_WRITTEN_ON}, so they are moved by the days since: the detector
     * the README uses stays in service and calibrated, and the others stay due soon, overdue or scrapped.
     */
    private void createGasDetectors(Tenant tenant) {
        JsonNode detectors = json.readTree(templates.resource(TEMPLATE, "demo/gas-detectors.json"));
        long days = ChronoUnit.DAYS.between(DETECTOR_DATES_WRITTEN_ON, LocalDate.now(tenant.zone()));
        for (JsonNode detector : detectors) {
            ObjectNode moved = ((ObjectNode) detector).deepCopy();
            for (String field : List.of("calibratedOn", "calibrationDue")) {
                if (moved.hasNonNull(field)) {
                    moved.put(field, LocalDate.parse(moved.path(field).asString()).plusDays(days).toString());
                }
            }
            records.create(tenant.id(), "gas_detector", moved, "gas-detector", ACTOR, Locale.SIMPLIFIED_CHINESE);
        }
        log.info("Demo gas detectors registered: {}", detectors.size());
    }

    /** Publishes a new connector version wherever a stub listens on another address than the published base URL. */
    private void pointConnectorsAtStubs(Tenant tenant) {
        repoint(tenant, "certificate-registry", stubs.registry().baseUrl());
        repoint(tenant, "door-access", stubs.doorAccess().baseUrl());
        repoint(tenant, "weather", stubs.weather().baseUrl());
        repoint(tenant, "gas-detection-system", stubs.plantGateway().baseUrl());
        repoint(tenant, "equipment-state", stubs.plantGateway().baseUrl());
        stubs.refreshObservationTime(tenant.zone());
    }

    private void repoint(Tenant tenant, String key, URI baseUrl) {
        MetadataDocument connector = metadata.requirePublished(tenant.id(), MetadataKind.CONNECTOR, key);
        String current = connector.body().path("baseUrl").asString("");
        if (current.equals(baseUrl.toString())) {
            return;
        }
        ObjectNode body = (ObjectNode) connector.body().deepCopy();
        body.put("baseUrl", baseUrl.toString());
        metadata.saveAndPublish(tenant.id(), MetadataKind.CONNECTOR, key, body, ACTOR);
        log.info("Demo connector {} now points at {}", key, baseUrl);
    }

    /** Loads the registry stub with every ledger certificate as the registry would print it. */
    private void loadRegistry(Tenant tenant) {
        for (Person person : qualifications.persons(tenant.id())) {
            for (Certificate certificate : qualifications.certificatesOf(tenant.id(), person.id())) {
                boolean mismatched = person.idNumber().equals(MISMATCHED_ID_NUMBER);
                stubs.registry().put(person.idNumber(), new RegistryCertificateRecord(certificate.certNumber(),
                        person.name(), person.gender(), certificate.category(), certificate.item(),
                        certificate.firstIssuedOn(), certificate.validFrom(),
                        mismatched ? certificate.validUntil().minusYears(1) : certificate.validUntil(),
                        certificate.reviewDueOn(), certificate.reviewDoneOn(), certificate.issuer(),
                        RegistryCertificateRecord.STATUS_VALID));
            }
        }
        audit.append(tenant.id(), ACTOR, "demo.registry-load", "tenant", TENANT_CODE, null, null);
    }
}
