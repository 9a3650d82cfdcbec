package org.tezuo.app.permit.presence;

/** A check-in or snapshot that the permit's state, or the person's own check-in state, does not allow now. */
public class PresenceStateException extends PresenceException {

    PresenceStateException(String messageKey, Object... arguments) {
        super(messageKey, arguments);
    }
}
