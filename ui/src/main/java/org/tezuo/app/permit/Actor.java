package org.tezuo.app.permit;

import java.util.Locale;

/** The performer of a permit operation: the signed-in user's tenant and user name, and the locale of replies. */
public record Actor(long tenantId, String username, Locale locale) {
}
