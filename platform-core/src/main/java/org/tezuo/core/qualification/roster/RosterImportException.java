package org.tezuo.core.qualification.roster;

/**
 * Thrown when a whole ledger file cannot be imported: unsupported type, too large, unreadable, no header row or
 * required columns missing. Nothing is saved. The arguments carry the file name and the offending value.
 */
public final class RosterImportException extends RosterLocalizedException {

    public RosterImportException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
