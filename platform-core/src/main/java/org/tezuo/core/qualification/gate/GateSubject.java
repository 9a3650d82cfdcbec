package org.tezuo.core.qualification.gate;

/**
 * A person a permit names and the gate checks.
 *
 * @param role how the permit names the person, for messages: 申请人 / 作业人员
 * @param name the name written on the permit
 * @param idNumber the 18-character ID number that identifies the person in the ledger
 */
public record GateSubject(String role, String name, String idNumber) {
}
