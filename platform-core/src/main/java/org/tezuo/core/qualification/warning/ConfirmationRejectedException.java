package org.tezuo.core.qualification.warning;

/** Thrown when a user may not confirm a to-do: not a to-do, not a recipient, or already confirmed another role. */
public final class ConfirmationRejectedException extends WarningException {

    public ConfirmationRejectedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
