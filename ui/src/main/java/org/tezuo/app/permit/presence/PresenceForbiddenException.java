package org.tezuo.app.permit.presence;

import org.tezuo.app.permit.site.PersonName;

/** A check-in or snapshot by a user whom the permit does not name as a worker, guardian or work leader. */
public class PresenceForbiddenException extends PresenceException {

    PresenceForbiddenException(String permitNumber, PersonName user) {
        super("presence.notNamed", permitNumber, user);
    }
}
