package org.tezuo.app.permit.presence;

/** A check-in or snapshot by a user whom the permit does not name as a worker, guardian or work leader. */
public class PresenceForbiddenException extends PresenceException {

    PresenceForbiddenException(String permitNumber, String username) {
        super("presence.notNamed", permitNumber, username);
    }
}
