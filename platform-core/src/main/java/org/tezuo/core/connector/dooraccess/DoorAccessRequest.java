package org.tezuo.core.connector.dooraccess;

/**
 * One revoke or restore request for the door-access system.
 *
 * @param personReference how the door system identifies the person; Tezuo sends the resident ID number, which
 *     site access systems register cards against
 * @param personName the person's name, for the door system's operators
 * @param reason why access changes, in Chinese, for the door system's log
 */
public record DoorAccessRequest(String personReference, String personName, String reason) {

    @Override
    public String toString() {
        // The ID number is personal data and stays out of logs and exception texts.
        return "DoorAccessRequest[personName=" + personName + "]";
    }
}
