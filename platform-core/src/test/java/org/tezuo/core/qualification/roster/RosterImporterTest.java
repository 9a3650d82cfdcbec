package org.tezuo.core.qualification.roster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.tezuo.core.audit.AuditEntry;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateClass;
import org.tezuo.core.qualification.CertificateState;
import org.tezuo.core.qualification.CertificateStateEvaluator;
import org.tezuo.core.qualification.DatePrecision;
import org.tezuo.core.qualification.LifecyclePolicy;
import org.tezuo.core.qualification.Person;
import org.tezuo.core.qualification.QualificationStore;
import org.tezuo.core.qualification.verification.CertificateFixtures;
import org.tezuo.core.qualification.verification.LifecyclePolicyParser;
import org.tezuo.core.tenant.TenantDirectory;

@SpringBootTest
@Import(FixedClockConfiguration.class)
class RosterImporterTest {

    static final ZoneId SHANGHAI = FixedClockConfiguration.SHANGHAI;
    static final Instant NOW = FixedClockConfiguration.NOW;
    static final LifecyclePolicy POLICY = new LifecyclePolicy(30, 30);

    @Autowired
    RosterImporter importer;

    @Autowired
    QualificationStore store;

    @Autowired
    RosterImportStore batches;

    @Autowired
    AuditLog audit;

    @Autowired
    TenantDirectory tenants;

    private final LedgerProfile profile = LngTerminalEntity.profile();

    private long newTenant() {
        return tenants.create("roster-" + UUID.randomUUID(), "测试化工有限公司", "lng-terminal", SHANGHAI).id();
    }

    private RosterImportResult importFile(long tenant, String fileName, byte[] content) {
        return importer.importLedger(tenant, fileName, new ByteArrayInputStream(content), profile, POLICY, SHANGHAI,
                "admin");
    }

    @Test
    void xlsxImportsValidRejectsBad() {
        TestLedger ledger = new TestLedger();
        long tenant = newTenant();

        RosterImportResult result = importFile(tenant, "持证台账.xlsx", ledger.fixture.xlsx());

        assertThat(result.fileType()).isEqualTo(LedgerFileType.XLSX);
        assertThat(result.headerRowNumber()).isEqualTo(TestLedger.HEADER_ROW);
        assertThat(result.created()).isEqualTo(55);
        assertThat(result.updated()).isZero();
        assertThat(result.unchanged()).isZero();
        assertThat(result.rejected()).isEqualTo(13);
        assertThat(reasonKeysByRow(result)).containsAllEntriesOf(ledger.rejected);
        assertThat(reasonKeysByRow(result).get(ledger.numericIdRow)).containsExactly("id.numericCell");
        assertThat(store.persons(tenant)).hasSize(55);
        assertThat(store.certificates(tenant)).hasSize(55);
        assertStoredAsExpected(tenant, ledger);
    }

    @Test
    void rowErrorsNameRowColumnValueAndFix() {
        TestLedger ledger = new TestLedger();
        long tenant = newTenant();

        RosterImportResult result = importFile(tenant, "持证台账.xlsx", ledger.fixture.xlsx());

        Map<Integer, List<String>> messages = result.errors().stream().collect(Collectors.groupingBy(
                RowError::rowNumber, Collectors.mapping(e -> e.message(Locale.SIMPLIFIED_CHINESE), Collectors.toList())));
        String badId = ledger.badCheckIdNumber;
        assertThat(messages.get(ledger.checkCharacterRow)).containsExactly("第 " + ledger.checkCharacterRow
                + " 行“证件号码”列：身份证号“" + badId + "”的校验位应为“"
                + IdNumberNormaliser.checkCharacter(badId.substring(0, 17)) + "”而不是“" + badId.charAt(17)
                + "”（GB 11643 校验码），号码中多半有一位录错；请对照身份证逐位核对");
        assertThat(messages.get(ledger.missingValuesRow)).containsExactly(
                "第 " + ledger.missingValuesRow + " 行“姓名”列：缺少必填的“姓名”；请补填后重新导入本行",
                "第 " + ledger.missingValuesRow + " 行“有效期结束日期”列：缺少必填的“有效期结束日期”；请补填后重新导入本行");
        assertThat(messages.get(ledger.welderDuplicateRow)).containsExactly("第 " + ledger.welderDuplicateRow
                + " 行“操作证号”列：本行与第 " + ledger.welderRow + " 行是同一张证书（身份证号和证书编号相同），已按第 "
                + ledger.welderRow + " 行导入，本行未导入；请删除重复行");
        assertThat(messages.get(ledger.unknownCategoryRow)).containsExactly("第 " + ledger.unknownCategoryRow
                + " 行“作业类别”列：作业类别“潜水员”无法识别；请填写以下作业类别之一：电工作业、焊接与热切割作业、高处作业、"
                + "制冷与空调作业、危险化学品安全作业、特种设备安全管理、锅炉作业、压力容器作业、气瓶作业、电梯作业、起重机作业、"
                + "场（厂）内专用机动车辆作业、安全附件维修作业、特种设备焊接作业"
                + "（也可填写 电焊、低压电工、登高、叉车、N1 等常用说法或项目代号）");
        RowError checkError = result.errors().stream().filter(e -> e.rowNumber() == ledger.checkCharacterRow)
                .findFirst().orElseThrow();
        assertThat(checkError.column()).isEqualTo("证件号码");
        assertThat(checkError.value()).isEqualTo(badId);
        assertThat(checkError.message(Locale.ENGLISH)).startsWith("Row " + ledger.checkCharacterRow
                + ", column \"证件号码\": ID number \"" + badId + "\" should end in the check character");
    }

    @Test
    void csvStoresWhatXlsxStores() {
        TestLedger ledger = new TestLedger();
        long fromXlsx = newTenant();
        long fromCsv = newTenant();

        importFile(fromXlsx, "持证台账.xlsx", ledger.fixture.xlsx());
        RosterImportResult withBom = importFile(fromXlsx, "持证台账.csv", ledger.fixture.csv(true));
        RosterImportResult withoutBom = importFile(fromCsv, "持证台账.csv", ledger.fixture.csv(false));

        assertThat(withBom.fileType()).isEqualTo(LedgerFileType.CSV);
        assertThat(withBom.unchanged()).isEqualTo(55);
        assertThat(withBom.created()).isZero();
        assertThat(withBom.updated()).isZero();
        assertThat(reasonKeysByRow(withBom)).containsAllEntriesOf(ledger.rejected);
        assertThat(reasonKeysByRow(withBom).get(ledger.numericIdRow)).containsExactly("id.length");
        assertThat(withoutBom.created()).isEqualTo(55);
        assertThat(withoutBom.rejected()).isEqualTo(13);
        assertStoredAsExpected(fromCsv, ledger);
        assertThat(comparable(fromCsv)).isEqualTo(comparable(fromXlsx));
    }

    @Test
    void reimportUpdatesChangedRowOnlyAndNeverDuplicates() {
        TestLedger ledger = new TestLedger();
        long tenant = newTenant();
        importFile(tenant, "持证台账.xlsx", ledger.fixture.xlsx());
        TestLedger changed = new TestLedger();
        String welder = TestLedger.idNumber("19780412", 13);
        changed.fixture.row("", "王有效", "男", welder, "T" + welder, "电焊", "", "", "2024-05-20", "2030-05-19",
                "2027-05-20", "", "南通市应急管理局", "电仪车间", "焊工", "");

        RosterImportResult again = importFile(tenant, "持证台账.xlsx", ledger.fixture.xlsx());
        RosterImportResult withChange = importFile(tenant, "持证台账-更新.xlsx", changed.fixture.xlsx());

        assertThat(again.unchanged()).isEqualTo(55);
        assertThat(again.created() + again.updated()).isZero();
        assertThat(withChange.unchanged()).isEqualTo(55);
        assertThat(withChange.rejected()).isEqualTo(14);
        assertThat(store.persons(tenant)).hasSize(55);
        assertThat(store.certificates(tenant)).hasSize(55);
        Person welderPerson = store.findPersonByIdNumber(tenant, welder).orElseThrow();
        assertThat(welderPerson.orgUnit()).isEqualTo("维修车间");
    }

    @Test
    void changedOrgUnitIsUpdatedAndAudited() {
        TestLedger ledger = new TestLedger();
        long tenant = newTenant();
        importFile(tenant, "持证台账.csv", ledger.fixture.csv(true));
        String welder = TestLedger.idNumber("19780412", 13);
        String csv = "姓名,身份证号,证书编号,作业类别,操作项目,有效期至,应复审日期,部门\n"
                + "王有效," + welder + ",T" + welder + ",电焊,,2030-05-19,2027-05-20,电仪车间\n";

        RosterImportResult result = importFile(tenant, "调岗.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(result.updated()).isEqualTo(1);
        Person person = store.findPersonByIdNumber(tenant, welder).orElseThrow();
        assertThat(person.orgUnit()).isEqualTo("电仪车间");
        assertThat(person.position()).isEqualTo("焊工");
        Certificate certificate = store.certificatesOf(tenant, person.id()).getFirst();
        assertThat(certificate.validFrom()).isEqualTo(java.time.LocalDate.of(2024, 5, 20));
        assertThat(certificate.issuer()).isEqualTo("南通市应急管理局");
        List<AuditEntry> trail = audit.forSubject(tenant, "certificate", String.valueOf(certificate.id()));
        assertThat(trail).extracting(AuditEntry::action).containsExactly("roster.certificate.create",
                "roster.certificate.update");
        assertThat(trail.get(1).beforeState()).contains("\"orgUnit\":\"维修车间\"").doesNotContain(welder.substring(6, 14) + "\",");
        assertThat(trail.get(1).afterState()).contains("\"orgUnit\":\"电仪车间\"")
                .contains("\"importBatchId\":" + result.batchId());
    }

    @Test
    void mixedLedgerStoresEachCertificateClass() {
        long tenant = newTenant();
        String welder = TestLedger.idNumber("19780412", 13);
        String forklift = TestLedger.idNumber("19850607", 21);
        String crane = TestLedger.idNumber("19900102", 33);
        String boiler = TestLedger.idNumber("19820315", 45);
        String contradicting = TestLedger.idNumber("19880820", 57);
        String csv = "姓名,身份证号,证书编号,证书类别,作业类别,操作项目,有效期至\n"
                + "王焊工," + welder + ",T" + welder + ",,电焊,,2030-05-19\n"
                + "李叉车," + forklift + "," + forklift + ",,叉车,N1,2028-06-30\n"
                + "陈行车," + crane + "," + crane + ",特种设备,起重机,Q2,2029-01-15\n"
                + "周司炉," + boiler + "," + boiler + ",特种设备作业人员证,G1,,2027-09-30\n"
                + "吴矛盾," + contradicting + ",T" + contradicting + ",特种作业操作证,叉车,N1,2028-06-30\n";

        RosterImportResult result = importFile(tenant, "混合台账.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(result.created()).isEqualTo(4);
        assertThat(result.rejected()).isEqualTo(1);
        assertThat(certificateOf(tenant, "王焊工").certificateClass()).isEqualTo(CertificateClass.SPECIAL_OPERATION);
        assertThat(certificateOf(tenant, "王焊工").item()).isEqualTo("熔化焊接与热切割作业");
        Certificate forkliftCertificate = certificateOf(tenant, "李叉车");
        assertThat(forkliftCertificate.certificateClass()).isEqualTo(CertificateClass.SPECIAL_EQUIPMENT);
        assertThat(forkliftCertificate.category()).isEqualTo("场（厂）内专用机动车辆作业");
        assertThat(forkliftCertificate.item()).isEqualTo("叉车司机");
        assertThat(certificateOf(tenant, "陈行车").certificateClass()).isEqualTo(CertificateClass.SPECIAL_EQUIPMENT);
        assertThat(certificateOf(tenant, "陈行车").item()).isEqualTo("起重机司机");
        assertThat(certificateOf(tenant, "周司炉").certificateClass()).isEqualTo(CertificateClass.SPECIAL_EQUIPMENT);
        assertThat(certificateOf(tenant, "周司炉").category()).isEqualTo("锅炉作业");
        assertThat(certificateOf(tenant, "周司炉").item()).isEqualTo("工业锅炉司炉");
        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.rowNumber()).isEqualTo(6);
            assertThat(error.column()).isEqualTo("证书类别");
            assertThat(error.message(Locale.SIMPLIFIED_CHINESE)).isEqualTo("第 6 行“证书类别”列：作业类别“场（厂）内专用机动车辆作业”"
                    + "属于“特种设备作业人员证”，与本行证书类别“特种作业操作证”不符；请核对证书类别，或填写“特种作业操作证”的作业类别："
                    + "电工作业、焊接与热切割作业、高处作业、制冷与空调作业、危险化学品安全作业");
        });
        assertThat(audit.forSubject(tenant, "certificate", String.valueOf(forkliftCertificate.id())).getFirst()
                .afterState()).contains("\"certificateClass\":\"SPECIAL_EQUIPMENT\"");
    }

    @Test
    void missingReviewDateIsDerivedSoOverdueReviewShows() {
        long tenant = newTenant();
        String welder = TestLedger.idNumber("19800316", 17);
        java.time.LocalDate validFrom = java.time.LocalDate.now(SHANGHAI).minusYears(4);
        String csv = "姓名,身份证号,证书编号,作业类别,操作项目,有效期起,有效期至\n"
                + "钱试焊," + welder + ",T" + welder + ",焊接与热切割作业,熔化焊接与热切割作业," + validFrom + ","
                + validFrom.plusYears(6) + "\n";

        LifecyclePolicy withRules = new LifecyclePolicyParser().parse("ruleset:certificate-lifecycle@1",
                tools.jackson.databind.json.JsonMapper.builder().build().readTree(CertificateFixtures.LIFECYCLE_RULESET));
        importer.importLedger(tenant, "无复审日期.csv", new ByteArrayInputStream(csv.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)), profile, withRules, SHANGHAI, "admin");

        assertThat(certificateOf(tenant, "钱试焊").reviewDueOn()).isNull();
        assertThat(stateOf(tenant, "钱试焊")).isEqualTo(CertificateState.REVIEW_OVERDUE);
    }

    @Test
    void batchIsRecordedWithCountsErrorsAndAudit() {
        TestLedger ledger = new TestLedger();
        long tenant = newTenant();

        RosterImportResult result = importFile(tenant, "持证台账.xlsx", ledger.fixture.xlsx());

        RosterImportBatch batch = batches.find(tenant, result.batchId()).orElseThrow();
        assertThat(batch.fileName()).isEqualTo("持证台账.xlsx");
        assertThat(batch.fileType()).isEqualTo(LedgerFileType.XLSX);
        assertThat(batch.actor()).isEqualTo("admin");
        assertThat(batch.importedAt()).isEqualTo(NOW);
        assertThat(batch.headerRow()).isEqualTo(TestLedger.HEADER_ROW);
        assertThat(batch.totalRows()).isEqualTo(68);
        assertThat(batch.created()).isEqualTo(55);
        assertThat(batch.rejected()).isEqualTo(13);
        assertThat(batch.errorsJson()).contains("\"row\":" + ledger.unknownCategoryRow)
                .contains("\"reasonKey\":\"category.unknown\"").contains("作业类别“潜水员”无法识别");
        List<AuditEntry> batchAudit = audit.forSubject(tenant, "roster_import", String.valueOf(result.batchId()));
        assertThat(batchAudit).extracting(AuditEntry::action).containsExactly("roster.import");
        assertThat(batchAudit.getFirst().afterState()).contains("\"created\":55").contains("\"rejected\":13");
        assertThat(audit.recent(tenant, 100)).filteredOn(e -> e.action().equals("roster.certificate.create"))
                .hasSize(55);
    }

    private void assertStoredAsExpected(long tenant, TestLedger ledger) {
        CertificateStateEvaluator evaluator = new CertificateStateEvaluator(POLICY);
        for (TestLedger.Expected expected : ledger.valid) {
            Person person = store.findPersonByIdNumber(tenant, expected.idNumber()).orElseThrow(
                    () -> new AssertionError("row " + expected.rowNumber() + " was not stored"));
            Certificate certificate = store.certificatesOf(tenant, person.id()).getFirst();
            assertThat(person.name()).as("row %d name", expected.rowNumber()).isEqualTo(expected.name());
            assertThat(person.gender()).as("row %d gender", expected.rowNumber()).isEqualTo(expected.gender());
            assertThat(person.orgUnit()).as("row %d org unit", expected.rowNumber()).isEqualTo(expected.orgUnit());
            assertThat(certificate.certNumber()).as("row %d cert", expected.rowNumber()).isEqualTo(expected.certNumber());
            assertThat(certificate.category()).as("row %d category", expected.rowNumber()).isEqualTo(expected.category());
            assertThat(certificate.item()).as("row %d item", expected.rowNumber()).isEqualTo(expected.item());
            assertThat(certificate.validFrom()).as("row %d from", expected.rowNumber()).isEqualTo(expected.validFrom());
            assertThat(certificate.validUntil()).as("row %d until", expected.rowNumber()).isEqualTo(expected.validUntil());
            assertThat(certificate.validUntilPrecision()).as("row %d precision", expected.rowNumber())
                    .isEqualTo(expected.validUntilPrecision());
            assertThat(certificate.reviewDueOn()).as("row %d due", expected.rowNumber()).isEqualTo(expected.reviewDueOn());
            assertThat(certificate.reviewDoneOn()).as("row %d done", expected.rowNumber())
                    .isEqualTo(expected.reviewDoneOn());
            assertThat(certificate.issuer()).as("row %d issuer", expected.rowNumber()).isEqualTo("南通市应急管理局");
            assertThat(certificate.state()).as("row %d state", expected.rowNumber()).isEqualTo(evaluator.evaluate(
                    expected.validUntil(), expected.reviewDueOn(), expected.reviewDoneOn(), null, NOW, SHANGHAI));
        }
        assertThat(stateOf(tenant, "周过期")).isEqualTo(CertificateState.EXPIRED);
        assertThat(stateOf(tenant, "郑逾期")).isEqualTo(CertificateState.REVIEW_OVERDUE);
        assertThat(stateOf(tenant, "赵临近")).isEqualTo(CertificateState.REVIEW_DUE_SOON);
        assertThat(stateOf(tenant, "王有效")).isEqualTo(CertificateState.VALID);
        assertThat(stateOf(tenant, "测试甲")).isEqualTo(CertificateState.VALID);
        Certificate monthOnly = certificateOf(tenant, "测试甲");
        assertThat(monthOnly.validUntilPrecision()).isEqualTo(DatePrecision.MONTH);
    }

    private CertificateState stateOf(long tenant, String name) {
        return certificateOf(tenant, name).state();
    }

    private Certificate certificateOf(long tenant, String name) {
        Person person = store.persons(tenant).stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
        return store.certificatesOf(tenant, person.id()).getFirst();
    }

    /** Returns the stored persons and certificates of a tenant without ids, keyed by ID number. */
    private Map<String, String> comparable(long tenant) {
        return store.persons(tenant).stream().collect(Collectors.toMap(Person::idNumber, person -> {
            Certificate c = store.certificatesOf(tenant, person.id()).getFirst();
            return String.join("|", person.name(), String.valueOf(person.gender()), String.valueOf(person.orgUnit()),
                    String.valueOf(person.position()), c.certNumber(), c.category(), c.item(),
                    String.valueOf(c.firstIssuedOn()), String.valueOf(c.firstIssuedPrecision()),
                    String.valueOf(c.validFrom()), String.valueOf(c.validUntil()), c.validUntilPrecision().name(),
                    String.valueOf(c.reviewDueOn()), String.valueOf(c.reviewDoneOn()), String.valueOf(c.issuer()),
                    c.state().name());
        }));
    }

    private static Map<Integer, List<String>> reasonKeysByRow(RosterImportResult result) {
        return result.errors().stream().collect(Collectors.groupingBy(RowError::rowNumber,
                java.util.LinkedHashMap::new, Collectors.mapping(RowError::reasonKey, Collectors.toList())));
    }
}
