package org.tezuo.core.qualification.health;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The measures of a tenant for one month, before they are written to files.
 *
 * @param zone the tenant's zone
 * @param asOf the last day of the month; every measure is taken at the end of that day in {@code zone}
 * @param scope which persons the coverage counts
 * @param rows the whole tenant first, then its companies, plants and workshops in tree order
 */
public record HealthReport(long tenantId, String tenantName, ZoneId zone, YearMonth month, LocalDate asOf,
        Scope scope, List<HealthRow> rows) {

    /** The persons whose coverage the report measures. */
    public enum Scope {
        /** Holders of a post that requires certificates, covered by a certificate of a required item. */
        POST_HOLDERS,
        /** Every holder of a certificate, covered by any valid certificate; used when no post declares items. */
        CERTIFICATE_HOLDERS
    }

    public HealthReport {
        rows = List.copyOf(rows);
    }
}
