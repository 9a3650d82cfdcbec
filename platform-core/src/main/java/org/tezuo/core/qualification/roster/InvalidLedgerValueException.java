package org.tezuo.core.qualification.roster;

/**
 * Thrown by the value normalisers when one cell cannot be read unambiguously. The message states the value,
 * why it was rejected and how to fix it; the importer adds the row and column.
 */
public final class InvalidLedgerValueException extends RosterLocalizedException {

    public InvalidLedgerValueException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
