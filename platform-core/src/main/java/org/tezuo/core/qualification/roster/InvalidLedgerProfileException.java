package org.tezuo.core.qualification.roster;

/**
 * Thrown when an entity document cannot serve as a ledger profile, for example because a field the certificate
 * store needs is missing or a value synonym points to a value the field does not accept.
 */
public final class InvalidLedgerProfileException extends RosterLocalizedException {

    public InvalidLedgerProfileException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
