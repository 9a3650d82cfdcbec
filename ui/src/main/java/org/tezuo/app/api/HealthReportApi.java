package org.tezuo.app.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tezuo.app.security.Role;
import org.tezuo.core.qualification.health.HealthReports;
import org.tezuo.core.qualification.health.StoredHealthReport;

/** The monthly qualification-health reports of the caller's tenant. */
@RestController
@RequestMapping("/api/health-reports")
@Tag(name = "health-reports", description = "资质健康月报")
class HealthReportApi {

    private static final Role[] READERS = {Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR, Role.SAFETY_ENGINEER};

    private final ApiCaller caller;
    private final HealthReports reports;

    HealthReportApi(ApiCaller caller, HealthReports reports) {
        this.caller = caller;
        this.reports = reports;
    }

    /**
     * A stored report with the download paths of its files.
     *
     * @param pdfUrl path of the PDF under {@code /api/files}
     * @param xlsxUrl path of the xlsx workbook under {@code /api/files}
     */
    record ReportView(String month, LocalDate asOf, String pdfUrl, String xlsxUrl, Instant generatedAt,
            String generatedBy) {

        static ReportView of(StoredHealthReport report) {
            return new ReportView(report.month().toString(), report.asOf(), "/api/files/" + report.pdfFileId(),
                    "/api/files/" + report.xlsxFileId(), report.generatedAt(), report.generatedBy());
        }
    }

    @GetMapping
    @Operation(summary = "已生成的资质健康月报，最新月份在前，含 PDF 与 Excel 下载地址")
    List<ReportView> list() {
        long tenantId = caller.requireAnyRole(READERS);
        return reports.list(tenantId).stream().map(ReportView::of).toList();
    }

    @PostMapping("/{month}")
    @Operation(summary = "生成指定月份（yyyy-MM，须已结束）的月报；该月已有月报时直接返回")
    ReportView generate(@PathVariable String month) {
        long tenantId = caller.requireAnyRole(Role.SYSTEM_ADMIN, Role.SAFETY_DIRECTOR);
        return ReportView.of(reports.generate(tenantId, HealthReports.parseMonth(month), caller.user().username()));
    }
}
