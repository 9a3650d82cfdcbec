package org.tezuo.core.audit;

import java.util.List;

/**
 * The result of checking one tenant's audit chain.
 *
 * @param tenantId the tenant
 * @param checked how many chained records were checked
 * @param unchained how many records predate the chain and carry no hash
 * @param problems every break found, in chain order; empty when the chain is intact
 */
public record AuditChainReport(long tenantId, long checked, long unchained, List<AuditChainProblem> problems) {

    public AuditChainReport {
        problems = List.copyOf(problems);
    }

    /** Tells whether no record was edited, deleted or reordered. */
    public boolean intact() {
        return problems.isEmpty();
    }
}
