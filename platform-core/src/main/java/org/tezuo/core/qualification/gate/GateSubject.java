package org.tezuo.core.qualification.gate;

import org.jspecify.annotations.Nullable;

/**
 * A person a permit names and the gate checks.
 *
 * @param role how the permit names the person, for messages: 申请人 / 作业人员
 * @param name the name written on the permit
 * @param idNumber the 18-character ID number that identifies the person in the ledger
 * @param certNumber the certificate number written on the permit for this person, or null when none is written
 */
public record GateSubject(String role, String name, String idNumber, @Nullable String certNumber) {

    /** Returns a subject named without a certificate number, such as the applicant. */
    public static GateSubject withoutCertificate(String role, String name, String idNumber) {
        return new GateSubject(role, name, idNumber, null);
    }
}
