package org.tezuo.app.permit.site;

/** A step the user may not take on this permit; the message names who may. */
public final class SiteForbiddenException extends SiteActionException {

    SiteForbiddenException(String permitNumber, SiteAction action, SiteText allowedPeople, PersonName user) {
        super("site.forbidden", permitNumber, action, allowedPeople, user);
    }
}
