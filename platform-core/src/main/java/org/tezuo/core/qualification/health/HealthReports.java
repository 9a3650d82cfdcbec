package org.tezuo.core.qualification.health;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.file.FileKind;
import org.tezuo.core.file.FileStore;
import org.tezuo.core.file.StoredFile;
import org.tezuo.core.i18n.UserMessages;
import org.tezuo.core.notification.Notice;
import org.tezuo.core.tenant.Tenant;
import org.tezuo.core.tenant.TenantDirectory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Generates, keeps and lists the monthly qualification-health reports. A tenant gets at most one report per month:
 * generating a month that already has one returns the stored report. A new report is written as PDF and xlsx into
 * the file store and announced with a {@link Notice} on topic {@code report.health} to every enabled user holding
 * one of {@code tezuo.health-report.recipient-roles} (default SAFETY_DIRECTOR and SYSTEM_ADMIN). The report's rows
 * are kept as JSON beside the files, so the screen shows the figures the files contain.
 */
@Component
public class HealthReports {

    /** Topic of the notice that announces a new report. */
    public static final String TOPIC = "report.health";
    /** App-relative path of the page listing the reports. */
    public static final String PAGE = "/health-reports";

    private static final Logger log = LoggerFactory.getLogger(HealthReports.class);

    private final HealthReportCalculator calculator;
    private final FileStore files;
    private final TenantDirectory tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;
    private final List<String> recipientRoles;
    private final HealthReportPdfWriter pdf = new HealthReportPdfWriter();
    private final HealthReportXlsxWriter xlsx = new HealthReportXlsxWriter();

    public HealthReports(HealthReportCalculator calculator, FileStore files, TenantDirectory tenants, JdbcClient jdbc,
            TransactionTemplate transaction, ApplicationEventPublisher events, Clock clock, JsonMapper json,
            @Value("${tezuo.health-report.recipient-roles:SAFETY_DIRECTOR,SYSTEM_ADMIN}") String recipientRoles) {
        this.calculator = calculator;
        this.files = files;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.recipientRoles = Arrays.stream(recipientRoles.split(",")).map(String::strip)
                .filter(role -> !role.isEmpty()).toList();
    }

    /** Returns the tenant's reports, newest month first. */
    public List<StoredHealthReport> list(long tenantId) {
        return jdbc.sql("select * from qualification_health_report where tenant_id = ? order by report_month desc")
                .param(tenantId)
                .query(HealthReports::map)
                .list();
    }

    /**
     * Parses a month written {@code yyyy-MM}.
     *
     * @throws HealthReportException naming the value when it is not a month
     */
    public static YearMonth parseMonth(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new HealthReportException("error.badMonth", text);
        }
    }

    /** Finds the tenant's report of {@code month}. */
    public Optional<StoredHealthReport> find(long tenantId, YearMonth month) {
        return jdbc.sql("select * from qualification_health_report where tenant_id = ? and report_month = ?")
                .params(tenantId, month.toString())
                .query(HealthReports::map)
                .optional();
    }

    /**
     * Returns the figures of the tenant's stored report of {@code month}, or empty when there is no report or it
     * was generated before the figures were kept.
     */
    public Optional<HealthReport> figures(long tenantId, YearMonth month) {
        Optional<String> stored = jdbc.sql("select figures from qualification_health_report "
                + "where tenant_id = ? and report_month = ?")
                .params(tenantId, month.toString())
                .query((rs, row) -> Optional.ofNullable(rs.getString("figures")))
                .optional()
                .flatMap(figures -> figures);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        StoredFigures figures = json.readValue(stored.get(), StoredFigures.class);
        Tenant tenant = tenants.require(tenantId);
        return Optional.of(new HealthReport(tenantId, tenant.name(), tenant.zone(), month, month.atEndOfMonth(),
                figures.scope(), figures.rows()));
    }

    /** The part of a report kept as JSON; the tenant and month come from the report's row. */
    private record StoredFigures(HealthReport.Scope scope, List<HealthRow> rows) {
    }

    /**
     * Returns the report of {@code month}, generating, storing and announcing it first when the tenant has none.
     * The report is written in the default locale (Simplified Chinese).
     *
     * @throws HealthReportException when {@code month} has not ended yet in the tenant's zone
     */
    public StoredHealthReport generate(long tenantId, YearMonth month, String actor) {
        Optional<StoredHealthReport> existing = find(tenantId, month);
        if (existing.isPresent()) {
            return existing.get();
        }
        Tenant tenant = tenants.require(tenantId);
        YearMonth current = YearMonth.now(clock.withZone(tenant.zone()));
        if (!month.isBefore(current)) {
            throw new HealthReportException("error.monthNotOver", month.toString(), tenant.zone().getId(),
                    current.toString());
        }

        HealthReport report = calculator.calculate(tenant, month);
        Locale locale = UserMessages.DEFAULT_LOCALE;
        String baseName = HealthReportColumns.text(locale, "report.fileName", month);
        StoredFile pdfFile = files.store(tenantId, actor, FileKind.DOCUMENT, baseName + ".pdf", "application/pdf",
                new ByteArrayInputStream(pdf.write(report, locale)));
        StoredFile xlsxFile = files.store(tenantId, actor, FileKind.DOCUMENT, baseName + ".xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                new ByteArrayInputStream(xlsx.write(report, locale)));

        try {
            StoredHealthReport stored = transaction.execute(status -> {
                jdbc.sql("""
                        insert into qualification_health_report (tenant_id, report_month, as_of, pdf_file_id,
                                                                 xlsx_file_id, generated_at, generated_by, figures)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                        .params(tenantId, month.toString(), Date.valueOf(report.asOf()), pdfFile.id(),
                                xlsxFile.id(), Timestamp.from(clock.instant()), actor,
                                json.writeValueAsString(new StoredFigures(report.scope(), report.rows())))
                        .update();
                announce(report, locale);
                return find(tenantId, month).orElseThrow();
            });
            log.info("Generated the qualification-health report {} of tenant {} ({} rows) for {}", month, tenantId,
                    report.rows().size(), actor);
            return stored;
        } catch (DuplicateKeyException e) {
            // NOTE: the two files of the run that lost the race stay in the file store unreferenced.
            log.info("The qualification-health report {} of tenant {} was generated concurrently; keeping the first",
                    month, tenantId);
            return find(tenantId, month).orElseThrow();
        }
    }

    private void announce(HealthReport report, Locale locale) {
        HealthMeasures whole = report.rows().getFirst().current();
        BigDecimal coverage = whole.coveragePercent();
        String subject = HealthReportColumns.text(locale, "notice.subject", report.month());
        String bodyKey = report.scope() == HealthReport.Scope.POST_HOLDERS ? "notice.body.posts" : "notice.body";
        String body = HealthReportColumns.text(locale, bodyKey, report.month(), whole.personsInScope(),
                coverage == null ? "—" : coverage.toPlainString(), whole.overdueCertificates(),
                whole.dueWithin30Days(), whole.frozenPersons());
        for (String recipient : recipients(report.tenantId())) {
            events.publishEvent(new Notice(report.tenantId(), recipient, TOPIC, subject, body, PAGE));
        }
    }

    private List<String> recipients(long tenantId) {
        record User(String username, List<String> roles) {
        }
        return jdbc.sql("select username, roles from app_user where tenant_id = ? and enabled = true order by username")
                .param(tenantId)
                .query((rs, row) -> new User(rs.getString("username"),
                        Arrays.stream(rs.getString("roles").split(",")).map(String::strip).toList()))
                .list()
                .stream()
                .filter(user -> user.roles().stream().anyMatch(recipientRoles::contains))
                .map(User::username)
                .toList();
    }

    private static StoredHealthReport map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredHealthReport(rs.getLong("id"), rs.getLong("tenant_id"),
                YearMonth.parse(rs.getString("report_month")), rs.getDate("as_of").toLocalDate(),
                rs.getString("pdf_file_id"), rs.getString("xlsx_file_id"),
                rs.getTimestamp("generated_at").toInstant(), rs.getString("generated_by"));
    }
}
