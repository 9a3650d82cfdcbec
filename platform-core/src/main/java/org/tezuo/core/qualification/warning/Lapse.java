package org.tezuo.core.qualification.warning;

import java.time.LocalDate;
import java.util.Set;
import org.tezuo.core.qualification.Certificate;
import org.tezuo.core.qualification.CertificateState;

/**
 * A certificate for which a freeze rule fired, with the due date it missed and the actions to take.
 *
 * @param state the certificate's state after the warning pass re-computed it
 * @param invalidInRegistry whether the registry itself shows the certificate as not in force
 * @param ruleId the freeze rule that fired
 */
record Lapse(Certificate certificate, CertificateState state, LocalDate dueDate, DueKind dueKind,
        boolean invalidInRegistry, Set<WarningAction> actions, String ruleId) {
}
