package org.tezuo.core.connector.dooraccess;

import org.tezuo.core.connector.ConnectorException;

/** Thrown when the door-access system could not be reached, timed out or did not confirm a change. */
public final class DoorAccessFailedException extends ConnectorException {

    public DoorAccessFailedException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }

    public DoorAccessFailedException(Throwable cause, String messageKey, Object... arguments) {
        super(cause, messageKey, arguments);
    }
}
