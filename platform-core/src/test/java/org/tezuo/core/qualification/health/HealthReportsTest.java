package org.tezuo.core.qualification.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.notification.InboxNotice;
import org.tezuo.core.notification.NoticeInbox;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;

@SpringBootTest(properties = {"tezuo.files.dir=target/test-files", "tezuo.health-report.check-interval=0",
        "tezuo.notification.poll-interval=0"})
class HealthReportsTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    @Autowired
    HealthReports reports;

    @Autowired
    HealthReportCalculator calculator;

    @Autowired
    TenantDirectory tenants;

    @Autowired
    FileStore files;

    @Autowired
    NoticeInbox inbox;

    @Autowired
    JdbcClient jdbc;

    private Tenant tenant;
    private long workshopOne;
    private long workshopTwo;
    private String director;

    /**
     * 公司 → 一厂 → 一车间 (with 焊接班 below it) and 二车间. Three persons: 张伟 in 焊接班, 李强 in 二车间 and 王芳
     * whose unit text names no unit.
     */
    @BeforeEach
    void createTenant() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        tenant = tenants.create("health-" + suffix, "健康月报测试", null, SHANGHAI);
        long company = unit("HQ", "测试公司", "company", null);
        long plant = unit("P1", "一厂", "plant", company);
        workshopOne = unit("W1", "一车间", "workshop", plant);
        long team = unit("T1", "焊接班", "team", workshopOne);
        workshopTwo = unit("W2", "二车间", "workshop", plant);
        assertThat(team).isPositive();

        long zhang = person("张伟", "110105199003071234", "焊接班");
        long li = person("李强", "110105198507151236", "二车间");
        long wang = person("王芳", "110105199212121240", "外包队");
        // 张伟: one valid certificate, review due 2026-12-20 (within 30 days of 2026-11-30), reviewed on time in
        // 2026-02 for the due date 2026-03-01.
        certificate(zhang, "A1", LocalDate.of(2029, 3, 1), LocalDate.of(2026, 12, 20), null);
        certificate(zhang, "A2", LocalDate.of(2030, 3, 1), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 2, 10));
        // 李强: expired on 2026-11-15, frozen since 2026-11-20 08:00 in Shanghai.
        long expired = certificate(li, "B1", LocalDate.of(2026, 11, 15), null, null);
        freeze(li, expired, Instant.parse("2026-11-20T00:00:00Z"));
        // 王芳: valid until 2027-02-10 (within 90 days), review done late for the due date 2026-06-01.
        certificate(wang, "C1", LocalDate.of(2027, 2, 10), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 20));

        director = "director-" + suffix;
        jdbc.sql("insert into app_user (tenant_id, username, password_hash, display_name, roles) "
                + "values (?, ?, 'x', '安全总监', 'SAFETY_DIRECTOR')").params(tenant.id(), director).update();
    }

    @Test
    void enterpriseRowCountsEveryone() {
        HealthReport report = calculator.calculate(tenant, NOVEMBER);

        HealthRow whole = report.rows().getFirst();
        assertThat(whole.level()).isEqualTo("enterprise");
        assertThat(whole.current().personsInScope()).isEqualTo(3);
        assertThat(whole.current().personsCovered()).isEqualTo(2);
        assertThat(whole.current().coveragePercent()).isEqualByComparingTo("66.7");
        assertThat(whole.current().overdueCertificates()).isEqualTo(1);
        assertThat(whole.current().dueWithin30Days()).isEqualTo(1);
        assertThat(whole.current().dueWithin90Days()).isEqualTo(2);
        assertThat(whole.current().reviewsDue12Months()).isEqualTo(2);
        assertThat(whole.current().reviewsOnTime12Months()).isEqualTo(1);
        assertThat(whole.current().frozenPersons()).isEqualTo(1);
        assertThat(whole.current().averageDaysFrozen()).as("whole days from 11-20 08:00 to 12-01 00:00")
                .isEqualByComparingTo("10.0");
    }

    @Test
    void previousMonthGivesChange() {
        HealthReport report = calculator.calculate(tenant, NOVEMBER);

        HealthRow whole = report.rows().getFirst();
        assertThat(whole.previous().overdueCertificates()).isZero();
        assertThat(whole.previous().coveragePercent()).isEqualByComparingTo("100.0");
        assertThat(whole.previous().frozenPersons()).isZero();
        assertThat(HealthRow.change(whole.current().coveragePercent(), whole.previous().coveragePercent()))
                .isEqualByComparingTo("-33.3");
    }

    @Test
    void workshopsCountTheirOwnPersons() {
        HealthReport report = calculator.calculate(tenant, NOVEMBER);

        assertThat(report.rows()).extracting(HealthRow::name)
                .containsExactly("健康月报测试", "测试公司", "一厂", "一车间", "二车间");
        assertThat(report.rows()).extracting(HealthRow::depth).containsExactly(0, 1, 2, 3, 3);
        HealthRow one = row(report, workshopOne);
        HealthRow two = row(report, workshopTwo);
        assertThat(one.current().personsInScope()).isEqualTo(1);
        assertThat(one.current().dueWithin30Days()).isEqualTo(1);
        assertThat(one.current().onTimeReviewPercent()).isEqualByComparingTo("100.0");
        assertThat(two.current().overdueCertificates()).isEqualTo(1);
        assertThat(two.current().frozenPersons()).isEqualTo(1);
        assertThat(two.current().onTimeReviewPercent()).isNull();
        assertThat(row(report, report.rows().get(2).orgUnitId()).current().personsInScope())
                .as("the plant holds both workshops but not the unassigned person").isEqualTo(2);
    }

    @Test
    void pdfRendersChineseWithBundledFont() throws Exception {
        byte[] pdf = new HealthReportPdfWriter().write(calculator.calculate(tenant, NOVEMBER),
                Locale.SIMPLIFIED_CHINESE);

        PdfReader reader = new PdfReader(pdf);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        PdfDictionary font = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        PdfDictionary type0 = font.getAsDict(font.getKeys().iterator().next());
        PdfDictionary descendant = type0.getAsArray(PdfName.DESCENDANTFONTS).getAsDict(0);
        PdfDictionary descriptor = descendant.getAsDict(PdfName.FONTDESCRIPTOR);
        assertThat(text).contains("健康月报测试 资质健康月报（2026-11）").contains("二车间")
                .contains("统计截至 2026-11-30 24:00（Asia/Shanghai）").contains("人员范围：持有至少一本特种作业操作证的人员")
                .contains("全企业合计 合计 3 66.7% -33.3 1 +1 1 2 50.0% 0.0 1 +1 10.0");
        assertThat(type0.getAsName(PdfName.BASEFONT).toString()).contains("NotoSansCJKsc");
        assertThat(descriptor.get(PdfName.FONTFILE2)).as("TrueType outlines embedded from the jar").isNotNull();
        assertThat(descriptor.get(PdfName.FONTFILE3)).as("no CFF outlines").isNull();
        assertThat(HealthReportPdfWriter.class.getResource(HealthReportPdfWriter.FONT_RESOURCE)).isNotNull();
        assertThat(HealthReportPdfWriter.class.getResource(
                "/org/tezuo/core/qualification/health/fonts/LICENSE-OFL.txt")).isNotNull();
    }

    @Test
    @DisplayName("xlsx counts are whole numbers and rates are percentages")
    void xlsxHoldsNumericMeasures() throws Exception {
        byte[] xlsx = new HealthReportXlsxWriter().write(calculator.calculate(tenant, NOVEMBER),
                Locale.SIMPLIFIED_CHINESE);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("2026-11");
            Row header = sheet.getRow(5);
            Row total = sheet.getRow(6);
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("持证作业人员");
            assertThat(header.getCell(3).getStringCellValue()).isEqualTo("有效持证覆盖率");
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("全企业合计");
            assertThat(total.getCell(1).getStringCellValue()).isEqualTo("合计");
            assertNumber(total.getCell(2), 3, "0");
            assertNumber(total.getCell(3), 0.667, "0.0%");
            assertNumber(total.getCell(4), -33.3, "+0.0;-0.0;0.0");
            assertNumber(total.getCell(5), 1, "0");
            assertNumber(total.getCell(6), 1, "+0;-0;0");
            assertNumber(total.getCell(9), 0.5, "0.0%");
            assertNumber(total.getCell(13), 10, "0.0");
            assertThat(new DataFormatter(Locale.ROOT).formatCellValue(total.getCell(3))).isEqualTo("66.7%");
            assertThat(new DataFormatter(Locale.ROOT).formatCellValue(total.getCell(6))).isEqualTo("+1");
            assertThat(workbook.getFontAt(total.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
        }
    }

    @Test
    @DisplayName("xlsx shows the hierarchy by level and indentation")
    void xlsxIndentsUnitsByDepth() throws Exception {
        byte[] xlsx = new HealthReportXlsxWriter().write(calculator.calculate(tenant, NOVEMBER),
                Locale.SIMPLIFIED_CHINESE);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheet("2026-11");
            List<String> units = new ArrayList<>();
            List<String> levels = new ArrayList<>();
            List<Short> indents = new ArrayList<>();
            for (int i = 6; i <= 10; i++) {
                units.add(sheet.getRow(i).getCell(0).getStringCellValue());
                levels.add(sheet.getRow(i).getCell(1).getStringCellValue());
                indents.add(sheet.getRow(i).getCell(0).getCellStyle().getIndention());
            }
            assertThat(units).containsExactly("全企业合计", "测试公司", "一厂", "一车间", "二车间");
            assertThat(levels).containsExactly("合计", "公司", "厂区", "车间", "车间");
            assertThat(indents).containsExactly((short) 0, (short) 0, (short) 1, (short) 2, (short) 2);
            assertThat(sheet.getRow(10).getCell(9).getCellType()).as("no review due in 二车间")
                    .isEqualTo(CellType.BLANK);
            assertThat(sheet.getRow(11)).isNull();
        }
    }

    private static void assertNumber(Cell cell, double value, String format) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isCloseTo(value, within(1e-9));
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(format);
    }

    @Test
    @DisplayName("Stored report keeps the figures the files show")
    void generatedReportKeepsFigures() {
        reports.generate(tenant.id(), NOVEMBER, "admin");

        HealthReport figures = reports.figures(tenant.id(), NOVEMBER).orElseThrow();
        assertThat(figures.rows()).isEqualTo(calculator.calculate(tenant, NOVEMBER).rows());
        assertThat(figures.scope()).isEqualTo(HealthReport.Scope.CERTIFICATE_HOLDERS);
        assertThat(figures.tenantName()).isEqualTo("健康月报测试");
        assertThat(reports.figures(tenant.id(), NOVEMBER.minusMonths(1))).isEmpty();
    }

    @Test
    void generateStoresFilesOnceAndNotifies() throws Exception {
        StoredHealthReport first = reports.generate(tenant.id(), NOVEMBER, "admin");
        StoredHealthReport second = reports.generate(tenant.id(), NOVEMBER, "admin");

        assertThat(second.id()).isEqualTo(first.id());
        assertThat(reports.list(tenant.id())).hasSize(1);
        try (InputStream pdf = files.open(files.find(tenant.id(), first.pdfFileId()).orElseThrow())) {
            assertThat(new String(pdf.readNBytes(5))).isEqualTo("%PDF-");
        }
        assertThat(files.find(tenant.id(), first.xlsxFileId()).orElseThrow().originalName())
                .isEqualTo("资质健康月报-2026-11.xlsx");
        List<InboxNotice> notices = inbox.list(tenant.id(), director, false);
        assertThat(notices).hasSize(1);
        assertThat(notices.getFirst().topic()).isEqualTo("report.health");
        assertThat(notices.getFirst().link()).isEqualTo("/health-reports");
        assertThat(notices.getFirst().body()).contains("持证作业人员 3 人，有效持证覆盖率 66.7%");
    }

    @Test
    void schedulerWaitsForConfiguredDay() {
        // 2026-12-04 23:30 in Shanghai is still before the 5th there; 2026-12-05 00:30 is on it.
        HealthReportScheduler beforeDay = scheduler(Instant.parse("2026-12-04T15:30:00Z"), 5);
        HealthReportScheduler onDay = scheduler(Instant.parse("2026-12-04T16:30:00Z"), 5);

        assertThat(beforeDay.runDue(tenant)).isEmpty();
        assertThat(onDay.runDue(tenant)).contains(NOVEMBER);
        assertThat(onDay.runDue(tenant)).as("one report per month").isEmpty();
        assertThat(reports.find(tenant.id(), NOVEMBER)).isPresent();
    }

    @Test
    void currentMonthIsRejected() {
        YearMonth current = YearMonth.now(SHANGHAI);

        assertThatThrownBy(() -> reports.generate(tenant.id(), current, "admin"))
                .isInstanceOfSatisfying(HealthReportException.class, e -> assertThat(e.message(Locale.SIMPLIFIED_CHINESE))
                        .isEqualTo(current + " 尚未结束（本企业时区 Asia/Shanghai 的当前月份是 " + current
                                + "），无法生成该月月报；请选择 " + current + " 之前的月份"));
        assertThat(reports.list(tenant.id())).isEmpty();
    }

    @Test
    void malformedMonthNamesFormat() {
        assertThatThrownBy(() -> HealthReports.parseMonth("2026/11"))
                .isInstanceOfSatisfying(HealthReportException.class, e -> assertThat(e.message(Locale.ENGLISH))
                        .isEqualTo("The month \"2026/11\" is invalid; write it as yyyy-MM, for example 2026-11"));
    }

    private HealthReportScheduler scheduler(Instant now, int dayOfMonth) {
        return new HealthReportScheduler(reports, tenants, Clock.fixed(now, SHANGHAI), dayOfMonth, Duration.ZERO);
    }

    private static HealthRow row(HealthReport report, @Nullable Long unitId) {
        return report.rows().stream().filter(row -> unitId != null && unitId.equals(row.orgUnitId())).findFirst()
                .orElseThrow();
    }

    private long unit(String code, String name, String kind, @Nullable Long parent) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (tenant_id, parent_id, code, name, kind) values (?, ?, ?, ?, ?)")
                .params(tenant.id(), parent, code, name, kind).update(keys, "id");
        return keys.getKey().longValue();
    }

    private long person(String name, String idNumber, String orgUnit) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into person (tenant_id, name, id_number, org_unit, created_at, updated_at) "
                + "values (?, ?, ?, ?, now(), now())").params(tenant.id(), name, idNumber, orgUnit)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    private long certificate(long personId, String number, LocalDate validUntil, @Nullable LocalDate reviewDue,
            @Nullable LocalDate reviewDone) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into certificate (tenant_id, person_id, cert_number, category, item, valid_until,
                                         valid_until_precision, review_due_on, review_done_on, state, created_at,
                                         updated_at)
                values (?, ?, ?, '焊接与热切割作业', '熔化焊接与热切割作业', ?, 'DAY', ?, ?, 'VALID', now(), now())""")
                .params(tenant.id(), personId, number, validUntil, reviewDue, reviewDone).update(keys, "id");
        return keys.getKey().longValue();
    }

    private void freeze(long personId, long certificateId, Instant frozenAt) {
        jdbc.sql("insert into certificate_freeze (tenant_id, person_id, certificate_id, reason, frozen_at) "
                + "values (?, ?, ?, '证书已过期', ?)")
                .params(tenant.id(), personId, certificateId, java.sql.Timestamp.from(frozenAt)).update();
    }
}
