package org.tezuo.core.qualification.warning;

import java.time.Instant;

/**
 * Summary of one warning pass over a tenant.
 *
 * @param stateChanges certificates whose state the pass re-computed to a new value (for example expired at midnight)
 * @param todosEscalated to-dos left unconfirmed past their rule's escalation time and escalated by this pass
 * @param doorAccessFailures door-access calls that failed and will be retried by the next pass
 */
public record WarningPassReport(long tenantId, Instant ranAt, int certificatesChecked, int stateChanges,
        int noticesRaised, int todosRaised, int todosEscalated, int personsFrozen, int personsUnfrozen,
        int doorAccessFailures) {
}
