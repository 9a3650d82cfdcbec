package org.tezuo.core.qualification.verification;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Reads the report of a verification run for pages and the API: the certificates it changed, with the values before
 * and after, and the fields on which ledger and registry disagree. The store masks ID numbers inside certificate
 * numbers and field values.
 */
@Component
public class RunReportReader {

    /** Largest page a caller may request. */
    public static final int MAX_PAGE_SIZE = 500;

    private final VerificationRunStore runs;

    public RunReportReader(VerificationRunStore runs) {
        this.runs = runs;
    }

    /**
     * Returns a page of the certificates the run changed, in certificate id order.
     *
     * @throws VerificationRunNotFoundException when the tenant has no such run
     */
    public List<VerificationRun.CertificateChange> changes(long tenantId, long runId, int limit, int offset) {
        requireRun(tenantId, runId);
        return runs.changes(tenantId, runId, pageSize(limit), Math.max(offset, 0));
    }

    /**
     * Returns a page of the run's mismatches between ledger and registry, in certificate id order.
     *
     * @throws VerificationRunNotFoundException when the tenant has no such run
     */
    public List<RunMismatch> mismatches(long tenantId, long runId, int limit, int offset) {
        requireRun(tenantId, runId);
        return runs.mismatches(tenantId, runId, pageSize(limit), Math.max(offset, 0));
    }

    private void requireRun(long tenantId, long runId) {
        if (runs.find(tenantId, runId).isEmpty()) {
            throw new VerificationRunNotFoundException(runId);
        }
    }

    private static int pageSize(int limit) {
        return Math.clamp(limit, 1, MAX_PAGE_SIZE);
    }
}
