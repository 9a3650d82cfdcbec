package org.tezuo.core.qualification.roster;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tezuo.core.audit.AuditLog;
import org.tezuo.core.qualification.CertificateStateEvaluator;
import org.tezuo.core.qualification.LifecyclePolicy;

/**
 * Imports a certified-worker ledger (持证台账) as enterprises send it: xlsx or UTF-8 csv, title rows above a header
 * found by its column names, one certificate per row. Valid rows are created or updated, never duplicated (key:
 * ID number and certificate number); a row with any error writes nothing and is reported with its row number,
 * column and reason. The whole file is read and checked before the write transaction starts.
 */
@Component
public class RosterImporter {

    static final String ACTION_IMPORT = "roster.import";

    private static final Logger log = LoggerFactory.getLogger(RosterImporter.class);
    private static final int MAX_FILE_NAME_LENGTH = 255;

    private final RosterWriter writer;
    private final RosterImportStore batches;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final long maxFileBytes;
    private final int maxDataRows;
    private final long maxUnzippedBytes;

    /**
     * @param maxFileBytes largest accepted file, 10 MiB unless {@code tezuo.roster.max-file-bytes} sets another value
     * @param maxDataRows most data rows per file, 20,000 unless {@code tezuo.roster.max-data-rows} sets another value
     * @param maxUnzippedBytes most bytes the entries of an xlsx file may unpack to, 100 MiB unless
     *     {@code tezuo.roster.max-unzipped-bytes} sets another value; 20,000 rows of a ledger unpack to far less
     */
    public RosterImporter(RosterWriter writer, RosterImportStore batches, AuditLog audit,
            PlatformTransactionManager transactionManager, Clock clock,
            @Value("${tezuo.roster.max-file-bytes:10485760}") long maxFileBytes,
            @Value("${tezuo.roster.max-data-rows:20000}") int maxDataRows,
            @Value("${tezuo.roster.max-unzipped-bytes:104857600}") long maxUnzippedBytes) {
        this.writer = writer;
        this.batches = batches;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.maxFileBytes = maxFileBytes;
        this.maxDataRows = maxDataRows;
        this.maxUnzippedBytes = maxUnzippedBytes;
    }

    /**
     * Imports one ledger file and records the batch in {@code roster_import}.
     *
     * @param fileName the uploaded file's name, stored and quoted in messages; the type is read from the content
     * @param policy lifecycle values for the certificate states
     * @param zone the tenant's zone, in which "today" and validity ends are read
     * @param actor user name recorded on the batch and the audit records
     * @throws RosterImportException when the file as a whole cannot be read: unsupported type, too large (also when
     *     unpacked), too many rows, not UTF-8, no header row or a required column missing. Nothing is saved then.
     */
    public RosterImportResult importLedger(long tenantId, String fileName, InputStream content, LedgerProfile profile,
            LifecyclePolicy policy, ZoneId zone, String actor) {
        String storedName = fileName.length() > MAX_FILE_NAME_LENGTH
                ? fileName.substring(fileName.length() - MAX_FILE_NAME_LENGTH) : fileName;
        byte[] bytes = readLimited(content, fileName);
        LedgerFileType fileType = LedgerFileType.sniff(bytes, fileName);
        int maxRows = maxDataRows + LedgerHeader.SEARCH_ROWS;
        List<LedgerRow> rows = fileType == LedgerFileType.XLSX ? XlsxLedgerReader.read(bytes, fileName, maxRows,
                maxUnzippedBytes)
                : CsvLedgerReader.read(bytes, fileName, maxRows);

        LedgerHeader header = LedgerHeader.detect(rows, profile, fileName);
        List<LedgerRow> dataRows = rows.stream().filter(row -> row.rowNumber() > header.rowNumber()).toList();
        if (dataRows.isEmpty()) {
            throw new RosterImportException("file.noDataRows", fileName, String.valueOf(header.rowNumber()));
        }
        if (dataRows.size() > maxDataRows) {
            throw new RosterImportException("file.tooManyRows", fileName, String.valueOf(maxDataRows));
        }
        log.debug("Roster import for tenant {}: {} file, header at row {}, {} data rows", tenantId, fileType,
                header.rowNumber(), dataRows.size());

        Instant now = clock.instant();
        List<RowValidation> validated = validate(dataRows, profile, header, now.atZone(zone).toLocalDate());
        RosterWriter.Context context = new RosterWriter.Context(tenantId, 0, actor,
                new CertificateStateEvaluator(policy), now, zone);
        RosterImportResult result = transactions.execute(status -> write(validated, context, storedName, fileType,
                header));
        log.info("Roster import {} for tenant {}: {} created, {} updated, {} unchanged, {} rejected",
                result.batchId(), tenantId, result.created(), result.updated(), result.unchanged(), result.rejected());
        return result;
    }

    private static List<RowValidation> validate(List<LedgerRow> dataRows, LedgerProfile profile,
            LedgerHeader header, LocalDate today) {
        LedgerRowValidator validator = new LedgerRowValidator(profile, header, today);
        List<RowValidation> validated = dataRows.stream().map(validator::validate).toList();
        return DuplicateRowCheck.rejectDuplicates(validated, header);
    }

    private RosterImportResult write(List<RowValidation> validated, RosterWriter.Context template, String fileName,
            LedgerFileType fileType, LedgerHeader header) {
        long batchId = batches.start(template.tenantId(), fileName, fileType, template.actor(), template.now(),
                header.rowNumber());
        RosterWriter.Context context = new RosterWriter.Context(template.tenantId(), batchId, template.actor(),
                template.evaluator(), template.now(), template.zone());

        List<RowOutcome> outcomes = new ArrayList<>(validated.size());
        for (RowValidation row : validated) {
            outcomes.add(switch (row) {
                case RowValidation.Accepted accepted -> writer.write(accepted.entry(), context);
                case RowValidation.Rejected rejected -> new RowOutcome(rejected.rowNumber(), RowStatus.REJECTED, null,
                        rejected.errors());
            });
        }
        RosterImportResult result = new RosterImportResult(batchId, fileName, fileType, header.rowNumber(), outcomes);

        batches.complete(result);
        audit.append(context.tenantId(), context.actor(), ACTION_IMPORT, "roster_import", String.valueOf(batchId),
                null, new BatchSummary(fileName, fileType, result.rows().size(), result.created(), result.updated(),
                        result.unchanged(), result.rejected()));
        return result;
    }

    private byte[] readLimited(InputStream content, String fileName) {
        try {
            byte[] bytes = content.readNBytes(Math.toIntExact(maxFileBytes + 1));
            if (bytes.length > maxFileBytes) {
                String limitMebibytes = BigDecimal.valueOf(maxFileBytes)
                        .divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP)
                        .stripTrailingZeros().toPlainString();
                throw new RosterImportException("file.tooLarge", fileName, limitMebibytes);
            }
            return bytes;
        } catch (IOException e) {
            log.warn("Reading an uploaded roster file failed", e);
            throw new RosterImportException("file.unreadable", fileName);
        }
    }

    /** The audit record of one import batch. */
    record BatchSummary(String fileName, LedgerFileType fileType, int rows, long created, long updated,
            long unchanged, long rejected) {
    }
}
