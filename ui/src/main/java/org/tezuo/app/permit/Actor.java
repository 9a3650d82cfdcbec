package org.tezuo.app.permit;

import java.util.Locale;

/** Who performs a permit operation: the signed-in user's tenant and user name, and the locale of the answer. */
public record Actor(long tenantId, String username, Locale locale) {
}
