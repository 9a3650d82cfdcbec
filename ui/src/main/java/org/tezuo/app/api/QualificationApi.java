package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.tezuo.app.qualification.CertificateNumbers;
import org.tezuo.app.security.CurrentUser;
import org.tezuo.app.security.Role;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.metadata.MetadataStore;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.roster.LedgerProfile;
import org.tezuo.core.qualification.roster.RosterErrorReportWriter;
import org.tezuo.core.qualification.roster.RosterImportResult;
import org.tezuo.core.qualification.roster.RosterImportStore;
import org.tezuo.core.qualification.roster.RosterImporter;
import org.tezuo.core.qualification.roster.RowError;
import org.tezuo.core.qualification.verification.LifecyclePolicyResolver;
import org.tezuo.core.tenant.TenantDirectory;
import org.tezuo.metadata.MetadataKind;

/** Persons, certificates and the roster import. */
@RestController
@RequestMapping("/api")
@Tag(name = "qualifications", description = "人员、证书与台账导入")
class QualificationApi {

    private final ApiCaller caller;
    private final QualificationStore store;
    private final RosterImporter importer;
    private final RosterErrorReportWriter errorReports;
    private final MetadataStore metadata;
    private final TenantDirectory tenants;
    private final LifecyclePolicyResolver policies;
    private final RosterImportStore importBatches;

    QualificationApi(ApiCaller caller, QualificationStore store, RosterImporter importer,
            RosterErrorReportWriter errorReports, MetadataStore metadata, TenantDirectory tenants,
            LifecyclePolicyResolver policies, RosterImportStore importBatches) {
        this.caller = caller;
        this.store = store;
        this.importer = importer;
        this.errorReports = errorReports;
        this.metadata = metadata;
        this.tenants = tenants;
        this.policies = policies;
        this.importBatches = importBatches;
    }

    /** The signed-in user and the tenant. */
    record Me(String username, String displayName, List<String> roles, String tenantCode, String tenantName) {
    }

    @GetMapping("/me")
    @Operation(summary = "当前用户与企业")
    Me me() {
        CurrentUser user = caller.user();
        var tenant = tenants.require(user.tenantId());
        return new Me(user.username(), user.displayName(), user.roles().stream().map(Role::code).sorted().toList(),
                tenant.code(), tenant.name());
    }

    /**
     * A person as the API shows it: the ID number is masked, and so is a certificate number in the freeze reason
     * unless the caller is a system administrator ({@link CertificateNumbers}).
     */
    record PersonView(long id, String name, @Nullable String gender, String maskedIdNumber, @Nullable String orgUnit,
            @Nullable String position, boolean permitFrozen, @Nullable String freezeReason, boolean doorAccessRevoked) {

        static PersonView of(Person person, CurrentUser reader) {
            return new PersonView(person.id(), person.name(), person.gender(), person.maskedIdNumber(),
                    person.orgUnit(), person.position(), person.permitFrozen(),
                    CertificateNumbers.forUser(reader, person.freezeReason()), person.doorAccessRevoked());
        }
    }

    /**
     * A certificate with its class, state labels and last registry check. The certificate number, which usually
     * embeds the holder's ID number, and the registry detail are masked unless the caller is a system administrator.
     */
    record CertificateView(long id, long personId, String certNumber, String certificateClass,
            String certificateClassZh, String category, String item,
            @Nullable LocalDate firstIssuedOn, LocalDate validUntil, @Nullable LocalDate reviewDueOn,
            @Nullable LocalDate reviewDoneOn, @Nullable String issuer, CertificateState state, String stateZh,
            @Nullable String registryResult, @Nullable Instant registryCheckedAt, @Nullable String registryDetail) {

        static CertificateView of(Certificate c, CurrentUser reader) {
            return new CertificateView(c.id(), c.personId(), CertificateNumbers.readable(reader, c.certNumber()),
                    c.certificateClass().code(), c.certificateClass().label(UserMessages.DEFAULT_LOCALE),
                    c.category(), c.item(), c.firstIssuedOn(), c.validUntil(), c.reviewDueOn(), c.reviewDoneOn(),
                    c.issuer(), c.state(), c.state().label(UserMessages.DEFAULT_LOCALE),
                    c.registryResult() == null ? null : c.registryResult().name(), c.registryCheckedAt(),
                    CertificateNumbers.forUser(reader, c.registryDetail()));
        }
    }

    record PersonDetail(PersonView person, List<CertificateView> certificates) {
    }

    @GetMapping("/persons")
    @Operation(summary = "人员列表")
    List<PersonView> persons() {
        long tenantId = personReader();
        CurrentUser reader = caller.user();
        return store.persons(tenantId).stream().map(person -> PersonView.of(person, reader)).toList();
    }

    @GetMapping("/persons/{id}")
    @Operation(summary = "人员详情与证书")
    PersonDetail person(@PathVariable long id) {
        long tenantId = personReader();
        Person person = store.findPerson(tenantId, id).orElseThrow(() -> new NotFoundException("人员", id));
        CurrentUser reader = caller.user();
        return new PersonDetail(PersonView.of(person, reader), store.certificatesOf(tenantId, id).stream()
                .map(certificate -> CertificateView.of(certificate, reader)).toList());
    }

    @GetMapping("/certificates")
    @Operation(summary = "证书列表，可按状态筛选")
    List<CertificateView> certificates(@RequestParam(required = false) @Nullable CertificateState state) {
        long tenantId = personReader();
        CurrentUser reader = caller.user();
        return store.certificates(tenantId).stream()
                .filter(certificate -> state == null || certificate.state() == state)
                .map(certificate -> CertificateView.of(certificate, reader))
                .toList();
    }

    @GetMapping("/certificates/counts")
    @Operation(summary = "各状态证书数量")
    Map<CertificateState, Long> certificateCounts() {
        return store.countByState(caller.user().tenantId());
    }

    /** The outcome of one import, with every row error in the caller's locale. */
    record ImportView(long batchId, String fileName, long created, long updated, long unchanged, long rejected,
            List<RowErrorView> errors) {
    }

    record RowErrorView(int row, String column, @Nullable String value, String message) {
    }

    @PostMapping(path = "/roster/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "导入特种作业与特种设备作业人员持证台账（xlsx 或 csv）")
    ImportView importRoster(@RequestParam("file") MultipartFile file) throws IOException {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER, Role.HRBP);
        LedgerProfile profile = LedgerProfile.from(
                metadata.requirePublished(tenantId, MetadataKind.ENTITY, "person-certificate").body());
        LifecyclePolicy policy = policies.policyFor(tenantId);
        RosterImportResult result;
        try (InputStream content = file.getInputStream()) {
            result = importer.importLedger(tenantId, String.valueOf(file.getOriginalFilename()), content, profile,
                    policy, tenants.require(tenantId).zone(), caller.user().username());
        }
        var locale = ApiCaller.locale();
        return new ImportView(result.batchId(), result.fileName(), result.created(), result.updated(),
                result.unchanged(), result.rejected(), result.errors().stream()
                        .map(error -> new RowErrorView(error.rowNumber(), error.column(), error.value(),
                                error.message(locale)))
                        .toList());
    }

    @GetMapping("/roster/imports/{batchId}/errors.{format}")
    @Operation(summary = "下载导入错误清单（xlsx 或 csv）")
    ResponseEntity<byte[]> importErrors(@PathVariable long batchId, @PathVariable String format) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER, Role.HRBP);
        if (!format.equals("xlsx") && !format.equals("csv")) {
            throw new org.tezuo.core.i18n.LocalizedException("roster.errorFormatUnsupported", format);
        }
        List<RowError> errors = batchErrors(tenantId, batchId);
        var locale = ApiCaller.locale();
        boolean xlsx = format.equals("xlsx");
        byte[] body = xlsx ? errorReports.xlsx(errors, locale) : errorReports.csv(errors, locale);
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("import-" + batchId + "-errors." + (xlsx ? "xlsx" : "csv")).build().toString())
                .contentType(xlsx ? MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                        : MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(body);
    }

    /**
     * Returns the caller's tenant for reading persons and certificates; workers are refused because certificate
     * numbers embed the holder's full ID number.
     */
    private long personReader() {
        return caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER, Role.UNIT_HEAD,
                Role.TEAM_LEADER, Role.HRBP, Role.WORK_LEADER);
    }

    private List<RowError> batchErrors(long tenantId, long batchId) {
        return importBatches.errorsOf(tenantId, batchId).orElseThrow(() -> new NotFoundException("导入批次", batchId));
    }
}
